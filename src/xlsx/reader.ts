/**
 * A streaming XLSX reader on node:zlib alone: the ZIP central directory, each
 * part inflated as a stream and decoded with a streaming UTF-8 decoder (a
 * character cut between two chunks stays whole), and a small XML tokenizer for
 * the shared strings, the styles (which cells are dates) and the first
 * worksheet. Memory follows the real content: rows are handed on in batches,
 * empty rows between are counted (N rows in, N rows out), and a file that
 * claims far more rows or columns than it holds is an error at once.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

/** A workbook the reader cannot read, with a message in each language. */
export class XlsxError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** The most empty rows between two rows with content, and the most columns, the reader accepts. */
export const MAX_ROW_GAP = 100_000;
export const MAX_COLUMNS = 16_384;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  offset: number;
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const b = Buffer.alloc(len);
  const { bytesRead } = await fh.read(b, 0, len, pos);
  return b.subarray(0, bytesRead);
}

/** The entries of a ZIP file, from its central directory. */
async function entries(fh: FileHandle): Promise<Map<string, Entry>> {
  const size = (await fh.stat()).size;
  const tail = await readAt(fh, Math.max(0, size - 65_557), Math.min(size, 65_557));
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) (eocd = i), (i = -1);
  if (eocd < 0) throw new XlsxError('不是有效的 XLSX（ZIP）文件', 'not a valid XLSX (ZIP) file');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > size || count > 100_000) throw new XlsxError('XLSX 文件的目录损坏', 'the XLSX file’s directory is damaged');
  const cd = await readAt(fh, cdOffset, cdSize);
  const map = new Map<string, Entry>();
  for (let p = 0, k = 0; k < count && p + 46 <= cd.length; k++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new XlsxError('XLSX 文件的目录损坏', 'the XLSX file’s directory is damaged');
    const nameLen = cd.readUInt16LE(p + 28);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    map.set(name.replace(/^\//, ''), { name, method: cd.readUInt16LE(p + 10), compressed: cd.readUInt32LE(p + 20), offset: cd.readUInt32LE(p + 42) });
    p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return map;
}

/** The text of a part, decoded as a stream: chunks of characters, never a character cut in two. */
async function* partText(fh: FileHandle, e: Entry): AsyncIterable<string> {
  const local = await readAt(fh, e.offset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new XlsxError('XLSX 文件的内容损坏', 'the XLSX file’s content is damaged');
  let pos = e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const end = pos + e.compressed;
  const decoder = new TextDecoder('utf-8');
  if (e.method !== 0 && e.method !== 8) throw new XlsxError(`不支持的压缩方式（${e.method}）`, `unsupported compression (${e.method})`);
  const inflate = e.method === 8 ? createInflateRaw() : undefined;
  const out: string[] = [];
  let failure: unknown;
  let ended = false;
  inflate?.on('data', (b: Buffer) => out.push(decoder.decode(b, { stream: true })));
  inflate?.on('error', (err) => (failure = err));
  inflate?.on('end', () => (ended = true));
  const buf = Buffer.allocUnsafe(1 << 16); // small compressed pieces: about 1 MB of text each, little held at once
  while (pos < end) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, end - pos), pos);
    if (!bytesRead) break;
    pos += bytesRead;
    const chunk = Buffer.from(buf.subarray(0, bytesRead));
    if (!inflate) {
      yield decoder.decode(chunk, { stream: true });
      continue;
    }
    if (!inflate.write(chunk)) await new Promise<void>((res) => inflate.once('drain', res));
    while (out.length) yield out.shift()!;
    if (failure) break;
  }
  if (inflate) {
    inflate.end();
    while (!ended && !failure) await new Promise<void>((res) => setImmediate(res));
    while (out.length) yield out.shift()!;
    if (failure) throw new XlsxError('XLSX 文件的内容损坏（解压失败）', 'the XLSX file’s content is damaged (inflate failed)');
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** An XML tag or a piece of text between tags: `name` '' for text, with '/' first for an end tag (namespace prefixes dropped). */
type OnToken = (name: string, attrs: string, selfClosing: boolean, text: string) => void;

/**
 * A minimal streaming XML tokenizer: calls `on` for each tag (name and raw
 * attributes) and piece of text in `chunk`, synchronously; returns the
 * unfinished rest, to be put before the next chunk.
 */
function tokenize(buf: string, on: OnToken): string {
  let pos = 0;
  for (;;) {
    const lt = buf.indexOf('<', pos);
    if (lt < 0) break;
    if (lt > pos) on('', '', false, buf.slice(pos, lt));
    const gt = buf.indexOf('>', lt);
    if (gt < 0) {
      pos = lt;
      break;
    }
    pos = gt + 1;
    const first = buf.charCodeAt(lt + 1);
    if (first === 63 || first === 33) continue; // <? and <!
    let e = lt + 1;
    while (e < gt) {
      const c = buf.charCodeAt(e);
      if (c === 32 || c === 47 && e > lt + 1 || c === 9 || c === 10 || c === 13) break;
      e++;
    }
    let name = buf.slice(lt + 1, e);
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    const colon = name.indexOf(':');
    if (colon >= 0) name = (name[0] === '/' ? '/' : '') + name.slice(colon + 1);
    on(name, e < gt ? buf.slice(e, selfClosing ? gt - 1 : gt) : '', selfClosing, '');
  }
  const rest = buf.slice(pos);
  if (rest.length > 1 << 24) throw new XlsxError('XLSX 文件中的 XML 无法解析', 'the XML in the XLSX file cannot be parsed');
  return rest;
}

/** Tokenizes a whole part. */
async function scan(chunks: AsyncIterable<string>, on: OnToken): Promise<void> {
  let rest = '';
  for await (const c of chunks) rest = tokenize(rest + c, on);
}

/** The value of attribute `name` in raw attributes. */
function attr(attrs: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    const i = attrs.indexOf(`${name}="`, at);
    if (i < 0) return undefined;
    const before = i ? attrs.charCodeAt(i - 1) : 32;
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const s = i + name.length + 2;
      return attrs.slice(s, attrs.indexOf('"', s));
    }
    at = i + 1;
  }
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML text with entities (and OOXML's _xHHHH_ escapes) decoded. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') >= 0)
    s = s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e]!,
    );
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9a-f]{4})_/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** The shared strings: the text of each <si> (its <t>, or its runs' <t>; phonetic <rPh> left out). */
async function sharedStrings(fh: FileHandle, e: Entry | undefined): Promise<string[]> {
  const list: string[] = [];
  if (!e) return list;
  let cur = '';
  let inT = false;
  let skip = 0;
  await scan(partText(fh, e), (name, _a, selfClosing, text) => {
    if (!name) {
      if (inT && !skip) cur += text;
      return;
    }
    switch (name) {
      case 'si':
        cur = '';
        if (selfClosing) list.push('');
        break;
      case '/si':
        list.push(unescapeXml(cur));
        break;
      case 't':
        inT = !selfClosing;
        break;
      case '/t':
        inT = false;
        break;
      case 'rPh':
        if (!selfClosing) skip++;
        break;
      case '/rPh':
        skip--;
        break;
    }
  });
  return list;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
/** Whether a number format code shows a date (y, m, d outside quotes and brackets; not only time). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(bare) || /m.*d|d.*m|y.*m/i.test(bare);
}

/** Which style indexes (cellXfs) show dates. */
async function dateStyles(fh: FileHandle, e: Entry | undefined): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!e) return dates;
  const custom = new Map<number, string>();
  let inXfs = false;
  let xf = 0;
  await scan(partText(fh, e), (name, attrs, selfClosing) => {
    if (name === 'numFmt') custom.set(Number(attr(attrs, 'numFmtId')), unescapeXml(attr(attrs, 'formatCode') ?? ''));
    else if (name === 'cellXfs') inXfs = !selfClosing;
    else if (name === '/cellXfs') inXfs = false;
    else if (name === 'xf' && inXfs) {
      const id = Number(attr(attrs, 'numFmtId') ?? 0);
      if (BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dates.add(xf);
      xf++;
    }
  });
  return dates;
}

/** An Excel serial day number (1900 system) as an ISO date, or undefined outside 1900–9999. */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  const day = Math.floor(serial) - (serial > 60 ? 1 : 0); // Excel's 1900-02-29
  return new Date(Date.UTC(1899, 11, 31) + day * 864e5).toISOString().slice(0, 10);
}

/** The 0-based column of a cell reference such as "AB12" (-1 if none). */
function columnOf(ref: string | undefined): number {
  if (!ref) return -1;
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return i ? c - 1 : -1;
}

/** What the cells of each column held (see {@link ReadOptions.types}). */
export interface ColumnTypes {
  numbers: boolean[];
  lastText: number[];
}

/** Options of {@link readSheetRows}. */
export interface ReadOptions {
  /** Rows per batch (default 4096). */
  batch?: number;
  /**
   * Filled as the rows go by: per column, whether some cell held a number
   * (not a date), and the last row (1-based) where a cell held anything else.
   */
  types?: ColumnTypes;
}

/**
 * The rows of the first worksheet as text, in batches: shared strings and
 * inline strings as they are, numbers as written in the file, date cells as
 * YYYY-MM-DD, booleans as TRUE/FALSE, blank cells as ''. Empty rows between
 * rows are given as [] (N rows in, N rows out).
 *
 * @example
 * ```ts
 * for await (const batch of readSheetRows('花名册.xlsx')) for (const row of batch) console.log(row);
 * ```
 */
export async function* readSheetRows(path: string, opts: ReadOptions = {}): AsyncIterable<string[][]> {
  const fh = await open(path, 'r');
  try {
    const parts = await entries(fh);
    let sheetPath: string | undefined;
    const wb = parts.get('xl/workbook.xml');
    const rels = parts.get('xl/_rels/workbook.xml.rels');
    if (wb && rels) {
      let rid: string | undefined;
      await scan(partText(fh, wb), (name, attrs) => {
        if (name === 'sheet' && !rid) rid = attr(attrs, 'r:id') ?? attr(attrs, 'id');
      });
      await scan(partText(fh, rels), (name, attrs) => {
        if (name === 'Relationship' && attr(attrs, 'Id') === rid) {
          const target = attr(attrs, 'Target') ?? '';
          sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
        }
      });
    }
    const sheet = (sheetPath && parts.get(sheetPath)) || [...parts.values()].find((e) => /^\/?xl\/worksheets\/sheet\d*\.xml$/.test(e.name));
    if (!sheet) throw new XlsxError('XLSX 文件中没有工作表', 'the XLSX file has no worksheet');
    const shared = await sharedStrings(fh, parts.get('xl/sharedStrings.xml'));
    const dates = await dateStyles(fh, parts.get('xl/styles.xml'));
    const size = opts.batch ?? 4096;
    let batch: string[][] = [];
    let rowNo = 0;
    let row: string[] = [];
    const types = opts.types;
    let col = 0;
    let type = '';
    let style = 0;
    let value = '';
    let inValue = false;
    let inT = false;
    let skip = 0;
    const ready: string[][][] = [];
    const on: OnToken = (name, attrs, selfClosing, text) => {
      if (!name) {
        if ((inValue || inT) && !skip) value += text;
        return;
      }
      switch (name) {
        case 'row': {
          const r = Number(attr(attrs, 'r') ?? rowNo + 1);
          if (!(r > rowNo)) throw new XlsxError(`工作表的行号顺序错误（第 ${r} 行）`, `the worksheet's rows are out of order (row ${r})`);
          if (r - rowNo - 1 > MAX_ROW_GAP)
            throw new XlsxError(`工作表在第 ${rowNo} 行之后声称有第 ${r} 行，中间全是空行：不像花名册`, `the worksheet claims row ${r} after row ${rowNo}, all empty between: not a roster`);
          for (; rowNo < r - 1; rowNo++) batch.push([]);
          rowNo = r;
          row = [];
          col = 0;
          if (selfClosing) {
            batch.push(row);
            if (batch.length >= size) {
              ready.push(batch);
              batch = [];
            }
          }
          break;
        }
        case '/row':
          batch.push(row);
          if (batch.length >= size) {
            ready.push(batch);
            batch = [];
          }
          break;
        case 'c': {
          const c = columnOf(attr(attrs, 'r'));
          col = c >= 0 ? c : col;
          if (col >= MAX_COLUMNS) throw new XlsxError(`工作表的列超过 ${MAX_COLUMNS} 列`, `the worksheet has more than ${MAX_COLUMNS} columns`);
          type = attr(attrs, 't') ?? 'n';
          style = Number(attr(attrs, 's') ?? 0);
          value = '';
          if (selfClosing) col++;
          break;
        }
        case '/c': {
          let v = type === 'inlineStr' || type === 'str' ? unescapeXml(value) : value.trim();
          if (type === 's') v = shared[Number(v)] ?? '';
          else if (type === 'b') v = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
          let isNumber = false;
          if (type === 'n' && v !== '') {
            const iso = dates.has(style) ? serialToIso(Number(v)) : undefined;
            if (iso) v = iso;
            else {
              isNumber = true;
              // Beyond 15 digits a spreadsheet number is not exact (an ID number typed into a number cell): show it as Excel does, 1.40929E+17.
              const x = Number(v);
              if (Math.abs(x) >= 1e15) v = x.toExponential().toUpperCase();
            }
          }
          if (v !== '') {
            if (types) {
              if (isNumber) types.numbers[col] = true;
              else types.lastText[col] = rowNo;
            }
            while (row.length < col) row.push('');
            row[col] = v;
          }
          col++;
          break;
        }
        case 'v':
          inValue = !selfClosing;
          break;
        case '/v':
          inValue = false;
          break;
        case 't':
          inT = !selfClosing && type === 'inlineStr';
          break;
        case '/t':
          inT = false;
          break;
        case 'rPh':
          if (!selfClosing) skip++;
          break;
        case '/rPh':
          skip--;
          break;
      }
    };
    let rest = '';
    for await (const c of partText(fh, sheet)) {
      rest = tokenize(rest + c, on);
      while (ready.length) yield ready.shift()!;
    }
    if (batch.length) yield batch;
  } finally {
    await fh.close();
  }
}
