/**
 * The roster job: reads a roster (CSV in UTF-8 or GB18030, or XLSX), computes
 * every row, writes the same rows in the same order with the computed columns
 * appended (CSV, XLSX or JSON, after --out's extension), and sums up what a
 * county needs to budget. N rows in, N rows out; a bad row never stops it.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { extname } from 'node:path';
import { YibaoError } from '../errors.js';
import type { Quote } from '../engine.js';
import { formatFen } from '../money.js';
import { quoteOrError } from '../quote.js';
import { categoryName, FUNDER_NAMES, MECHANISM_NAMES, type CategoryCode, type FunderCode, type MechanismCode } from '../vocabulary.js';
import { CsvParser, csvRow, sniffEncoding } from './csv.js';
import { checkIdNumber } from './id-number.js';
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

const fen = (s: string) => {
  const dot = s.indexOf('.');
  return dot < 0 ? Number(s) * 100 : Number(s.slice(0, dot)) * 100 + Number(s.slice(dot + 1).padEnd(2, '0'));
};

/** Accepts the date forms spreadsheets export: 2021-12-01, 2021/12/1, 2021.12.1, 2021年12月1日, 20211201. */
function normDate(s: string): string {
  const v = s.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : v;
}
/** Splits "低保对象、重度残疾人（Ⅰ级、Ⅱ级）" at 、 , ; / (and their full-width forms), never inside brackets. */
export function splitCategories(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && '、,，;；/／'.includes(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

// ---------------------------------------------------------------- reading

type RowSource = AsyncIterable<string[]>;

async function* csvRows(path: string): RowSource {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const parser = new CsvParser();
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let rows: string[][] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (!decoder) {
      const { encoding } = sniffEncoding(chunk.subarray(0, 64 * 1024));
      decoder = new TextDecoder(encoding);
      const probe = chunk.subarray(0, 4096);
      if (probe.includes(0)) throw new RosterFileError('不是文本格式的花名册（含二进制数据）', 'not a text roster (binary data)');
    }
    rows = parser.push(decoder.decode(chunk, { stream: true }), rows);
    if (rows.length) {
      yield* rows;
      rows = [];
    }
  }
  if (!decoder) throw new RosterFileError('文件为空', 'the file is empty');
  parser.push(decoder.decode(), rows);
  parser.end(rows);
  yield* rows;
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
      for await (const row of sheet as AsyncIterable<{ number: number; values: unknown[] }>) {
        // Keep empty rows: N rows in, N rows out.
        for (; expected < row.number; expected++) yield [];
        const vals = (row.values as unknown[]).slice(1).map(cellText);
        yield vals;
        expected = row.number + 1;
      }
      return; // first worksheet only
    }
  } catch (e) {
    if (e instanceof RosterFileError) throw e;
    throw new RosterFileError(`无法读取 XLSX 文件：${(e as Error).message}`, `cannot read the XLSX file: ${(e as Error).message}`);
  }
}

function rowsOf(path: string): RowSource {
  return extname(path).toLowerCase() === '.xlsx' ? xlsxRows(path) : csvRows(path);
}

// ---------------------------------------------------------------- writing

interface Sink {
  header(cols: string[]): void;
  row(original: string[], computed: Record<OutKey, string>, header: string[]): Promise<void> | void;
  close(): Promise<void>;
}

class TextSink implements Sink {
  private buf = '';
  private first = true;
  constructor(private readonly out: WriteStream, private readonly json: boolean, private readonly lang: Lang) {
    if (!json) this.buf = '\uFEFF'; // so that Excel reads the Chinese text as UTF-8
  }
  header(cols: string[]): void {
    if (this.json) this.buf += '[\n';
    else this.buf += csvRow([...cols, ...OUT.map((o) => (this.lang === 'zh' ? o[1] : o[2]))]);
  }
  row(original: string[], c: Record<OutKey, string>, header: string[]) {
    if (this.json) {
      const o: Record<string, unknown> = {};
      original.forEach((v, i) => (o[header[i] ?? `column${i + 1}`] = v));
      for (const [k] of OUT) o[k] = c[k] === '' ? null : c[k];
      this.buf += `${this.first ? '' : ',\n'}${JSON.stringify(o)}`;
      this.first = false;
    } else {
      const vals = original.slice();
      for (const [k] of OUT) vals.push(c[k]);
      this.buf += csvRow(vals);
    }
    if (this.buf.length > 1 << 16) return this.flush();
  }
  private async flush() {
    const ok = this.out.write(this.buf);
    this.buf = '';
    if (!ok) await once(this.out, 'drain');
  }
  async close() {
    if (this.json) this.buf += '\n]\n';
    await this.flush();
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
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return xlsxSink(path, lang);
  const out = createWriteStream(path);
  await once(out, 'open');
  return new TextSink(out, ext === '.json', lang);
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

/** Pass 1: the rows whose ID number appears more than once (row numbers are 1-based data rows). */
async function findDuplicates(path: string, idCol: number): Promise<Map<number, number[]>> {
  const seen = new Map<number, number>();
  const dups = new Map<number, number[]>();
  const raw = new Map<string, number>();
  let n = -1;
  for await (const row of rowsOf(path)) {
    n++;
    if (n === 0) continue;
    const v = row[idCol];
    if (!v) continue;
    const c = checkIdNumber(v);
    // Valid IDs as compact numbers; malformed ones by their text.
    const key = c.ok ? c.key : -1 - (raw.get(v.trim()) ?? (raw.set(v.trim(), raw.size), raw.size - 1));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, n);
    else {
      const list = dups.get(key);
      if (list) list.push(n);
      else dups.set(key, [first, n]);
    }
  }
  const byRow = new Map<number, number[]>();
  for (const rows of dups.values()) for (const r of rows) byRow.set(r, rows);
  return byRow;
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
    funders: q.funders.map((f) => (lang === 'zh' ? FUNDER_NAMES[f].zh : f)).join(lang === 'zh' ? '；' : ';'),
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

/** Runs the roster job. Throws {@link RosterFileError} when the file cannot be used at all. */
export async function runRoster(opts: RosterOptions): Promise<RosterSummary> {
  const lang = opts.lang;
  const s: RosterSummary & { _f: Map<string, Bucket>; _c: Map<string, Bucket>; _m: Map<string, Bucket>; _t: Bucket & { ind: number } } = {
    rows: 0, computed: 0, errors: 0, errorsByCode: {}, unspecified: 0, outsideWindow: 0,
    totals: { individual: '0.00', subsidy: '0.00', dueAtPayment: '0.00', reimbursedLater: '0.00' },
    byFunder: [], byCategory: [], byMechanism: [],
    _f: new Map(), _c: new Map(), _m: new Map(), _t: { people: 0, subsidy: 0, due: 0, later: 0, ind: 0 },
  };
  const add = (m: Map<string, Bucket>, k: string, q: Quote) => {
    let b = m.get(k);
    if (!b) m.set(k, (b = { people: 0, subsidy: 0, due: 0, later: 0 }));
    b.people++;
    b.subsidy += fen(q.subsidy!);
    b.due += fen(q.dueAtPayment!);
    b.later += fen(q.reimbursedLater!);
  };

  // Header first (also catches an empty, binary or wrong file before any output is written).
  let cols: Columns | undefined;
  for await (const row of rowsOf(opts.input)) {
    cols = mapColumns(row, opts);
    break;
  }
  if (!cols) throw new RosterFileError('文件为空，没有表头', 'the file is empty: no header');
  const { col, header } = cols;
  const dups = col.id >= 0 ? await findDuplicates(opts.input, col.id) : new Map<number, number[]>();
  const sink = opts.out ? await openSink(opts.out, lang) : undefined;
  sink?.header(header);

  const started = Date.now();
  let lastTick = started;
  const fail = (code: string, zh: string, en: string) => {
    s.errors++;
    s.errorsByCode[code] = (s.errorsByCode[code] ?? 0) + 1;
    return { ...EMPTY, errorCode: code, errorMessage: lang === 'zh' ? zh : en };
  };
  const input: { county: string; coverageYear: number; categories: string[]; paidOn?: string; birthDate?: string } = { county: '', coverageYear: 0, categories: [] };

  let n = -1;
  for await (const row of rowsOf(opts.input)) {
    n++;
    if (n === 0) continue;
    s.rows++;
    const get = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    let out: Record<OutKey, string>;
    let idError: { code: string; zh: string; en: string } | undefined;
    let birth: string | undefined;
    const idRaw = get(col.id);
    if (col.id >= 0) {
      if (!idRaw) idError = { code: 'missing_id', zh: '缺少身份证号', en: 'missing ID number' };
      else {
        const c = checkIdNumber(idRaw);
        if (!c.ok) idError = c;
        else birth = c.birthDate;
        const d = dups.get(n);
        if (!idError && d) {
          const others = d.filter((r) => r !== n).map((r) => r + 1);
          idError = { code: 'duplicate_id', zh: `身份证号与第 ${others.join('、')} 行重复`, en: `the same ID number as line ${others.join(', ')}` };
        }
      }
    }
    const yearText = get(col.year);
    const year = yearText ? /^(\d{4})(年度?)?$/.exec(yearText)?.[1] : opts.year === undefined ? undefined : String(opts.year);
    if (row.length === 1 && row[0] === '') out = fail('empty_row', '空行', 'empty line');
    else if (row.length > header.length) out = fail('column_count', `列数（${row.length}）多于表头（${header.length}）`, `more fields (${row.length}) than the header (${header.length})`);
    else if (year === undefined) out = fail('invalid_input', `待遇年度无效：${yearText || '（空）'}`, `invalid coverage year: ${yearText || '(empty)'}`);
    else {
      input.county = get(col.county) || opts.county || '';
      input.coverageYear = Number(year);
      const cats = get(col.categories);
      input.categories = cats ? splitCategories(cats) : [];
      const paid = get(col.paidOn);
      if (paid) input.paidOn = normDate(paid);
      else delete input.paidOn;
      const b = get(col.birthDate);
      if (b) input.birthDate = normDate(b);
      else if (birth) input.birthDate = birth;
      else delete input.birthDate;
      const q = quoteOrError(input);
      if (q instanceof YibaoError) {
        out = fail(q.code, q.zh, q.en);
      } else {
        out = computedColumns(q, lang);
        if (idError) {
          const e = fail(idError.code, idError.zh, idError.en);
          out.errorCode = e.errorCode;
          out.errorMessage = e.errorMessage;
        } else if (q.status === 'unspecified') {
          s.unspecified++;
          s.computed++;
        } else {
          s.computed++;
          if (q.window && !q.window.open) s.outsideWindow++;
          add(s._f, q.subsidy === '0.00' ? '' : q.funders.join('+') || 'none-named', q);
          add(s._c, q.appliedCategory!, q);
          add(s._m, q.mechanism!, q);
          s._t.ind += fen(q.individual!);
          add(s._f, '\0total', q);
        }
      }
    }
    if (sink) {
      const padded = row.length < header.length ? [...row, ...new Array<string>(header.length - row.length).fill('')] : row;
      const p = sink.row(padded, out, header);
      if (p) await p;
    }
    if (opts.progress && (s.rows & 4095) === 0) {
      const now = Date.now();
      if (now - lastTick > 250) {
        lastTick = now;
        process.stderr.write(`\r${t(lang, '已处理', 'rows')} ${s.rows}  ${Math.round((s.rows * 1000) / (now - started))} ${t(lang, '行/秒', 'rows/s')}   `);
      }
    }
  }
  if (opts.progress) process.stderr.write('\r\x1b[K');
  await sink?.close();

  const tot = s._f.get('\0total');
  s._f.delete('\0total');
  s.totals = { individual: formatFen(s._t.ind), subsidy: formatFen(tot?.subsidy ?? 0), dueAtPayment: formatFen(tot?.due ?? 0), reimbursedLater: formatFen(tot?.later ?? 0) };
  s.byFunder = [...s._f].filter(([k]) => k !== '').map(([k, b]) => ({ funders: k, people: b.people, subsidy: formatFen(b.subsidy) }));
  s.byCategory = [...s._c].map(([k, b]) => ({ category: k, people: b.people, subsidy: formatFen(b.subsidy) }));
  s.byMechanism = [...s._m].map(([k, b]) => ({ mechanism: k, people: b.people, dueAtPayment: formatFen(b.due), reimbursedLater: formatFen(b.later) }));
  if (opts.out) s.output = opts.out;
  const { _f, _c, _m, _t, ...summary } = s;
  return summary;
}

const funderLabel = (k: string, lang: Lang) =>
  k === 'none-named' ? t(lang, '（通知未写明）', '(none named)') : k.split('+').map((f) => FUNDER_NAMES[f as FunderCode]?.[lang] ?? f).join(' + ');

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

