/**
 * The roster sheet's formulas, written for row 2 (and shared down): how a row
 * is read (the same way the roster job reads it), checked, and looked up in
 * the decision table. Plain functions only (no BITOR, LET or dynamic arrays),
 * so that Excel 2010+, WPS, LibreOffice and Google Sheets all calculate them.
 */
import { SHORT_WARNINGS, WARNING_SEPARATOR } from '../sheet/warnings.js';

/** Where the formulas find what they need. */
export interface FormulaRefs {
  /** Column letter of each roster column, by header. */
  col: Record<string, string>;
  /** The last roster row. */
  last: number;
  /** Accepted category inputs and their masks (absolute ranges). */
  aliasNames: string;
  aliasMasks: string;
  /** The payment-date conditions, [from, to] cells. */
  condRefs: ReadonlyArray<{ from: string; to: string }>;
  /** The window day by day: 1 open, 0 closed (from the window's start). */
  openRange: string;
  /** Column `j` of the decision table (0: the key). */
  decCol: (j: number) => string;
  /** Policy parameters by name (征缴开始, 征缴截止, 待遇开始, 待遇结束, 待遇年度, 新生儿参保期限（月）). */
  params: Record<string, string>;
  /** Whether each accepted input is broader than the notice's name (1/0), beside aliasNames. */
  aliasBroader: string;
  stride: number;
  /** The bit values the category inputs can set (2^i over the policy's own index). */
  bitValues: readonly number[];
  /** The collection window: stated, stated as an inference, or not stated (quote: `open: null`). */
  window: 'stated' | 'inferred' | 'not-stated';
  /** A newborn window of stated months. */
  newborn: boolean;
  /** Late newborns refused ("逾期不予办理"). */
  newbornRefused: boolean;
  /** A newborn rule that states no period (quote warns when a birth date is given outside the window). */
  newbornDeferred: boolean;
}

/** Spaces a cell may carry around its text: ideographic, no-break, tab, line breaks (TRIM removes the ASCII ones). */
const trimmed = (ref: string) => `TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"\u3000"," "),"\u00a0"," "),CHAR(9)," "),CHAR(10)," "),CHAR(13)," "))`;
/** `s` with every digit removed. */
const withoutDigits = (s: string) => '0123456789'.split('').reduce((acc, d) => `SUBSTITUTE(${acc},"${d}","")`, s);

/** The error codes a row can show, with their Chinese names. */
export const ROW_ERRORS: Readonly<Record<string, string>> = {
  unknown_category: '类别无效',
  ambiguous_category: '类别名称有歧义',
  invalid_date: '日期无效',
  invalid_input: '出生日期晚于缴费日期',
};

/** The formula of every computed and helper column, by header, for row 2. */
export function rosterFormulas(x: FormulaRefs): Record<string, string> {
  const { col: L, last, aliasNames, aliasMasks, condRefs, openRange, decCol, params: P } = x;
  const r = 2; // formulas are written for row 2 and shared down to the last row
  const at = (name: string) => `${L[name]}${r}`;
  const live = `${at('有数据')}=1`;
  const F: Record<string, string> = {};
  F['有数据'] = `IF(AND(A${r}="",B${r}="",C${r}="",D${r}="",E${r}="",F${r}="",G${r}=""),0,1)`;
  (['1', '2', '3'] as const).forEach((k, i) => {
    const cell = `${'CDE'[i]}${r}`;
    const t = at(`类别${k}文字`);
    F[`类别${k}文字`] = `IF(${live},${trimmed(cell)},"")`;
    // An exact, case-sensitive match (MATCH alone ignores case and reads * ? ~ as wildcards).
    // -1: unknown; -2: a name whose members the notice treats differently.
    F[`掩码${k}`] = `IF(${t}="",0,IFERROR(IF(EXACT(INDEX(${aliasNames},MATCH(${t},${aliasNames},0)),${t}),INDEX(${aliasMasks},MATCH(${t},${aliasNames},0)),-1),-1))`;
  });
  F['名称较宽'] = `IF(${live},MAX(${(['1', '2', '3'] as const).map((k) => `IF(${at(`类别${k}文字`)}="",0,IFERROR(INDEX(${x.aliasBroader},MATCH(${at(`类别${k}文字`)},${aliasNames},0)),0))`).join(',')}),0)`;
  // The ID number, checked as the roster job checks it (GB 11643: 17 digits, check character, a birth date that exists).
  const id = at('身份证号文字');
  F['身份证号文字'] = `IF(${live},IF(ISNUMBER(B${r}),B${r}&"",${trimmed(`B${r}`)}),"")`;
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const idSum = W.map((w, i) => `MID(${id},${i + 1},1)*${w}`).join('+');
  const iy = `VALUE(MID(${id},7,4))`;
  const im = `VALUE(MID(${id},11,2))`;
  const idd = `VALUE(MID(${id},13,2))`;
  // Days in the month from 400 years later (the Gregorian calendar repeats; spreadsheets know no year before 1900).
  const idDate = `AND(${iy}>=1890,${im}>=1,${im}<=12,${idd}>=1,${idd}<=DAY(DATE(${iy}+400,${im}+1,0)))`;
  F['身份证号检查'] =
    `IF(NOT(${live}),"",IF(${id}="","missing",IFERROR(IF(NOT(AND(LEN(${id})=18,LEN(${withoutDigits(`LEFT(${id},17)`)})=0,ISNUMBER(FIND(RIGHT(${id},1),"0123456789Xx")))),"format",` +
    `IF(MID("10X98765432",MOD(${idSum},11)+1,1)<>UPPER(RIGHT(${id},1)),"check",IF(NOT(${idDate}),"date","ok"))),"format")))`;
  const idCheck = at('身份证号检查');
  F['身份证号出生日'] = `IF(${idCheck}="ok",IF(${iy}>=1900,IF(DATE(${iy},${im},${idd})>=61,DATE(${iy},${im},${idd}),""),""),"")`;
  // Valid IDs only, all 18 characters: a prefix match (the * keeps the text from being read as a number) is an exact one.
  F['身份证号重复'] =
    `IF(${idCheck}="ok",IF(COUNTIFS($${L['身份证号文字']}$2:$${L['身份证号文字']}$${last},${id}&"*",$${L['身份证号检查']}$2:$${L['身份证号检查']}$${last},"ok")>1,1,0),0)`;
  const dup = at('身份证号重复');
  F['身份证号问题'] =
    `IF(${dup}=1,"身份证号与其他行重复",IF(${idCheck}="missing","缺少身份证号",IF(${idCheck}="format","身份证号须为18位（17位数字加校验位）",IF(${idCheck}="check","身份证号校验位错误",IF(${idCheck}="date","身份证号中的出生日期不存在","")))))`;
  const masks = ['掩码1', '掩码2', '掩码3'].map(at);
  // Bitwise OR of three masks with MOD/INT only (no BITOR: older spreadsheet programs lack it), over the bits
  // the inputs can set; bit 0 (ordinary) dropped. The first bad input (in order) gives the row's error, as in quote.
  const orBits = x.bitValues.map((b) => `${b}*MAX(${masks.map((m) => `MOD(INT(${m}/${b}),2)`).join(',')})`).join('+') || '0';
  F['掩码'] = `IF(${masks[0]}<0,${masks[0]},IF(${masks[1]}<0,${masks[1]},IF(${masks[2]}<0,${masks[2]},${orBits})))`;
  for (const [name, cell] of [['缴费日期', `F${r}`], ['出生日期', `G${r}`]] as const) {
    const text = at(`${name}文字`);
    const norm = at(`${name}规整`);
    const digits = at(`${name}数字`);
    // Text as the roster reads it: trimmed; a whole number of 8 digits typed into a date cell reads as 20211201.
    // A time of day after the date (2021-12-01 10:30, 2021/12/1T0:00:00) is dropped, and so are spaces around the
    // separators (2021 年 12 月 1 日), as the roster's reader does.
    const t0 = trimmed(cell);
    const colon = `FIND(":",${t0})`;
    const datePart = `IFERROR(LEFT(${t0},${colon}-1-IF(ISNUMBER(-MID(${t0},${colon}-2,1)),2,1)),${t0})`;
    F[`${name}文字`] = `IF(ISNUMBER(${cell}),IF(AND(${cell}>=10000000,${cell}=INT(${cell})),${cell}&"",""),SUBSTITUTE(SUBSTITUTE(${datePart}," ",""),"T",""))`;
    // 2021/12/1, 2021.12.1, 2021年12月1日 → 2021-12-1 (a final 日 dropped).
    const seps = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${text},"年","-"),"月","-"),"/","-"),".","-")`;
    F[`${name}规整`] = `IF(RIGHT(${text},1)="日",LEFT(${seps},LEN(${seps})-1),${seps})`;
    // The date as 8 digits (yyyymmdd), or "" when the text has none of the accepted forms.
    const p2 = `FIND("-",${norm},6)`;
    const hyphenForm = [
      `MID(${norm},5,1)="-"`,
      `LEN(${norm})-LEN(SUBSTITUTE(${norm},"-",""))=2`,
      `${p2}-6>=1`,
      `${p2}-6<=2`,
      `LEN(${norm})-${p2}>=1`,
      `LEN(${norm})-${p2}<=2`,
      `LEN(${withoutDigits(`SUBSTITUTE(${norm},"-","")`)})=0`,
      `ISNUMBER(FIND(MID(${text},5,1),"-/.年"))`,
      `ISNUMBER(FIND(MID(${text},${p2},1),"-/.月"))`,
    ];
    F[`${name}数字`] =
      `IF(AND(LEN(${text})=8,LEN(${withoutDigits(text)})=0),${text},IFERROR(IF(AND(${hyphenForm.join(',')}),LEFT(${norm},4)&RIGHT("0"&MID(${norm},6,${p2}-6),2)&RIGHT("0"&MID(${norm},${p2}+1,2),2),""),""))`;
    const y = `VALUE(LEFT(${digits},4))`;
    const m = `VALUE(MID(${digits},5,2))`;
    const d = `VALUE(RIGHT(${digits},2))`;
    const fromText = `IF(${digits}="",-1,IFERROR(IF(AND(${y}>=1900,${y}<=2199,${m}>=1,${m}<=12,${d}>=1,${d}<=DAY(DATE(${y},${m}+1,0)),DATE(${y},${m},${d})>=61),DATE(${y},${m},${d}),-1),-1))`;
    // The day's serial number; "" for none; -1 for a cell that is not a date (years 1900-03-01 to 2199).
    // A blank birth date is the ID number's, as in the roster job.
    const none = name === '缴费日期' ? '""' : at('身份证号出生日');
    F[name === '缴费日期' ? '缴费日' : '出生日'] =
      `IF(NOT(${live}),"",IFERROR(IF(AND(ISNUMBER(${cell}),${cell}<10000000),IF(AND(${cell}>=61,${cell}<109575),INT(${cell}),-1),IF(${text}="",${none},${fromText})),-1))`;
  }
  const paid = at('缴费日');
  const birth = at('出生日');
  const dated = `ISNUMBER(${paid})`;
  F['错误'] =
    `IF(NOT(${live}),"",IF(${at('掩码')}=-1,"unknown_category",IF(${at('掩码')}=-2,"ambiguous_category",IF(${paid}=-1,"invalid_date",IF(${birth}=-1,"invalid_date",IF(AND(${dated},ISNUMBER(${birth})),IF(${birth}>${paid},"invalid_input",""),""))))))`;
  const ok = `AND(${live},${at('错误')}="")`;
  const cond = condRefs.map((cr, i) => `${2 ** (i + 1)}*AND(${paid}>=${cr.from},${paid}<=${cr.to})`).join('+');
  F['日期条件'] = `IF(${ok},IF(${dated},1${cond ? `+${cond}` : ''},0),"")`;
  F['决策行'] = `IF(${ok},MATCH(${at('掩码')}+${x.stride}*${at('日期条件')},${decCol(0)},0),"")`;
  const stated = x.window !== 'not-stated';
  F['征缴期内'] = stated ? `IF(AND(${ok},${dated}),IF(AND(${paid}>=${P['征缴开始']},${paid}<=${P['征缴截止']}),INDEX(${openRange},${paid}-${P['征缴开始']}+1),0),"")` : '""';
  // quote looks at newborns only for a stated window that is not an inference.
  const nbOk = `AND(${ok},${dated},ISNUMBER(${birth}),${at('征缴期内')}=0)`;
  F['新生儿'] = x.newborn && x.window === 'stated'
    ? `IF(${nbOk},IF(AND(${paid}>=${birth},${paid}<=EDATE(${birth},${P['新生儿参保期限（月）']}),YEAR(${paid})=${P['待遇年度']}),1,0),0)`
    : '0';
  F['新生儿逾期'] = x.newbornRefused && x.window === 'stated'
    ? `IF(AND(${nbOk},${at('新生儿')}=0),IF(AND(${paid}>EDATE(${birth},${P['新生儿参保期限（月）']}),YEAR(${birth})=${P['待遇年度']}),1,0),0)`
    : '0';
  // Outside the window in the end (not the newborn window either): no coverage, and no refund promised.
  F['期外'] = x.window === 'stated' ? `IF(AND(${ok},${dated}),IF(AND(${at('征缴期内')}=0,${at('新生儿')}=0),1,0),0)` : '0';
  const row = at('决策行');
  // Text columns end in &"" so that an empty cell of the table reads as "", never 0.
  const pick = (j: number, text: boolean) => `IF(${ok},INDEX(${decCol(j)},${row})${text ? '&""' : ''},"")`;
  ['缴费标准', '个人缴费', '资助', '缴费时应缴', '事后补退', '资助方式', '资金来源', '适用类别'].forEach((h, j) => (F[h] = pick(j + 1, j >= 5)));
  const outside = at('期外');
  const noRefund = `AND(${outside}=1,INDEX(${decCol(11)},${row})=1)`;
  F['事后补退'] = `IF(${ok},IF(${noRefund},"未明确",INDEX(${decCol(5)},${row})),"")`;
  const open = at('征缴期内');
  const newborn = at('新生儿');
  F['在征缴期内'] =
    x.window === 'not-stated' ? `IF(AND(${ok},${dated}),"未规定","")` : `IF(AND(${ok},${dated}),IF(OR(${open}=1,${newborn}=1),"是","否"),"")`;
  F['待遇开始'] = `IF(${ok},IF(OR(NOT(${dated}),${outside}=0),IF(${newborn}=1,${paid},${P['待遇开始']}),""),"")`;
  F['待遇结束'] = `IF(AND(${ok},${at('待遇开始')}<>""),${P['待遇结束']},"")`;
  const errName = (code: string) => ROW_ERRORS[code]!;
  const err = at('错误');
  F['状态'] = `IF(NOT(${live}),"",IF(${err}="",INDEX(${decCol(9)},${row})&"","错误："&${Object.keys(ROW_ERRORS)
    .slice(0, -1)
    .reduceRight((acc, code) => `IF(${err}="${code}","${errName(code)}",${acc})`, `"${errName('invalid_input')}"`)}))`;
  const S = (code: string) => `"${WARNING_SEPARATOR}${SHORT_WARNINGS[code]}"`;
  const warn = `INDEX(${decCol(10)},${row})&""`;
  // The window's warnings, as quote's finish adds them after the decision's own.
  const windowWarnings =
    x.window === 'not-stated'
      ? `IF(${dated},${S('window-not-stated')},"")`
      : x.window === 'inferred'
        ? `IF(${dated},${S('window-inferred')},"")`
        : `IF(${outside}=1,IF(${at('新生儿逾期')}=1,${S('newborn-refused')},${S('outside-window')}${x.newbornDeferred ? `&IF(ISNUMBER(${birth}),${S('newborn-deferred')},"")` : ''})&IF(${noRefund},${S('no-refund-outside-window')},""),"")`;
  const okWarnings = `MID(IF(${warn}="","","${WARNING_SEPARATOR}"&${warn})&${windowWarnings}&IF(${at('名称较宽')}=1,${S('broader-name')},""),2,32767)`;
  const firstBad = `IF(${masks[0]}<0,${at('类别1文字')},IF(${masks[1]}<0,${at('类别2文字')},${at('类别3文字')}))`;
  const problems = at('身份证号问题');
  const rest =
    `IF(${err}="",${okWarnings},` +
    `IF(${err}="unknown_category","未知的类别："&${firstBad}&"（请从下拉列表选择）",IF(${err}="ambiguous_category","类别名称有歧义："&${firstBad}&"（本通知对其包括的各类人员规定不同，请填写具体类别）",IF(${err}="invalid_input","出生日期晚于缴费日期",IF(${paid}=-1,"缴费日期","出生日期")&"不是有效的日期（可填日期，或 2021-12-01、2021/12/1、2021年12月1日、20211201）"))))`;
  F['提示'] = `IF(NOT(${live}),"",${problems}&IF(AND(${problems}<>"",${rest}<>""),"${WARNING_SEPARATOR}","")&${rest})`;
  // The roster job's code: an identity problem first, then quote's.
  F['错误代码'] = `IF(NOT(${live}),"",IF(${dup}=1,"duplicate_id",IF(${idCheck}="missing","missing_id",IF(${idCheck}<>"ok","invalid_id",${at('错误')}))))`;
  return F;
}
