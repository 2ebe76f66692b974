/**
 * Reading a roster: what the file is (CSV or XLSX, which encoding, which
 * delimiter), and its rows as batches. The encoding is decided on the whole
 * file: UTF-8 only if every byte of it is valid UTF-8 (checked in blocks with
 * `buffer.isUtf8`), else GB18030, and then every byte of it must decode as
 * GB18030 (checked as it is decoded, block by block, while the rows are
 * read: a byte that is not stops the job before any output is replaced).
 * UTF-16 LE/BE is recognised by its byte order mark. GB18030 and UTF-16 are
 * decoded to UTF-8 as they are read. The summary names the encoding used;
 * `--encoding` overrides the detection.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { CsvReader, type CsvEncoding } from '../csv.js';
import { RosterFileError } from './errors.js';
import { FileSink, tempBeside } from './files.js';
import type { ColumnTypes } from '../../xlsx/reader.js';

/**
 * The rows of a roster, as a cursor: `next()` moves to the next row of the
 * batch at hand (false when the batch is done). A {@link CsvReader} is one;
 * XLSX rows come as {@link ArrayRows}.
 */
export interface Rows {
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
export class ArrayRows implements Rows {
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
    // U+0000 cannot be in a cell of an XLSX file (XML 1.0): an exact separator.
    let k = this.row[from] ?? '';
    for (let i = from + 1; i <= to; i++) k += `\u0000${this.row[i] ?? ''}`;
    return k;
  }
}

/** One batch of rows per chunk of the file: one await per chunk, none per row. */
export type RowSource = AsyncIterable<Rows>;

/** Encodings a roster may be read in (UTF-16 is converted to UTF-8 first). */
export type RosterEncoding = CsvEncoding | 'utf-16le' | 'utf-16be';
export const ENCODINGS: readonly RosterEncoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

/** What a roster file is, and how to read it. */
export interface RosterSource {
  /** The file to read (a working copy for standard input and other files that are not regular files). */
  readonly path: string;
  readonly kind: 'csv' | 'xlsx';
  /** The encoding of the original file ('xlsx' for a workbook). */
  readonly encoding: RosterEncoding | 'xlsx';
  /** Whether the encoding was given (`--encoding`) rather than detected. */
  readonly forced: boolean;
  readonly delimiter: ',' | '\t';
  /** Temporary files to remove when the job ends. */
  readonly temps: string[];
  /** For XLSX: what the cells of each column held (filled while reading). */
  readonly types?: ColumnTypes;
}

/** The name of an encoding as the summary shows it. */
export function encodingLabel(e: RosterEncoding | 'xlsx', bom = false): string {
  return { 'utf-8': bom ? 'UTF-8 (BOM)' : 'UTF-8', gb18030: 'GB18030', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', xlsx: 'XLSX' }[e];
}

const BLOCK = 1 << 22;
/** Bytes decoded at a time (GB18030, UTF-16): small enough that the decoded text stays in young memory. */
const DECODE_BLOCK = 1 << 20;

/**
 * Copies standard input (`-`), or an input that is not a regular file (a
 * FIFO, /dev/stdin, a process substitution), to a temporary file: the job
 * reads its input more than once, and a pipe can be read only once.
 */
export async function inputToFile(input: string): Promise<string> {
  const path = tempBeside('-', 'in');
  const sink = await FileSink.create(path);
  for await (const chunk of input === '-' ? process.stdin : createReadStream(input)) {
    const p = sink.write(chunk as Buffer);
    if (p) await p;
  }
  await sink.close();
  return path;
}

/** Whether a whole file is valid UTF-8 (`isUtf8` per block). */
async function validUtf8(fh: FileHandle): Promise<boolean> {
  const buf = Buffer.allocUnsafe(BLOCK + 4);
  let carry = 0;
  let pos = 0;
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, carry, BLOCK, pos);
      pos += bytesRead;
      const n = carry + bytesRead;
      // UTF-8: check up to the last whole character; carry a cut one over to the next block.
      let end = n;
      if (bytesRead) {
        let lead = n - 1;
        while (lead > 0 && n - lead < 4 && (buf[lead]! & 0xc0) === 0x80) lead--;
        const c = buf[lead]!;
        const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        if (n - lead < len) end = lead;
      }
      if (!isUtf8(buf.subarray(0, end))) return false;
      if (!bytesRead) return true;
      carry = n - end;
      buf.copy(buf, 0, end, n);
    }
  } catch {
    return false;
  }
}

/**
 * Decides what a file is and how to read it. `forced`: the encoding given
 * with `--encoding` (no detection).
 */
export async function inspect(path: string, forced?: RosterEncoding): Promise<RosterSource> {
  const fh = await open(path, 'r');
  const temps: string[] = [];
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    if (!bytesRead) throw new RosterFileError('文件为空', 'the file is empty');
    const h = head.subarray(0, bytesRead);
    if (h[0] === 0x50 && h[1] === 0x4b && h[2] === 3 && h[3] === 4) return { path, kind: 'xlsx', encoding: 'xlsx', forced: false, delimiter: ',', temps, types: { numbers: [], lastText: [] } };
    const bom16 = h[0] === 0xff && h[1] === 0xfe ? 'utf-16le' : h[0] === 0xfe && h[1] === 0xff ? 'utf-16be' : undefined;
    let encoding: RosterEncoding;
    if (forced) encoding = forced;
    else if (bom16) encoding = bom16;
    else {
      if (h.subarray(0, Math.min(bytesRead, 4096)).includes(0)) throw new RosterFileError('不是文本格式的花名册（含二进制数据）', 'not a text roster (binary data)');
      // Not UTF-8: GB18030, checked as it is decoded (a byte that is not GB18030 stops the job before any output is replaced).
      encoding = (await validUtf8(fh)) ? 'utf-8' : 'gb18030';
    }
    let text = h;
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      const start = h[0] === 0xff || h[0] === 0xfe ? 2 : 0;
      text = Buffer.from(new TextDecoder(encoding).decode(h.subarray(start, start + ((bytesRead - start) & ~1))));
    }
    // The first line decides the delimiter: tabs and no comma (Excel's "Unicode text") is tab-separated.
    let eol = text.findIndex((c) => c === 10 || c === 13);
    if (eol < 0) eol = text.length;
    const first = text.subarray(0, eol);
    const delimiter = first.includes(9) && !first.includes(44) ? '\t' : ',';
    return { path, kind: 'csv', encoding, forced: Boolean(forced), delimiter, temps };
  } finally {
    await fh.close();
  }
}

/**
 * The decoder for a file that is not UTF-8 (GB18030, UTF-16 LE/BE; a UTF-16
 * or GB18030 byte order mark is dropped): fatal when the encoding was
 * detected (bytes not valid in it stop the job), replacing when it was
 * given with --encoding.
 */
function decoderOf(src: RosterSource): InstanceType<typeof TextDecoder> | undefined {
  return src.encoding === 'utf-8' || src.encoding === 'xlsx' ? undefined : new TextDecoder(src.encoding, { fatal: !src.forced });
}

/**
 * The first line (1-based; lines end at LF, CRLF or a lone CR) of a file
 * that is not valid `encoding`, or undefined. Neither UTF-8 nor GB18030
 * uses a CR or LF byte inside a character, so each line is checked alone.
 */
export async function firstInvalidLine(path: string, encoding: 'utf-8' | 'gb18030'): Promise<number | undefined> {
  const dec = encoding === 'gb18030' ? new TextDecoder('gb18030', { fatal: true }) : undefined;
  const valid = (b: Buffer) => {
    if (!dec) return isUtf8(b);
    try {
      dec.decode(b);
      return true;
    } catch {
      return false;
    }
  };
  let line = 1;
  let carry: Buffer = Buffer.alloc(0);
  let skipLf = false;
  for await (const chunk of createReadStream(path, { highWaterMark: BLOCK })) {
    const b = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c !== 10 && c !== 13) {
        skipLf = false;
        continue;
      }
      if (c === 10 && skipLf && i === start) {
        // the LF of a CRLF whose CR ended the last line
        start = i + 1;
        skipLf = false;
        continue;
      }
      if (!valid(b.subarray(start, i))) return line;
      line++;
      start = i + 1;
      skipLf = c === 13;
    }
    carry = Buffer.from(b.subarray(start));
  }
  return carry.length && !valid(carry) ? line : undefined;
}

/** The error for a file whose bytes turn out, further on, not to be valid in the encoding it was read in: where, and what to do. */
async function invalidIn(src: RosterSource): Promise<RosterFileError> {
  if (src.encoding !== 'gb18030') return new RosterFileError(`文件不是有效的 ${encodingLabel(src.encoding)} 文本`, `the file is not valid ${encodingLabel(src.encoding)} text`);
  const [u, g] = [await firstInvalidLine(src.path, 'utf-8'), await firstInvalidLine(src.path, 'gb18030')];
  return new RosterFileError(
    `无法识别文件编码：既不是有效的 UTF-8（第 ${u ?? '?'} 行起不是）也不是有效的 GB18030（第 ${g ?? '?'} 行起不是）。请检查这些行（可能混入了其他编码的文字或损坏的字节）；确知编码时可用 --encoding 指定，无效的字节将显示为 �`,
    `cannot tell the encoding: the file is neither valid UTF-8 (not from line ${u ?? '?'}) nor valid GB18030 (not from line ${g ?? '?'}). Check those lines (text in another encoding, or damaged bytes); if you know the encoding, name it with --encoding, and invalid bytes will show as �`,
  );
}

/**
 * The CSV rows of a source, one batch per block read. GB18030 and UTF-16
 * are decoded block by block as they are read and kept as UTF-8 (offsets are
 * then in the UTF-8 text: see {@link lineAt}), so that every row takes the
 * UTF-8 paths.
 */
async function* csvRows(src: RosterSource, raw: boolean): AsyncIterable<CsvReader> {
  const file = await open(src.path, 'r');
  try {
    // GB18030 may be read as it is (its bytes never hide , " CR or LF inside a character): fields then decode on demand.
    const asIs = raw && src.encoding === 'gb18030';
    const reader = new CsvReader(asIs ? 'gb18030' : 'utf-8', src.delimiter);
    const decoder = asIs ? undefined : decoderOf(src);
    if (decoder) {
      const raw = Buffer.allocUnsafe(DECODE_BLOCK);
      for (;;) {
        let more: boolean;
        try {
          more = await reader.fillDecoded(file, decoder, raw);
        } catch (e) {
          if (e instanceof TypeError) throw await invalidIn(src);
          throw e;
        }
        if (!more) break;
        yield reader;
      }
    } else while (await reader.fill(file)) yield reader;
    reader.end();
    yield reader;
  } finally {
    await file.close();
  }
}

/**
 * The rows of a roster source. `raw`: a GB18030 file is read as its own
 * bytes, not decoded to UTF-8 (the same records; offsets and lengths are
 * then in the file's bytes) — for a quick pass that reads few fields.
 */
export function rowsOf(src: RosterSource, raw = false): RowSource {
  if (src.kind === 'csv') return csvRows(src, raw);
  return xlsxRows(src);
}

/** XLSX rows (first worksheet) by the project's own reader (src/xlsx), empty rows kept: N rows in, N rows out. */
async function* xlsxRows(src: RosterSource): RowSource {
  const { readSheetRows, XlsxError } = await import('../../xlsx/index.js');
  try {
    for await (const batch of readSheetRows(src.path, { types: src.types })) yield new ArrayRows(batch);
  } catch (e) {
    if (e instanceof XlsxError) throw new RosterFileError(`无法读取 XLSX 文件：${e.zh}`, `cannot read the XLSX file: ${e.en}`);
    throw e;
  }
}

/** The bytes of a CSV source as its reader sees them: the file, or the file decoded to UTF-8. */
async function* readerBytes(src: RosterSource): AsyncIterable<Buffer> {
  const decoder = decoderOf(src);
  if (!decoder) {
    yield* createReadStream(src.path, { highWaterMark: BLOCK }) as AsyncIterable<Buffer>;
    return;
  }
  try {
    for await (const chunk of createReadStream(src.path, { highWaterMark: BLOCK })) yield Buffer.from(decoder.decode(chunk as Buffer, { stream: true }));
    yield Buffer.from(decoder.decode());
  } catch (e) {
    if (e instanceof TypeError) throw await invalidIn(src);
    throw e;
  }
}

/**
 * The line (1-based) of a CSV source at byte `offset` of what its reader
 * sees ({@link CsvReader.recordOffset}): line breaks before it counted as
 * LF, CRLF or lone CR.
 */
export async function lineAt(src: RosterSource, offset: number): Promise<number> {
  if (offset === 0) return 1;
  let line = 1;
  let prevCr = false;
  let at = 0;
  for await (const chunk of readerBytes(src)) {
    const b = at + chunk.length > offset ? chunk.subarray(0, offset - at) : chunk;
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c === 10) {
        if (!prevCr) line++;
        prevCr = false;
      } else if (c === 13) {
        line++;
        prevCr = true;
      } else prevCr = false;
    }
    at += b.length;
    if (at >= offset) break;
  }
  return line;
}
