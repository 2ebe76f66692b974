/**
 * Reading request bodies within limits: a whole JSON body (size-capped), an
 * NDJSON body line by line (each line capped, the whole never held), and an
 * upload streamed to a file (size-capped).
 *
 * @module
 */
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { badMedia, HttpError, tooLarge } from './errors.js';

/** The media type of a request, lower case, without parameters ('' when absent). */
export function mediaType(req: IncomingMessage): string {
  const ct = req.headers['content-type'];
  if (!ct) return '';
  const i = ct.indexOf(';');
  return (i < 0 ? ct : ct.slice(0, i)).trim().toLowerCase();
}

/** Throws 415 unless the request's media type is one of `allowed`. */
export function expectMedia(req: IncomingMessage, allowed: readonly string[]): string {
  const m = mediaType(req);
  if (!allowed.includes(m)) throw badMedia(allowed);
  return m;
}

function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const cl = req.headers['content-length'];
  return cl !== undefined && Number(cl) > limit;
}

/** The body as text; 413 beyond `limit` bytes (checked on Content-Length first, then while reading). */
export async function readText(req: IncomingMessage, limit: number): Promise<string> {
  return (await readBody(req, limit)).toString('utf8');
}

/** The body's bytes; 413 beyond `limit` bytes (checked on Content-Length first, then while reading). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (declaredTooLarge(req, limit)) return Promise.reject(tooLarge(limit));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(limit));
      } else chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** Parses a JSON body; 400 `invalid_json` (without echoing the body) when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', '请求体不是有效的 JSON', 'the request body is not valid JSON');
  }
}

/**
 * Calls `onLine` for each line of the body (without its `\n` or `\r\n`), as a
 * view of the bytes (valid only during the call), in order, synchronously
 * within each chunk the socket delivers; then `afterChunk`, whose promise (if
 * any) is awaited before the next chunk is read (so a slow consumer slows the
 * sender: backpressure). A line longer than `maxLine` bytes is reported as
 * `null` and skipped without being held.
 */
export async function forEachLine(req: IncomingMessage, maxLine: number, onLine: (line: Buffer | null) => void, afterChunk: () => void | Promise<void>): Promise<void> {
  let carry: Buffer | undefined;
  let skipping = false; // inside a line already reported too long
  const emit = (buf: Buffer, start: number, end: number) => {
    if (end - start > maxLine) return onLine(null);
    if (end > start && buf[end - 1] === 13) end--;
    onLine(buf.subarray(start, end));
  };
  for await (const chunk of req as AsyncIterable<Buffer>) {
    let from = 0;
    let nl = chunk.indexOf(10);
    if (carry || skipping) {
      if (nl < 0) {
        if (carry && carry.length + chunk.length > maxLine) {
          carry = undefined;
          skipping = true;
          onLine(null);
        } else if (carry) carry = Buffer.concat([carry, chunk]);
        const p = afterChunk();
        if (p) await p;
        continue;
      }
      if (carry) {
        const line = Buffer.concat([carry, chunk.subarray(0, nl)]);
        carry = undefined;
        emit(line, 0, line.length);
      }
      skipping = false;
      from = nl + 1;
      nl = chunk.indexOf(10, from);
    }
    for (; nl >= 0; nl = chunk.indexOf(10, from)) {
      emit(chunk, from, nl);
      from = nl + 1;
    }
    if (from < chunk.length) {
      if (chunk.length - from > maxLine) {
        skipping = true;
        onLine(null);
      } else carry = Buffer.from(chunk.subarray(from));
    }
    const p = afterChunk();
    if (p) await p;
  }
  if (carry && carry.length) emit(carry, 0, carry.length);
}

/** Streams the body into `file` (with backpressure); 413 beyond `limit` bytes. The request is paused, not destroyed, so the answer can still be sent. */
export function saveUpload(req: IncomingMessage, file: string, limit: number): Promise<number> {
  if (declaredTooLarge(req, limit)) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file, { mode: 0o600 });
    let size = 0;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      req.off('data', onData);
      req.pause();
      out.destroy();
      reject(e);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) return fail(tooLarge(limit));
      if (!out.write(c)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    req.on('data', onData);
    req.once('end', () => {
      if (!failed) out.end(() => resolve(size));
    });
    req.once('error', fail);
    out.once('error', fail);
  });
}
