/**
 * CSV per RFC 4180, streaming: quoted fields with embedded commas, quotes and
 * line breaks, CRLF or LF, split anywhere across chunks. Lines without a quote
 * take a fast path (native split); the rest go through a state machine.
 */

/** Incremental CSV parser: push text chunks, get complete rows. */
export class CsvParser {
  private rest = '';
  /** Fields of a row whose quoted field spans chunks. */
  private pending: string[] | null = null;
  private field = '';
  private inQuotes = false;
  private afterQuote = false;

  /**
   * Parses a chunk; returns the rows completed by it. With `raws`, the text of
   * each row that had no quotes is recorded at the same index (undefined for
   * the others), so that a writer can copy such a row as it was.
   */
  push(chunk: string, out: string[][] = [], raws?: Array<string | undefined>): string[][] {
    let s = this.rest + chunk;
    this.rest = '';
    let i = 0;
    if (this.pending) {
      i = this.slow(s, 0, out);
      if (this.pending) return out;
    }
    const n = s.length;
    let q = s.indexOf('"', i); // the next quote, looked up again only once passed
    if (q < 0) q = n;
    while (i < n) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) {
        this.rest = s.slice(i);
        return out;
      }
      if (q < i) {
        q = s.indexOf('"', i);
        if (q < 0) q = n;
      }
      if (q > nl) {
        const end = nl > i && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        const line = s.slice(i, end);
        out.push(line.split(','));
        if (raws) raws[out.length - 1] = line;
        i = nl + 1;
      } else {
        i = this.slow(s, i, out);
        if (this.pending) return out;
      }
    }
    return out;
  }

  /** State machine for one row starting at `i` (or continuing `pending`); returns where the next row starts. */
  private slow(s: string, i: number, out: string[][]): number {
    const row = this.pending ?? [];
    let field = this.pending ? this.field : '';
    let inQ = this.pending ? this.inQuotes : false;
    let afterQ = this.pending ? this.afterQuote : false;
    this.pending = null;
    const n = s.length;
    let start = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (inQ) {
        if (c === 34) {
          if (i + 1 >= n) {
            // A quote at the chunk's end: wait to see whether it is doubled.
            field += s.slice(start, i);
            this.rest = s.slice(i);
            this.pending = row;
            this.field = field;
            this.inQuotes = true;
            this.afterQuote = false;
            return n;
          }
          if (s.charCodeAt(i + 1) === 34) {
            field += s.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          field += s.slice(start, i);
          inQ = false;
          afterQ = true;
          i++;
          start = i;
          continue;
        }
        i++;
        continue;
      }
      if (c === 44) {
        row.push(field + s.slice(start, i));
        field = '';
        afterQ = false;
        i++;
        start = i;
      } else if (c === 10) {
        let v = field + s.slice(start, i);
        if (v.charCodeAt(v.length - 1) === 13) v = v.slice(0, -1);
        row.push(v);
        out.push(row);
        return i + 1;
      } else if (c === 34 && !afterQ && i === start && field === '') {
        inQ = true;
        i++;
        start = i;
      } else i++;
    }
    // Chunk ended inside the row.
    this.pending = row;
    this.field = field + s.slice(start, n);
    this.inQuotes = inQ;
    this.afterQuote = afterQ;
    return n;
  }

  /** Flushes the last row (a file need not end with a line break). */
  end(out: string[][] = []): string[][] {
    if (this.pending) {
      const row = this.pending;
      let f = this.field + this.rest;
      if (this.inQuotes && f.endsWith('"')) f = f.slice(0, -1);
      row.push(f);
      out.push(row);
      this.pending = null;
    } else if (this.rest.length) {
      this.push('\n', out);
    }
    this.rest = '';
    return out;
  }
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
 * Decides a CSV file's encoding from its first bytes: UTF-8 (with or without
 * BOM), else GB18030 (GBK's superset, what Chinese Excel writes by default).
 */
export function sniffEncoding(head: Uint8Array): { encoding: 'utf-8' | 'gb18030'; bom: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  // Drop a possibly cut multi-byte sequence at the end before the strict check.
  let end = head.length;
  for (let k = 0; k < 3 && end > 0 && (head[end - 1]! & 0xc0) === 0x80; k++) end--;
  if (end > 0 && head[end - 1]! >= 0xc0) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'gb18030', bom: false };
  }
}
