/**
 * Which column feeds which field. Columns are found by header name (Chinese
 * or English); 类别1, 类别2, 类别3 … are one field (as the workbook writes them).
 * A header that looks like a known field but is not one of its names
 * (身份证, 缴款日期, 人员类别（多选）, a second 身份证号) is an error that names it
 * and says how to map it (`--column 身份证号=身份证`) or ignore it
 * (`--ignore-column 身份证`): never a check skipped in silence.
 */
import type { Lang } from '../text.js';
import { RosterFileError } from './errors.js';
import { CsvReader } from '../csv.js';
import type { Rows } from './reading.js';

export type Field = 'name' | 'id' | 'county' | 'year' | 'categories' | 'paidOn' | 'birthDate';
export const FIELDS: readonly Field[] = ['name', 'id', 'county', 'year', 'categories', 'paidOn', 'birthDate'];

/** Header names of each field (compared without spaces, case-insensitively); the first is the field's Chinese name. */
export const HEADERS: Record<Field, string[]> = {
  name: ['姓名', '参保人姓名', 'name'],
  id: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'id', 'idnumber', 'id_number'],
  county: ['县', '县区', '区县', '参保地', '参保县', 'county'],
  year: ['待遇年度', '年度', '参保年度', 'coverageyear', 'coverage_year', 'year'],
  categories: ['类别', '人员类别', '资助类别', '身份类别', '困难类别', 'categories', 'category'],
  paidOn: ['缴费日期', '缴费时间', 'paidon', 'paid_on', 'paymentdate', 'payment_date'],
  birthDate: ['出生日期', 'birthdate', 'birth_date'],
};

/** Words that make a header look like a field (for headers that are none of its names). */
const LOOKS_LIKE: Array<[Field, RegExp]> = [
  ['id', /身份证|证件号|公民身份/],
  ['paidOn', /(缴费|缴款|交费|收款|到账).*(日期|时间)|(日期|时间).*(缴费|缴款)/],
  ['birthDate', /出生/],
  ['categories', /类别|类型|身份属性|资助对象/],
  ['year', /年度/],
  ['name', /姓名/],
];

export const normHeader = (h: string) => h.replace(/^\uFEFF/, '').replace(/\s+/g, '').toLowerCase();

const FIELD_BY_NAME = new Map<string, Field>();
for (const f of FIELDS) for (const h of HEADERS[f]) FIELD_BY_NAME.set(h, f);
for (const f of FIELDS) FIELD_BY_NAME.set(f.toLowerCase(), f);

/** A field named by the user (`--column 身份证号=…`): any of its header names or its English key. */
export function fieldNamed(s: string): Field | undefined {
  return FIELD_BY_NAME.get(normHeader(s));
}

/** The field a header names exactly (category columns numbered 类别1, 类别2 … included). */
function fieldOfHeader(h: string): Field | undefined {
  const n = normHeader(h);
  const f = FIELD_BY_NAME.get(n);
  if (f) return f;
  const m = /^(.+?)[_-]?\d{1,2}$/.exec(n);
  if (m && HEADERS.categories.includes(m[1]!)) return 'categories';
  return undefined;
}

/** How the columns are to be read: the user's mapping and ignored columns. */
export interface ColumnOptions {
  lang: Lang;
  county?: string;
  year?: number;
  /** `field=header` pairs (`--column`). */
  columns?: string[];
  /** Headers to leave unused (`--ignore-column`). */
  ignore?: string[];
  /** Run without ID checks (`--no-id-check`). */
  noIdCheck?: boolean;
  /** A column whose values get their own summary table (`--by`). */
  by?: string;
}

/** The columns of a roster. */
export interface Columns {
  header: string[];
  /** The column of each field (-1: none); for categories, the first of {@link categoryCols}. */
  col: Record<Field, number>;
  /** Every category column, in order. */
  categoryCols: number[];
  /** The `--by` column (-1: none). */
  by: number;
  /** Which column fed each field, and the columns not used, for the summary. */
  used: Array<{ field: Field; header: string }>;
  unused: string[];
}

const quoteList = (xs: string[]) => xs.map((x) => `“${x}”`).join('、');

/** Maps a header to fields; throws {@link RosterFileError} for a header it cannot use unambiguously. */
export function mapColumns(header: string[], opts: ColumnOptions, line: number): Columns {
  const norm = header.map(normHeader);
  const fail = (zh: string, en: string): never => {
    throw new RosterFileError(`第 ${line} 行（表头）：${zh}`, `line ${line} (the header): ${en}`);
  };
  const explicit = new Map<number, Field>();
  for (const spec of opts.columns ?? []) {
    const eq = spec.indexOf('=');
    const field = eq > 0 ? fieldNamed(spec.slice(0, eq)) : undefined;
    if (!field) fail(`--column 须写成 字段=表头，字段为 ${FIELDS.map((f) => HEADERS[f][0]).join('、')}：${spec}`, `--column takes field=header, the field one of ${FIELDS.join(', ')}: ${spec}`);
    const idx = norm.indexOf(normHeader(spec.slice(eq + 1)));
    if (idx < 0) fail(`--column ${spec}：表头中没有“${spec.slice(eq + 1)}”列`, `--column ${spec}: the header has no column "${spec.slice(eq + 1)}"`);
    explicit.set(idx, field!);
  }
  const ignored = new Set((opts.ignore ?? []).map(normHeader));
  const byNorm = opts.by === undefined ? undefined : normHeader(opts.by);
  const col = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Record<Field, number>;
  const categoryCols: number[] = [];
  const used: Columns['used'] = [];
  const unused: string[] = [];
  const suspicious: Array<[string, Field]> = [];
  const twice: Array<[string, Field]> = [];
  let by = -1;
  header.forEach((h, i) => {
    if (byNorm !== undefined && norm[i] === byNorm && by < 0) by = i;
    if (ignored.has(norm[i]!) && !explicit.has(i)) return void unused.push(h);
    const f = explicit.get(i) ?? fieldOfHeader(h);
    if (f) {
      if (f === 'categories') {
        categoryCols.push(i);
        if (col.categories < 0) col.categories = i;
        used.push({ field: f, header: h });
        return;
      }
      // A field named twice: the explicit mapping wins; two of the same name is ambiguous.
      if (col[f] >= 0) {
        if (explicit.get(col[f]) === f) return void unused.push(h);
        if (explicit.get(i) !== f) return void twice.push([h, f]);
        const prev = used.findIndex((u) => u.field === f);
        unused.push(used.splice(prev, 1)[0]!.header);
      }
      col[f] = i;
      used.push({ field: f, header: h });
      return;
    }
    if (by === i) return;
    const like = LOOKS_LIKE.find(([, re]) => re.test(norm[i]!));
    if (like) suspicious.push([h, like[0]]);
    else unused.push(h);
  });
  if (twice.length)
    fail(
      `${twice.map(([h, f]) => `“${h}”与另一列都是${HEADERS[f][0]}`).join('；')}。请用 --column ${HEADERS[twice[0]![1]][0]}=<列名> 指定用哪一列，或用 --ignore-column <列名> 忽略另一列`,
      `${twice.map(([h, f]) => `"${h}" and another column are both ${f}`).join('; ')}. Choose one with --column ${twice[0]![1]}=<header>, or leave the other out with --ignore-column <header>`,
    );
  if (suspicious.length)
    fail(
      `${suspicious.map(([h, f]) => `列“${h}”像是${HEADERS[f][0]}，但不是可识别的列名`).join('；')}。请用 ${suspicious.map(([h, f]) => `--column ${HEADERS[f][0]}=${h}`).join(' ')} 指定，或用 --ignore-column ${suspicious[0]![0]} 忽略`,
      `${suspicious.map(([h, f]) => `column "${h}" looks like ${f} but is not a recognised name`).join('; ')}. Map it with ${suspicious.map(([h, f]) => `--column ${f}=${h}`).join(' ')}, or leave it out with --ignore-column ${suspicious[0]![0]}`,
    );
  if (opts.by !== undefined && by < 0) fail(`--by 指定的列“${opts.by}”不在表头中`, `the --by column "${opts.by}" is not in the header`);
  const need: Array<[string, string]> = [];
  if (col.county < 0 && !opts.county) need.push(['县（或 --county）', 'county (or --county)']);
  if (col.year < 0 && opts.year === undefined) need.push(['待遇年度（或 --year）', 'coverage year (or --year)']);
  if (col.id < 0 && !opts.noIdCheck) need.push(['身份证号（确实没有时加 --no-id-check，将不检查身份证号和重复）', 'ID number (if there is none, add --no-id-check: no ID or duplicate checks)']);
  if (need.length)
    fail(
      `缺少必要的列：${need.map((x) => x[0]).join('；')}。表头为：${quoteList(header).slice(0, 200)}`,
      `the header lacks the needed columns: ${need.map((x) => x[1]).join('; ')}. Header: ${header.join(',').slice(0, 200)}`,
    );
  return { header, col, categoryCols, by, used, unused };
}

/** How many cells of a row are known header names: a header row has at least two. */
export function headerScore(row: string[]): number {
  let k = 0;
  for (const h of row) if (h && fieldOfHeader(h)) k++;
  return k;
}

/** Between the keys of columns that are not side by side: not a Latin-1 character, so never inside a raw key of CSV bytes (a Latin-1 string); for XLSX rows U+0000, never in XML text. */
const keySeparator = (rows: Rows) => (rows instanceof CsvReader ? '\u0100' : '\u0000');

/**
 * The cache key of a row: the raw text of the columns a result depends on
 * (county, year, categories, payment date). When those columns are side by
 * side, one slice of the row's bytes.
 */
export function rowKeyOf(c: Columns): (rows: Rows) => string {
  const col = c.col;
  const keyCols = [...new Set([col.county, col.year, ...c.categoryCols, col.paidOn].filter((x) => x >= 0))].sort((x, y) => x - y);
  if (!keyCols.length) return () => '';
  const lo = keyCols[0]!;
  const hi = keyCols[keyCols.length - 1]!;
  if (hi - lo + 1 === keyCols.length) return (rows) => rows.rawKey(lo, hi);
  return (rows) => {
    const sep = keySeparator(rows);
    let k = rows.rawKey(lo, lo);
    for (let i = 1; i < keyCols.length; i++) k += sep + rows.rawKey(keyCols[i]!, keyCols[i]!);
    return k;
  };
}

/** The categories text of a row: its category columns' values, joined with 、. */
export function categoriesText(rows: Rows, c: Columns): string {
  if (c.categoryCols.length === 1) return rows.text(c.categoryCols[0]!).trim();
  let s = '';
  for (const i of c.categoryCols) {
    const v = rows.text(i).trim();
    if (v) s += (s ? '、' : '') + v;
  }
  return s;
}
