import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, CATEGORY_CODES, quote, type Quote } from '../../src/index.js';
import { QUOTE_SCHEMA_MATCHES_TYPE, QuoteResultSchema } from '../../src/quote-result-schema.js';
import { goldenFiles } from '../helpers.js';

/** Every key of Quote, checked by the compiler to be exactly `keyof Quote`. */
const KEYS = {
  policyId: 1, status: 1, standard: 1, individual: 1, subsidy: 1, dueAtPayment: 1, reimbursedLater: 1, mechanism: 1, funders: 1,
  route: 1, appliedCategory: 1, notApplied: 1, window: 1, coverage: 1, explain: 1, warnings: 1,
} satisfies Record<keyof Quote, 1>;
type Missing = Exclude<keyof Quote, keyof typeof KEYS>;
const noneMissing: [Missing] extends [never] ? true : false = true;

const golden = goldenFiles().flatMap((f) => {
  const p = BUILTIN_POLICIES.find((x) => x.id === f.policy)!;
  return f.cases.filter((c) => c.quote_input).map((c) => ({ county: p.county.name, coverageYear: p.coverageYear.year, ...c.quote_input }) as never);
});

describe('QuoteResultSchema', () => {
  it('names every field of Quote and no other (checked by the compiler and at run time)', () => {
    expect(QUOTE_SCHEMA_MATCHES_TYPE && noneMissing).toBe(true);
    expect(Object.keys(QuoteResultSchema.shape).sort()).toEqual(Object.keys(KEYS).sort());
    expect(Object.keys(quote(golden[0]!)).sort()).toEqual(Object.keys(KEYS).sort());
  });

  it('every golden quote validates (strict: a field too many would fail)', () => {
    expect(golden.length).toBeGreaterThan(50);
    for (const input of golden) expect(QuoteResultSchema.safeParse(quote(input)).error).toBeUndefined();
  });

  it('random quotes of every built-in policy validate', () => {
    const day = fc.integer({ min: 0, max: 800 });
    fc.assert(
      fc.property(fc.constantFrom(...BUILTIN_POLICIES), fc.subarray([...CATEGORY_CODES]), fc.option(day), fc.option(day), (p, categories, paid, born) => {
        const base = Date.UTC(p.coverageYear.year - 1, 6, 1);
        const iso = (n: number) => new Date(base + n * 864e5).toISOString().slice(0, 10);
        const paidOn = paid === null ? undefined : iso(paid);
        const birthDate = born === null || paid === null || born > paid ? undefined : iso(born);
        const q = quote({ county: p.county.code, coverageYear: p.coverageYear.year, categories, paidOn, birthDate });
        const r = QuoteResultSchema.safeParse(q);
        expect(r.error).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('rejects what is not a quote', () => {
    const q = quote(golden[0]!);
    expect(QuoteResultSchema.safeParse({ ...q, extra: 1 }).success).toBe(false);
    expect(QuoteResultSchema.safeParse({ ...q, standard: 320 }).success).toBe(false);
    expect(QuoteResultSchema.safeParse({ ...q, standard: '320' }).success).toBe(false);
    const { warnings: _, ...missing } = q;
    expect(QuoteResultSchema.safeParse(missing).success).toBe(false);
  });
});
