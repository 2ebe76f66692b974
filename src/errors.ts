/**
 * One error type for the whole library, after zod's: every problem is an issue
 * with a stable `code`, the `path` of the offending field, and a message in
 * Chinese and in English.
 *
 * @module
 */

/** Stable error codes. Other systems may switch on them; they never change meaning. */
export const ERROR_CODES = [
  'invalid_input',
  'invalid_type',
  'unknown_field',
  'missing_field',
  'invalid_date',
  'unknown_county',
  'no_policy_for_year',
  'unknown_category',
  'ambiguous_category',
  'unknown_funder',
  'policy_too_large',
  'invalid_policy',
  'audit_mismatch',
  'not_stated',
  'calendar_out_of_range',
  'too_large',
  'unreadable_input',
  'quote_not_in_notice',
  'policy_file',
  'duplicate_policy',
  'export_unsupported',
] as const;

/** A stable error code, e.g. `unknown_county`. */
export type YibaoErrorCode = (typeof ERROR_CODES)[number];

/** A path into the input: object keys and array indices. */
export type IssuePath = ReadonlyArray<string | number>;

/** One problem found in an input. */
export interface YibaoIssue {
  readonly code: YibaoErrorCode;
  readonly path: IssuePath;
  /** The message in Chinese. */
  readonly zh: string;
  /** The message in English. */
  readonly en: string;
}

/** The registered symbol that marks a {@link YibaoError} of any build. */
const ERROR_BRAND: unique symbol = /* @__PURE__ */ Symbol.for('yibao-rules.YibaoError') as never;

/** The most characters of an offending input that a message quotes. */
export const PREVIEW_LENGTH = 40;

/**
 * A short, safe rendering of offending input for a message: at most
 * {@link PREVIEW_LENGTH} characters (whole code points), then `…(N 字符/chars)`.
 */
export function preview(s: string): string {
  if (s.length <= PREVIEW_LENGTH) return s;
  let cut = PREVIEW_LENGTH;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--; // never split a surrogate pair
  return `${s.slice(0, cut)}…(${s.length})`;
}

/** Formats a path as `categories[1]` or `collection.end.date`. */
export function formatPath(path: IssuePath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

function line(issue: YibaoIssue, lang: 'zh' | 'en'): string {
  const at = issue.path.length ? ` (${formatPath(issue.path)})` : '';
  return `${lang === 'zh' ? issue.zh : issue.en}${at}`;
}

/**
 * The error every function of the library throws for bad input.
 *
 * `code`, `path`, `zh` and `en` describe the first issue; `issues` holds all.
 * `message` carries both languages so that a log shows both.
 *
 * @example
 * ```ts
 * try { quote({ county: '不存在县', coverageYear: 2022 }) }
 * catch (e) { if (e instanceof YibaoError) console.log(e.code, e.path, e.zh) }
 * // unknown_county [ 'county' ] 未知的县：不存在县……
 * ```
 */
export class YibaoError extends Error {
  /**
   * True for a `YibaoError` from any copy of this library: its ESM and CommonJS builds, the
   * global build, or another installed version. Recognised by a registered symbol
   * (`Symbol.for('yibao-rules.YibaoError')`), so that `instanceof YibaoError` also holds across
   * builds.
   *
   * @example
   * ```ts
   * const r = safeQuote({ county: '不存在县', coverageYear: 2022 });
   * YibaoError.is(r.success ? null : r.error) // true
   * ```
   */
  static is(value: unknown): value is YibaoError {
    return typeof value === 'object' && value !== null && (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] === true;
  }

  /** `e instanceof YibaoError` is {@link YibaoError.is}: it holds for errors of every build. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return YibaoError.is(value);
  }

  override readonly name = 'YibaoError';
  readonly code: YibaoErrorCode;
  readonly path: IssuePath;
  readonly zh: string;
  readonly en: string;
  readonly issues: readonly YibaoIssue[];

  constructor(issues: readonly YibaoIssue[]) {
    const first = issues[0] ?? { code: 'invalid_input' as const, path: [], zh: '输入无效', en: 'invalid input' };
    const more = issues.length > 1 ? ` (+${issues.length - 1})` : '';
    super(`[${first.code}] ${line(first, 'zh')} / ${line(first, 'en')}${more}`);
    this.code = first.code;
    this.path = first.path;
    this.zh = first.zh;
    this.en = first.en;
    this.issues = issues;
    // The brand: a registered symbol, the same in every copy of the library (set here, not on the prototype, so that the module has no side effect to keep).
    Object.defineProperty(this, ERROR_BRAND, { value: true });
  }

  /** The message in one language, all issues, one a line. */
  format(lang: 'zh' | 'en'): string {
    return this.issues.map((i) => line(i, lang)).join('\n');
  }

  /** A plain object for JSON output. */
  toJSON(): { code: YibaoErrorCode; path: IssuePath; zh: string; en: string; issues: readonly YibaoIssue[] } {
    return { code: this.code, path: this.path, zh: this.zh, en: this.en, issues: this.issues };
  }
}

/** Builds a one-issue error. */
export function yibaoError(code: YibaoErrorCode, path: IssuePath, zh: string, en: string): YibaoError {
  return new YibaoError([{ code, path, zh, en }]);
}

/** A result that is either data or a {@link YibaoError}, as zod's `safeParse`. */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: YibaoError };
