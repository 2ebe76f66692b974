/**
 * Writing the output. One pass writes a CSV working file (a temporary file
 * beside the target); rows of a duplicated ID, known only at the end, are
 * patched in afterwards while copying it, and JSON or XLSX is converted from
 * it — each into another temporary file. Only the finished file is renamed
 * over the target ({@link commit}). Cells a spreadsheet would run as formulas
 * are neutralised (OWASP) unless `raw`.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvReader, CsvWriter, csvField, csvLine, csvRow, neutralise } from '../csv.js';
import { t, type Lang } from '../text.js';
import { RosterFileError } from './errors.js';
import { commit, dropTemp, dropTempLater, FileSink, tempBeside } from './files.js';
import { CODE_SEPARATOR, errorColumns, LIST_SEPARATOR, MONEY_KEYS, OUT, type OutKey } from './decisions.js';
import type { Rows } from './reading.js';

/** The formats the job writes. */
export type OutputFormat = 'csv' | 'json' | 'xlsx';

/** The format of an output path (`-`: `format`, default CSV); an extension the job cannot write is an error. */
export function outputFormat(path: string, format?: string): OutputFormat {
  const f = (path === '-' ? (format ?? 'csv') : (format ?? extname(path).slice(1))).toLowerCase();
  if (f === 'csv' || f === 'json' || f === 'xlsx') return f;
  throw new RosterFileError(
    `无法写出该格式：${path}（输出须为 .csv、.xlsx 或 .json）`,
    `cannot write this format: ${path} (the output must be .csv, .xlsx or .json)`,
  );
}

/** CSV written through a {@link CsvWriter} into a {@link FileSink}. */
class CsvFile {
  readonly w: CsvWriter;
  private wait: Promise<void> | undefined;
  constructor(
    readonly sink: FileSink,
    bom: boolean,
  ) {
    this.w = new CsvWriter((b, release) => {
      const p = sink.write(b, release);
      if (p) this.wait = p;
    });
    if (bom) this.w.text('\uFEFF');
  }
  /** The pause the file asked for, if any, once. */
  pause(): Promise<void> | undefined {
    const p = this.wait;
    this.wait = undefined;
    return p;
  }
  async close(): Promise<void> {
    this.w.flush();
    await this.pause();
    await this.sink.close();
  }
}

/**
 * The working file: the output as CSV (UTF-8 with BOM), written as the rows
 * are computed. A UTF-8 comma-separated record without formula-like cells is
 * copied as it was read; the computed columns of a cached result are encoded
 * once and copied.
 */
export class WorkingFile extends CsvFile {
  static async create(path: string, raw: boolean): Promise<WorkingFile> {
    return new WorkingFile(await FileSink.create(path), raw);
  }
  private constructor(
    sink: FileSink,
    private readonly raw: boolean,
  ) {
    super(sink, true);
  }
  /** Where the next row will start in the file. */
  get offset(): number {
    return this.w.written;
  }
  header(cols: string[], lang: Lang): void {
    this.w.text(csvRow([...cols.map(this.cell), ...OUT.map((o) => (lang === 'zh' ? o[1] : o[2]))]));
  }
  private readonly cell = (s: string) => (this.raw ? s : neutralise(s));
  row(rows: Rows, width: number, suffix: Buffer): Promise<void> | undefined {
    const w = this.w;
    if (rows instanceof CsvReader && rows.delimiter === ',' && rows.length <= width && (this.raw || !rows.hasFormulaStart())) {
      if (rows.encoding === 'utf-8') w.bytes(rows.buffer, rows.recordStart, rows.recordEnd);
      else w.text(rows.recordText());
      if (rows.length < width) w.commas(width - rows.length);
    } else {
      const f = rows.fields();
      let line = '';
      for (let i = 0; i < width; i++) line += (i ? ',' : '') + csvField(this.cell(f[i] ?? ''));
      w.text(line);
    }
    w.bytes(suffix);
    return this.pause();
  }
}

/** A row whose duplicate ID was found after it was written: where it is in the working file, and the problem to put first in its error message. */
export interface Patch {
  row: number;
  offset: number;
  message: string;
}

/** Between the problems of one row in its error message. */
export const PROBLEM_SEPARATOR: Record<Lang, string> = { zh: '；', en: '; ' };

const ERROR_MESSAGE = OUT.findIndex(([k]) => k === 'errorMessage');

/** The computed columns of a working-file record (its last ones), with its patch applied (a flagged row shows no amounts). */
function computedOf(r: CsvReader, patch: string | undefined, lang: Lang): string[] {
  const c: string[] = [];
  for (let i = r.length - OUT.length; i < r.length; i++) c.push(r.text(i));
  if (patch === undefined) return c;
  const before = c[ERROR_MESSAGE]!;
  const e = errorColumns('duplicate_id', before ? `${patch}${PROBLEM_SEPARATOR[lang]}${before}` : patch);
  return OUT.map(([k]) => e[k]);
}

/** Where the finished output goes, one record of the working file at a time. */
interface Finisher {
  /** `n`: the row number (0: the header). */
  row(r: CsvReader, n: number, patch: string | undefined): Promise<void> | void;
  close(): Promise<void>;
}

const COPY_BLOCK = 1 << 22;

/** CSV: the working file copied in large blocks, read once in order; only the patched records are parsed and rewritten. */
async function patchCsv(work: string, out: string, lang: Lang, patches: readonly Patch[]): Promise<void> {
  const src = await open(work, 'r');
  const f = new CsvFile(await FileSink.create(out), false);
  try {
    const size = (await src.stat()).size;
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
    // Short unpatched spans are copied through the writer's buffer; long ones are read into buffers of
    // their own and handed to the file as they are: the next block is read while the last is written,
    // and a written buffer is used again.
    const free: Buffer[] = [];
    const copy = async (from: number, to: number) => {
      if (to - from < COPY_BLOCK) {
        for (let at = from; at < to; ) {
          const b = await have(at, to - at);
          if (!b.length) break;
          f.w.bytes(b);
          await f.pause();
          at += b.length;
        }
        return;
      }
      for (let at = from; at < to; ) {
        const b = free.pop() ?? Buffer.allocUnsafe(COPY_BLOCK);
        const { bytesRead } = await src.read(b, 0, Math.min(to - at, COPY_BLOCK), at);
        if (!bytesRead) break;
        f.w.pass(b.subarray(0, bytesRead), () => void free.push(b));
        await f.pause();
        at += bytesRead;
      }
    };
    let at = 0;
    for (const p of patches) {
      await copy(at, p.offset);
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
  } catch (e) {
    await f.sink.abandon();
    throw e;
  } finally {
    await src.close();
  }
}

/** A computed value as JSON: amounts as decimal strings, yes/no as booleans, lists as arrays, empty as null. */
function typed(k: OutKey, v: string, lang: Lang): unknown {
  if (k === 'windowOpen') return v === '' ? null : v === t(lang, '是', 'yes');
  if (k === 'funders' || k === 'warnings') return v === '' ? [] : v.split(LIST_SEPARATOR[lang]);
  if (k === 'warningCodes') return v === '' ? [] : v.split(CODE_SEPARATOR);
  return v === '' ? null : v;
}

/** JSON: one object per row, keyed by the header, computed columns by their Chinese (zh) or English keys. */
async function jsonFinisher(path: string, lang: Lang): Promise<Finisher> {
  const sink = await FileSink.create(path);
  let names: string[] = [];
  let buf = '[\n';
  let first = true;
  const keys = OUT.map((o) => (lang === 'zh' ? o[1] : o[0]));
  return {
    row(r, n, patch) {
      const width = r.length - OUT.length;
      if (n === 0) {
        names = r.fields().slice(0, width);
        return;
      }
      const o: Record<string, unknown> = {};
      for (let i = 0; i < width; i++) o[names[i] || `column${i + 1}`] = r.text(i);
      computedOf(r, patch, lang).forEach((v, i) => (o[keys[i]!] = typed(OUT[i]![0], v, lang)));
      buf += `${first ? '' : ',\n'}${JSON.stringify(o)}`;
      first = false;
      if (buf.length < 1 << 20) return;
      const p = sink.write(Buffer.from(buf));
      buf = '';
      return p;
    },
    async close() {
      sink.write(Buffer.from(`${buf}\n]\n`));
      await sink.close();
    },
  };
}

/** XLSX: ID numbers and dates stay text (no 1.4E+17); columns that held numbers in an XLSX input stay numbers; money as numbers in a 0.00 format; blank cells blank. */
async function xlsxFinisher(path: string, lang: Lang, numeric: ReadonlySet<number>): Promise<Finisher> {
  const { XlsxWriter } = await import('../../xlsx/index.js');
  const sink = await FileSink.create(path);
  const w = new XlsxWriter((b) => sink.write(b), { sheetName: t(lang, '花名册', 'roster') });
  const money = OUT.map(([k]) => MONEY_KEYS.has(k));
  return {
    row(r, n, patch) {
      const width = r.length - OUT.length;
      if (n === 0) {
        w.setColumns(r.fields().map((h, i) => ({ width: Math.min(40, Math.max(8, h.length * 2 + 2, i === 1 ? 20 : 0)) })));
        return w.addRow(r.fields(), { bold: true });
      }
      const cells: Array<string | number | null> = [];
      for (let i = 0; i < width; i++) {
        const v = r.text(i);
        cells.push(v === '' ? null : numeric.has(i) && Number.isFinite(Number(v)) ? Number(v) : v);
      }
      computedOf(r, patch, lang).forEach((v, i) => cells.push(v === '' ? null : money[i] ? { number: Number(v), format: '0.00' } as never : v));
      return w.addRow(cells);
    },
    async close() {
      await w.finish();
      await sink.close();
    },
  };
}

/**
 * Turns the working file into the output and puts it in place: for CSV, a
 * rename, or a copy with the patched rows rewritten; for JSON and XLSX, a
 * conversion. Whatever was at `target` stays until the finished file replaces it.
 */
export async function finishOutput(work: string, target: string, format: OutputFormat, lang: Lang, patches: readonly Patch[], numeric: ReadonlySet<number> = new Set()): Promise<void> {
  if (format === 'csv' && !patches.length) return commit(work, target);
  const temp = tempBeside(target, 'out');
  try {
    if (format === 'csv') await patchCsv(work, temp, lang, patches);
    else {
      const byRow = new Map(patches.map((p) => [p.row, p.message]));
      const finisher = format === 'json' ? await jsonFinisher(temp, lang) : await xlsxFinisher(temp, lang, numeric);
      const src = await open(work, 'r');
      try {
        const r = new CsvReader();
        let n = -1;
        const each = async () => {
          while (r.next()) {
            const p = finisher.row(r, ++n, byRow.get(n));
            if (p) await p;
          }
        };
        while (await r.fill(src)) await each();
        r.end();
        await each();
      } finally {
        await src.close();
      }
      await finisher.close();
    }
    // The working file is freed while the output is flushed and put in place.
    const dropped = dropTempLater(work).catch(() => undefined);
    await commit(temp, target);
    await dropped;
  } catch (e) {
    dropTemp(temp);
    throw e;
  }
}
