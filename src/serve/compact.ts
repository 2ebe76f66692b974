/**
 * The compact answer of `POST /v1/quotes/compact`: what a backend doing bulk
 * work keeps per person, projected from the full quote and nothing else.
 * Every field is the full quote's field of the same name, unchanged, except
 * `warnings`, which is the list of the full warnings' codes, in order.
 *
 * @module
 */
import { z } from 'zod';
import type { Quote } from '../engine.js';
import { QuoteResultSchema } from '../quote-result-schema.js';

const d = (zh: string, en: string) => `${zh} / ${en}`;
const R = QuoteResultSchema.shape;

/** The fields a compact answer keeps as they are, in this order. */
export const COMPACT_FIELDS = [
  'policyId',
  'status',
  'standard',
  'individual',
  'subsidy',
  'dueAtPayment',
  'reimbursedLater',
  'mechanism',
  'funders',
  'appliedCategory',
  'window',
  'coverage',
] as const satisfies ReadonlyArray<keyof Quote>;

/** The compact answer's schema (for the OpenAPI document and the tests). */
export const CompactQuoteSchema = z
  .strictObject({
    policyId: R.policyId,
    status: R.status,
    standard: R.standard,
    individual: R.individual,
    subsidy: R.subsidy,
    dueAtPayment: R.dueAtPayment,
    reimbursedLater: R.reimbursedLater,
    mechanism: R.mechanism,
    funders: R.funders,
    appliedCategory: R.appliedCategory,
    window: R.window,
    coverage: R.coverage,
    warnings: z
      .array(R.warnings.element.shape.code)
      .describe(d('完整结果中各条提示的代码，顺序相同', 'the codes of the full quote’s warnings, in order')),
  })
  .describe(
    d(
      '精简结果：完整结果（Quote）的字段原样照搬，warnings 只保留代码；不含名称、说明与条款',
      'the compact answer: the full quote’s (Quote’s) fields unchanged, warnings as their codes only; no display names, explanations or clauses',
    ),
  );

/** A compact answer. */
export type CompactQuote = z.infer<typeof CompactQuoteSchema>;

/**
 * The compact projection of a full quote.
 *
 * @example
 * compactQuote(quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'] })).subsidy // '280.00'
 */
export function compactQuote(q: Quote): CompactQuote {
  return {
    policyId: q.policyId,
    status: q.status,
    standard: q.standard,
    individual: q.individual,
    subsidy: q.subsidy,
    dueAtPayment: q.dueAtPayment,
    reimbursedLater: q.reimbursedLater,
    mechanism: q.mechanism,
    funders: q.funders,
    appliedCategory: q.appliedCategory,
    window: q.window,
    coverage: q.coverage,
    warnings: q.warnings.map((w) => w.code),
  } as CompactQuote;
}
