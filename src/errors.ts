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
