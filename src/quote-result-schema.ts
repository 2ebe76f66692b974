/**
 * The result of `quote` as a zod schema, for the JSON Schema
 * `yibao-rules/schema/quote-result.json` (services in other languages read
 * quotes as JSON). `quote` never parses with it; a test checks that its type
 * is exactly `Quote` and that every quote of every built-in policy and of the
 * example policy files matches it.
 * @module
 */
import { z } from 'zod';
import { MONEY_PATTERN, RATE_PATTERN } from './money.js';
import { MECHANISM_CODES } from './vocabulary.js';

const money = z.string().regex(/^\d+\.\d{2}$/).describe('Yuan with two decimals, e.g. "280.00".');
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A civil date in China, "YYYY-MM-DD".');
const id = z.string().regex(/^[a-z][a-z0-9-]*$/);
const categoryId = id.describe('A category id: a shared code (CATEGORY_CODES) for the built-ins, or one the policy declares.');
const bilingual = { zh: z.string().describe('In Chinese.'), en: z.string().describe('In English.') };
const name = z.strictObject(bilingual).describe("The category's display name in this policy.");
const citation = z.strictObject({ clause: z.string(), quote: z.string() }).describe('The clause and its sentence, verbatim.');

/** Why a payment date is or is not inside the window (`WindowReason`). */
const WINDOW_REASONS = [
  'open',
  'before-start',
  'after-end',
  'day-of-month',
  'suspended',
  'newborn-special-window',
  'group-extension',
  'newborn-refused',
  'not-stated',
] as const;

/** Government levels of a funder the policy declares. */
const LEVELS = ['central', 'provincial', 'prefectural', 'county', 'township', 'not-stated'] as const;

export const QuoteResultSchema = z
  .strictObject({
    policyId: z.string().describe('e.g. "kelan-2022".'),
    status: z.enum(['determined', 'unspecified']).describe('"unspecified" when the notice defers for the category that decides.'),
    standard: money.nullable().describe('The standard individual contribution; null when the notice states none.'),
    individual: money.nullable().describe('What the person bears in the end; null when unspecified.'),
    subsidy: money.nullable().describe('The public subsidy; null when unspecified.'),
    dueAtPayment: money.nullable().describe('What is collected when paying; null when the mechanism is not stated.'),
    reimbursedLater: money.nullable().describe('What is paid back later; null when it cannot be told.'),
    mechanism: z.enum(MECHANISM_CODES).nullable().describe('How the subsidy reaches the person; null when unspecified or not stated.'),
    funders: z.array(id).describe("Funder ids (shared codes or the policy's own); with funding \"one-of\" they are alternatives."),
    funderDetails: z
      .array(
        z.strictObject({
          id: id.describe('The funder id.'),
          ...bilingual,
          role: z.enum(['pays', 'covers-shortfall']).describe('"covers-shortfall": pays what the others do not ("不足部分").'),
          level: z.enum(LEVELS).optional().describe('The government level, for a funder the policy declares with one.'),
          amount: z.string().regex(MONEY_PATTERN).optional().describe("The amount this funder pays, as the notice states it (yuan)."),
          share: z.string().regex(RATE_PATTERN).optional().describe('The share this funder pays, where stated.'),
        }),
      )
      .describe('The funders with display names, roles and parts.'),
    funding: z.enum(['all-of', 'one-of']).nullable().describe('"all-of": together; "one-of": either, the notice does not say which; null: no funder named or no subsidy.'),
    route: z.array(z.strictObject({ from: z.string(), to: z.string() })).describe('The route the money takes, where the notice gives one.'),
    appliedCategory: categoryId.nullable().describe('The category whose rule decided.'),
    appliedCategoryName: name.nullable().describe('Its display name in this policy.'),
    notApplied: z
      .array(z.strictObject({ category: categoryId, name, reason: z.string(), ...bilingual }))
      .describe("The person's other categories and why each did not decide."),
    window: z
      .strictObject({ open: z.boolean().nullable(), reason: z.enum(WINDOW_REASONS), nextPayableOn: civilDate.optional() })
      .nullable()
      .describe('Whether the payment date is inside the collection window (open null: the notice states no window); null without a payment date.'),
    coverage: z.strictObject({ start: civilDate, end: civilDate }).nullable().describe('The period the payment buys; null outside the window or when not stated.'),
    explain: z.array(z.strictObject({ step: z.string(), cite: citation.nullable(), ...bilingual })).describe('The steps, each with its clause.'),
    warnings: z.array(z.strictObject({ code: z.string(), ...bilingual })).describe('Assumptions and silences.'),
  })
  .describe('The answer of `quote` for one resident.');
