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
import { expectMedia, forEachLine, parseJson, readText } from './body.js';
import { AnswerMemo } from './cache.js';
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

/** What the quote endpoints need. */
export interface QuoteContext {
  registry: PolicyRegistry;
  limits: QuoteLimits;
  /** Answers of /v1/quote by body: status and JSON. */
  single: AnswerMemo<{ status: number; body: string }>;
  /** Batch items by input JSON: the item's JSON. */
  items: AnswerMemo<string>;
  /** NDJSON items by the line's bytes: the item's line, encoded. */
  lines: AnswerMemo<Buffer>;
}

export function quoteContext(registry: PolicyRegistry, limits: QuoteLimits): QuoteContext {
  return { registry, limits, single: new AnswerMemo(), items: new AnswerMemo(), lines: new AnswerMemo() };
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** Sends a JSON text. */
export function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** `POST /v1/quote`. */
export async function handleQuote(req: IncomingMessage, res: ServerResponse, ctx: QuoteContext): Promise<void> {
  expectMedia(req, [JSON_TYPE]);
  const text = await readText(req, ctx.limits.maxBody);
  let a = ctx.single.get(text);
  if (!a) {
    const r = quoteOrError(parseJson(text), ctx.registry);
    a = r instanceof YibaoError ? { status: statusOf(r), body: errorJson(r) } : { status: 200, body: JSON.stringify(r) };
    ctx.single.set(text, a);
  }
  sendJson(res, a.status, a.body);
}

/** One batch item as JSON: `{"ok":true,"quote":…}` or `{"ok":false,"error":…}`. */
function itemJson(input: unknown, registry: PolicyRegistry): string {
  const r = quoteOrError(input, registry);
  return r instanceof YibaoError ? `{"ok":false,"error":${JSON.stringify(errorBody(r))}}` : `{"ok":true,"quote":${JSON.stringify(r)}}`;
}

function memoItem(key: string, input: unknown, ctx: QuoteContext): string {
  let s = ctx.items.get(key);
  if (s === undefined) ctx.items.set(key, (s = itemJson(input, ctx.registry)));
  return s;
}

const failedItem = (e: HttpError) => `{"ok":false,"error":${JSON.stringify(errorBody(e))}}`;

/** `POST /v1/quotes`: a JSON array, or NDJSON. */
export async function handleQuotes(req: IncomingMessage, res: ServerResponse, ctx: QuoteContext): Promise<void> {
  const type = expectMedia(req, [JSON_TYPE, NDJSON_TYPE]);
  if (type === NDJSON_TYPE) return ndjson(req, res, ctx);
  const body = parseJson(await readText(req, ctx.limits.maxBody));
  if (!Array.isArray(body)) throw new HttpError(400, 'invalid_json', '请求体应为数组（每项一个计算输入）', 'the body must be an array of quote inputs');
  const max = ctx.limits.maxItems;
  if (body.length > max) throw new HttpError(413, 'too_many_items', `一次最多 ${max} 项；更多请用 application/x-ndjson`, `at most ${max} items at once; use application/x-ndjson for more`);
  let out = '[';
  for (let i = 0; i < body.length; i++) {
    const input: unknown = body[i];
    if (i) out += ',';
    out += typeof input === 'object' && input !== null ? memoItem(JSON.stringify(input), input, ctx) : itemJson(input, ctx.registry);
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
 * Output in 1 MiB buffers: item bytes are copied in, a full buffer is
 * written as one chunk and comes back to a small pool once the socket has
 * taken it (no garbage per chunk).
 */
class Output {
  private readonly free: Buffer[] = [];
  private buf: Buffer = Buffer.allocUnsafe(OUT_SIZE);
  private pos = 0;
  constructor(private readonly res: ServerResponse) {}
  /** Adds bytes; returns a promise only when the response must drain first. */
  add(b: Buffer): Promise<void> | undefined {
    if (this.pos + b.length <= OUT_SIZE) {
      this.pos += b.copy(this.buf, this.pos);
      return undefined;
    }
    const p = this.flush();
    if (b.length > OUT_SIZE) this.res.write(b);
    else this.pos = b.copy(this.buf, 0);
    return p;
  }
  private flush(): Promise<void> | undefined {
    const full = this.buf;
    const ok = this.res.write(full.subarray(0, this.pos), () => this.free.length < 4 && this.free.push(full));
    this.buf = this.free.pop() ?? Buffer.allocUnsafe(OUT_SIZE);
    this.pos = 0;
    return ok ? undefined : drained(this.res);
  }
  end(): void {
    this.res.end(this.buf.subarray(0, this.pos));
  }
}

/** NDJSON: one input a line in, one item a line out, in order; empty lines are skipped. */
async function ndjson(req: IncomingMessage, res: ServerResponse, ctx: QuoteContext): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
  res.flushHeaders(); // the client knows at once that the batch is accepted
  const max = ctx.limits.maxLine;
  const tooLong = Buffer.from(`${failedItem(new HttpError(413, 'payload_too_large', `该行超过上限 ${max} 字节`, `the line exceeds the limit of ${max} bytes`))}\n`);
  const notJson = failedItem(new HttpError(400, 'invalid_json', '该行不是有效的 JSON', 'the line is not valid JSON'));
  const out = new Output(res);
  await forEachLine(req, max, (line) => {
    if (line === null) return out.add(tooLong);
    // The memo's key: the line's bytes one to one (latin1), cheaper than decoding.
    const key = line.toString('latin1');
    let b = ctx.lines.get(key);
    if (b === undefined) {
      const text = line.toString('utf8');
      if (!/\S/.test(text)) return;
      let input: unknown;
      let parsed = true;
      try {
        input = JSON.parse(text);
      } catch {
        parsed = false;
      }
      b = Buffer.from(`${parsed ? itemJson(input, ctx.registry) : notJson}\n`);
      ctx.lines.set(key, b);
    }
    return out.add(b);
  });
  out.end();
}
