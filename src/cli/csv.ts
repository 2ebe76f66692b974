/**
 * CSV per RFC 4180, streaming, on raw bytes: quoted fields with embedded
 * commas, quotes and line breaks; lines ending in CRLF, LF or a lone CR; a
 * comma or a tab between fields; split anywhere across chunks. A quote left
 * open or an over-long record is an error, never rows merged in silence.
 *
 * The reader locates records and fields in the bytes as read and decodes a
 * field only when asked. RFC 4180's structure (`,` `"` CR LF) is ASCII, and
 * neither UTF-8 nor GB18030 uses those bytes inside a multi-byte character,
 * so the structure can be found before — and mostly without — decoding. A
 * record can be copied to UTF-8 output as it was read, and the raw bytes of a
 * few fields serve as a cache key: the roster job decodes only what it must.
 */

import type { FileHandle } from 'node:fs/promises';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const EMPTY = Buffer.alloc(0);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The encodings a roster may come in. */
export type CsvEncoding = 'utf-8' | 'gb18030';

/** The longest record the reader accepts (bytes): longer is a broken file, not a row. */
export const MAX_RECORD = 256 * 1024;

/** A record the reader cannot take: a quote left open at the end of the file, or a record longer than {@link MAX_RECORD}. */
export class CsvRecordError extends Error {
  constructor(
    readonly kind: 'unterminated' | 'too-long',
    /** Where the record starts in the file (bytes). */
    readonly offset: number,
  ) {
    super(kind === 'unterminated' ? `a quote is not closed (record at byte ${offset})` : `a record longer than ${MAX_RECORD} bytes (at byte ${offset})`);
  }
}

/**
 * Incremental CSV reader, used as a cursor: {@link feed} it chunks of bytes,
 * then call {@link next} until it returns false (the rest of the buffer is an
 * incomplete record, kept for the next chunk); after the last chunk call
 * {@link end} and drain {@link next} once more. While `next()` is true, the
 * reader describes the current record. Records end at LF, CRLF or a lone CR
 * (Excel for Mac); the delimiter is a comma or a tab. A quote still open at
 * the end of the file, or a record longer than {@link MAX_RECORD}, throws a
 * {@link CsvRecordError}: never rows merged in silence.
 *
 * @example
 * ```ts
 * const r = new CsvReader();
 * r.feed(Buffer.from('a,"b,c"\n1,2\n'));
 * while (r.next()) console.log(r.fields()); // ['a', 'b,c'] then ['1', '2']
 * ```
 */
export class CsvReader {
  /** The bytes the current record lies in. */
  buffer: Buffer = EMPTY;
  /** Where the current record starts and ends in {@link buffer}, without its line break. */
  recordStart = 0;
  recordEnd = 0;
  /** Number of fields of the current record. */
  length = 0;
  /** Whether a quoted field of the current record holds a line break. */
  multiline = false;
  /** For a {@link multiline} record: the most lines in one quoted field, and the most delimiters on one line inside a quoted field (a sign of rows swallowed by an open quote). */
  fieldLines = 0;
  fieldDelimiters = 0;
  /** Field `i` lies in `buffer[bounds[2i], bounds[2i+1])`, quotes included. */
  private bounds = new Int32Array(64);
  private pos = 0;
  /** Bytes of the file before `buffer[0]`. */
  private base = 0;
  private readonly backing: Buffer[] = [EMPTY, EMPTY];
  private turn = 0;
  private final = false;
  private first = true;
  private readonly gb: InstanceType<typeof TextDecoder> | undefined;
  private readonly delim: number;

  constructor(
    readonly encoding: CsvEncoding = 'utf-8',
    /** The field delimiter: ',' or '\t'. */
    readonly delimiter: ',' | '\t' = ',',
  ) {
    this.gb = encoding === 'gb18030' ? new TextDecoder('gb18030') : undefined;
    this.delim = delimiter.charCodeAt(0);
  }

  /** Adds a chunk of the file (copied: the reader keeps its own two buffers, used in turn). */
  feed(chunk: Uint8Array): void {
    const target = this.spare(chunk.length);
    target.set(chunk, this.buffer.length - this.pos);
    this.buffer = target.subarray(0, this.buffer.length - this.pos + chunk.length);
    this.pos = 0;
  }

  /**
   * Reads up to `size` more bytes of a file straight into the reader's
   * buffer; false at the end of the file (then call {@link end}).
   */
  async fill(file: FileHandle, size = 1 << 22): Promise<boolean> {
    const target = this.spare(size);
    const rest = this.buffer.length - this.pos;
    const { bytesRead } = await file.read(target, rest, size, null);
    this.buffer = target.subarray(0, rest + bytesRead);
    this.pos = 0;
    return bytesRead > 0;
  }

  /**
   * Like {@link fill}, for a file in another encoding: reads up to `raw.length`
   * bytes into `raw`, decodes them with `decoder` (streaming: a character cut
   * at the end of a block is completed by the next) and keeps them as UTF-8,
   * so that the reader works as for a UTF-8 file. A decoder made with `fatal`
   * throws a `TypeError` on bytes that are not valid in its encoding.
   * Offsets ({@link consumed}, {@link recordOffset}) are then in the UTF-8 text.
   */
  async fillDecoded(file: FileHandle, decoder: InstanceType<typeof TextDecoder>, raw: Buffer): Promise<boolean> {
    const { bytesRead } = await file.read(raw, 0, raw.length, null);
    const text = decoder.decode(raw.subarray(0, bytesRead), { stream: bytesRead > 0 });
    const target = this.spare(Buffer.byteLength(text));
    const rest = this.buffer.length - this.pos;
    const written = text.length ? target.write(text, rest) : 0;
    this.buffer = target.subarray(0, rest + written);
    this.pos = 0;
    return bytesRead > 0 || written > 0;
  }

  /** The buffer not in use, holding the unread rest of the one in use and room for `more` bytes. */
  private spare(more: number): Buffer {
    const rest = this.buffer.length - this.pos;
    let target = this.backing[this.turn ^ 1]!;
    if (target.length < rest + more) target = this.backing[this.turn ^ 1] = Buffer.allocUnsafe(Math.max(rest + more, target.length * 2));
    this.buffer.copy(target, 0, this.pos);
    this.base += this.pos;
    this.turn ^= 1;
    return target;
  }

  /** No more chunks: the rest is the last record, even without a line break. */
  end(): void {
    this.final = true;
  }

  /** Bytes of the file read up to the end of the current record. */
  get consumed(): number {
    return this.base + this.pos;
  }

  /** Where the current record starts in the file (bytes). */
  get recordOffset(): number {
    return this.base + this.recordStart;
  }

  /** No complete record in the buffer (yet): false, unless the record is already too long. */
  private incomplete(): false {
    if (this.buffer.length - this.pos > MAX_RECORD) throw new CsvRecordError('too-long', this.base + this.pos);
    return false;
  }

  /** Moves to the next complete record; false when there is none (yet). */
  next(): boolean {
    const buf = this.buffer;
    const n = buf.length;
    let i = this.pos;
    if (this.first) {
      // A UTF-8 byte order mark is not part of the first field (wait until its three bytes are in).
      if (n - i < 3 && !this.final && buf.subarray(i).equals(BOM.subarray(0, n - i))) return false;
      if (this.encoding === 'utf-8' && buf.subarray(i, i + 3).equals(BOM)) this.pos = i += 3;
      this.first = false;
    }
    if (i >= n) return false;
    const D = this.delim;
    let f = 0;
    let bounds = this.bounds;
    this.multiline = false;
    for (;;) {
      const fs = i;
      if (i < n && buf[i] === QUOTE) {
        // A quoted field: up to the quote that is not doubled.
        i++;
        for (;;) {
          const q = buf.indexOf(QUOTE, i);
          if (q < 0 || (q + 1 >= n && !this.final)) {
            if (!this.final) return this.incomplete();
            throw new CsvRecordError('unterminated', this.base + this.pos);
          }
          if (buf[q + 1] === QUOTE) {
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        this.scanQuoted(fs + 1, i - 1);
      }
      // Unquoted bytes (or what follows a closing quote, taken as it is) up to a delimiter or a line break.
      let c = 0;
      while (i < n) {
        c = buf[i]!;
        if (c === D || c === LF || c === CR) break;
        i++;
      }
      if (i >= n && !this.final) return this.incomplete();
      // A CR may be the first half of a CRLF in the next chunk.
      if (i < n && c === CR && i + 1 >= n && !this.final) return this.incomplete();
      if (f * 2 + 2 > bounds.length) {
        const grown = new Int32Array(bounds.length * 2);
        grown.set(bounds);
        this.bounds = bounds = grown;
      }
      bounds[f * 2] = fs;
      bounds[f * 2 + 1] = i;
      if (i < n && c === D) {
        f++;
        i++;
        continue;
      }
      // The record ends at LF, CRLF, a lone CR, or the end of the file.
      if (i - this.pos > MAX_RECORD) throw new CsvRecordError('too-long', this.base + this.pos);
      this.length = f + 1;
      this.recordStart = this.pos;
      this.recordEnd = i;
      this.pos = i < n && c === CR && buf[i + 1] === LF ? i + 2 : i + 1;
      return true;
    }
  }

  /** Notes line breaks (and delimiters per line) inside a quoted field's bytes `s`–`e`. */
  private scanQuoted(s: number, e: number): void {
    const buf = this.buffer;
    let k = s;
    while (k < e && buf[k] !== LF && buf[k] !== CR) k++;
    if (k >= e) return;
    if (!this.multiline) {
      this.multiline = true;
      this.fieldLines = 0;
      this.fieldDelimiters = 0;
    }
    let lines = 1;
    let delims = 0;
    let most = 0;
    for (k = s; k < e; k++) {
      const c = buf[k]!;
      if (c === this.delim) delims++;
      else if (c === LF || (c === CR && buf[k + 1] !== LF)) {
        lines++;
        if (delims > most) most = delims;
        delims = 0;
      }
    }
    if (delims > most) most = delims;
    if (lines > this.fieldLines) this.fieldLines = lines;
    if (most > this.fieldDelimiters) this.fieldDelimiters = most;
  }

  /** Where the record after the current one starts in {@link buffer}. */
  get nextRecordStart(): number {
    return this.pos;
  }

  /** Where field `i` starts in {@link buffer} (at its opening quote, if quoted); 0 past the last field. */
  fieldStart(i: number): number {
    return i >= 0 && i < this.length ? this.bounds[i * 2]! : 0;
  }
  /** Where field `i` ends in {@link buffer} (after its closing quote, if quoted); 0 past the last field. */
  fieldEnd(i: number): number {
    return i >= 0 && i < this.length ? this.bounds[i * 2 + 1]! : 0;
  }

  /** Whether some field's text starts with a character a spreadsheet takes as a formula ({@link isFormulaStart}). */
  hasFormulaStart(): boolean {
    const buf = this.buffer;
    for (let i = 0; i < this.length; i++) {
      let s = this.bounds[i * 2]!;
      const e = this.bounds[i * 2 + 1]!;
      if (s < e && buf[s] === QUOTE) s++;
      if (s < e && FORMULA_BYTE[buf[s]!]) return true;
    }
    return false;
  }

  /** Field `i` as text: decoded, quotes removed; '' for a field the record does not have (`i` < 0 included). */
  text(i: number): string {
    if (i < 0 || i >= this.length) return '';
    const s = this.bounds[i * 2]!;
    const e = this.bounds[i * 2 + 1]!;
    if (s === e) return '';
    return this.buffer[s] === QUOTE ? unquote(this.decode(s, e)) : this.decode(s, e);
  }

  /** Every field as text. */
  fields(): string[] {
    const out = new Array<string>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.text(i);
    return out;
  }

  /**
   * The raw bytes of fields `from` to `to` (inclusive, with the delimiters
   * between) as a Latin-1 string: the same bytes give the same fields, so it
   * is an exact key for their values, made without decoding them.
   */
  rawKey(from: number, to: number): string {
    if (from >= this.length) return '';
    return this.buffer.toString('latin1', this.bounds[from * 2]!, this.bounds[Math.min(to, this.length - 1) * 2 + 1]!);
  }

  /** The record as read, decoded (valid CSV for one line of output when the delimiter is a comma, quotes kept). */
  recordText(): string {
    return this.decode(this.recordStart, this.recordEnd);
  }

  /** Bytes `s`–`e` of the buffer as text. */
  decode(s: number, e: number): string {
    return this.gb ? this.gb.decode(this.buffer.subarray(s, e)) : this.buffer.toString('utf8', s, e);
  }
}

/** First characters a spreadsheet may run as a formula (OWASP "CSV injection"): = + - @ tab CR. */
const FORMULA_BYTE = new Uint8Array(256);
for (const c of '=+-@\t\r') FORMULA_BYTE[c.charCodeAt(0)] = 1;

/**
 * Whether a cell's text starts with a character that Excel, WPS or
 * LibreOffice may take as the start of a formula (= + - @, tab, CR).
 *
 * @example
 * ```ts
 * isFormulaStart('=HYPERLINK("x")') // true
 * isFormulaStart('张三') // false
 * ```
 */
export function isFormulaStart(s: string): boolean {
  return s.length > 0 && FORMULA_BYTE[s.charCodeAt(0) & 0xff] === 1 && s.charCodeAt(0) < 0x80;
}

/**
 * A cell made safe to open in a spreadsheet (OWASP): text starting with
 * = + - @ tab or CR gets a leading apostrophe, shown as text, never run.
 *
 * @example
 * ```ts
 * neutralise('=1+2') // "'=1+2"
 * ```
 */
export function neutralise(s: string): string {
  return isFormulaStart(s) ? `'${s}` : s;
}

/** A quoted field's text without its quotes: "" inside is one quote; text after the closing quote is kept as it is. */
function unquote(s: string): string {
  let out = '';
  let k = 1;
  for (;;) {
    const j = s.indexOf('"', k);
    if (j < 0) return out + s.slice(k); // unterminated at the end of the file
    if (s.charCodeAt(j + 1) === QUOTE) {
      out += s.slice(k, j + 1);
      k = j + 2;
      continue;
    }
    return out + s.slice(k, j) + s.slice(j + 1);
  }
}

/**
 * Parses a whole CSV text or file content into rows of fields.
 *
 * @example
 * ```ts
 * parseCsv('a,b\r\n1,"x\ny"\r\n') // [['a', 'b'], ['1', 'x\ny']]
 * ```
 */
export function parseCsv(content: string | Uint8Array, encoding: CsvEncoding = 'utf-8'): string[][] {
  const r = new CsvReader(typeof content === 'string' ? 'utf-8' : encoding);
  r.feed(typeof content === 'string' ? Buffer.from(content) : content);
  r.end();
  const rows: string[][] = [];
  while (r.next()) rows.push(r.fields());
  return rows;
}

const NEEDS_QUOTES = /[",\r\n]/;
/** One field for output: quoted only when it must be. */
export function csvField(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** One row for output, without its line break. */
export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i ? ',' : '') + csvField(fields[i]!);
  return line;
}
/** One row for output, with its line break (CRLF, as RFC 4180 says). */
export function csvRow(fields: readonly string[]): string {
  return `${csvLine(fields)}\r\n`;
}

/**
 * Where a {@link CsvWriter} hands its filled buffers (pausing, when the
 * consumer needs it, is the consumer's to arrange). It may call `release` once
 * done with the bytes, so that the buffer is used again (fresh memory is
 * costly: page faults).
 */
export type ByteOut = (bytes: Buffer, release: () => void) => void;

/**
 * CSV output into a byte buffer, handed on in large blocks: text is encoded
 * as UTF-8, bytes (a record as read, or columns encoded once) are copied.
 */
export class CsvWriter {
  private buf: Buffer;
  private pos = 0;
  private handed = 0;
  private readonly free: Buffer[] = [];
  constructor(
    private readonly out: ByteOut,
    private readonly size = 1 << 22,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Writes text (already CSV: quoting is the caller's). */
  text(s: string): void {
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (s.length * 3 > this.size) return this.handOn(Buffer.from(s));
    if (this.pos + s.length * 3 > this.size) this.flush();
    this.pos += this.buf.write(s, this.pos);
  }

  /** Copies bytes `s`–`e` of `src`. */
  bytes(src: Uint8Array, s = 0, e = src.length): void {
    const len = e - s;
    if (len > this.size) return this.handOn(Buffer.from(src.subarray(s, e)));
    if (this.pos + len > this.size) this.flush();
    const buf = this.buf;
    const at = this.pos;
    // A whole array (columns encoded once) is the cheapest copy; a short range goes byte by byte.
    if (s === 0 && e === src.length) buf.set(src, at);
    else if (len < 24) for (let k = 0; k < len; k++) buf[at + k] = src[s + k]!;
    else buf.set(src.subarray(s, e), at);
    this.pos = at + len;
  }

  /** Writes `k` commas (empty fields to pad a short record). */
  commas(k: number): void {
    this.text(','.repeat(k));
  }

  /** Hands on `bytes` as they are (not copied), after what is buffered; `release` once they are written. */
  pass(bytes: Buffer, release: () => void): void {
    this.flush();
    this.handed += bytes.length;
    this.out(bytes, release);
  }

  /** Hands on, after what is buffered, bytes too large for the buffer. */
  private handOn(large: Buffer): void {
    this.flush();
    this.handed += large.length;
    this.out(large, () => {});
  }

  /** Bytes written so far (handed on or buffered). */
  get written(): number {
    return this.handed + this.pos;
  }

  /** Hands on what is buffered. */
  flush(): void {
    if (!this.pos) return;
    const whole = this.buf;
    const full = whole.subarray(0, this.pos);
    this.handed += this.pos;
    this.buf = this.free.pop() ?? Buffer.allocUnsafe(this.size);
    this.pos = 0;
    this.out(full, () => void this.free.push(whole));
  }
}
