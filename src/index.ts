/**
 * yibao-rules — 城乡居民基本医疗保险缴费通知的规则化实现.
 *
 * County notices for resident medical insurance as typed, dated, cited policy
 * definitions, and an exact calculator over them. This entry loads no schema
 * library: defining policies (`definePolicy`, the zod schemas) is in
 * `yibao-rules/define`.
 *
 * @packageDocumentation
 */
export { quote, safeQuote, safeQuoteUnknown, QUOTE_LIMITS, type QuoteInput, type BuiltinQuoteInput } from './quote.js';
export type { BuiltinCounty, BuiltinCategoryName } from './builtin-names.js';
export type { CivilDateText } from './civil-date.js';
export type { Quote, DeterminedQuote, UnspecifiedQuote, ExplainStep, QuoteWarning, NotApplied, QuoteFunder, Bilingual } from './engine.js';
export type { QuoteWarningCode, NotAppliedReason, ExplainStepKind } from './quote-codes.js';
export type { WindowResult, WindowReason } from './window.js';
export type { Policy, AuditFinding } from './policy.js';
export { policyGaps, type PolicyGap } from './policy-gaps.js';
export { quotesNotInNotice, citationsOf, type CitationAt } from './notice-text.js';
export { getPolicy, listPolicies, createRegistry, PolicyRegistry, BUILTIN_POLICIES, builtinRegistry, type PolicySummary } from './registry.js';
export { proofAvailableOn, isWorkingDay, addWorkingDays, HOLIDAY_CALENDAR, CALENDAR_RANGE } from './calendar.js';
export { YibaoError, ERROR_CODES, PREVIEW_LENGTH, type YibaoErrorCode, type YibaoIssue, type IssuePath, type SafeResult } from './errors.js';
export type {
  PolicyInput,
  PolicyData,
  Citation,
  CategoryRule,
  SubsidyRule,
  Precondition,
  FunderRef,
  PolicyTable,
  Inference,
  CategoryDefinition,
  FunderDefinition,
} from './schema.js';
export {
  CATEGORY_CODES,
  CATEGORY_NAMES,
  FUNDER_CODES,
  FUNDER_NAMES,
  MECHANISM_CODES,
  MECHANISM_NAMES,
  categoryName,
  SHORT_FORMS,
  MAX_OWN_CATEGORIES,
  MAX_CONDITIONS,
  type CategoryCode,
  type FunderCode,
  type MechanismCode,
} from './vocabulary.js';
export { parseCivilDate, formatCivilDate, isCivilDate } from './civil-date.js';
