/**
 * The browser/global build: `YibaoRules` with the whole library and, under
 * `YibaoRules.sheet`, the spreadsheet functions. No Node APIs, ES2017, no zod:
 * defining new policies (`definePolicy`) needs the Node package.
 * @module
 */
export { quote, safeQuote, safeQuoteUnknown, type QuoteInput, type BuiltinQuoteInput } from './quote.js';
export type { Quote, ExplainStep, QuoteWarning, NotApplied } from './engine.js';
export { getPolicy, listPolicies, BUILTIN_POLICIES } from './registry.js';
export { proofAvailableOn, isWorkingDay, addWorkingDays } from './calendar.js';
export { YibaoError, ERROR_CODES } from './errors.js';
export { CATEGORY_CODES, CATEGORY_NAMES, FUNDER_CODES, FUNDER_NAMES, MECHANISM_CODES, MECHANISM_NAMES, categoryName } from './vocabulary.js';
export { parseCivilDate, formatCivilDate, isCivilDate } from './civil-date.js';
export * as sheet from './sheet/functions.js';
export { toGoogle } from './sheet/google.js';
