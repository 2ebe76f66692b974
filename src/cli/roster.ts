/**
 * The roster job: reads a roster (CSV in UTF-8 or GB18030, or XLSX), computes
 * every row, writes the same rows in the same order with the computed columns
 * appended (CSV, XLSX or JSON, after --out's extension), and sums up what a
 * county needs to budget. N rows in, N rows out; a bad row never stops it.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { open, rm } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { YibaoError } from '../errors.js';
import type { Quote } from '../engine.js';
import { formatFen, toFen } from '../money.js';
import { quoteOrError } from '../quote.js';
import { categoryName, funderNames, MECHANISM_NAMES, type CategoryCode, type FunderCode, type MechanismCode } from '../vocabulary.js';
import { coverageYearFromText, normaliseDateText as normDate, splitCategories } from '../input-text.js';
import { CsvReader, CsvWriter, csvField, csvLine, csvRow, sniffEncoding } from './csv.js';
import { birthDayOfIdKey, idKey, IdIndex, idKeyOfBytes, idProblem } from './id-number.js';
import { formatCivilDate, parseCivilDate } from '../civil-date.js';
import { t, table, type Lang } from './text.js';

/** A failure of the whole job (exit code 1): unreadable or unusable file. */
export class RosterFileError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
  }
}

type Field = 'name' | 'id' | 'county' | 'year' | 'categories' | 'paidOn' | 'birthDate';
const HEADERS: Record<Field, string[]> = {
  name: ['姓名', '参保人姓名', 'name'],
  id: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'id', 'idnumber', 'id_number'],
  county: ['县', '县区', '区县', '参保地', '参保县', 'county'],
  year: ['待遇年度', '年度', '参保年度', 'coverageyear', 'coverage_year', 'year'],
  categories: ['类别', '人员类别', '资助类别', '身份类别', '困难类别', 'categories', 'category'],
  paidOn: ['缴费日期', '缴费时间', 'paidon', 'paid_on', 'paymentdate', 'payment_date'],
  birthDate: ['出生日期', 'birthdate', 'birth_date'],
};
const normHeader = (h: string) => h.replace(/^\uFEFF/, '').replace(/\s+/g, '').toLowerCase();

/** The computed columns, in order: JSON key, Chinese header, English header. */
const OUT = [
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
  ['errorCode', '错误代码', 'error code'],
  ['errorMessage', '错误信息', 'error message'],
] as const;
type OutKey = (typeof OUT)[number][0];

/** Options of the roster job. */
export interface RosterOptions {
  input: string;
  out?: string;
  county?: string;
  year?: number;
  lang: Lang;
  progress?: boolean;
}

interface Bucket {
  people: number;
  subsidy: number;
  due: number;
  later: number;
}

/** What the job reports: counts, errors by code, money by funder, category and mechanism (yuan strings). */
export interface RosterSummary {
  rows: number;
  computed: number;
  errors: number;
  errorsByCode: Record<string, number>;
  unspecified: number;
  outsideWindow: number;
  totals: { individual: string; subsidy: string; dueAtPayment: string; reimbursedLater: string };
  byFunder: Array<{ funders: string; people: number; subsidy: string }>;
  byCategory: Array<{ category: string; people: number; subsidy: string }>;
  byMechanism: Array<{ mechanism: string; people: number; dueAtPayment: string; reimbursedLater: string }>;
  output?: string;
}

// ---------------------------------------------------------------- reading

/**
 * The rows of a roster, as a cursor: `next()` moves to the next row of the
 * batch at hand (false when the batch is done). A {@link CsvReader} is one;
 * XLSX rows come as {@link ArrayRows}.
 */
interface Rows {
  next(): boolean;
  /** Number of fields of the current row. */
  readonly length: number;
  /** Field `i` of the current row ('' for a field it does not have, `i` < 0 included). */
  text(i: number): string;
  fields(): string[];
  /** An exact key for the values of fields `from`–`to`. */
  rawKey(from: number, to: number): string;
}

/** Rows given as strings (from XLSX). */
class ArrayRows implements Rows {
  length = 0;
  private k = -1;
  private row: string[] = [];
  constructor(private readonly rows: string[][]) {}
  next(): boolean {
    if (++this.k >= this.rows.length) return false;
    this.row = this.rows[this.k]!;
    this.length = this.row.length;
    return true;
  }
  text(i: number): string {
    return (i >= 0 && this.row[i]) || '';
  }
  fields(): string[] {
    return this.row;
  }
  rawKey(from: number, to: number): string {
    return JSON.stringify(this.row.slice(from, to + 1));
  }
}
/** Between the keys of columns that are not side by side: not a Latin-1 character, so never inside a raw key of CSV bytes, and a JSON key ends unambiguously. */
const KEY_SEPARATOR = '\u0100';

/** One batch of rows per chunk of the file: one await per chunk, none per row. */
type RowSource = AsyncIterable<Rows>;

async function* csvRows(path: string): AsyncIterable<CsvReader> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    if (!bytesRead) throw new RosterFileError('文件为空', 'the file is empty');
    if (head.subarray(0, Math.min(bytesRead, 4096)).includes(0)) throw new RosterFileError('不是文本格式的花名册（含二进制数据）', 'not a text roster (binary data)');
    const reader = new CsvReader(sniffEncoding(head.subarray(0, bytesRead)));
    while (await reader.fill(file)) yield reader;
    reader.end();
    yield reader;
  } finally {
    await file.close();
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10); // exceljs gives dates as UTC midnight
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: Array<{ text: string }>; error?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error !== undefined) return String(o.error);
  }
  return String(v);
}

async function* xlsxRows(path: string): RowSource {
  const ExcelJS = (await import('exceljs')).default;
  let reader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
    for await (const sheet of reader) {
      let expected = 1;
      let batch: string[][] = [];
      for await (const row of sheet as AsyncIterable<{ number: number; values: unknown[] }>) {
        // Keep empty rows: N rows in, N rows out.
        for (; expected < row.number; expected++) batch.push([]);
        batch.push((row.values as unknown[]).slice(1).map(cellText));
        expected = row.number + 1;
        if (batch.length >= 4096) {
          yield new ArrayRows(batch);
          batch = [];
        }
      }
      if (batch.length) yield new ArrayRows(batch);
      return; // first worksheet only
    }
  } catch (e) {
    if (e instanceof RosterFileError) throw e;
    throw new RosterFileError(`无法读取 XLSX 文件：${(e as Error).message}`, `cannot read the XLSX file: ${(e as Error).message}`);
  }
}

/** The rows of a roster file. */
function rowsOf(path: string): RowSource {
  return extname(path).toLowerCase() === '.xlsx' ? xlsxRows(path) : csvRows(path);
}

/** The current row's fields, padded with '' to `width`. */
function paddedFields(rows: Rows, width: number): string[] {
  const f = rows.fields();
  return f.length < width ? [...f, ...new Array<string>(width - f.length).fill('')] : f;
}

/**
 * The ID key ({@link idKey}) of field `i`: straight from the bytes when the
 * field is 18 bytes of a CSV file, else from its trimmed text.
 */
function idKeyIn(rows: Rows, i: number): number {
  if (rows instanceof CsvReader && rows.fieldEnd(i) - rows.fieldStart(i) === 18) {
    const k = idKeyOfBytes(rows.buffer, rows.fieldStart(i));
    if (k >= 0) return k;
  }
  return idKey(rows.text(i).trim());
}

// ---------------------------------------------------------------- writing

/** Output to a file stream: a promise when the stream asks to pause. */
function streamOut(out: WriteStream) {
  return (bytes: Buffer | string, written?: () => void) => (out.write(bytes, written) ? undefined : once(out, 'drain').then(() => undefined));
}

async function openStream(path: string): Promise<WriteStream> {
  const out = createWriteStream(path, { highWaterMark: 1 << 22 });
  await once(out, 'open');
  return out;
}

async function closeStream(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/** A CSV file written through a {@link CsvWriter}, pausing when the stream asks to. */
class CsvFile {
  readonly w: CsvWriter;
  private wait: Promise<void> | undefined;
  /** `bom`: start with a byte order mark (UTF-8 with BOM is what Excel reads as Chinese text). */
  constructor(
    private readonly out: WriteStream,
    bom = true,
  ) {
    const write = streamOut(out);
    this.w = new CsvWriter((b, release) => (this.wait = write(b, release)));
    if (bom) this.w.text('\uFEFF');
  }
  /** The pause the stream asked for, if any, once. */
  pause(): Promise<void> | undefined {
    const p = this.wait;
    this.wait = undefined;
    return p;
  }
  async close() {
    this.w.flush();
    await this.pause();
    await closeStream(this.out);
  }
  /** Gives up on the file (the job failed). */
  destroy() {
    this.out.destroy();
  }
}

/**
 * The working file: the output as CSV, written as the rows are computed. A
 * record of a UTF-8 roster is copied as it was read, quotes and all; the
 * computed columns of a cached result are encoded once and copied.
 */
class WorkingFile extends CsvFile {
  /** Where the next row will start in the file. */
  get offset(): number {
    return this.w.written;
  }
  header(cols: string[], lang: Lang): void {
    this.w.text(csvRow([...cols, ...OUT.map((o) => (lang === 'zh' ? o[1] : o[2]))]));
  }
  row(rows: Rows, width: number, suffix: Buffer): Promise<void> | undefined {
    const w = this.w;
    if (rows instanceof CsvReader && !rows.unterminated) {
      if (rows.encoding === 'utf-8') w.bytes(rows.buffer, rows.recordStart, rows.recordEnd);
      else w.text(rows.recordText());
      if (rows.length < width) w.commas(width - rows.length);
    } else w.text(csvLine(paddedFields(rows, width)));
    w.bytes(suffix);
    return this.pause();
  }
}

/** A row whose duplicate ID was found after it was written: where it is in the working file, and the problem to put first in its error message. */
interface Patch {
  row: number;
  offset: number;
  message: string;
}

/** Between the problems of one row in its error message. */
const PROBLEM_SEPARATOR: Record<Lang, string> = { zh: '；', en: '; ' };

const ERROR_CODE = OUT.findIndex(([k]) => k === 'errorCode');
const ERROR_MESSAGE = OUT.findIndex(([k]) => k === 'errorMessage');

/** The computed columns of a working-file record (its last ones), with its patch applied. */
function computedOf(r: CsvReader, patch: string | undefined, lang: Lang): string[] {
  const c: string[] = [];
  for (let i = r.length - OUT.length; i < r.length; i++) c.push(r.text(i));
  if (patch !== undefined) {
    const before = c[ERROR_MESSAGE]!;
    c[ERROR_CODE] = 'duplicate_id';
    c[ERROR_MESSAGE] = before ? `${patch}${PROBLEM_SEPARATOR[lang]}${before}` : patch;
  }
  return c;
}

/** Where the finished output goes, one record of the working file at a time. */
interface Finisher {
  /** `n`: the row number (0: the header). */
  row(r: CsvReader, n: number, patch: string | undefined): Promise<void> | void;
  close(): Promise<void>;
}

/**
 * CSV: the working file copied in large blocks, read once in order; only the
 * patched records are parsed, and written with their error columns rewritten.
 */
async function patchCsv(work: string, out: string, lang: Lang, patches: readonly Patch[]): Promise<void> {
  const src = await open(work, 'r');
  try {
    const size = (await src.stat()).size;
    const f = new CsvFile(await openStream(out), false);
    // The bytes of the file from `start` on, in a block read when needed.
    let block = Buffer.alloc(0);
    let start = 0;
    const have = async (from: number, len: number): Promise<Buffer> => {
      const want = Math.min(len, size - from);
      if (from < start || from + want > start + block.length) {
        if (block.length < Math.max(want, 1 << 22)) block = Buffer.allocUnsafe(Math.max(want, 1 << 22));
        const { bytesRead } = await src.read(block, 0, block.length, from);
        block = block.subarray(0, bytesRead);
        start = from;
      }
      return block.subarray(from - start, from - start + want);
    };
    const copy = async (from: number, to: number) => {
      for (let at = from; at < to; ) {
        const b = await have(at, Math.min(to - at, 1 << 22));
        if (!b.length) break;
        f.w.bytes(b);
        await f.pause();
        at += b.length;
      }
    };
    let at = 0;
    for (const p of patches) {
      await copy(at, p.offset);
      // The record at p.offset, with enough bytes to hold it whole.
      let r: CsvReader;
      for (let len = 1 << 12; ; len *= 4) {
        const b = await have(p.offset, len);
        r = new CsvReader();
        r.feed(b);
        if (b.length < len) r.end();
        if (r.next()) break;
      }
      f.w.bytes(r.buffer, r.recordStart, r.fieldEnd(r.length - OUT.length - 1));
      f.w.text(`,${csvLine(computedOf(r, p.message, lang))}\r\n`);
      at = p.offset + r.nextRecordStart;
    }
    await copy(at, size);
    await f.close();
  } finally {
    await src.close();
  }
}

/** JSON: one object per row, keyed by the header, computed columns by their English keys ('' as null). */
async function jsonFinisher(path: string, lang: Lang): Promise<Finisher> {
  const out = await openStream(path);
  const write = streamOut(out);
  let names: string[] = [];
  let buf = '[\n';
  let first = true;
  return {
    row(r, n, patch) {
      const width = r.length - OUT.length;
      if (n === 0) {
        names = r.fields().slice(0, width);
        return;
      }
      const o: Record<string, unknown> = {};
      for (let i = 0; i < width; i++) o[names[i] ?? `column${i + 1}`] = r.text(i);
      computedOf(r, patch, lang).forEach((v, i) => (o[OUT[i]![0]] = v === '' ? null : v));
      buf += `${first ? '' : ',\n'}${JSON.stringify(o)}`;
      first = false;
      if (buf.length < 1 << 20) return;
      const p = write(buf);
      buf = '';
      return p;
    },
    async close() {
      await write(`${buf}\n]\n`);
      await closeStream(out);
    },
  };
}

/** XLSX: ID numbers and dates stay text (no 1.4E+17); money as numbers. */
async function xlsxFinisher(path: string, lang: Lang): Promise<Finisher> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(t(lang, '花名册', 'roster'));
  const money = new Set(['standard', 'individual', 'subsidy', 'dueAtPayment', 'reimbursedLater']);
  return {
    row(r, n, patch) {
      const width = r.length - OUT.length;
      if (n === 0) {
        ws.addRow(r.fields()).commit();
        for (let i = 1; i <= width; i++) ws.getColumn(i).numFmt = '@';
        return;
      }
      const c = computedOf(r, patch, lang).map((v, i) => (money.has(OUT[i]![0]) ? (v === '' ? null : Number(v)) : v));
      ws.addRow([...r.fields().slice(0, width), ...c]).commit();
    },
    async close() {
      ws.commit();
      await wb.commit();
    },
  };
}

/**
 * Turns the working file into the output: for CSV, a rename, or a copy with
 * the patched rows rewritten; for JSON and XLSX, a conversion.
 */
async function finishOutput(work: string, out: string, lang: Lang, patches: readonly Patch[]): Promise<void> {
  const ext = extname(out).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx') return patches.length ? patchCsv(work, out, lang, patches) : renameSync(work, out);
  const byRow = new Map(patches.map((p) => [p.row, p.message]));
  const finisher = await (ext === '.json' ? jsonFinisher : xlsxFinisher)(out, lang);
  let n = -1;
  for await (const r of csvRows(work)) {
    while (r.next()) {
      const p = finisher.row(r, ++n, byRow.get(n));
      if (p) await p;
    }
  }
  await finisher.close();
}

// ---------------------------------------------------------------- the job

interface Columns {
  header: string[];
  col: Record<Field, number>;
}

function mapColumns(header: string[], opts: RosterOptions): Columns {
  const norm = header.map(normHeader);
  const col = {} as Record<Field, number>;
  for (const f of Object.keys(HEADERS) as Field[]) col[f] = norm.findIndex((h) => HEADERS[f].includes(h));
  const need: string[] = [];
  if (col.county < 0 && !opts.county) need.push(t(opts.lang, '县（或 --county）', 'county (or --county)'));
  if (col.year < 0 && opts.year === undefined) need.push(t(opts.lang, '待遇年度（或 --year）', 'coverage year (or --year)'));
  if (col.id < 0 && col.name < 0 && col.categories < 0) need.push(t(opts.lang, '姓名、身份证号或类别', 'name, ID number or categories'));
  if (need.length)
    throw new RosterFileError(
      `表头缺少必要的列：${need.join('；')}。表头为：${header.join(',').slice(0, 200)}`,
      `the header lacks the needed columns: ${need.join('; ')}. Header: ${header.join(',').slice(0, 200)}`,
    );
  return { header, col };
}

const EMPTY: Record<OutKey, string> = Object.fromEntries(OUT.map(([k]) => [k, ''])) as Record<OutKey, string>;

function computedColumns(q: Quote, lang: Lang): Record<OutKey, string> {
  return {
    standard: q.standard ?? '',
    individual: q.individual ?? '',
    subsidy: q.subsidy ?? '',
    dueAtPayment: q.dueAtPayment ?? '',
    reimbursedLater: q.reimbursedLater ?? '',
    mechanism: q.mechanism ? (lang === 'zh' ? MECHANISM_NAMES[q.mechanism].zh : q.mechanism) : '',
    funders: lang === 'zh' ? funderNames(q.funders, 'zh') : q.funders.join(';'),
    appliedCategory: q.appliedCategory ? (lang === 'zh' ? categoryName(q.appliedCategory, 'zh') : q.appliedCategory) : '',
    windowOpen: q.window ? (q.window.open ? t(lang, '是', 'yes') : t(lang, '否', 'no')) : '',
    coverageStart: q.coverage?.start ?? '',
    coverageEnd: q.coverage?.end ?? '',
    status: q.status,
    policyId: q.policyId,
    warnings: q.warnings.map((w) => w.code).join(';'),
    errorCode: '',
    errorMessage: '',
  };
}

/** One distinct (county, year, categories, payment date) of a roster: its result, output text and money, and how many rows had it. */
interface Entry {
  /** Its place in the job's list of entries. */
  readonly index: number;
  readonly q: Quote | undefined;
  readonly error: Problem | undefined;
  readonly out: Record<OutKey, string>;
  /** The computed columns as CSV bytes with the line break, encoded once (by the CSV writer). */
  suffixBytes?: Buffer;
  /** The payment date as a day number (NaN: none, or not a date). */
  readonly paidDay: number;
  readonly fen: { individual: number; subsidy: number; due: number; later: number };
  /** Rows that count in the totals. */
  count: number;
}

interface Problem {
  code: string;
  zh: string;
  en: string;
}

const CACHE_LIMIT = 200_000;
const NO_MONEY = { individual: 0, subsidy: 0, due: 0, later: 0 };
const MISSING_ID: Problem = { code: 'missing_id', zh: '缺少身份证号', en: 'missing ID number' };

function entryOf(q: Quote | YibaoError, paidDay: number, lang: Lang, index: number): Entry {
  if (q instanceof YibaoError) return { index, q: undefined, error: { code: q.code, zh: q.zh, en: q.en }, out: EMPTY, paidDay, fen: NO_MONEY, count: 0 };
  const f = q.status === 'determined' ? { individual: toFen(q.individual!), subsidy: toFen(q.subsidy!), due: toFen(q.dueAtPayment ?? '0'), later: toFen(q.reimbursedLater ?? '0') } : NO_MONEY; // null due/later: not stated, or no refund promised outside the window
  return { index, q, error: undefined, out: computedColumns(q, lang), paidDay, fen: f, count: 0 };
}

function suffixBytes(out: Record<OutKey, string>): Buffer {
  let s = '';
  for (const [k] of OUT) s += `,${csvField(out[k])}`;
  return Buffer.from(`${s}\r\n`);
}

/**
 * The cache key of a row: the raw text of the columns a result depends on
 * (county, year, categories, payment date). When those columns are side by
 * side, one slice of the row's bytes.
 */
function rowKeyOf(col: Record<Field, number>): (rows: Rows) => string {
  const keyCols = [...new Set([col.county, col.year, col.categories, col.paidOn].filter((c) => c >= 0))].sort((x, y) => x - y);
  if (!keyCols.length) return () => '';
  const lo = keyCols[0]!;
  const hi = keyCols[keyCols.length - 1]!;
  if (hi - lo + 1 === keyCols.length) return (rows) => rows.rawKey(lo, hi);
  return (rows) => {
    let k = rows.rawKey(lo, lo);
    for (let i = 1; i < keyCols.length; i++) k += KEY_SEPARATOR + rows.rawKey(keyCols[i]!, keyCols[i]!);
    return k;
  };
}

function duplicateProblem(list: number[], n: number): Problem {
  const all = list.filter((r) => r !== n);
  const others = [...all.slice(0, 5).map((r) => r + 1), ...(all.length > 5 ? [`…(${all.length})`] : [])];
  return { code: 'duplicate_id', zh: `身份证号与第 ${others.join('、')} 行重复`, en: `the same ID number as line ${others.join(', ')}` };
}

/** A row of a duplicated ID: its number, the entry it used (-1: none), and where it is in the working file. */
interface Sighting {
  row: number;
  entry: number;
  offset: number;
}

/**
 * Rows with the same (valid) ID number, found as the rows go by: each ID's
 * first sighting is kept in an {@link IdIndex}; the sightings of IDs seen
 * again, in groups.
 */
class DuplicateFinder {
  private readonly index = new IdIndex();
  /** First row → every sighting of that ID. */
  readonly groups = new Map<number, Sighting[]>();
  add(key: number, s: Sighting): void {
    const slot = this.index.firstOrAdd(key, s.row, s.entry, s.offset);
    if (slot < 0) return;
    const first = this.index.rowAt(slot);
    const group = this.groups.get(first);
    if (group) group.push(s);
    else this.groups.set(first, [{ row: first, entry: this.index.tagAt(slot), offset: this.index.offsetAt(slot) }, s]);
  }
  reserve(expected: number): void {
    this.index.reserve(expected);
  }
}

/** Runs the roster job. Throws {@link RosterFileError} when the file cannot be used at all. */
export async function runRoster(opts: RosterOptions): Promise<RosterSummary> {
  const lang = opts.lang;
  // Header first (also catches an empty, binary or wrong file before any output is written).
  let cols: Columns | undefined;
  for await (const r of rowsOf(opts.input)) {
    if (r.next()) {
      cols = mapColumns(r.fields(), opts);
      break;
    }
  }
  if (!cols) throw new RosterFileError('文件为空，没有表头', 'the file is empty: no header');
  const { col, header } = cols;
  const width = header.length;
  const inputStat = statSync(opts.input);
  // One pass writes a working file next to the output; duplicates found later are patched in when it is finished.
  let work: string | undefined;
  let file: WorkingFile | undefined;
  let removing: Promise<void> | undefined;
  if (opts.out) {
    mkdirSync(dirname(opts.out), { recursive: true });
    // Freeing a large earlier output takes a while: do it alongside the job (unless it is the input, read until the end).
    const old = statSync(opts.out, { throwIfNoEntry: false });
    if (old && !(old.ino === inputStat.ino && old.dev === inputStat.dev)) removing = rm(opts.out, { force: true }).catch(() => undefined); // a failure shows at the rename
    work = `${opts.out}.${process.pid}.part`;
    file = new WorkingFile(await openStream(work));
    file.header(header, lang);
  }
  try {
    const duplicates = new DuplicateFinder();
    const cache = new Map<string, Entry>();
    const rowKey = rowKeyOf(col);
    const entries: Entry[] = [];
    const errorsByCode: Record<string, number> = {};
    let count = 0;
    let errors = 0;
    const rowError = (code: string, zh: string, en: string): Record<OutKey, string> => {
      errors++;
      errorsByCode[code] = (errorsByCode[code] ?? 0) + 1;
      return { ...EMPTY, errorCode: code, errorMessage: lang === 'zh' ? zh : en };
    };
    const input: { county: string; coverageYear: number; categories: string[]; paidOn?: string; birthDate?: string } = { county: '', coverageYear: 0, categories: [] };
    const flagYear = opts.year === undefined ? '' : String(opts.year);
    const started = Date.now();
    let lastTick = started;

    let n = -1;
    for await (const rows of rowsOf(opts.input)) {
      while (rows.next()) {
        if (++n === 0) continue;
        count++;
        let out: Record<OutKey, string> | undefined;
        let entry: Entry | undefined;
        // The birth date as a day number: from the ID, or the birth-date column (Infinity: given but not a date).
        let birthDay = NaN;
        let birthText: string | undefined;
        let idError: Problem | undefined;
        let id = -1;
        if (col.id >= 0) {
          id = idKeyIn(rows, col.id);
          if (id >= 0) birthDay = birthDayOfIdKey(id);
          else {
            const raw = rows.text(col.id).trim();
            idError = raw ? idProblem(idKey(raw), raw) : MISSING_ID;
          }
        }
        if (rows.length === 0 || (rows.length === 1 && rows.text(0) === '')) out = rowError('empty_row', '空行', 'empty line');
        else if (rows.length > width) out = rowError('column_count', `列数（${rows.length}）多于表头（${width}）`, `more fields (${rows.length}) than the header (${width})`);
        else {
          if (col.birthDate >= 0) {
            const b = rows.text(col.birthDate).trim();
            if (b) {
              birthText = normDate(b);
              birthDay = parseCivilDate(birthText) ?? Infinity;
            }
          }
          const key = rowKey(rows);
          entry = cache.get(key);
          // A cached result holds unless the birth date could change it (born after paying, or not a date).
          if (!entry || birthDay > entry.paidDay || birthDay === Infinity) {
            const county = rows.text(col.county).trim() || opts.county || '';
            const yearText = rows.text(col.year).trim() || flagYear;
            const cats = rows.text(col.categories).trim();
            const paidIso = normDate(rows.text(col.paidOn));
            const paidDay = paidIso ? (parseCivilDate(paidIso) ?? NaN) : NaN;
            const year = coverageYearFromText(yearText);
            if (year === undefined) entry = entryOf(yibaoErrorYear(yearText), paidDay, lang, entries.length);
            else {
              input.county = county;
              input.coverageYear = year;
              input.categories = cats ? splitCategories(cats) : [];
              if (paidIso) input.paidOn = paidIso;
              else delete input.paidOn;
              const birth = birthText ?? (Number.isNaN(birthDay) ? '' : formatCivilDate(birthDay));
              if (birth) input.birthDate = birth;
              else delete input.birthDate;
              entry = entryOf(quoteOrError(input), paidDay, lang, entries.length);
            }
            entries.push(entry);
            // Results that may depend on the birth date (born after paying, outside the window: newborn rules; an error) are not shared.
            const w = entry.q?.window;
            const birthMatters = !Number.isNaN(birthDay) && (birthDay > paidDay || birthDay === Infinity || entry.error !== undefined);
            if (!birthMatters && !(w && (!w.open || w.reason === 'newborn-special-window')) && cache.size < CACHE_LIMIT) cache.set(key, entry);
          }
          if (entry.error || idError) {
            // An identity problem (invalid ID) takes the code; the message carries every problem of the row.
            const problems = [idError, entry.error].filter((e): e is Problem => e !== undefined);
            const join = (k: Lang) => problems.map((e) => e[k]).join(PROBLEM_SEPARATOR[k]);
            const { errorCode, errorMessage } = rowError(problems[0]!.code, join('zh'), join('en'));
            out = { ...(entry.error ? EMPTY : entry.out), errorCode, errorMessage };
          } else entry.count++;
        }
        if (id >= 0) duplicates.add(id, { row: n, entry: entry ? entry.index : -1, offset: file ? file.offset : 0 });
        if (file) {
          const p = file.row(rows, width, out ? suffixBytes(out) : (entry!.suffixBytes ??= suffixBytes(entry!.out)));
          if (p) await p;
        }
      }
      if (n < 1 << 16 && col.id >= 0 && rows instanceof CsvReader) {
        // After the first chunk, size the ID index for the whole file from its bytes per row.
        duplicates.reserve(Math.min(1 << 26, (inputStat.size / rows.buffer.length) * n));
      }
      if (opts.progress) {
        const now = Date.now();
        if (now - lastTick > 250) {
          lastTick = now;
          process.stderr.write(`\r${t(lang, '已处理', 'rows')} ${count}  ${Math.round((count * 1000) / (now - started))} ${t(lang, '行/秒', 'rows/s')}   `);
        }
      }
    }
    if (opts.progress) process.stderr.write('\r\x1b[K');

    // Rows of a duplicated ID: the identity problem takes the code and comes first in the message; out of the totals.
    const patches: Patch[] = [];
    for (const group of duplicates.groups.values()) {
      const all = group.map((g) => g.row);
      for (const g of group) {
        if (g.entry < 0) continue; // an empty or over-long row keeps its own error
        const e = entries[g.entry]!;
        if (e.error) {
          if (--errorsByCode[e.error.code]! === 0) delete errorsByCode[e.error.code];
        } else {
          e.count--;
          errors++;
        }
        errorsByCode.duplicate_id = (errorsByCode.duplicate_id ?? 0) + 1;
        const d = duplicateProblem(all, g.row);
        patches.push({ row: g.row, offset: g.offset, message: lang === 'zh' ? d.zh : d.en });
      }
    }
    if (file && work && opts.out) {
      await file.close();
      file = undefined;
      await removing;
      await finishOutput(work, opts.out, lang, patches.sort((x, y) => x.row - y.row));
    }
    return summarise(entries, count, errors, errorsByCode, opts.out);
  } finally {
    file?.destroy();
    if (work) rmSync(work, { force: true });
  }
}

function yibaoErrorYear(text: string): YibaoError {
  return new YibaoError([{ code: 'invalid_input', path: ['coverageYear'], zh: `待遇年度无效：${text || '（空）'}`, en: `invalid coverage year: ${text || '(empty)'}` }]);
}

/** Adds the entries up: money × rows, per funder, category and mechanism. Integer fen throughout. */
function summarise(entries: Entry[], rows: number, errors: number, errorsByCode: Record<string, number>, output?: string): RosterSummary {
  const buckets = { f: new Map<string, Bucket>(), c: new Map<string, Bucket>(), m: new Map<string, Bucket>() };
  const tot = { individual: 0, subsidy: 0, due: 0, later: 0 };
  let computed = 0;
  let unspecified = 0;
  let outsideWindow = 0;
  const add = (m: Map<string, Bucket>, k: string, e: Entry) => {
    let b = m.get(k);
    if (!b) m.set(k, (b = { people: 0, subsidy: 0, due: 0, later: 0 }));
    b.people += e.count;
    b.subsidy += e.fen.subsidy * e.count;
    b.due += e.fen.due * e.count;
    b.later += e.fen.later * e.count;
  };
  for (const e of entries) {
    const q = e.q;
    if (!q || !e.count) continue;
    computed += e.count;
    if (q.status === 'unspecified') {
      unspecified += e.count;
      continue;
    }
    if (q.window && !q.window.open) outsideWindow += e.count;
    if (e.fen.subsidy) add(buckets.f, q.funders.join('+') || 'none-named', e);
    add(buckets.c, q.appliedCategory!, e);
    add(buckets.m, q.mechanism!, e);
    tot.individual += e.fen.individual * e.count;
    tot.subsidy += e.fen.subsidy * e.count;
    tot.due += e.fen.due * e.count;
    tot.later += e.fen.later * e.count;
  }
  return {
    rows,
    computed,
    errors,
    errorsByCode,
    unspecified,
    outsideWindow,
    totals: { individual: formatFen(tot.individual), subsidy: formatFen(tot.subsidy), dueAtPayment: formatFen(tot.due), reimbursedLater: formatFen(tot.later) },
    byFunder: [...buckets.f].map(([k, b]) => ({ funders: k, people: b.people, subsidy: formatFen(b.subsidy) })),
    byCategory: [...buckets.c].map(([k, b]) => ({ category: k, people: b.people, subsidy: formatFen(b.subsidy) })),
    byMechanism: [...buckets.m].map(([k, b]) => ({ mechanism: k, people: b.people, dueAtPayment: formatFen(b.due), reimbursedLater: formatFen(b.later) })),
    ...(output ? { output } : {}),
  };
}

const funderLabel = (k: string, lang: Lang) =>
  k === 'none-named' ? t(lang, '（通知未写明）', '(none named)') : funderNames(k.split('+') as FunderCode[], lang, ' + ');

/** The summary as text tables. */
export function formatSummary(s: RosterSummary, lang: Lang): string {
  const errs = Object.entries(s.errorsByCode).map(([c, n]) => [c, String(n)]);
  const parts = [
    `${t(lang, '行数', 'rows')}: ${s.rows}   ${t(lang, '已计算', 'computed')}: ${s.computed}   ${t(lang, '错误', 'errors')}: ${s.errors}   ${t(lang, '资助未明确', 'unspecified')}: ${s.unspecified}   ${t(lang, '不在征缴期内', 'outside window')}: ${s.outsideWindow}`,
    errs.length ? `\n${table([t(lang, '错误代码', 'error code'), t(lang, '行数', 'rows')], errs, [false, true])}` : '',
    `\n${table([t(lang, '资金来源', 'funder'), t(lang, '人数', 'people'), t(lang, '资助合计', 'subsidy')], s.byFunder.map((r) => [funderLabel(r.funders, lang), String(r.people), r.subsidy]), [false, true, true])}`,
    `\n${table([t(lang, '适用类别', 'category'), t(lang, '人数', 'people'), t(lang, '资助合计', 'subsidy')], s.byCategory.map((r) => [lang === 'zh' ? categoryName(r.category as CategoryCode, 'zh') : r.category, String(r.people), r.subsidy]), [false, true, true])}`,
    `\n${table([t(lang, '资助方式', 'mechanism'), t(lang, '人数', 'people'), t(lang, '缴费时应缴合计', 'due at payment'), t(lang, '事后补退合计', 'reimbursed later')], s.byMechanism.map((r) => [MECHANISM_NAMES[r.mechanism as MechanismCode]?.[lang] ?? r.mechanism, String(r.people), r.dueAtPayment, r.reimbursedLater]), [false, true, true, true])}`,
    `\n${t(lang, '合计', 'totals')}: ${t(lang, '个人缴费', 'individual')} ${s.totals.individual}  ${t(lang, '资助', 'subsidy')} ${s.totals.subsidy}  ${t(lang, '缴费时应缴', 'due at payment')} ${s.totals.dueAtPayment}  ${t(lang, '事后补退', 'reimbursed later')} ${s.totals.reimbursedLater}`,
    s.errors ? t(lang, `（${s.errors} 行有错误，未计入合计；请查看输出文件的“错误代码”列）`, `(${s.errors} rows with errors are not in the totals; see the "error code" column of the output)`) : '',
    s.output ? `${t(lang, '输出文件', 'output')}: ${s.output}` : '',
  ];
  return parts.filter(Boolean).join('\n');
}

