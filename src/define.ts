/**
 * `yibao-rules/define`: defining your own policies. Validation with the schema
 * (zod), the audit of a notice against itself, the check of a policy file
 * against its notice's text (`checkPolicy`), and the schemas themselves.
 * Kept apart from the main entry so that `import { quote } from 'yibao-rules'`
 * loads no schema library; a policy defined here works with the main entry's
 * `createRegistry` and `quote` (ESM or CommonJS alike).
 *
 * @example
 * ```ts
 * import { definePolicy } from 'yibao-rules/define';
 * import { createRegistry, quote } from 'yibao-rules';
 * const registry = createRegistry([definePolicy(JSON.parse(text))]);
 * ```
 *
 * @module
 */
export { definePolicy, safeDefinePolicy, auditPolicy, type Policy, type AuditFinding } from './policy.js';
export { checkPolicy, type PolicyCheck } from './check-policy.js';
export { QuoteInputSchema } from './quote-input-schema.js';
export { QuoteResultSchema } from './quote-result-schema.js';
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
export { INPUT_LIMITS } from './snapshot.js';
