/**
 * The public types catch typos and narrow. `npm run typecheck` (tsc over test/) checks the
 * `expectTypeOf` lines and that every `@ts-expect-error` below is a real error; vitest runs the
 * runtime half (the typo'd inputs really are rejected, the narrowed values really are strings).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CATEGORY_CODES,
  quote,
  safeQuote,
  type CategoryCode,
  type DeterminedQuote,
  type ExplainStepKind,
  type NotAppliedReason,
  type Quote,
  type QuoteInput,
  type QuoteWarningCode,
  type UnspecifiedQuote,
} from '../../src/index.js';
import { EXPLAIN_STEPS, NOT_APPLIED_REASONS, QUOTE_WARNING_CODES } from '../../src/quote-codes.js';

const county = '岢岚';

describe('Quote is a union on status', () => {
  it('status === "determined" narrows individual and subsidy to string', () => {
    const q: Quote = quote({ county, coverageYear: 2022 });
    expectTypeOf(q.individual).toEqualTypeOf<string | null>();
    expect(q.status).toBe('determined');
    if (q.status === 'determined') {
      expectTypeOf(q).toEqualTypeOf<DeterminedQuote>();
      expectTypeOf(q.individual).toEqualTypeOf<string>();
      expectTypeOf(q.subsidy).toEqualTypeOf<string>();
      expect(q.individual.length).toBeGreaterThan(0); // no `!` needed
    } else {
      expectTypeOf(q).toEqualTypeOf<UnspecifiedQuote>();
      expectTypeOf(q.individual).toEqualTypeOf<null>();
      expectTypeOf(q.subsidy).toEqualTypeOf<null>();
    }
  });

  it('a determined quote cannot be built with null amounts', () => {
    // @ts-expect-error individual is a string when determined
    const bad: Pick<DeterminedQuote, 'status' | 'individual'> = { status: 'determined', individual: null };
    expect(bad.individual).toBeNull();
  });
});

describe('typos do not compile', () => {
  it('a misspelt input field', () => {
    // @ts-expect-error coverageYaer is not a field of QuoteInput
    const input: QuoteInput = { county, coverageYaer: 2022 };
    const r = safeQuote(input);
    expect(r.success).toBe(false); // and at run time it is refused too
    // @ts-expect-error quote takes a QuoteInput: the literal's typo is caught
    expect(() => quote({ county, coverageYaer: 2022 })).toThrow();
  });

  it('a misspelt category code, where the caller states it is a built-in code', () => {
    const ok = ['minimum-living-allowance'] satisfies readonly CategoryCode[];
    // @ts-expect-error 'alowance'
    const typo = ['minimum-living-alowance'] satisfies readonly CategoryCode[];
    expect(CATEGORY_CODES).toContain(ok[0]);
    expect(CATEGORY_CODES).not.toContain(typo[0]);
    // quote itself takes any string: category names are per policy.
    expectTypeOf<NonNullable<QuoteInput['categories']>>().toEqualTypeOf<readonly string[]>();
  });

  it('a misspelt warning code, reason or step', () => {
    const q = quote({ county, coverageYear: 2022, categories: ['特困人员', '低保对象'] });
    // @ts-expect-error 'higest-single' is no warning code (the comparison has no overlap)
    expect(q.warnings.some((w) => w.code === 'higest-single')).toBe(false);
    expect(q.warnings.some((w) => w.code === 'highest-single')).toBe(true);
    // @ts-expect-error no such reason
    const reason: NotAppliedReason = 'lowr';
    // @ts-expect-error no such step
    const step: ExplainStepKind = 'fundres';
    // @ts-expect-error no such code
    const code: QuoteWarningCode = 'tei';
    expect([reason, step, code]).toHaveLength(3);
    expectTypeOf(q.warnings[0]!.code).toEqualTypeOf<QuoteWarningCode>();
    expectTypeOf(q.notApplied[0]!.reason).toEqualTypeOf<NotAppliedReason>();
    expectTypeOf(q.explain[0]!.step).toEqualTypeOf<ExplainStepKind>();
  });

  it('the literal unions are the runtime lists', () => {
    expectTypeOf<(typeof QUOTE_WARNING_CODES)[number]>().toEqualTypeOf<QuoteWarningCode>();
    expectTypeOf<(typeof NOT_APPLIED_REASONS)[number]>().toEqualTypeOf<NotAppliedReason>();
    expectTypeOf<(typeof EXPLAIN_STEPS)[number]>().toEqualTypeOf<ExplainStepKind>();
    for (const list of [QUOTE_WARNING_CODES, NOT_APPLIED_REASONS, EXPLAIN_STEPS]) expect(new Set(list).size).toBe(list.length);
  });
});
