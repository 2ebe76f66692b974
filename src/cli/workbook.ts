/**
 * `yibao-rules workbook`: an .xlsx that calculates by itself — plain formulas,
 * no add-in, no macro — so it works offline in Excel, WPS, LibreOffice and
 * Google Sheets.
 *
 * Sheets: 说明 (instructions), 政策 (the policy: parameters and each
 * category's rule with its clause), 花名册 (the roster: inputs unlocked, the
 * computed columns protected formulas), and the hidden 辅助 (category names,
 * the window day by day, the payment-date conditions and the decision for
 * every set of categories in every payment-date context, precomputed by the
 * library: the same table `quote` looks up).
 *
 * The roster reads its cells the way the roster job does: dates as date
 * cells, date-times or text (2021-12-01, 2021/12/1, 2021.12.1, 2021年12月1日,
 * 20211201), categories trimmed of spaces (ideographic ones included). A row
 * `quote` rejects shows the error's code and reason, and no amount.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { CATEGORY_CODES, categoryName, FUNDER_NAMES, funderNames, MECHANISM_NAMES } from '../vocabulary.js';
import { formatCivilDate, parseCivilDate } from '../civil-date.js';
import { CONTEXT_STRIDE, decide, maskOf, type CompiledPolicy, type Quote } from '../engine.js';
import { YibaoError } from '../errors.js';
import { formatRate } from '../money.js';
import { builtinRegistry, type PolicyRegistry } from '../registry.js';
import { shortWarnings } from '../sheet/warnings.js';
import { rosterFormulas, ROW_ERRORS } from './workbook-formulas.js';

export { ROW_ERRORS };

/** Rows a clerk can fill in the roster sheet (rows 2 to ROSTER_ROWS + 1). */
export const ROSTER_ROWS = 5000;
const DATE_FMT = 'yyyy-mm-dd';
/** Spreadsheet serial (1900 date system) of a day number; exact from 1900-03-01 on. */
const SERIAL_OFFSET = 25569;
const serialOf = (civil: string) => parseCivilDate(civil)! + SERIAL_OFFSET;

/** A roster input cell: text, a number (a date serial in the date columns), or empty. */
export type InputCell = string | number | null;
/** One roster row as typed: 姓名, 身份证号, 类别1, 类别2, 类别3, 缴费日期, 出生日期. */
export type InputRow = [InputCell, InputCell, InputCell, InputCell, InputCell, InputCell, InputCell];

/** Options of the workbook command. */
export interface WorkbookOptions {
  county: string;
  year: number;
  out: string;
  /** Example rows: one per category name of the notice. Default true. */
  examples?: boolean;
  /** Rows written after the examples (tests fill the roster this way). */
  rows?: readonly InputRow[];
  /** Where the policy is looked up; default the built-in policies (`--policy` adds the user's). */
  registry?: PolicyRegistry;
}

// ---------------------------------------------------------------- the engine, as tables
// The only place that uses the engine's internals (decide, maskOf, CONTEXT_STRIDE).

/** What the workbook needs from a compiled policy, as plain tables. */
interface PolicyTables {
  /** Every accepted category input (code, name, group) → bit mask (bit 0: ordinary). */
  aliases: Array<[string, number]>;
  /** Number of category bits above bit 0. */
  bits: number;
  stride: number;
  /** Decision-table keys: mask + stride × ctx (ctx 0: no payment date; bit 0: a date, bit i+1: condition i holds). */
  decisions: Array<{ key: number; q: Quote }>;
  /** Day ranges whose membership changes a decision, [from, to] as day numbers. */
  conditions: ReadonlyArray<readonly [number, number]>;
  /** The decision for one rule's categories alone, without a payment date. */
  ruleDecision(categories: Parameters<typeof maskOf>[0]): Quote;
}

function policyTables(cp: CompiledPolicy): PolicyTables {
  const ctxs = [0];
  for (let bits = 0; bits < 1 << cp.conditions.length; bits++) ctxs.push(1 | (bits << 1));
  const decisions: PolicyTables['decisions'] = [];
  for (const ctx of ctxs) for (let mask = 0; mask < CONTEXT_STRIDE; mask += 2) decisions.push({ key: mask + CONTEXT_STRIDE * ctx, q: decide(cp, mask, ctx) });
  return {
    aliases: [...cp.aliases].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])),
    bits: CATEGORY_CODES.length - 1,
    stride: CONTEXT_STRIDE,
    decisions,
    conditions: cp.conditions,
    ruleDecision: (cs) => decide(cp, maskOf(cs) & ~1, 0),
  };
}

// ---------------------------------------------------------------- examples

/** A payment date inside the window: the first open day two weeks in, else the first open day. */
export function exampleDate(cp: CompiledPolicy): string {
  const open = cp.window.days.map((d, i) => (d.open ? i : -1)).filter((i) => i >= 0);
  return formatCivilDate(cp.window.start + (open.find((i) => i >= 14) ?? open[0] ?? 0));
}

/** The category names of the notice, in the notice's order (rules, then groups), ordinary residents left out. */
export function noticeCategoryNames(cp: CompiledPolicy): string[] {
  const p = cp.policy;
  return [...new Set([...p.categories.filter((r) => !r.categories.includes('ordinary')).flatMap((r) => r.names), ...p.groups.map((g) => g.name)])];
}

/**
 * The drop-down list: the notice's own names; for a notice that names no
 * category (it defers them all), the vocabulary's display names, so that the
 * roster still takes them (their rows then show 未明确 with the clause).
 */
export function dropDownNames(cp: CompiledPolicy): string[] {
  const names = noticeCategoryNames(cp);
  return names.length ? names : CATEGORY_CODES.filter((c) => c !== 'ordinary').map((c) => categoryName(c, 'zh'));
}

/** The example rows written into a workbook: [name, categories ×3, paid date, birth date]. */
export function exampleRows(cp: CompiledPolicy): Array<[string, string, string, string, string, string]> {
  const p = cp.policy;
  const paid = exampleDate(cp);
  const names = ['', ...noticeCategoryNames(cp)];
  const rows: Array<[string, string, string, string, string, string]> = names.map((n, i) => [`示例${i + 1}`, n, '', '', paid, '']);
  const first = names.slice(1, 4);
  if (first.length > 1) rows.push([`示例${rows.length + 1}`, first[0] ?? '', first[1] ?? '', first[2] ?? '', paid, '']);
  rows.push([`示例${rows.length + 1}`, '', '', '', '', '']);
  rows.push([`示例${rows.length + 1}`, names[1] ?? '', '', '', formatCivilDate(cp.window.end + 3), '']);
  for (const s of p.collection.suspensions) rows.push([`示例${rows.length + 1}`, names[1] ?? '', '', '', s.from, '']);
  if (cp.newborn) {
    // Born after the window closed, enrolled a month later: the newborn rule.
    const birth = cp.window.end + 10;
    rows.push([`示例${rows.length + 1}`, '', '', '', formatCivilDate(birth + 30), formatCivilDate(birth)]);
    rows.push([`示例${rows.length + 1}`, '', '', '', formatCivilDate(birth + 200), formatCivilDate(birth)]);
  }
  return rows;
}

// ---------------------------------------------------------------- formulas

/**
 * Sets each row's height to fit its wrapped text (spreadsheet programs do not
 * re-measure rows when they open a file). Width units: a Latin character about 1,
 * a Chinese one about 2.1.
 */
function fitRowHeights(ws: ExcelJS.Worksheet, lineHeight = 15): void {
  ws.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell) => {
      if (typeof cell.value !== 'string' || !cell.alignment?.wrapText) return;
      const width = Math.max(1, ((ws.getColumn(cell.col).width ?? 9) - 1) * 0.95);
      let n = 0;
      for (const para of cell.value.split('\n')) {
        let units = 0;
        for (const ch of para) units += ch.codePointAt(0)! >= 0x2e80 ? 2.1 : 1;
        n += Math.max(1, Math.ceil(units / width));
      }
      lines = Math.max(lines, n);
    });
    if (lines > 1) row.height = lines * lineHeight + 2;
  });
}

// ---------------------------------------------------------------- the workbook

/** Builds the workbook for one policy; writes it to a temporary file and renames it over `out`. */
export async function buildWorkbook(opts: WorkbookOptions): Promise<{ rows: number; policyId: string }> {
  const found = (opts.registry ?? builtinRegistry).lookup(opts.county, opts.year);
  if (found instanceof YibaoError) throw found;
  const cp = found;
  const p = cp.policy;
  const T = policyTables(cp);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yibao-rules';
  wb.calcProperties.fullCalcOnLoad = true;
  const examples = opts.examples === false ? [] : exampleRows(cp);
  const inputs: InputRow[] = [
    ...examples.map(([name, c1, c2, c3, paid, birth]): InputRow => [name, null, c1 || null, c2 || null, c3 || null, paid ? serialOf(paid) : null, birth ? serialOf(birth) : null]),
    ...(opts.rows ?? []),
  ];
  if (inputs.length > ROSTER_ROWS) throw new RangeError(`at most ${ROSTER_ROWS} rows`);
  const paidExample = exampleDate(cp);
  const pageMargins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };

  // ---------------------------------------------------------------- 说明
  const intro = wb.addWorksheet('说明', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: pageMargins },
  });
  intro.getColumn(1).width = 64;
  const lines = [
    `${p.county.name} ${p.coverageYear.year} 年度城乡居民基本医疗保险缴费计算表`,
    `依据：${p.document.number}《${p.document.title}》（${p.document.issuedOn}）`,
    `征缴期：${p.collection.start.date} 至 ${p.collection.end.date}；待遇享受期：${p.coverage.start} 至 ${p.coverage.end}`,
    '',
    '使用方法：',
    `1. 打开“花名册”工作表，从第 2 行起填写：姓名、身份证号、类别1–3、缴费日期、出生日期（新生儿）。本表可填 ${ROSTER_ROWS} 行（第 2–${ROSTER_ROWS + 1} 行）；人数更多时请分成几个工作簿，或用命令 yibao-rules roster 批量计算。`,
    `2. 类别每格只填一个，用下拉列表选择（${noticeCategoryNames(cp).length ? '列表为通知中的类别名称，按通知顺序' : '本通知未列出类别，列表为常用类别名称'}）；一人有多个身份时依次填入类别1、类别2、类别3；普通居民留空。`,
    `3. 缴费日期填日期（如 ${paidExample}），也可填文字 ${paidExample.replace(/-0?/g, '/')}、${paidExample.replace(/-/g, '')} 或 ${paidExample.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}；带时间的日期按当天计算。无法识别的日期显示“错误：日期无效”，不计算金额。`,
    '4. 右侧各列自动计算：缴费标准、个人缴费、资助、缴费时应缴、事后补退、资助方式、资金来源、适用类别、是否在征缴期内、待遇享受期、状态、提示。',
    '5. “提示”列列出需要注意的情况（如缴费日期不在征缴期内、多重身份就高不叠加、通知未明确）。“状态”为“错误：…”的行不计算金额，原因见“提示”，代码见“错误代码”（与 yibao-rules roster 的错误代码相同）。身份证号缺失、无效或重复时，“错误代码”为 missing_id、invalid_id 或 duplicate_id；未填出生日期时按身份证号中的出生日期计算。',
    '6. 多重身份按“就高、不重复”取单项最高资助（通知未规定时，本表采用通行原则）。“未明确”表示通知未给出数额（如“继续执行原有的参保资助政策”），不是零。',
    '7. 计算列和“政策”工作表已保护（无密码），以免误改公式；如需修改，可在“审阅”中撤销工作表保护。辅助计算在隐藏的“辅助”工作表中，由 yibao-rules 生成。',
    '8. 本表只用普通公式，不需要加载项或宏，可在 Excel、WPS、LibreOffice、Google 表格中离线使用。示例行（“示例”开头）可清除。',
    '',
    'How to use (English): fill the 花名册 sheet from row 2 (up to row ' + (ROSTER_ROWS + 1) + '); one category per cell (类别1–3), dates as dates or as text (2021-12-01, 2021/12/1, 2021年12月1日, 20211201). Rows with an invalid cell show 错误 and no amounts; 提示 carries the warnings.',
    `Generated by yibao-rules for ${p.id}.`,
  ];
  lines.forEach((l, i) => {
    const c = intro.getCell(i + 1, 1);
    c.value = l;
    c.alignment = { wrapText: true, vertical: 'top' };
    c.font = i === 0 ? { bold: true, size: 14 } : { size: 11 };
  });
  fitRowHeights(intro);

  // ---------------------------------------------------------------- 政策
  const pol = wb.addWorksheet('政策', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: pageMargins },
  });
  pol.columns = [{ width: 24 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 26 }, { width: 18 }, { width: 10 }, { width: 70 }];
  const c = p.collection;
  const params: Array<[string, string | number, string, string, boolean]> = [
    ['待遇年度', p.coverageYear.year, p.coverageYear.cite.clause, p.coverageYear.cite.quote, false],
    ['个人缴费标准（元）', Number(p.standard.amount), p.standard.cite.clause, p.standard.cite.quote, false],
    ['征缴开始', serialOf(c.start.date), c.start.cite.clause, c.start.cite.quote, true],
    ['征缴截止', serialOf(c.end.date), c.end.cite.clause, c.end.cite.quote, true],
    ['每月可缴费起始日', c.daysOfMonth?.from ?? 1, c.daysOfMonth?.cite.clause ?? '—', c.daysOfMonth?.cite.quote ?? '通知未限定每月缴费日', false],
    ['每月可缴费截止日', c.daysOfMonth?.to ?? 31, c.daysOfMonth?.cite.clause ?? '—', c.daysOfMonth?.cite.quote ?? '通知未限定每月缴费日', false],
    ['待遇开始', serialOf(p.coverage.start), p.coverage.cite.clause, p.coverage.cite.quote, true],
    ['待遇结束', serialOf(p.coverage.end), p.coverage.cite.clause, p.coverage.cite.quote, true],
    ['新生儿参保期限（月）', cp.newborn?.months ?? 0, cp.newborn?.cite.clause ?? '—', cp.newborn?.cite.quote ?? '通知未规定新生儿特别参保期', false],
  ];
  const bold = (r: ExcelJS.Row) => (r.font = { bold: true });
  bold(pol.addRow(['参数', '值', '', '', '', '', '', '条款', '原文']));
  const P: Record<string, string> = {};
  params.forEach(([k, v, clause, quote, isDate], i) => {
    const r = pol.addRow([k, v, '', '', '', '', '', clause, quote]);
    if (isDate) r.getCell(2).numFmt = DATE_FMT;
    P[k] = `政策!$B$${i + 2}`;
  });
  if (c.suspensions.length) {
    pol.addRow([]);
    bold(pol.addRow(['暂停缴费', '自', '至（恢复日）', '', '', '', '', '条款', '原文']));
    for (const s of c.suspensions) {
      const r = pol.addRow(['暂停', serialOf(s.from), serialOf(s.resumesOn), '', '', '', '', s.cite.clause, s.cite.quote]);
      r.getCell(2).numFmt = r.getCell(3).numFmt = DATE_FMT;
    }
  }
  pol.addRow([]);
  bold(pol.addRow(['类别', '类别代码', '规则', '比例', '资助（元）', '资金来源', '资助方式', '条款', '原文']));
  for (const rule of p.categories) {
    const s = rule.subsidy;
    const q = T.ruleDecision(rule.categories);
    const kind = { none: '无资助', full: '全额资助', percentage: '按比例', fixed: '定额', unspecified: '未明确' }[s.kind];
    pol.addRow([
      rule.names.join('、'),
      rule.categories.join(', '),
      kind,
      s.kind === 'percentage' ? `${formatRate(s.rate)}${s.floor ? `（不低于 ${s.floor}）` : ''}` : '',
      q.subsidy === null ? '未明确' : Number(q.subsidy),
      rule.funders.map((f) => FUNDER_NAMES[f.funder].zh + (f.role === 'covers-shortfall' ? '（不足部分）' : '')).join('；') || (rule.route?.length ? `（未写明）经${rule.route[0]!.from}` : '—'),
      rule.mechanism ? MECHANISM_NAMES[rule.mechanism.kind].zh : '—',
      s.cite.clause,
      s.cite.quote,
    ]);
  }
  if (p.otherCategories.status === 'unspecified')
    pol.addRow(['其他特殊人群', '', '未明确', '', '未明确', '—', '—', p.otherCategories.cite.clause, p.otherCategories.cite.quote]);
  pol.eachRow((row) => row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'top' })));
  fitRowHeights(pol);
  await pol.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  // ---------------------------------------------------------------- 辅助 (hidden)
  const aux = wb.addWorksheet('辅助', { state: 'hidden' });
  const AUX = { alias: 1, mask: 2, list: 4, open: 6, condFrom: 8, condTo: 9, key: 11 } as const;
  aux.getCell(1, AUX.alias).value = '类别输入';
  aux.getCell(1, AUX.mask).value = '掩码';
  aux.getCell(1, AUX.list).value = '下拉列表（通知中的类别名称）';
  aux.getCell(1, AUX.open).value = `征缴期逐日（自 ${c.start.date}）：1 可缴费`;
  aux.getCell(1, AUX.condFrom).value = '日期条件：自';
  aux.getCell(1, AUX.condTo).value = '至';
  T.aliases.forEach(([name, mask], i) => {
    aux.getCell(i + 2, AUX.alias).value = name;
    aux.getCell(i + 2, AUX.mask).value = mask;
  });
  const col = (n: number) => aux.getColumn(n).letter;
  const aliasNames = `辅助!$${col(AUX.alias)}$2:$${col(AUX.alias)}$${T.aliases.length + 1}`;
  const aliasMasks = `辅助!$${col(AUX.mask)}$2:$${col(AUX.mask)}$${T.aliases.length + 1}`;
  const list = dropDownNames(cp);
  list.forEach((n, i) => (aux.getCell(i + 2, AUX.list).value = n));
  const listRange = `辅助!$${col(AUX.list)}$2:$${col(AUX.list)}$${list.length + 1}`;
  cp.window.days.forEach((d, i) => (aux.getCell(i + 2, AUX.open).value = d.open ? 1 : 0));
  const openRange = `辅助!$${col(AUX.open)}$2:$${col(AUX.open)}$${cp.window.days.length + 1}`;
  const condRefs = T.conditions.map(([lo, hi], i) => {
    aux.getCell(i + 2, AUX.condFrom).value = Math.max(lo + SERIAL_OFFSET, 0);
    aux.getCell(i + 2, AUX.condTo).value = hi + SERIAL_OFFSET;
    return { from: `辅助!$${col(AUX.condFrom)}$${i + 2}`, to: `辅助!$${col(AUX.condTo)}$${i + 2}` };
  });
  const decHead = ['键', '缴费标准', '个人缴费', '资助', '缴费时应缴', '事后补退', '资助方式', '资金来源', '适用类别', '状态', '提示'];
  decHead.forEach((h, j) => (aux.getCell(1, AUX.key + j).value = h));
  const amount = (v: string | null) => (v === null ? '未明确' : Number(v));
  T.decisions.forEach(({ key, q }, i) => {
    const values = [
      key,
      Number(q.standard),
      amount(q.individual),
      amount(q.subsidy),
      amount(q.dueAtPayment),
      amount(q.reimbursedLater),
      q.mechanism ? MECHANISM_NAMES[q.mechanism].zh : '未明确',
      funderNames(q.funders, 'zh') || '—',
      q.appliedCategory ? categoryName(q.appliedCategory, 'zh') : '',
      q.status === 'determined' ? '已确定' : '未明确',
      shortWarnings(q.warnings),
    ];
    values.forEach((v, j) => (aux.getCell(i + 2, AUX.key + j).value = v));
  });
  const decCol = (j: number) => `辅助!$${col(AUX.key + j)}$2:$${col(AUX.key + j)}$${T.decisions.length + 1}`;
  await aux.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  // ---------------------------------------------------------------- 花名册
  const ros = wb.addWorksheet('花名册', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: pageMargins, printTitlesRow: '1:1' },
  });
  const visible = ['姓名', '身份证号', '类别1', '类别2', '类别3', '缴费日期', '出生日期', '缴费标准', '个人缴费', '资助', '缴费时应缴', '事后补退', '资助方式', '资金来源', '适用类别', '在征缴期内', '待遇开始', '待遇结束', '状态', '提示', '错误代码'];
  const widths = [8, 19, 12, 12, 12, 10.5, 10.5, 7.5, 7.5, 7.5, 7.5, 7.5, 13, 14, 10, 6, 10.5, 10.5, 9, 34, 12];
  const wrapped = ['资助方式', '资金来源', '适用类别', '状态', '提示', '类别1', '类别2', '类别3'];
  // Helper columns (hidden, protected), in the order they are computed.
  const helpers = ['有数据', '身份证号文字', '身份证号检查', '身份证号出生日', '身份证号重复', '身份证号问题', '类别1文字', '类别2文字', '类别3文字', '掩码1', '掩码2', '掩码3', '掩码', '缴费日期文字', '缴费日期规整', '缴费日期数字', '缴费日', '出生日期文字', '出生日期规整', '出生日期数字', '出生日', '错误', '日期条件', '决策行', '征缴期内', '新生儿'];
  const head = [...visible, ...helpers];
  const letter = (name: string) => ros.getColumn(head.indexOf(name) + 1).letter;
  const L = Object.fromEntries(head.map((h) => [h, letter(h)]));
  const headRow = ros.addRow(head);
  headRow.font = { bold: true };
  headRow.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  headRow.height = 30;
  head.forEach((_, i) => {
    const column = ros.getColumn(i + 1);
    column.width = widths[i] ?? 12;
    if (i >= visible.length) column.hidden = true;
  });
  const last = ROSTER_ROWS + 1;
  const F = rosterFormulas({
    col: L,
    last,
    aliasNames,
    aliasMasks,
    condRefs,
    openRange,
    decCol,
    params: P,
    stride: T.stride,
    bits: T.bits,
    newborn: Boolean(cp.newborn),
  });

  // Inputs: unlocked, typed as given; the date columns show dates.
  for (let i = 0; i < ROSTER_ROWS; i++) {
    const rr = ros.getRow(i + 2);
    const input = inputs[i];
    for (let j = 0; j < 7; j++) {
      const cell = rr.getCell(j + 1);
      const v = input?.[j];
      if (v !== undefined && v !== null && v !== '') cell.value = v;
      cell.protection = { locked: false };
    }
    rr.getCell(2).numFmt = '@';
    rr.getCell(6).numFmt = rr.getCell(7).numFmt = DATE_FMT;
  }
  for (const name of head.slice(7)) {
    const formula = F[name];
    if (!formula) throw new Error(`no formula for ${name}`);
    if (formula.length > 8000) throw new Error(`formula too long for Excel (${formula.length}): ${name}`);
    ros.fillFormula(`${L[name]}2:${L[name]}${last}`, formula);
  }
  for (const name of ['缴费标准', '个人缴费', '资助', '缴费时应缴', '事后补退']) ros.getColumn(head.indexOf(name) + 1).numFmt = '0.00';
  for (const name of ['待遇开始', '待遇结束']) ros.getColumn(head.indexOf(name) + 1).numFmt = DATE_FMT;
  for (const name of helpers) ros.getColumn(head.indexOf(name) + 1).eachCell((cell) => (cell.protection = { locked: true, hidden: true }));
  // Two lines a row, wrapped, so that the roster prints legibly on landscape A4.
  visible.forEach((name, i) => (ros.getColumn(i + 1).alignment = { wrapText: wrapped.includes(name), vertical: 'middle' }));
  headRow.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (let i = 2; i <= last; i++) ros.getRow(i).height = 28;
  // One rule for the whole range (exceljs's per-cell rules are merged in string order, which overlaps).
  (ros as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`C2:E${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [listRange],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '类别',
    error: '请从列表中选择通知中的类别名称（普通居民留空）',
  });
  await ros.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
  // The filled rows (exceljs adds the column's $; the row's is given here).
  ros.pageSetup.printArea = `A$1:${L['错误代码']}$${Math.max(inputs.length + 1, 2)}`;

  mkdirSync(dirname(opts.out), { recursive: true });
  const part = `${opts.out}.${process.pid}.part`;
  try {
    await wb.xlsx.writeFile(part);
    renameSync(part, opts.out);
  } finally {
    rmSync(part, { force: true });
  }
  return { rows: examples.length, policyId: p.id };
}
