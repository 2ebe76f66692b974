/**
 * `POST /v1/quote` and `POST /v1/quotes` (a JSON array, or NDJSON streamed one
 * result a line). Each answer is exactly the library's JSON; in a batch one
 * bad item gives `{ "ok": false, "error": … }` and never fails the others.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { YibaoError } from '../errors.js';
import { quoteOrError } from '../quote.js';
import type { PolicyRegistry } from '../registry.js';
import { expectMedia, forEachLine, parseJson, readBody, readText } from './body.js';
import { AnswerMemo } from './cache.js';
import { compactQuote } from './compact.js';
import { errorBody, errorJson, HttpError, statusOf } from './errors.js';

export const JSON_TYPE = 'application/json';
export const NDJSON_TYPE = 'application/x-ndjson';

/** The limits of the quote endpoints. */
export interface QuoteLimits {
  /** Bytes of a JSON body (one input or an array). */
  maxBody: number;
  /** Items of a JSON array. */
  maxItems: number;
  /** Bytes of one NDJSON line. */
  maxLine: number;
}

/** Which answer a batch item carries: the full quote, or its compact projection (`compactQuote`). */
export type View = 'full' | 'compact';

/** What the quote endpoints need. */
export interface QuoteContext {
  registry: PolicyRegistry;
  limits: QuoteLimits;
  /** Answers of /v1/quote by the body's bytes: status, headers and the encoded JSON. */
  single: AnswerMemo<Answer>;
  /** Batch items by view, then by input JSON: the item's JSON. */
  items: Record<View, AnswerMemo<string>>;
  /** NDJSON items by view, then by the line's bytes: the item's line, encoded. */
  lines: Record<View, AnswerMemo<Buffer>>;
}

export function quoteContext(registry: PolicyRegistry, limits: QuoteLimits): QuoteContext {
  return {
    registry,
    limits,
    single: new AnswerMemo(),
    items: { full: new AnswerMemo(), compact: new AnswerMemo() },
    lines: { full: new AnswerMemo(16384), compact: new AnswerMemo(16384) },
  };
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** A whole answer, ready to send: the status, the headers as a flat list, the body's bytes. */
interface Answer {
  status: number;
  headers: string[];
  body: Buffer;
}

function answer(status: number, json: string): Answer {
  const body = Buffer.from(json);
  return { status, headers: ['content-type', JSON_HEADERS['content-type'], 'content-length', String(body.length)], body };
}

/** Sends a JSON text. */
export function sendJson(res: ServerResponse, status: number, body: string, headers?: Record<string, string>): void {
  res.writeHead(status, headers ? { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body), ...headers } : { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** `POST /v1/quote`. */
export async function handleQuote(req: IncomingMessage, res: ServerResponse, ctx: QuoteContext): Promise<void> {
  expectMedia(req, [JSON_TYPE]);
  const body = await readBody(req, ctx.limits.maxBody);
  // The memo's key: the body's bytes one to one (latin1), cheaper than decoding; decoded only when new.
  const key = body.toString('latin1');
  let a = ctx.single.get(key);
  if (!a) {
    const r = quoteOrError(parseJson(body.toString('utf8')), ctx.registry);
    a = r instanceof YibaoError ? answer(statusOf(r), errorJson(r)) : answer(200, JSON.stringify(r));
    ctx.single.set(key, a);
  }
  res.writeHead(a.status, a.headers);
  res.end(a.body);
}

/** One batch item as JSON: `{"ok":true,"quote":…}` or `{"ok":false,"error":…}`. */
function itemJson(input: unknown, registry: PolicyRegistry, view: View): string {
  const r = quoteOrError(input, registry);
  if (r instanceof YibaoError) return `{"ok":false,"error":${JSON.stringify(errorBody(r))}}`;
  return `{"ok":true,"quote":${JSON.stringify(view === 'compact' ? compactQuote(r) : r)}}`;
}

function memoItem(key: string, input: unknown, ctx: QuoteContext, view: View): string {
  const memo = ctx.items[view];
  let s = memo.get(key);
  if (s === undefined) memo.set(key, (s = itemJson(input, ctx.registry, view)));
  return s;
}

const failedItem = (e: HttpError) => `{"ok":false,"error":${JSON.stringify(errorBody(e))}}`;

/** `POST /v1/quotes` (view `full`) and `POST /v1/quotes/compact` (view `compact`): a JSON array, or NDJSON. */
export async function handleQuotes(req: IncomingMessage, res: ServerResponse, ctx: QuoteContext, view: View = 'full'): Promise<void> {
  const type = expectMedia(req, [JSON_TYPE, NDJSON_TYPE]);
  if (type === NDJSON_TYPE) return ndjson(req, res, ctx, view);
  const body = parseJson(await readText(req, ctx.limits.maxBody));
  if (!Array.isArray(body)) throw new HttpError(400, 'invalid_json', '请求体应为数组（每项一个计算输入）', 'the body must be an array of quote inputs');
  const max = ctx.limits.maxItems;
  if (body.length > max) throw new HttpError(413, 'too_many_items', `一次最多 ${max} 项；更多请用 application/x-ndjson`, `at most ${max} items at once; use application/x-ndjson for more`);
  let out = '[';
  for (let i = 0; i < body.length; i++) {
    const input: unknown = body[i];
    if (i) out += ',';
    out += typeof input === 'object' && input !== null ? memoItem(JSON.stringify(input), input, ctx, view) : itemJson(input, ctx.registry, view);
  }
  sendJson(res, 200, `${out}]`);
}

/** Resolves when the response can take more, or is closed (a client that went away). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

const OUT_SIZE = 1 << 20;

/**
 * Output in 1 MiB buffers: item bytes are copied in, and what a chunk of the
 * request produced is written as one chunk of the response (`flush`); a
 * buffer comes back to a small pool once the socket has taken it, so there is
 * no garbage per line and memory stays flat.
 */
class Output {
  private readonly free: Buffer[] = [];
  private buf: Buffer = Buffer.allocUnsafe(OUT_SIZE);
  private pos = 0;
  constructor(private readonly res: ServerResponse) {}
  /** Adds bytes (an answer larger than what is left goes out at once). */
  add(b: Buffer): void {
    if (this.pos + b.length > OUT_SIZE) {
      this.write();
      if (b.length > OUT_SIZE) return void this.res.write(b);
    }
    this.pos += b.copy(this.buf, this.pos);
  }
  private write(): void {
    if (!this.pos) return;
    const full = this.buf;
    this.res.write(full.subarray(0, this.pos), () => this.free.length < 4 && this.free.push(full));
    this.buf = this.free.pop() ?? Buffer.allocUnsafe(OUT_SIZE);
    this.pos = 0;
  }
  /** Writes what is gathered; returns a promise only when the response must drain first. */
  flush(): Promise<void> | undefined {
    this.write();
    return this.res.writableNeedDrain && !this.res.destroyed ? drained(this.res) : undefined;
  }
  end(): void {
    this.res.end(this.buf.subarray(0, this.pos));
  }
}

/** Whether a line holds anything but JSON whitespace. */
function blank(line: Buffer): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * NDJSON: one input a line in, one item a line out, in order; blank lines are
 * skipped. Each answer is memoised as its encoded line, keyed by the input
 * line's bytes: the same line always gets the same bytes, and a repeated line
 * costs a lookup and a copy.
 */
async function ndjson(req: IncomingMessage, res: ServerResponse, ctx: QuoteContext, view: View): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
  res.flushHeaders(); // the client knows at once that the batch is accepted
  const max = ctx.limits.maxLine;
  const tooLong = Buffer.from(`${failedItem(new HttpError(413, 'payload_too_large', `该行超过上限 ${max} 字节`, `the line exceeds the limit of ${max} bytes`))}\n`);
  const notJson = failedItem(new HttpError(400, 'invalid_json', '该行不是有效的 JSON', 'the line is not valid JSON'));
  const memo = ctx.lines[view];
  const out = new Output(res);
  const onLine = (line: Buffer | null) => {
    if (line === null) return out.add(tooLong);
    if (line.length === 0) return;
    // The memo's key: the line's bytes one to one (latin1), cheaper than decoding.
    const key = line.toString('latin1');
    let b = memo.get(key);
    if (b === undefined) {
      if (blank(line)) return;
      let input: unknown;
      let parsed = true;
      try {
        input = JSON.parse(line.toString('utf8'));
      } catch {
        parsed = false;
      }
      b = Buffer.from(`${parsed ? itemJson(input, ctx.registry, view) : notJson}\n`);
      memo.set(key, b);
    }
    out.add(b);
  };
  await forEachLine(req, max, onLine, () => out.flush());
  out.end();
}
