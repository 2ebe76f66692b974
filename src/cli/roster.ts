/**
 * The roster job: reads a roster (CSV in UTF-8 or GB18030, or XLSX), computes
 * every row, writes the same rows in the same order with the computed columns
 * appended (CSV, XLSX or JSON, after --out's extension), and sums up what a
 * county needs to budget. N rows in, N rows out; a bad row never stops it.
 */
import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname, extname } from 'node:path';
import { YibaoError } from '../errors.js';
import type { Quote } from '../engine.js';
import { formatFen, toFen } from '../money.js';
import { quoteOrError } from '../quote.js';
import { categoryName, funderNames, MECHANISM_NAMES, type CategoryCode, type FunderCode, type MechanismCode } from '../vocabulary.js';
import { coverageYearFromText, normaliseDateText as normDate, splitCategories } from '../input-text.js';
import { CsvParser, csvField, csvLine, csvRow, sniffEncoding } from './csv.js';
import { checkIdNumber, idKey, IdIndex } from './id-number.js';
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

/** A trimmed field, or '' for a missing column. */
function cell(row: string[], i: number): string {
  return i >= 0 ? (row[i] ?? '').trim() : '';
}

// ---------------------------------------------------------------- reading

/** Rows in batches, one await per chunk of the file; `raws[i]`: row i's text when it had no quotes (CSV). */
interface Batch {
  rows: string[][];
  raws?: Array<string | undefined>;
}
type RowSource = AsyncIterable<Batch>;

async function* csvRows(path: string): RowSource {
  const stream = createReadStream(path, { highWaterMark: 1 << 22 });
  const parser = new CsvParser();
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let rows: string[][] = [];
  let raws: Array<string | undefined> = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (!decoder) {
      const { encoding } = sniffEncoding(chunk.subarray(0, 64 * 1024));
      decoder = new TextDecoder(encoding);
      const probe = chunk.subarray(0, 4096);
      if (probe.includes(0)) throw new RosterFileError('不是文本格式的花名册（含二进制数据）', 'not a text roster (binary data)');
    }
    rows = parser.push(decoder.decode(chunk, { stream: true }), rows, raws);
    if (rows.length) {
      yield { rows, raws };
      rows = [];
      raws = [];
    }
  }
  if (!decoder) throw new RosterFileError('文件为空', 'the file is empty');
  parser.push(decoder.decode(), rows, raws);
  parser.end(rows);
  if (rows.length) yield { rows, raws };
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
          yield { rows: batch };
          batch = [];
        }
      }
      if (batch.length) yield { rows: batch };
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

// ---------------------------------------------------------------- writing

interface Sink {
  header(cols: string[]): void;
  /** `entry`: a cached result whose output is prepared; `raw`: the row's text as read, when it had no quotes. */
  row(original: string[], computed: Record<OutKey, string>, header: string[], entry?: Entry, raw?: string): Promise<void> | void;
  close(): Promise<void>;
}

/** JSON output: one object per row, streamed. */
class JsonSink implements Sink {
  private buf = '[\n';
  private first = true;
  constructor(private readonly out: WriteStream) {}
  header(): void {}
  row(original: string[], c: Record<OutKey, string>, header: string[]) {
    const o: Record<string, unknown> = {};
    original.forEach((v, i) => (o[header[i] ?? `column${i + 1}`] = v));
    for (const [k] of OUT) o[k] = c[k] === '' ? null : c[k];
    this.buf += `${this.first ? '' : ',\n'}${JSON.stringify(o)}`;
    this.first = false;
    if (this.buf.length > 1 << 20) return this.flush();
  }
  private async flush() {
    const ok = this.out.write(this.buf);
    this.buf = '';
    if (!ok) await once(this.out, 'drain');
  }
  async close() {
    this.buf += '\n]\n';
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/**
 * CSV output (UTF-8 with BOM, so that Excel reads the Chinese text), written
 * into a byte buffer: a row read without quotes is copied as it was, and the
 * computed columns of a cached result are encoded once and copied.
 */
class CsvSink implements Sink {
  private static readonly SIZE = 1 << 22;
  private buf = Buffer.allocUnsafe(CsvSink.SIZE);
  private pos = 0;
  constructor(
    private readonly out: WriteStream,
    private readonly lang: Lang,
  ) {
    this.pos = this.buf.write('\uFEFF', 0);
  }
  header(cols: string[]): void {
    this.text(csvRow([...cols, ...OUT.map((o) => (this.lang === 'zh' ? o[1] : o[2]))]));
  }
  row(original: string[], c: Record<OutKey, string>, _header: string[], entry?: Entry, raw?: string) {
    const line = raw ?? csvLine(original);
    const suffix = entry ? (entry.suffixBytes ??= Buffer.from(`${suffixOf(entry.out)}\r\n`)) : Buffer.from(`${suffixOf(c)}\r\n`);
    if (this.pos + line.length * 3 + suffix.length > CsvSink.SIZE) {
      const p = this.flush();
      if (line.length * 3 + suffix.length > CsvSink.SIZE) return p.then(() => this.text(`${line}${suffix.toString()}`));
      this.pos += this.buf.write(line, this.pos);
      this.pos += suffix.copy(this.buf, this.pos);
      return p;
    }
    this.pos += this.buf.write(line, this.pos);
    this.pos += suffix.copy(this.buf, this.pos);
  }
  private text(s: string) {
    const b = Buffer.from(s);
    if (this.pos + b.length > CsvSink.SIZE) void this.flush();
    if (b.length > CsvSink.SIZE) this.out.write(b);
    else this.pos += b.copy(this.buf, this.pos);
  }
  /** Hands the filled buffer to the stream and starts a new one. */
  private flush(): Promise<void> {
    const ok = this.out.write(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(CsvSink.SIZE);
    this.pos = 0;
    return ok ? Promise.resolve() : once(this.out, 'drain').then(() => undefined);
  }
  async close() {
    if (this.pos) await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

async function xlsxSink(path: string, lang: Lang): Promise<Sink> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(t(lang, '花名册', 'roster'));
  return {
    header(cols) {
      ws.addRow([...cols, ...OUT.map((o) => (lang === 'zh' ? o[1] : o[2]))]).commit();
      // ID numbers and dates stay text: no 1.4E+17.
      cols.forEach((_, i) => (ws.getColumn(i + 1).numFmt = '@'));
    },
    row(original, c) {
      const money = (s: string) => (s === '' ? null : Number(s));
      ws.addRow([
        ...original,
        money(c.standard), money(c.individual), money(c.subsidy), money(c.dueAtPayment), money(c.reimbursedLater),
        c.mechanism, c.funders, c.appliedCategory, c.windowOpen, c.coverageStart, c.coverageEnd, c.status, c.policyId, c.warnings, c.errorCode, c.errorMessage,
      ]).commit();
    },
    async close() {
      ws.commit();
      await wb.commit();
    },
  };
}

async function openSink(path: string, lang: Lang): Promise<Sink> {
  mkdirSync(dirname(path), { recursive: true });
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return xlsxSink(path, lang);
  const out = createWriteStream(path, { highWaterMark: 1 << 22 });
  await once(out, 'open');
  return ext === '.json' ? new JsonSink(out) : new CsvSink(out, lang);
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

/**
 * Pass 1: the rows whose ID number appears more than once (row numbers count
 * the header as 0). Rows of row numbers, keyed by each row that is a duplicate.
 */
async function findDuplicates(path: string, idCol: number): Promise<Map<number, number[]>> {
  const index = new IdIndex();
  const dups = new Map<number, number[]>();
  const raw = new Map<string, number>();
  const seen = (n: number, text: string) => {
    if (!text) return;
    const k = idKey(text);
    // Valid IDs as compact numbers; malformed ones by their text, as negative keys below -1.
    const key = k >= 0 ? k : -2 - (raw.get(text) ?? (raw.set(text, raw.size), raw.size - 1));
    const first = index.firstOrAdd(key, n);
    if (first >= 0) {
      const list = dups.get(first);
      if (list) list.push(n);
      else dups.set(first, [first, n]);
    }
  };
  if (extname(path).toLowerCase() === '.xlsx') {
    let n = -1;
    for await (const batch of rowsOf(path)) for (const row of batch.rows) if (++n > 0) seen(n, (row[idCol] ?? '').trim());
  } else await scanColumn(path, idCol, seen);
  const byRow = new Map<number, number[]>();
  for (const rows of dups.values()) for (const r of rows) byRow.set(r, rows);
  return byRow;
}

/**
 * Reads one column of a CSV file from its raw bytes, without decoding the
 * rest: RFC 4180's structure (, " and line breaks) is ASCII, and neither
 * UTF-8 nor GB18030 uses those bytes inside a multi-byte character. The field
 * is decoded as Latin-1, which is exact for ID numbers (ASCII) and a stable
 * identity for anything else. Calls `f(row, text)` for every data row.
 */
async function scanColumn(path: string, col: number, f: (row: number, text: string) => void): Promise<void> {
  let pending: Buffer | undefined;
  let row = 0;
  const scan = (buf: Buffer, last: boolean): number => {
    let i = 0;
    let rowStart = 0;
    if (row === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = rowStart = 3;
    const n = buf.length;
    while (rowStart < n) {
      // One row from rowStart: find the field and the row's end, outside quotes.
      let c = 0;
      let inQ = false;
      let fs = col === 0 ? rowStart : -1;
      let fe = -1;
      let end = -1;
      for (i = rowStart; i < n; i++) {
        const b = buf[i]!;
        if (b === 0x22) inQ = !inQ;
        else if (!inQ) {
          if (b === 0x2c) {
            if (c === col) fe = i;
            c++;
            if (c === col) fs = i + 1;
          } else if (b === 0x0a) {
            end = i;
            break;
          }
        }
      }
      if (end < 0) {
        if (!last) return rowStart; // the row continues in the next chunk
        end = n;
      }
      if (fs >= 0 && fe < 0) fe = end;
      if (row > 0) {
        let text = fs >= 0 ? buf.toString('latin1', fs, fe) : '';
        if (text.length !== 18) text = text.replace(/\r$/, '').replace(/^\s*"?|"?\s*$/g, '').trim();
        f(row, text);
      }
      row++;
      rowStart = end + 1;
    }
    return n;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
    const used = scan(buf, false);
    pending = used < buf.length ? buf.subarray(used) : undefined;
  }
  if (pending) scan(pending, true);
}

const EMPTY: Record<OutKey, string> = Object.fromEntries(OUT.map(([k]) => [k, ''])) as Record<OutKey, string>;

function computedColumns(q: Quote, lang: Lang): Record<OutKey, string> {
  return {
    standard: q.standard,
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
  readonly q: Quote | undefined;
  readonly error: { code: string; zh: string; en: string } | undefined;
  readonly out: Record<OutKey, string>;
  /** The computed columns as CSV text with the line break, encoded once (by the CSV writer). */
  suffixBytes?: Buffer;
  readonly paidIso: string;
  readonly fen: { individual: number; subsidy: number; due: number; later: number };
  /** Rows that count in the totals. */
  count: number;
}

const CACHE_LIMIT = 200_000;
type Cache = Map<string, Map<string, Map<string, Map<string, Entry>>>>;
function nested<K, V extends Map<unknown, unknown>>(m: Map<K, V>, k: K): V {
  let v = m.get(k);
  if (!v) m.set(k, (v = new Map() as V));
  return v;
}

const NO_MONEY = { individual: 0, subsidy: 0, due: 0, later: 0 };

function entryOf(q: Quote | YibaoError, paidIso: string, lang: Lang): Entry {
  if (q instanceof YibaoError) return { q: undefined, error: { code: q.code, zh: q.zh, en: q.en }, out: EMPTY, paidIso, fen: NO_MONEY, count: 0 };
  const f = q.status === 'determined' ? { individual: toFen(q.individual!), subsidy: toFen(q.subsidy!), due: toFen(q.dueAtPayment!), later: toFen(q.reimbursedLater!) } : NO_MONEY;
  return { q, error: undefined, out: computedColumns(q, lang), paidIso, fen: f, count: 0 };
}

function suffixOf(out: Record<OutKey, string>): string {
  let s = '';
  for (const [k] of OUT) s += `,${csvField(out[k])}`;
  return s;
}

/** Runs the roster job. Throws {@link RosterFileError} when the file cannot be used at all. */
export async function runRoster(opts: RosterOptions): Promise<RosterSummary> {
  const lang = opts.lang;
  // Header first (also catches an empty, binary or wrong file before any output is written).
  let cols: Columns | undefined;
  for await (const batch of rowsOf(opts.input)) {
    if (batch.rows[0]) cols = mapColumns(batch.rows[0], opts);
    break;
  }
  if (!cols) throw new RosterFileError('文件为空，没有表头', 'the file is empty: no header');
  const { col, header } = cols;
  const dups = col.id >= 0 ? await findDuplicates(opts.input, col.id) : new Map<number, number[]>();
  const sink = opts.out ? await openSink(opts.out, lang) : undefined;
  sink?.header(header);

  // Results by county → year → categories → payment date, as typed: no key string per row.
  const cache: Cache = new Map();
  const entries: Entry[] = [];
  let cached = 0;
  const errorsByCode: Record<string, number> = {};
  let rows = 0;
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
  for await (const batch of rowsOf(opts.input)) {
    const { rows: batchRows, raws } = batch;
    for (let b = 0; b < batchRows.length; b++) {
      const row = batchRows[b]!;
      n++;
      if (n === 0) continue;
      rows++;
      let out: Record<OutKey, string> | undefined;
      let entry: Entry | undefined;
      let birth = '';
      let idError: { code: string; zh: string; en: string } | undefined;
      if (col.id >= 0) {
        const idRaw = cell(row, col.id);
        if (!idRaw) idError = { code: 'missing_id', zh: '缺少身份证号', en: 'missing ID number' };
        else {
          const c = checkIdNumber(idRaw);
          if (!c.ok) idError = c;
          else {
            birth = c.birthDate;
            const d = dups.get(n);
            if (d) {
              const all = d.filter((r) => r !== n);
              const others = [...all.slice(0, 5).map((r) => r + 1), ...(all.length > 5 ? [`…(${all.length})`] : [])];
              idError = { code: 'duplicate_id', zh: `身份证号与第 ${others.join('、')} 行重复`, en: `the same ID number as line ${others.join(', ')}` };
            }
          }
        }
      }
      if (row.length === 1 && row[0] === '') out = rowError('empty_row', '空行', 'empty line');
      else if (row.length > header.length) out = rowError('column_count', `列数（${row.length}）多于表头（${header.length}）`, `more fields (${row.length}) than the header (${header.length})`);
      else {
        const county = cell(row, col.county) || opts.county || '';
        const yearText = cell(row, col.year) || flagYear;
        const cats = cell(row, col.categories);
        const paid = cell(row, col.paidOn);
        const b = cell(row, col.birthDate);
        if (b) birth = normDate(b);
        let byPaid = cache.get(county)?.get(yearText)?.get(cats);
        entry = byPaid?.get(paid);
        // A cached result holds unless the birth date could change it (born after paying).
        if (!entry || (birth && entry.paidIso && birth > entry.paidIso)) {
          const year = coverageYearFromText(yearText);
          const paidIso = paid ? normDate(paid) : '';
          if (year === undefined) {
            entry = entryOf(yibaoErrorYear(yearText), paidIso, lang);
          } else {
            input.county = county;
            input.coverageYear = year;
            input.categories = cats ? splitCategories(cats) : [];
            if (paidIso) input.paidOn = paidIso;
            else delete input.paidOn;
            if (birth) input.birthDate = birth;
            else delete input.birthDate;
            entry = entryOf(quoteOrError(input), paidIso, lang);
          }
          // Results that depend on the birth date (outside the window: newborn rules) are not shared.
          const w = entry.q?.window;
          const shared = !(birth && entry.paidIso && birth > entry.paidIso) && !(w && (!w.open || w.reason === 'newborn-special-window'));
          entries.push(entry);
          if (shared && cached < CACHE_LIMIT) {
            (byPaid ?? nested(nested(nested(cache, county), yearText), cats)).set(paid, entry);
            cached++;
          }
        }
        if (entry.error || idError) {
          // An identity problem (invalid or duplicated ID) takes the code; the message carries every problem of the row.
          const problems = [idError, entry.error].filter((e): e is { code: string; zh: string; en: string } => e !== undefined);
          const first = problems[0]!;
          const join = (k: 'zh' | 'en') => problems.map((e) => e[k]).join(k === 'zh' ? '；' : '; ');
          const { errorCode, errorMessage } = rowError(first.code, join('zh'), join('en'));
          out = { ...(entry.error ? EMPTY : entry.out), errorCode, errorMessage };
          entry = undefined;
        } else entry.count++;
      }
      if (sink) {
        const padded = row.length < header.length ? [...row, ...new Array<string>(header.length - row.length).fill('')] : row;
        const raw = row === padded ? raws?.[b] : undefined;
        const p = entry ? sink.row(padded, entry.out, header, entry, raw) : sink.row(padded, out!, header, undefined, raw);
        if (p) await p;
      }
    }
    if (opts.progress) {
      const now = Date.now();
      if (now - lastTick > 250) {
        lastTick = now;
        process.stderr.write(`\r${t(lang, '已处理', 'rows')} ${rows}  ${Math.round((rows * 1000) / (now - started))} ${t(lang, '行/秒', 'rows/s')}   `);
      }
    }
  }
  if (opts.progress) process.stderr.write('\r\x1b[K');
  await sink?.close();
  return summarise(entries, rows, errors, errorsByCode, opts.out);
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

