/**
 * yibao-rules — 城乡居民基本医疗保险缴费通知的规则化实现.
 *
 * County notices for resident medical insurance as typed, dated, cited policy
 * definitions, and an exact calculator over them.
 *
 * @packageDocumentation
 */
export { quote, safeQuote, quoteOrError, type QuoteInput } from './quote.js';
export { QuoteInputSchema } from './quote-input-schema.js';
export type { Quote, ExplainStep, QuoteWarning, NotApplied, QuoteFunder, Bilingual } from './engine.js';
export { compilePolicy, type CompiledPolicy } from './engine.js';
export type { WindowResult, WindowReason } from './window.js';
export { definePolicy, safeDefinePolicy, auditPolicy, policyGaps, type Policy, type AuditFinding, type PolicyGap } from './policy.js';
export { checkPolicy, type PolicyCheck } from './check-policy.js';
export { quotesNotInNotice, citationsOf, type CitationAt } from './notice-text.js';
export { getPolicy, listPolicies, createRegistry, PolicyRegistry, BUILTIN_POLICIES, builtinRegistry, type PolicySummary } from './registry.js';
export { proofAvailableOn, isWorkingDay, addWorkingDays, HOLIDAY_CALENDAR, CALENDAR_RANGE } from './calendar.js';
export { YibaoError, ERROR_CODES, type YibaoErrorCode, type YibaoIssue, type IssuePath, type SafeResult } from './errors.js';
export {
  PolicySchema,
  CitationSchema,
  CategoryRuleSchema,
  SubsidyRuleSchema,
  CategoryDefinitionSchema,
  FunderDefinitionSchema,
  InferenceSchema,
  MAX_OWN_CATEGORIES,
  MAX_CONDITIONS,
  type Inference,
  type CategoryDefinition,
  type FunderDefinition,
  type PolicyInput,
  type PolicyData,
  type Citation,
  type CategoryRule,
  type SubsidyRule,
  type Precondition,
  type FunderRef,
  type PolicyTable,
} from './schema.js';
export {
  CATEGORY_CODES,
  CATEGORY_NAMES,
  FUNDER_CODES,
  FUNDER_NAMES,
  MECHANISM_CODES,
  MECHANISM_NAMES,
  categoryName,
  funderNames,
  SHORT_FORMS,
  type CategoryCode,
  type FunderCode,
  type MechanismCode,
} from './vocabulary.js';
export { evaluateRule, type RuleAmounts } from './evaluate.js';
export { parseCivilDate, formatCivilDate, isCivilDate, dayNumberFromSerial } from './civil-date.js';
export { splitCategories, normaliseDateText, coverageYearFromText } from './input-text.js';
