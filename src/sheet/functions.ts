/**
 * The spreadsheet layer: functions that take scalars or ranges (2-D arrays)
 * and return scalars or 2-D arrays, over `quote`. Platform wrappers (Google
 * Apps Script, Excel, WPS) turn {@link SheetError} into their error values.
 *
 * Cells arrive as spreadsheets send them: county names as typed (岢岚县, 岢岚),
 * years as numbers, dates as serial numbers, `Date` objects or text. Amounts
 * go back as numbers; a bad cell gives an error with a readable message,
 * never a number.
 *
 * @module
 */
import { dayNumberFromSerial, formatCivilDate } from '../civil-date.js';
import type { Quote } from '../engine.js';
import { YibaoError } from '../errors.js';
import { coverageYearFromText, normaliseDateText, splitCategories } from '../input-text.js';
import { quoteOrError } from '../quote.js';
import { builtinRegistry, type PolicyRegistry } from '../registry.js';
import { registryFromText } from './policy-text.js';

export { setPolicyDefiner, type PolicyDefiner } from './policy-text.js';
import { funderNames, MECHANISM_NAMES } from '../vocabulary.js';

/** What a cell can hold. */
export type Cell = string | number | boolean | Date | null | undefined;
/** An argument: one cell, or a range. */
export type Arg = Cell | Cell[][];
/** What a function gives for one cell. */
export type Out = string | number | boolean | SheetError;

/** An error for one cell, with a readable message (Chinese, then English). */
export class SheetError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
  toString(): string {
    return `#${this.code}: ${this.message}`;
  }
}

/** Empty, or text of spaces only (as the roster job reads a cell). */
const isEmpty = (v: Cell) => v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');
/** A Date from any realm (a host may hand over a Date made in another frame). */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** The spreadsheet's time zone, in which a `Date` cell is read; China's by default. */
let sheetZone = 'Asia/Shanghai';
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(zone: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(zone);
  if (!f) zoneFormats.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' })));
  return f;
}

/**
 * Sets the time zone in which `Date` cells are read: the spreadsheet's own
 * (Google Sheets: `SpreadsheetApp.getActive().getSpreadsheetTimeZone()`).
 * A date cell is midnight of its day in that zone, so any zone (UTC−12 to
 * UTC+14) and any time of day lands on the right civil day. Throws a
 * `RangeError` for a zone the host does not know.
 *
 * @example
 * ```ts
 * setTimeZone('Pacific/Auckland');
 * cellDate(new Date('2022-12-25T11:00:00Z'), 'paidOn') // '2022-12-26'
 * ```
 */
export function setTimeZone(zone: string): void {
  zoneFormat(zone);
  sheetZone = zone;
}

/** The time zone in which `Date` cells are read. */
export function getTimeZone(): string {
  return sheetZone;
}

/** The civil date of an instant in the sheet's zone. */
function civilInZone(t: number): string {
  let y = 0;
  let m = 0;
  let d = 0;
  for (const part of zoneFormat(sheetZone).formatToParts(t)) {
    if (part.type === 'year') y = Number(part.value);
    else if (part.type === 'month') m = Number(part.value);
    else if (part.type === 'day') d = Number(part.value);
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date cell as "YYYY-MM-DD", read the way the roster job reads it: a serial
 * number (1900 date system; a time of day is dropped), a whole number of 8
 * digits as 20211201, a `Date` (read in the sheet's time zone, see
 * {@link setTimeZone}), or text (2021-12-01, 2021/12/1, 2021.12.1,
 * 2021年12月1日, 20211201). Empty or spaces only: undefined.
 */
export function cellDate(v: Cell, field: string): string | SheetError | undefined {
  if (isEmpty(v)) return undefined;
  if (typeof v === 'number') {
    if (v >= 10_000_000 && Number.isInteger(v)) return normaliseDateText(String(v));
    const d = dayNumberFromSerial(v);
    return d === undefined ? new SheetError('invalid_date', `日期无效 invalid ${field}: ${v}`) : formatCivilDate(d);
  }
  if (isDate(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return new SheetError('invalid_date', `日期无效 invalid ${field}`);
    return civilInZone(t);
  }
  if (typeof v === 'string') return normaliseDateText(v);
  return new SheetError('invalid_type', `应为日期 ${field} must be a date`);
}

/** A year cell: 2022, "2022" or "2022年度". */
export function cellYear(v: Cell): number | SheetError {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const y = typeof v === 'string' ? coverageYearFromText(v) : undefined;
  return y !== undefined ? y : new SheetError('invalid_input', `待遇年度无效 invalid coverage year: ${String(v ?? '')}`);
}

/** Categories from one cell: several separated by 、 , ; / (never inside brackets). */
export function cellCategories(v: Cell): string[] {
  return isEmpty(v) ? [] : splitCategories(String(v));
}

/** The quote for one set of cells, or the error for the cell. */
export function cellQuote(county: Cell, year: Cell, categories?: Cell, paidOn?: Cell, birthDate?: Cell, registry: PolicyRegistry = builtinRegistry): Quote | SheetError {
  if (isEmpty(county)) return new SheetError('missing_field', '缺少县 missing county');
  const y = cellYear(year);
  if (y instanceof SheetError) return y;
  const paid = cellDate(paidOn, 'paidOn');
  if (paid instanceof SheetError) return paid;
  const birth = cellDate(birthDate, 'birthDate');
  if (birth instanceof SheetError) return birth;
  const q = quoteOrError({ county: String(county).trim(), coverageYear: y, categories: cellCategories(categories), paidOn: paid, birthDate: birth }, registry);
  return q instanceof YibaoError ? new SheetError(q.code, `${q.zh} / ${q.en}`) : q;
}

const isRange = (a: Arg): a is Cell[][] => Array.isArray(a);

/**
 * Applies `f` cell by cell: all scalars give a scalar; ranges give a range of
 * the largest shape, a scalar or a single cell repeating over it. Where the
 * county comes from a range, a row whose range cells are all empty gives "".
 */
export function broadcast(args: readonly Arg[], f: (...cells: Cell[]) => Out): Out | Out[][] {
  let rows = 0;
  let cols = 0;
  for (const a of args)
    if (isRange(a)) {
      rows = Math.max(rows, a.length);
      cols = Math.max(cols, ...a.map((r) => r.length));
    }
  if (!rows) return f(...(args as Cell[]));
  const at = (a: Arg, r: number, c: number): Cell => {
    if (!isRange(a)) return a;
    const row = a.length === 1 ? a[0] : a[r];
    if (!row) return undefined;
    return row.length === 1 ? row[0] : row[c];
  };
  // A blank row of a range (the county from a range, and every cell taken from a range empty) gives a blank.
  const ranged = args.map(isRange);
  const out: Out[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Out[] = [];
    for (let c = 0; c < cols; c++) {
      const cells = args.map((a) => at(a, r, c));
      line.push(ranged[0] && cells.every((v, i) => !ranged[i] || isEmpty(v)) ? '' : f(...cells));
    }
    out.push(line);
  }
  return out;
}

/**
 * A policy argument (JSON text in a cell, or a range holding it): the registry
 * to quote against, or the error for every cell. Empty: the built-in policies.
 */
function withPolicy<T>(policy: Arg | undefined, run: (registry: PolicyRegistry) => T): T | SheetError {
  const r = registryFromText(policy);
  return 'lookup' in r ? run(r) : new SheetError(r.code, r.message);
}

type Lang = 'zh' | 'en';
const langOf = (v: Cell): Lang => (typeof v === 'string' && v.trim().toLowerCase().startsWith('en') ? 'en' : 'zh');

function money(field: 'individual' | 'subsidy' | 'dueAtPayment' | 'reimbursedLater') {
  return (q: Quote | SheetError): Out => {
    if (q instanceof SheetError) return q;
    const v = q[field];
    return v === null ? new SheetError('unspecified', `通知未明确该类别的资助（${q.explain.find((s) => s.step === 'rule')?.cite?.clause ?? ''}）/ the notice defers for this category`) : Number(v);
  };
}

/** 个人缴费: what the person bears, in yuan. */
export function YIBAO_INDIVIDUAL(county: Arg, year: Arg, categories?: Arg, paidOn?: Arg, policy?: Arg) {
  return withPolicy(policy, (reg) => broadcast([county, year, categories, paidOn], (a, b, c, d) => money('individual')(cellQuote(a, b, c, d, undefined, reg))));
}
/** 资助: the public subsidy, in yuan. */
export function YIBAO_SUBSIDY(county: Arg, year: Arg, categories?: Arg, paidOn?: Arg, policy?: Arg) {
  return withPolicy(policy, (reg) => broadcast([county, year, categories, paidOn], (a, b, c, d) => money('subsidy')(cellQuote(a, b, c, d, undefined, reg))));
}
/** 缴费时应缴: what is collected when paying, in yuan. */
export function YIBAO_DUE(county: Arg, year: Arg, categories?: Arg, paidOn?: Arg, policy?: Arg) {
  return withPolicy(policy, (reg) => broadcast([county, year, categories, paidOn], (a, b, c, d) => money('dueAtPayment')(cellQuote(a, b, c, d, undefined, reg))));
}
/** 事后补退: what is paid back later, in yuan. */
export function YIBAO_REIMBURSED(county: Arg, year: Arg, categories?: Arg, paidOn?: Arg, policy?: Arg) {
  return withPolicy(policy, (reg) => broadcast([county, year, categories, paidOn], (a, b, c, d) => money('reimbursedLater')(cellQuote(a, b, c, d, undefined, reg))));
}
/** 资金来源: who funds the subsidy ("—" for none). */
export function YIBAO_FUNDERS(county: Arg, year: Arg, categories?: Arg, paidOn?: Arg, lang?: Arg, policy?: Arg) {
  return withPolicy(policy, (reg) => broadcast([county, year, categories, paidOn, lang], (a, b, c, d, l) => {
    const q = cellQuote(a, b, c, d, undefined, reg);
    if (q instanceof SheetError) return q;
    if (q.status === 'unspecified') return money('subsidy')(q);
    return funderNames(q.funders, langOf(l)) || '—';
  }));
}
/** 资助方式: how the subsidy reaches the contribution. */
export function YIBAO_MECHANISM(county: Arg, year: Arg, categories?: Arg, paidOn?: Arg, lang?: Arg, policy?: Arg) {
  return withPolicy(policy, (reg) => broadcast([county, year, categories, paidOn, lang], (a, b, c, d, l) => {
    const q = cellQuote(a, b, c, d, undefined, reg);
    if (q instanceof SheetError) return q;
    return q.mechanism ? MECHANISM_NAMES[q.mechanism][langOf(l)] : money('subsidy')(q);
  }));
}
/** 是否在征缴期内: whether payment is accepted on that date (newborns: with the birth date). */
export function YIBAO_WINDOW_OPEN(county: Arg, year: Arg, paidOn: Arg, birthDate?: Arg, policy?: Arg) {
  return withPolicy(policy, (reg) => broadcast([county, year, paidOn, birthDate], (a, b, d, e) => {
    if (isEmpty(d)) return new SheetError('missing_field', '缺少缴费日期 missing paidOn');
    const q = cellQuote(a, b, undefined, d, e, reg);
    return q instanceof SheetError ? q : (q.window!.open ?? new SheetError('not_stated', '通知未规定征缴期 / the notice states no window'));
  }));
}
/** 待遇享受期: [start, end] as text, one row of two cells. */
export function YIBAO_COVERAGE(county: Cell, year: Cell, paidOn?: Cell, birthDate?: Cell, policy?: Arg): Out[][] {
  const reg = registryFromText(policy);
  if (!('lookup' in reg)) {
    const e = new SheetError(reg.code, reg.message);
    return [[e, e]];
  }
  const q = cellQuote(county, year, undefined, paidOn, birthDate, reg);
  if (q instanceof SheetError) return [[q, q]];
  if (!q.coverage) {
    const e = new SheetError('outside_window', '缴费日期不在征缴期内 / outside the collection window');
    return [[e, e]];
  }
  return [[q.coverage.start, q.coverage.end]];
}
/** 依据: the explanation, one step a line, each with its clause. */
export function YIBAO_EXPLAIN(county: Arg, year: Arg, categories?: Arg, paidOn?: Arg, lang?: Arg, policy?: Arg) {
  return withPolicy(policy, (reg) => broadcast([county, year, categories, paidOn, lang], (a, b, c, d, l) => {
    const q = cellQuote(a, b, c, d, undefined, reg);
    if (q instanceof SheetError) return q;
    const L = langOf(l);
    return [...q.explain.map((s, i) => `${i + 1}. ${s[L]}${s.cite ? ` 〔${s.cite.clause}〕` : ''}`), ...q.warnings.map((w) => `! ${w[L]}`)].join('\n');
  }));
}

/** The columns {@link YIBAO_ROSTER} returns. */
export const ROSTER_COLUMNS = {
  zh: ['缴费标准', '个人缴费', '资助', '缴费时应缴', '事后补退', '资助方式', '资金来源', '适用类别', '在征缴期内', '待遇开始', '待遇结束', '状态', '说明'],
  en: ['standard', 'individual', 'subsidy', 'due at payment', 'reimbursed later', 'mechanism', 'funders', 'applied category', 'window open', 'coverage start', 'coverage end', 'status', 'message'],
} as const;

/**
 * A whole roster block in one call (spreadsheets limit the time per call).
 * Each row of `block`: county, coverage year, categories, payment date, and
 * optionally birth date. Returns one row per input row, columns
 * {@link ROSTER_COLUMNS}; an empty row stays empty, a row with data but no
 * county is an error.
 */
export function YIBAO_ROSTER(block: Arg, lang?: Cell, policy?: Arg): Out[][] {
  const L = langOf(lang);
  const rows = isRange(block) ? block : [[block]];
  const reg = registryFromText(policy);
  return rows.map((r) => {
    if (r.every(isEmpty)) return ROSTER_COLUMNS[L].map(() => '');
    const q = 'lookup' in reg ? cellQuote(r[0], r[1], r[2], r[3], r[4], reg) : new SheetError(reg.code, reg.message);
    if (q instanceof SheetError) return [q, q, q, q, q, '', '', '', '', '', '', 'error', q.message];
    const amount = (v: string | null) => (v === null ? new SheetError('unspecified', '通知未明确 / the notice defers') : Number(v));
    return [
      amount(q.standard),
      amount(q.individual),
      amount(q.subsidy),
      amount(q.dueAtPayment),
      amount(q.reimbursedLater),
      q.mechanism ? MECHANISM_NAMES[q.mechanism][L] : '',
      funderNames(q.funders, L),
      q.appliedCategoryName ? q.appliedCategoryName[L] : '',
      q.window ? (q.window.open ?? '') : '',
      q.coverage?.start ?? '',
      q.coverage?.end ?? '',
      q.status,
      q.warnings.map((w) => w[L]).join('；'),
    ];
  });
}
