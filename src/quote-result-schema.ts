/**
 * The result of `quote` as a zod schema, for the JSON Schema
 * `yibao-rules/schema/quote-result.json` (services in other languages read
 * quotes as JSON). `quote` never parses with it; a test checks that every
 * quote of every built-in policy matches it.
 * @module
 */
import { z } from 'zod';
import { CATEGORY_CODES, FUNDER_CODES, MECHANISM_CODES } from './vocabulary.js';

const money = z.string().regex(/^\d+\.\d{2}$/).describe('Yuan with two decimals, e.g. "280.00".');
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A civil date in China, "YYYY-MM-DD".');
const bilingual = { zh: z.string().describe('In Chinese.'), en: z.string().describe('In English.') };
const citation = z.strictObject({ clause: z.string(), quote: z.string() }).describe('The clause and its sentence, verbatim.');

export const QuoteResultSchema = z
  .strictObject({
    policyId: z.string().describe('e.g. "kelan-2022".'),
    status: z.enum(['determined', 'unspecified']).describe('"unspecified" when the notice defers for the category that decides.'),
    standard: money.describe('The standard individual contribution.'),
    individual: money.nullable().describe('What the person bears in the end; null when unspecified.'),
    subsidy: money.nullable().describe('The public subsidy; null when unspecified.'),
    dueAtPayment: money.nullable().describe('What is collected when paying.'),
    reimbursedLater: money.nullable().describe('What is paid back later.'),
    mechanism: z.enum(MECHANISM_CODES).nullable().describe('How the subsidy reaches the person; null when unspecified.'),
    funders: z.array(z.enum(FUNDER_CODES)).describe('Who funds the applied subsidy.'),
    route: z.array(z.strictObject({ from: z.string(), to: z.string() })).describe('The route the money takes, where the notice gives one.'),
    appliedCategory: z.enum(CATEGORY_CODES).nullable().describe('The category whose rule decided.'),
    notApplied: z.array(z.strictObject({ category: z.enum(CATEGORY_CODES), reason: z.string(), ...bilingual })).describe("The person's other categories and why each did not decide."),
    window: z
      .strictObject({ open: z.boolean(), reason: z.string(), nextPayableOn: civilDate.optional() })
      .nullable()
      .describe('Whether the payment date is inside the collection window; null without a payment date.'),
    coverage: z.strictObject({ start: civilDate, end: civilDate }).nullable().describe('The period the payment buys; null outside the window.'),
    explain: z.array(z.strictObject({ step: z.string(), cite: citation.nullable(), ...bilingual })).describe('The steps, each with its clause.'),
    warnings: z.array(z.strictObject({ code: z.string(), ...bilingual })).describe('Assumptions and silences.'),
  })
  .describe('The answer of `quote` for one resident.');
