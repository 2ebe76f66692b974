/**
 * `yibao-rules workbook`: an .xlsx that calculates by itself — plain formulas,
 * no add-in, no macro — so it works offline in Excel, WPS, LibreOffice and
 * Google Sheets.
 *
 * Sheets: 说明 (instructions), 政策 (the policy: parameters and each
 * category's rule with its clause), 花名册 (the roster: inputs unlocked, the
 * computed columns protected formulas), and the hidden 辅助 (category names,
 * the window day by day, the payment-date conditions and the decision for
 * every set of categories three cells can name in every payment-date context
 * a date can give, precomputed by the library: the decisions `quote` looks up).
 *
 * Categories are bits of the policy's own index (`categoryIds`, `stride`), so
 * a county's own policy (`--policy FILE`) works as a built-in does; what the
 * formulas cannot express is refused with `export_unsupported`.
 *
 * The roster reads its cells the way the roster job does: dates as date
 * cells, date-times or text (2021-12-01, 2021/12/1, 2021.12.1, 2021年12月1日,
 * 20211201), categories trimmed of spaces (ideographic ones included). A row
 * `quote` rejects shows the error's code and reason, and no amount.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { CATEGORY_CODES, categoryName, funderNames, MECHANISM_NAMES } from '../vocabulary.js';
import { formatCivilDate, parseCivilDate } from '../civil-date.js';
import { decide, maskOf, type CompiledPolicy, type Quote } from '../engine.js';
import { YibaoError, yibaoError } from '../errors.js';
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
// The only place that uses the engine's internals (decide, the policy's bit index and stride).

/** What the workbook needs from a compiled policy, as plain tables. */
interface PolicyTables {
  /**
   * Every accepted category input (id, the notice's name, group, short form) → bit mask over
   * the policy's own index (bit 0: ordinary); ambiguous names → -2. `broader`: the name is
   * broader than the notice's (quote warns).
   */
  aliases: Array<{ name: string; mask: number; broader: boolean }>;
  /** The bit values (2^i, i ≥ 1) that any alias sets: the roster ORs only these. */
  bitValues: number[];
  /** The policy's stride: keys are mask + stride × ctx. */
  stride: number;
  /** Decision-table rows for every mask three inputs can make, in every payment-date context a date can give. */
  decisions: Array<{ key: number; q: Quote }>;
  /** Day ranges whose membership changes a decision, [from, to] as day numbers. */
  conditions: ReadonlyArray<readonly [number, number]>;
  /** The decision for one rule's categories alone, without a payment date. */
  ruleDecision(categories: readonly string[]): Quote;
}

/** At most this many rows in the hidden decision table; a policy needing more is refused. */
export const MAX_DECISION_ROWS = 200_000;

function unsupported(cp: CompiledPolicy, path: string, zh: string, en: string): YibaoError {
  return yibaoError('export_unsupported', [path], `${cp.policy.id}：${zh}，无法生成自动计算的工作簿（请用 quote 或 roster）`, `${cp.policy.id}: ${en}; the self-calculating workbook cannot express this (use quote or roster)`);
}

/**
 * The tables of a compiled policy. Throws `export_unsupported` for what the
 * workbook's formulas cannot express, rather than compute a wrong number: a
 * notice without a standard or coverage period, windows extended for named
 * categories, or a decision table too large.
 */
function policyTables(cp: CompiledPolicy): PolicyTables {
  if (cp.standardFen === null) throw unsupported(cp, 'standard', '通知未规定个人缴费标准', 'the notice states no standard contribution');
  if (!cp.coverage) throw unsupported(cp, 'coverage', '通知未规定待遇享受期', 'the notice states no coverage period');
  if (cp.extensions.length) throw unsupported(cp, 'collection', '为特定人群延长的缴费期', 'a window extended for named categories');
  const aliases: PolicyTables['aliases'] = [
    ...[...cp.aliases].map(([name, mask]) => ({ name, mask: mask & ~1, broader: cp.broader.has(name) })),
    ...[...cp.ambiguous.keys()].map((name) => ({ name, mask: -2, broader: false })),
  ].sort((a, b) => a.mask - b.mask || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const used = aliases.reduce((m, a) => (a.mask > 0 ? m | a.mask : m), 0);
  const bitValues = cp.categoryIds.map((_, i) => 2 ** i).filter((b, i) => i > 0 && used & b);
  // Masks three category cells can make: the OR of up to three aliases.
  const single = [...new Set(aliases.filter((a) => a.mask >= 0).map((a) => a.mask))];
  let masks = new Set([0]);
  for (let k = 0; k < 3; k++) masks = new Set([...masks].flatMap((m) => single.map((a) => m | a)).concat([...masks]));
  // Contexts a payment date can give: one per stretch of days between the conditions' edges.
  const edges = [...new Set(cp.conditions.flatMap(([lo, hi]) => [lo, hi + 1]))].sort((a, b) => a - b);
  const ctxOf = (d: number) => cp.conditions.reduce((ctx, [lo, hi], i) => (d >= lo && d <= hi ? ctx | (2 << i) : ctx), 1);
  const ctxs = [...new Set([0, ctxOf(-2e9), ...edges.map(ctxOf)])].sort((a, b) => a - b);
  if (cp.stride * 2 ** (cp.conditions.length + 1) > Number.MAX_SAFE_INTEGER)
    throw unsupported(cp, 'collection', `缴费日期条件过多（${cp.conditions.length}）`, `too many payment-date conditions (${cp.conditions.length})`);
  if (masks.size * ctxs.length > MAX_DECISION_ROWS)
    throw unsupported(cp, 'categoryDefinitions', `类别组合过多（${masks.size * ctxs.length} 行决策表）`, `too many category combinations (${masks.size * ctxs.length} decision rows)`);
  const decisions: PolicyTables['decisions'] = [];
  const sorted = [...masks].sort((a, b) => a - b);
  for (const ctx of ctxs) for (const mask of sorted) decisions.push({ key: mask + cp.stride * ctx, q: decide(cp, mask, ctx) });
  return {
    aliases,
    bitValues,
    stride: cp.stride,
    decisions,
    conditions: cp.conditions,
    ruleDecision: (cs) => decide(cp, maskOf(cs, cp) & ~1, 0),
  };
}

// ---------------------------------------------------------------- examples

/** A payment date inside the window: the first open day two weeks in, else the first open day. */
export function exampleDate(cp: CompiledPolicy): string {
  // Without a stated window, any date is as good as another: the coverage's first day.
  if (!cp.window) return cp.coverage?.start ?? `${cp.policy.coverageYear.year}-01-01`;
  const open = cp.window.days.map((d, i) => (d.open ? i : -1)).filter((i) => i >= 0);
  return formatCivilDate(cp.window.start + (open.find((i) => i >= 14) ?? open[0] ?? 0));
}

/** The category names of the notice, in the notice's order (rules, then groups), ordinary residents left out. */
export function noticeCategoryNames(cp: CompiledPolicy): string[] {
  const p = cp.policy;
  // Only names that resolve (a name whose members the notice treats differently is not offered).
  return [...new Set([...p.categories.filter((r) => !r.categories.includes('ordinary')).flatMap((r) => r.names), ...p.groups.map((g) => g.name)])].filter((n) => cp.aliases.has(n));
}

/**
 * The drop-down list: the notice's own names; for a notice that names no
 * category (it defers them all), the vocabulary's display names, so that the
 * roster still takes them (their rows then show 未明确 with the clause).
 */
export function dropDownNames(cp: CompiledPolicy): string[] {
  const names = noticeCategoryNames(cp);
  return names.length ? names : CATEGORY_CODES.filter((c) => c !== 'ordinary').map((c) => categoryName(c, 'zh')).filter((n) => cp.aliases.has(n));
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
  if (!cp.window) return rows;
  rows.push([`示例${rows.length + 1}`, names[1] ?? '', '', '', formatCivilDate(cp.window.end + 3), '']);
  for (const s of p.collection?.suspensions ?? []) rows.push([`示例${rows.length + 1}`, names[1] ?? '', '', '', s.from, '']);
  if (cp.newborn?.months !== undefined) {
    // Born after the window closed, enrolled a month later: the newborn rule.
    const birth = cp.window.end + 10;
    rows.push([`示例${rows.length + 1}`, '', '', '', formatCivilDate(birth + 30), formatCivilDate(birth)]);
    rows.push([`示例${rows.length + 1}`, '', '', '', formatCivilDate(birth + 200), formatCivilDate(birth)]);
  }
  return rows;
}

// ---------------------------------------------------------------- formulas

/** The funders of a quote as the workbook shows them: display names, "或" between alternatives, — for none. */
export function sheetFunders(q: Quote): string {
  return q.funders.map((id) => q.funderDetails.find((f) => f.id === id)?.zh ?? id).join(q.funding === 'one-of' ? '或' : '；') || '—';
}

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
  const c = p.collection;
  const src = (f: { cite?: { clause: string; quote: string } | undefined; inferred?: { reasoning: string } | undefined } | undefined, none = '通知未规定'): [string, string] =>
    f?.cite ? [f.cite.clause, f.cite.quote] : f?.inferred ? ['推断', f.inferred.reasoning] : ['—', none];
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
    `征缴期：${c ? `${c.start.date} 至 ${c.end.date}${c.start.inferred || c.end.inferred ? '（推断）' : ''}` : '通知未规定'}；待遇享受期：${p.coverage!.start} 至 ${p.coverage!.end}${p.coverage!.inferred ? '（推断）' : ''}`,
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
  const params: Array<[string, string | number, string, string, boolean]> = [
    ['待遇年度', p.coverageYear.year, ...src(p.coverageYear), false],
    ['个人缴费标准（元）', Number(p.standard!.amount), ...src(p.standard), false],
    ['征缴开始', c ? serialOf(c.start.date) : '未规定', ...src(c?.start, '通知未规定征缴期'), Boolean(c)],
    ['征缴截止', c ? serialOf(c.end.date) : '未规定', ...src(c?.end, '通知未规定征缴期'), Boolean(c)],
    ['每月可缴费起始日', c?.daysOfMonth?.from ?? 1, c?.daysOfMonth?.cite.clause ?? '—', c?.daysOfMonth?.cite.quote ?? '通知未限定每月缴费日', false],
    ['每月可缴费截止日', c?.daysOfMonth?.to ?? 31, c?.daysOfMonth?.cite.clause ?? '—', c?.daysOfMonth?.cite.quote ?? '通知未限定每月缴费日', false],
    ['待遇开始', serialOf(p.coverage!.start), ...src(p.coverage), true],
    ['待遇结束', serialOf(p.coverage!.end), ...src(p.coverage), true],
    ['新生儿参保期限（月）', cp.newborn?.months ?? (cp.newborn ? '未规定' : 0), cp.newborn?.cite.clause ?? '—', cp.newborn?.cite.quote ?? '通知未规定新生儿特别参保期', false],
  ];
  const bold = (r: ExcelJS.Row) => (r.font = { bold: true });
  bold(pol.addRow(['参数', '值', '', '', '', '', '', '条款', '原文']));
  const P: Record<string, string> = {};
  params.forEach(([k, v, clause, quote, isDate], i) => {
    const r = pol.addRow([k, v, '', '', '', '', '', clause, quote]);
    if (isDate) r.getCell(2).numFmt = DATE_FMT;
    P[k] = `政策!$B$${i + 2}`;
  });
  if (c?.suspensions.length) {
    pol.addRow([]);
    bold(pol.addRow(['暂停缴费', '自', '至（恢复日）', '', '', '', '', '条款', '原文']));
    for (const s of c.suspensions) {
      const r = pol.addRow(['暂停', serialOf(s.from), serialOf(s.resumesOn), '', '', '', '', s.cite.clause, s.cite.quote]);
      r.getCell(2).numFmt = r.getCell(3).numFmt = DATE_FMT;
    }
  }
  pol.addRow([]);
  bold(pol.addRow(['类别', '类别代码', '规则', '比例', '资助（元）', '资金来源', '资助方式', '条款', '原文']));
  const funderZh = (id: string) => p.funderDefinitions?.find((f) => f.id === id)?.name.zh ?? funderNames([id], 'zh');
  for (const rule of p.categories) {
    const s = rule.subsidy;
    const q = T.ruleDecision(rule.categories);
    const kind = { none: '无资助', full: '全额资助', percentage: '按比例', fixed: '定额', unspecified: '未明确' }[s.kind];
    pol.addRow([
      rule.names.join('、'),
      rule.categories.join(', '),
      kind,
      s.kind === 'percentage' ? `${formatRate(s.rate)}${s.floor ? `（不低于 ${s.floor}）` : ''}${s.cap ? `（最高 ${s.cap}）` : ''}` : '',
      q.subsidy === null ? '未明确' : Number(q.subsidy),
      rule.funders.map((f) => funderZh(f.funder) + (f.role === 'covers-shortfall' ? '（不足部分）' : '')).join(rule.funding === 'one-of' ? '或' : '；') || (rule.route?.length ? `（未写明）经${rule.route[0]!.from}` : '—'),
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
  const AUX = { alias: 1, mask: 2, broader: 3, list: 4, open: 6, condFrom: 8, condTo: 9, key: 11 } as const;
  aux.getCell(1, AUX.alias).value = '类别输入';
  aux.getCell(1, AUX.mask).value = '掩码（-2：名称有歧义）';
  aux.getCell(1, AUX.broader).value = '名称较宽';
  aux.getCell(1, AUX.list).value = '下拉列表（通知中的类别名称）';
  aux.getCell(1, AUX.open).value = c ? `征缴期逐日（自 ${c.start.date}）：1 可缴费` : '通知未规定征缴期';
  aux.getCell(1, AUX.condFrom).value = '日期条件：自';
  aux.getCell(1, AUX.condTo).value = '至';
  T.aliases.forEach(({ name, mask, broader }, i) => {
    aux.getCell(i + 2, AUX.alias).value = name;
    aux.getCell(i + 2, AUX.mask).value = mask;
    aux.getCell(i + 2, AUX.broader).value = broader ? 1 : 0;
  });
  const col = (n: number) => aux.getColumn(n).letter;
  const aliasNames = `辅助!$${col(AUX.alias)}$2:$${col(AUX.alias)}$${T.aliases.length + 1}`;
  const aliasMasks = `辅助!$${col(AUX.mask)}$2:$${col(AUX.mask)}$${T.aliases.length + 1}`;
  const aliasBroader = `辅助!$${col(AUX.broader)}$2:$${col(AUX.broader)}$${T.aliases.length + 1}`;
  const list = dropDownNames(cp);
  list.forEach((n, i) => (aux.getCell(i + 2, AUX.list).value = n));
  const listRange = `辅助!$${col(AUX.list)}$2:$${col(AUX.list)}$${list.length + 1}`;
  const days = cp.window?.days ?? [];
  days.forEach((d, i) => (aux.getCell(i + 2, AUX.open).value = d.open ? 1 : 0));
  const openRange = `辅助!$${col(AUX.open)}$2:$${col(AUX.open)}$${Math.max(days.length, 1) + 1}`;
  const condRefs = T.conditions.map(([lo, hi], i) => {
    aux.getCell(i + 2, AUX.condFrom).value = Math.max(lo + SERIAL_OFFSET, 0);
    aux.getCell(i + 2, AUX.condTo).value = hi + SERIAL_OFFSET;
    return { from: `辅助!$${col(AUX.condFrom)}$${i + 2}`, to: `辅助!$${col(AUX.condTo)}$${i + 2}` };
  });
  const decHead = ['键', '缴费标准', '个人缴费', '资助', '缴费时应缴', '事后补退', '资助方式', '资金来源', '适用类别', '状态', '提示', '期外不退补'];
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
      sheetFunders(q),
      q.appliedCategoryName?.zh ?? '',
      q.status === 'determined' ? '已确定' : '未明确',
      shortWarnings(q.warnings),
      // quote promises no refund for a payment outside the window (reimbursedLater null).
      q.mechanism === 'refund-after-window' && q.reimbursedLater !== '0.00' ? 1 : 0,
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
  const helpers = ['有数据', '身份证号文字', '身份证号检查', '身份证号出生日', '身份证号重复', '身份证号问题', '类别1文字', '类别2文字', '类别3文字', '掩码1', '掩码2', '掩码3', '掩码', '名称较宽', '缴费日期文字', '缴费日期规整', '缴费日期数字', '缴费日', '出生日期文字', '出生日期规整', '出生日期数字', '出生日', '错误', '日期条件', '决策行', '征缴期内', '新生儿', '新生儿逾期', '期外'];
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
    aliasBroader,
    stride: T.stride,
    bitValues: T.bitValues,
    window: !c ? 'not-stated' : c.start.inferred || c.end.inferred ? 'inferred' : 'stated',
    newborn: cp.newborn?.months !== undefined,
    newbornRefused: cp.newborn?.months !== undefined && cp.newborn.late === 'refused',
    newbornDeferred: cp.newborn !== undefined && cp.newborn.months === undefined,
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
