/**
 * CSV per RFC 4180, streaming, on raw bytes: quoted fields with embedded
 * commas, quotes and line breaks, CRLF or LF, split anywhere across chunks.
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
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const EMPTY = Buffer.alloc(0);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The encodings a roster may come in. */
export type CsvEncoding = 'utf-8' | 'gb18030';

/**
 * Incremental CSV reader, used as a cursor: {@link feed} it chunks of bytes,
 * then call {@link next} until it returns false (the rest of the buffer is an
 * incomplete record, kept for the next chunk); after the last chunk call
 * {@link end} and drain {@link next} once more. While `next()` is true, the
 * reader describes the current record.
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
  /** Whether the current record ended inside a quoted field (only possible at the end of the file). */
  unterminated = false;
  /** Field `i` lies in `buffer[bounds[2i], bounds[2i+1])`, quotes included. */
  private bounds = new Int32Array(64);
  private pos = 0;
  private readonly backing: Buffer[] = [EMPTY, EMPTY];
  private turn = 0;
  private final = false;
  private first = true;
  private readonly gb: InstanceType<typeof TextDecoder> | undefined;

  constructor(readonly encoding: CsvEncoding = 'utf-8') {
    this.gb = encoding === 'gb18030' ? new TextDecoder('gb18030') : undefined;
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

  /** The buffer not in use, holding the unread rest of the one in use and room for `more` bytes. */
  private spare(more: number): Buffer {
    const rest = this.buffer.length - this.pos;
    let target = this.backing[this.turn ^ 1]!;
    if (target.length < rest + more) target = this.backing[this.turn ^ 1] = Buffer.allocUnsafe(Math.max(rest + more, target.length * 2));
    this.buffer.copy(target, 0, this.pos);
    this.turn ^= 1;
    return target;
  }

  /** No more chunks: the rest is the last record, even without a line break. */
  end(): void {
    this.final = true;
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
    let f = 0;
    let bounds = this.bounds;
    this.unterminated = false;
    for (;;) {
      const fs = i;
      if (i < n && buf[i] === QUOTE) {
        // A quoted field: up to the quote that is not doubled.
        i++;
        for (;;) {
          const q = buf.indexOf(QUOTE, i);
          if (q < 0 || (q + 1 >= n && !this.final)) {
            if (!this.final) return false;
            i = n;
            this.unterminated = true;
            break;
          }
          if (buf[q + 1] === QUOTE) {
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
      }
      // Unquoted bytes (or what follows a closing quote, taken as it is) up to a comma or a line break.
      let c = 0;
      while (i < n) {
        c = buf[i]!;
        if (c === COMMA || c === LF) break;
        i++;
      }
      if (i >= n && !this.final) return false;
      if (f * 2 + 2 > bounds.length) {
        const grown = new Int32Array(bounds.length * 2);
        grown.set(bounds);
        this.bounds = bounds = grown;
      }
      bounds[f * 2] = fs;
      if (i < n && c === COMMA) {
        bounds[f * 2 + 1] = i;
        f++;
        i++;
        continue;
      }
      // The record ends at a line break (or at the end of the file); a CR before it belongs to the break.
      const end = i > fs && buf[i - 1] === CR && !this.unterminated ? i - 1 : i;
      bounds[f * 2 + 1] = end;
      this.length = f + 1;
      this.recordStart = this.pos;
      this.recordEnd = end;
      this.pos = i + 1;
      return true;
    }
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
   * The raw bytes of fields `from` to `to` (inclusive, with the commas
   * between) as a Latin-1 string: the same bytes give the same fields, so it
   * is an exact key for their values, made without decoding them.
   */
  rawKey(from: number, to: number): string {
    if (from >= this.length) return '';
    return this.buffer.toString('latin1', this.bounds[from * 2]!, this.bounds[Math.min(to, this.length - 1) * 2 + 1]!);
  }

  /** The record as read, decoded (valid CSV for one line of output, quotes kept). */
  recordText(): string {
    return this.decode(this.recordStart, this.recordEnd);
  }

  /** Bytes `s`–`e` of the buffer as text. */
  decode(s: number, e: number): string {
    return this.gb ? this.gb.decode(this.buffer.subarray(s, e)) : this.buffer.toString('utf8', s, e);
  }
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

/**
 * Decides a CSV file's encoding from its first bytes: UTF-8 (with or without
 * BOM), else GB18030 (GBK's superset, what Chinese Excel writes by default).
 */
export function sniffEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  // Drop a possibly cut multi-byte sequence at the end before the strict check.
  let end = head.length;
  for (let k = 0; k < 3 && end > 0 && (head[end - 1]! & 0xc0) === 0x80; k++) end--;
  if (end > 0 && head[end - 1]! >= 0xc0) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
