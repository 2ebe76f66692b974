/**
 * The decision step: the one place the roster job calls the engine
 * (`quoteOrError`). Results are cached per payment-date context — the raw
 * county, year, categories and payment-date cells — inside or outside the
 * window, suspended or after the end alike; a birth date changes a result
 * only when it is not a date, after the payment, or recent enough for a
 * newborn rule outside the window, and those results are cached too. What is
 * kept grows with the distinct contexts, never with the rows.
 */
import { YibaoError } from '../../errors.js';
import type { Quote } from '../../engine.js';
import { toFen } from '../../money.js';
import { quoteOrError } from '../../quote.js';
import type { PolicyRegistry } from '../../registry.js';
import { MECHANISM_NAMES } from '../../vocabulary.js';
import { coverageYearFromText, normaliseDateText, splitCategories } from '../../input-text.js';
import { dayNumber, formatCivilDate, parseCivilDate } from '../../civil-date.js';
import { csvField } from '../csv.js';
import { t, type Lang } from '../text.js';
import { categoriesText, type Columns } from './columns.js';
import type { Problem } from './checks.js';
import type { Rows } from './reading.js';

/** The computed columns, in order: JSON key, Chinese header, English header. */
export const OUT = [
  ['standard', '缴费标准', 'standard'],
  ['individual', '个人缴费', 'individual'],
  ['subsidy', '资助金额', 'subsidy'],
  ['dueAtPayment', '缴费时应缴', 'due at payment'],
  ['reimbursedLater', '事后补退', 'reimbursed later'],
  ['mechanism', '资助方式', 'mechanism'],
  ['funders', '资金来源', 'funders'],
  ['appliedCategory', '适用类别', 'applied category'],
  ['windowOpen', '在征缴期内', 'window open'],
  ['coverageStart', '待遇开始', 'coverage start'],
  ['coverageEnd', '待遇结束', 'coverage end'],
  ['status', '状态', 'status'],
  ['policyId', '政策', 'policy'],
  ['warnings', '提示', 'warnings'],
  ['warningCodes', '提示代码', 'warning codes'],
  ['errorCode', '错误代码', 'error code'],
  ['errorMessage', '错误信息', 'error message'],
] as const;
export type OutKey = (typeof OUT)[number][0];
export const MONEY_KEYS: ReadonlySet<OutKey> = new Set<OutKey>(['standard', 'individual', 'subsidy', 'dueAtPayment', 'reimbursedLater']);
/** Between the items of a list cell (funders, warnings). */
export const LIST_SEPARATOR: Record<Lang, string> = { zh: '、', en: '; ' };
/** Between the items of a code list cell. */
export const CODE_SEPARATOR = ';';

/** Short phrases for the engine's warning codes (the 提示 column). */
const WARNING_PHRASES: Record<string, [string, string]> = {
  'highest-single': ['多项类别取资助最高的一项', 'highest single subsidy applied'],
  tie: ['资助额相同，按类别顺序取一项', 'equal subsidies: first category applied'],
  'unspecified-might-give-more': ['另有类别的资助额通知未明确', 'another category has no stated figure'],
  'silent-category': ['通知未提及的类别不享受资助', 'a category the notice does not mention'],
  'precondition-assumed': ['假定满足资助前提条件', 'precondition assumed met'],
  'depends-on-payment-date': ['结果取决于缴费日期', 'depends on the payment date'],
  'no-funder-named': ['通知未写明资金来源', 'no funder named'],
  'outside-window': ['缴费日期不在征缴期内', 'paid outside the window'],
  'rounding-assumed': ['假定的取整方式', 'rounding assumed'],
  'broader-name': ['名称比通知所指更宽，按通知的类别计算', 'a broader name than the notice uses'],
  'coverage-inferred': ['待遇期为推断', 'coverage period inferred'],
  'coverage-not-stated': ['通知未写明待遇期', 'coverage period not stated'],
  'either-funder': ['资金来源二者之一，通知未写明哪一个', 'one of two funders, the notice does not say which'],
  'group-deadline-passed': ['已过通知规定的该类人员截止日期', 'after the deadline set for this group'],
  'inferred-cutoff': ['退补截止日期为推断', 'refund cutoff inferred'],
  'may-be-covered': ['通知称可能另有政策覆盖', 'may be covered by another policy'],
  'mechanism-hedged': ['资助方式通知写作“一般”', 'mechanism hedged ("一般")'],
  'mechanism-inferred': ['资助方式为推断', 'mechanism inferred'],
  'mechanism-not-stated': ['通知未写明资助方式', 'mechanism not stated'],
  'newborn-deferred': ['新生儿参保按规定办理，通知未写期限', 'newborns: no period stated'],
  'newborn-refused': ['新生儿逾期，通知规定不予办理', 'newborn enrolment refused as late'],
  'no-refund-outside-window': ['征缴期外缴费，不承诺退补', 'outside the window: no refund promised'],
  'no-subsidy-stated': ['通知提及该类别但未写资助', 'named without a subsidy'],
  'standard-inferred': ['缴费标准为推断', 'standard inferred'],
  'standard-not-stated': ['通知未写明缴费标准', 'standard not stated'],
  'window-inferred': ['征缴期为推断', 'window inferred'],
  'window-not-stated': ['通知未写明征缴期', 'window not stated'],
};
const warningPhrase = (code: string, lang: Lang) => WARNING_PHRASES[code]?.[lang === 'zh' ? 0 : 1] ?? code;

export const EMPTY: Record<OutKey, string> = Object.fromEntries(OUT.map(([k]) => [k, ''])) as Record<OutKey, string>;

function computedColumns(q: Quote, lang: Lang): Record<OutKey, string> {
  return {
    standard: q.standard ?? '',
    individual: q.individual ?? '',
    subsidy: q.subsidy ?? '',
    dueAtPayment: q.dueAtPayment ?? '',
    reimbursedLater: q.reimbursedLater ?? '',
    mechanism: q.mechanism ? (lang === 'zh' ? MECHANISM_NAMES[q.mechanism].zh : q.mechanism) : '',
    funders:
      lang === 'zh'
        ? q.funderDetails.map((f) => f.zh).join(q.funding === 'one-of' ? '或' : LIST_SEPARATOR.zh)
        : q.funders.join(q.funding === 'one-of' ? ' or ' : LIST_SEPARATOR.en),
    appliedCategory: q.appliedCategory ? (lang === 'zh' ? (q.appliedCategoryName?.zh ?? q.appliedCategory) : q.appliedCategory) : '',
    windowOpen: q.window ? (q.window.open === null ? t(lang, '未写明', 'not stated') : q.window.open ? t(lang, '是', 'yes') : t(lang, '否', 'no')) : '',
    coverageStart: q.coverage?.start ?? '',
    coverageEnd: q.coverage?.end ?? '',
    status: q.status === 'determined' ? t(lang, '已确定', 'determined') : t(lang, '未明确', 'unspecified'),
    policyId: q.policyId,
    // A code the quote gives twice (for two categories, say) is said once: the row's cell is a list of what to look at.
    warnings: [...new Set(q.warnings.map((w) => warningPhrase(w.code, lang)))].join(LIST_SEPARATOR[lang]),
    warningCodes: [...new Set(q.warnings.map((w) => w.code))].join(CODE_SEPARATOR),
    errorCode: '',
    errorMessage: '',
  };
}

/** The computed columns of a row with an error: no amounts, only the error. */
export function errorColumns(code: string, message: string): Record<OutKey, string> {
  return { ...EMPTY, errorCode: code, errorMessage: message };
}

/** The computed columns as CSV bytes (with the line break). */
export function suffixBytes(out: Record<OutKey, string>): Buffer {
  let s = '';
  for (const [k] of OUT) s += `,${csvField(out[k])}`;
  return Buffer.from(`${s}\r\n`);
}

/** One distinct payment-date context of a roster: its result, output text and money, and how many rows had it. */
export interface Entry {
  /** Its place in the job's list of entries. */
  readonly index: number;
  readonly q: Quote | undefined;
  readonly error: Problem | undefined;
  readonly out: Record<OutKey, string>;
  /** The computed columns as CSV bytes with the line break, encoded once. */
  suffixBytes?: Buffer;
  /** The payment date as a day number (NaN: none, or not a date). */
  readonly paidDay: number;
  /** The last day of the coverage year (NaN: no valid year). */
  readonly lastDay: number;
  readonly fen: { individual: number; subsidy: number; due: number; later: number };
  /** Rows that count in the totals. */
  count: number;
}

const NO_MONEY = { individual: 0, subsidy: 0, due: 0, later: 0 };
const CACHE_LIMIT = 200_000;
/** A newborn rule reaches back at most this many days before the payment (Qinshui: 6 months; room for any notice). */
const NEWBORN_REACH = 1100;

function yearError(text: string): YibaoError {
  return new YibaoError([{ code: 'invalid_input', path: ['coverageYear'], zh: `待遇年度无效：${text || '（空）'}`, en: `invalid coverage year: ${text || '(empty)'}` }]);
}

/** What decides the rows: flags for missing columns, and the office's category labels. */
export interface DecisionOptions {
  lang: Lang;
  county?: string;
  year?: number;
  /** Office label → the policy's category names (`--category-map`). */
  categoryMap?: ReadonlyMap<string, readonly string[]>;
  /** The policies to quote against (the built-ins plus `--policy` files); default the built-ins. */
  registry?: PolicyRegistry;
}

/** Decides rows, one cached result per distinct context. */
export class Decider {
  readonly entries: Entry[] = [];
  private readonly cache = new Map<string, Entry>();
  private readonly flagYear: string;
  private readonly input: { county: string; coverageYear: number; categories: string[]; paidOn?: string; birthDate?: string } = { county: '', coverageYear: 0, categories: [] };

  constructor(
    private readonly cols: Columns,
    private readonly opts: DecisionOptions,
  ) {
    this.flagYear = opts.year === undefined ? '' : String(opts.year);
  }

  /** The entry of the current row, without regard to a birth date; `key` is the row's context key. */
  base(key: string, rows: Rows): Entry {
    let e = this.cache.get(key);
    if (!e) {
      e = this.compute(rows, undefined);
      this.keep(key, e);
    }
    return e;
  }

  /**
   * The entry of the current row given its birth date (`birthDay`: a day
   * number, NaN when unknown, Infinity when `birthText` is not a date).
   */
  withBirth(key: string, rows: Rows, base: Entry, birthDay: number, birthText: string | undefined): Entry {
    if (Number.isNaN(birthDay) || base.error) return base;
    let k: string;
    if (birthDay === Infinity) k = `${key}\u0002${birthText}`;
    else if (Number.isNaN(base.paidDay)) return base;
    else if (birthDay > base.paidDay) k = `${key}\u0003`;
    else if (base.q?.window && !base.q.window.open && birthDay > base.paidDay - NEWBORN_REACH) k = `${key}\u0004${birthDay}`;
    else return base;
    let e = this.cache.get(k);
    if (!e) {
      e = this.compute(rows, birthText ?? formatCivilDate(birthDay));
      this.keep(k, e);
    }
    return e;
  }

  private keep(key: string, e: Entry): void {
    this.entries.push(e);
    if (this.cache.size < CACHE_LIMIT) this.cache.set(key, e);
  }

  /** The row's coverage year: its text (the column, else --year) and the year it names. */
  private yearOf(rows: Rows): { text: string; year: number | undefined } {
    const text = rows.text(this.cols.col.year).trim() || this.flagYear;
    return { text, year: coverageYearFromText(text) };
  }

  private readonly lastDays = new Map<string, number>();
  /**
   * The last day of the row's coverage year, exactly as the row's entry will
   * record it ({@link Entry.lastDay}; NaN: no valid year), without deciding
   * the row: for the quick pass that finds duplicate IDs.
   */
  lastDayOf(rows: Rows): number {
    // Cached by the cell's raw bytes (a year column holds few distinct values); decoded only when new.
    const col = this.cols.col.year;
    const raw = col >= 0 ? rows.rawKey(col, col) : '';
    let d = this.lastDays.get(raw);
    if (d === undefined) {
      const { year } = this.yearOf(rows);
      d = year === undefined ? NaN : dayNumber(year, 12, 31);
      if (this.lastDays.size < 1000) this.lastDays.set(raw, d);
    }
    return d;
  }

  private compute(rows: Rows, birthIso: string | undefined): Entry {
    const { col } = this.cols;
    const county = rows.text(col.county).trim() || this.opts.county || '';
    const { text: yearText, year } = this.yearOf(rows);
    const cats = categoriesText(rows, this.cols);
    const paidIso = normaliseDateText(rows.text(col.paidOn));
    const paidDay = paidIso ? (parseCivilDate(paidIso) ?? NaN) : NaN;
    const index = this.entries.length;
    if (year === undefined) return entryOf(yearError(yearText), paidDay, NaN, this.opts.lang, index);
    const input = this.input;
    input.county = county;
    input.coverageYear = year;
    const map = this.opts.categoryMap;
    input.categories = cats ? (map ? splitCategories(cats).flatMap((c) => map.get(c) ?? [c]) : splitCategories(cats)) : [];
    if (paidIso) input.paidOn = paidIso;
    else delete input.paidOn;
    if (birthIso) input.birthDate = birthIso;
    else delete input.birthDate;
    return entryOf(quoteOrError(input, this.opts.registry), paidDay, dayNumber(year, 12, 31), this.opts.lang, index);
  }
}

function entryOf(q: Quote | YibaoError, paidDay: number, lastDay: number, lang: Lang, index: number): Entry {
  if (q instanceof YibaoError) {
    const error = { code: q.code, zh: q.zh, en: q.en };
    return { index, q: undefined, error, out: errorColumns(error.code, error[lang]), paidDay, lastDay, fen: NO_MONEY, count: 0 };
  }
  // Where the notice states no mechanism (or no refund can be promised), when the money is paid is unknown:
  // it counts as nothing in the due/later totals, and the row's 提示 says why.
  const known = (v: string | null) => (v === null ? 0 : toFen(v));
  const f = q.status === 'determined' ? { individual: toFen(q.individual!), subsidy: toFen(q.subsidy!), due: known(q.dueAtPayment), later: known(q.reimbursedLater) } : NO_MONEY;
  return { index, q, error: undefined, out: computedColumns(q, lang), paidDay, lastDay, fen: f, count: 0 };
}

