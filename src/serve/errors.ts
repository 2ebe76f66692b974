/**
 * Errors of the service: the library's {@link YibaoError} and the service's own
 * (too large, wrong content type, no token…), both as
 * `{ "error": { "code", "zh", "en", "path" } }` with an HTTP status.
 *
 * @module
 */
import { ERROR_CODES, YibaoError, type IssuePath } from '../errors.js';

/** Codes of the service's own errors, beside the library's {@link ERROR_CODES}. */
export const SERVICE_ERROR_CODES = [
  'invalid_json',
  'too_many_items',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'not_found',
  'unknown_policy',
  'method_not_allowed',
  'invalid_roster',
  'not_ready',
  'internal_error',
] as const;

/** Every code an error body can carry. */
export const ALL_ERROR_CODES = [...ERROR_CODES, ...SERVICE_ERROR_CODES] as const;

/** The error object of a response body. */
export interface ErrorBody {
  code: string;
  zh: string;
  en: string;
  path: IssuePath;
}

/** A failure with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: (typeof SERVICE_ERROR_CODES)[number],
    readonly zh: string,
    readonly en: string,
    readonly path: IssuePath = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(en);
  }
}

/**
 * The HTTP status of a library error: 404 for an unknown county or year; 400
 * for any other bad input, among them `too_large` (a field of the quote too
 * long, or too many categories: the body itself was within its limit, which
 * is `payload_too_large`, 413), `unreadable_input` and `ambiguous_category`.
 * The policy-file codes (`policy_file`, `duplicate_policy`, …) stop the
 * service at startup (exit code 1) and never reach a response.
 *
 * @example
 * ```ts
 * statusOf(yibaoError('unknown_county', ['county'], '…', '…')) // 404
 * ```
 */
export function statusOf(e: YibaoError): number {
  return e.code === 'unknown_county' || e.code === 'no_policy_for_year' ? 404 : 400;
}

/** The four fields every error body carries (never a stack). */
export function errorBody(e: YibaoError | HttpError): ErrorBody {
  return { code: e.code, zh: e.zh, en: e.en, path: e.path };
}

/** `{ "error": … }` as JSON. */
export function errorJson(e: YibaoError | HttpError): string {
  return JSON.stringify({ error: errorBody(e) });
}

export const tooLarge = (limit: number) =>
  new HttpError(413, 'payload_too_large', `请求体超过上限 ${limit} 字节`, `the request body exceeds the limit of ${limit} bytes`);

export const badMedia = (allowed: readonly string[]) =>
  new HttpError(415, 'unsupported_media_type', `不支持的内容类型，应为：${allowed.join('、')}`, `unsupported content type; expected: ${allowed.join(', ')}`, [], {
    'accept-post': allowed.join(', '),
  });
