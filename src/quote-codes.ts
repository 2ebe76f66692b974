/**
 * The closed vocabularies of a quote result: every warning code, every reason a held category did
 * not decide, and every kind of explanation step the engine produces. Plain `as const` arrays (no
 * schema library), so the types catch typos and the result schema can list them.
 *
 * @example
 * ```ts
 * const code: QuoteWarningCode = 'highest-single'; // a typo here fails to compile
 * ```
 * @module
 */

/** Every `QuoteWarning.code` that `quote` produces. */
export const QUOTE_WARNING_CODES = [
  'highest-single',
  'tie',
  'unspecified-might-give-more',
  'silent-category',
  'no-subsidy-stated',
  'may-be-covered',
  'precondition-assumed',
  'depends-on-payment-date',
  'inferred-cutoff',
  'no-funder-named',
  'either-funder',
  'mechanism-not-stated',
  'mechanism-hedged',
  'mechanism-inferred',
  'rounding-assumed',
  'standard-not-stated',
  'standard-inferred',
  'coverage-not-stated',
  'coverage-inferred',
  'window-not-stated',
  'window-inferred',
  'outside-window',
  'no-refund-outside-window',
  'group-deadline-passed',
  'newborn-deferred',
  'newborn-refused',
  'broader-name',
] as const;

/** A warning code: what the caller should know (an assumption, a silence of the notice, a tie). */
export type QuoteWarningCode = (typeof QUOTE_WARNING_CODES)[number];

/** Every `NotApplied.reason` that `quote` produces. */
export const NOT_APPLIED_REASONS = ['lower', 'tie', 'same-rule', 'excluded', 'unspecified', 'silent', 'no-subsidy-stated', 'precondition'] as const;

/** Why a category the person holds did not decide. */
export type NotAppliedReason = (typeof NOT_APPLIED_REASONS)[number];

/** Every `ExplainStep.step` that `quote` produces. */
export const EXPLAIN_STEPS = ['standard', 'rule', 'exclusion', 'combination', 'funders', 'route', 'mechanism', 'precondition', 'window', 'coverage'] as const;

/** What an explanation step decides. */
export type ExplainStepKind = (typeof EXPLAIN_STEPS)[number];
