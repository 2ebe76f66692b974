/**
 * Everything a reviewer checks in a policy file before it is used: the
 * schema, the audit of the notice's stated results against its rules, and —
 * given the notice's text — that every quoted sentence occurs in it. What the
 * notice leaves out is listed apart: it is not a problem, it is the truth.
 *
 * @module
 */
import { YibaoError, type YibaoIssue } from './errors.js';
import { citationsOf, quotesNotInNotice } from './notice-text.js';
import { safeDefinePolicy, type Policy } from './policy.js';
import { plainCopy } from './snapshot.js';
import { policyGaps, type PolicyGap } from './policy-gaps.js';

/** What {@link checkPolicy} found. `ok` when there is no problem. */
export interface PolicyCheck {
  readonly ok: boolean;
  /** The defined policy, when the file is a valid policy. */
  readonly policy: Policy | undefined;
  /** Every problem: schema issues, audit mismatches, quotes not found in the notice. */
  readonly problems: readonly YibaoIssue[];
  /** How many citations were compared with the notice (0 without a notice). */
  readonly quotesChecked: number;
  /** What the policy records as not stated by the notice, or as the author's inference: not problems, but what a quote may rest on. */
  readonly gaps: readonly PolicyGap[];
}

/**
 * Validates any value as a policy, audits it, and, with `notice`, checks every
 * quote against the notice's text (white space ignored). Never throws.
 *
 * @example
 * ```ts
 * const r = checkPolicy(JSON.parse(fs.readFileSync('yangqu-2022.json', 'utf8')), { notice: fs.readFileSync('yangqu-2022.txt', 'utf8') });
 * r.ok        // true
 * r.problems  // []
 * ```
 */
export function checkPolicy(json: unknown, options: { notice?: string } = {}): PolicyCheck {
  // One plain, bounded copy (own properties, each read once): the schema and the quote check see the same data, and a hostile value is an error.
  const copy = plainCopy(json);
  if (YibaoError.is(copy)) return { ok: false, policy: undefined, problems: [...copy.issues], quotesChecked: 0, gaps: [] };
  const defined = safeDefinePolicy(copy);
  const problems: YibaoIssue[] = defined.success ? [] : [...defined.error.issues];
  let quotesChecked = 0;
  const notice = options?.notice;
  if (typeof notice === 'string') {
    const missing = quotesNotInNotice(copy, notice);
    quotesChecked = citationsOf(copy).length;
    problems.push(...missing);
  }
  const policy = defined.success ? defined.data : undefined;
  return { ok: problems.length === 0, policy, problems, quotesChecked, gaps: policy ? policyGaps(policy) : [] };
}
