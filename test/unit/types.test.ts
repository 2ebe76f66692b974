/**
 * The public types catch typos and narrow. `npm run typecheck` (tsc over test/) checks the
 * `expectTypeOf` lines and that every `@ts-expect-error` below is a real error; vitest runs the
 * runtime half (the typo'd inputs really are rejected, the narrowed values really are strings).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BUILTIN_POLICIES,
  builtinRegistry,
  CATEGORY_CODES,
  createRegistry,
  formatCivilDate,
  isCivilDate,
  quote,
  safeQuote,
  safeQuoteUnknown,
  type BuiltinCategoryName,
  type BuiltinCounty,
  type BuiltinQuoteInput,
  type CategoryCode,
  type CivilDateText,
  type PolicyRegistry,
  type SafeResult,
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
    const r = safeQuote(input, builtinRegistry);
    expect(r.success).toBe(false); // and at run time it is refused too
    // @ts-expect-error quote takes a BuiltinQuoteInput: the literal's typo is caught
    expect(() => quote({ county, coverageYaer: 2022 })).toThrow();
    // @ts-expect-error safeQuote likewise (issue 11's example)
    expect(safeQuote({ county, coverageYaer: 2022 }).success).toBe(false);
    // @ts-expect-error with a registry too: the field names are the same for every policy
    expect(safeQuote({ county, coverageYaer: 2022 }, builtinRegistry).success).toBe(false);
  });

  it('a misspelt built-in category, county or date shape', () => {
    // @ts-expect-error 'alowance'
    expect(safeQuote({ county, coverageYear: 2022, categories: ['minimum-living-alowance'] }).success).toBe(false);
    // @ts-expect-error a date is "YYYY-MM-DD"
    expect(safeQuote({ county, coverageYear: 2022, paidOn: '2021/12/01' }).success).toBe(false);
    // @ts-expect-error and so is a birth date
    expect(safeQuote({ county, coverageYear: 2022, birthDate: '2021年12月1日' }).success).toBe(false);
    // @ts-expect-error 岢兰 is no built-in county
    expect(safeQuote({ county: '岢兰', coverageYear: 2022 }).success).toBe(false);
    // @ts-expect-error a category list of plain strings is not a list of built-in names
    expect(quote({ county, coverageYear: 2022, categories: ['低保对象'] as string[] }).individual).toBe('40.00');
    // @ts-expect-error the arity decides: without a registry, no open input
    expect(quote({ county: String(county), coverageYear: 2022 }).individual).toBe('320.00');
  });

  it('the right spellings compile: codes, Chinese names, short forms, every county spelling', () => {
    expect(quote({ county, coverageYear: 2022, categories: ['minimum-living-allowance'] }).individual).toBe('40.00');
    expect(quote({ county: '岢岚县', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' }).individual).toBe('40.00');
    expect(quote({ county: 'kelan', coverageYear: 2022, categories: ['低保'] }).individual).toBe('40.00');
    expect(quote({ county: 'Kelan', coverageYear: 2022, categories: ['特困人员'] }).individual).toBe('0.00');
    expect(quote({ county: '140929', coverageYear: 2022, paidOn: '2021-12-01', birthDate: '2021-06-01' }).window?.open).toBe(true);
    expect(quote({ county: '山西省忻州市岢岚县', coverageYear: 2022, categories: null, paidOn: null }).standard).toBe('320.00');
    const c: BuiltinCounty = '沁水县';
    const names: BuiltinCategoryName[] = ['特困人员', 'extreme-poverty', 'person in extreme poverty'];
    expect(quote({ county: c, coverageYear: 2025, categories: names }).status).toBe('determined');
    // An object built beforehand keeps its literal types when it says what it is.
    const input = { county: '民权', coverageYear: 2024, categories: ['低保对象'] } satisfies BuiltinQuoteInput;
    expect(quote(input).individual).toBe('300.00');
    const frozen = { county: '陵川', coverageYear: 2023, categories: ['返贫致贫人口'] } as const;
    expect(quote(frozen).individual).toBe('35.00');
  });

  it('the shape of a date is a type; the calendar is checked at run time', () => {
    const ok: CivilDateText = '2021-12-01';
    // @ts-expect-error slashes
    const slashes: CivilDateText = '2021/12/01';
    const notADay: CivilDateText = '2021-02-30'; // the right shape: compiles, refused when read
    expect(safeQuote({ county, coverageYear: 2022, paidOn: notADay })).toMatchObject({ success: false, error: { code: 'invalid_date' } });
    expect([ok, slashes]).toHaveLength(2);
    expectTypeOf(formatCivilDate(18962)).toEqualTypeOf<CivilDateText>();
    const text: string = '2021-12-01';
    if (isCivilDate(text)) {
      expectTypeOf(text).toEqualTypeOf<CivilDateText>();
      expect(quote({ county, coverageYear: 2022, paidOn: text }).window?.open).toBe(true);
    } else expect.unreachable();
  });

  it("a user-policy registry takes its own names as plain strings", () => {
    const registry = createRegistry(BUILTIN_POLICIES);
    const own: string = '本县自有类别';
    const r = safeQuote({ county: '岢岚', coverageYear: 2022, categories: [own], paidOn: '2021/12/01' }, registry);
    expect(r).toMatchObject({ success: false, error: { code: 'unknown_category' } }); // a name this registry lacks: refused when read
    expectTypeOf<Parameters<typeof quote>>().toEqualTypeOf<[input: QuoteInput, registry: PolicyRegistry]>(); // the last overload
    const row = { county: '岢岚', coverageYear: 2022, categories: ['低保对象'] };
    expectTypeOf(row.county).toEqualTypeOf<string>();
    expect(quote(row, builtinRegistry).individual).toBe('40.00'); // names typed string: the built-ins through their registry
  });

  it('untrusted data: unknown goes to safeQuoteUnknown, any (JSON.parse) fits quote', () => {
    const body: unknown = JSON.parse('{"county":"岢岚","coverageYaer":2022}');
    // @ts-expect-error unknown is not an input: no overload swallows it (and the typos with it)
    expect(safeQuote(body).success).toBe(false);
    const r = safeQuoteUnknown(body);
    expect(r).toMatchObject({ success: false, error: { code: 'unknown_field', path: ['coverageYaer'] } });
    expectTypeOf(safeQuoteUnknown).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(safeQuoteUnknown(body)).toEqualTypeOf<SafeResult<Quote>>();
    expect(quote(JSON.parse('{"county":"岢岚","coverageYear":2022}')).individual).toBe('320.00');
  });

  it('a misspelt category code, where the caller states it is a built-in code', () => {
    const ok = ['minimum-living-allowance'] satisfies readonly CategoryCode[];
    // @ts-expect-error 'alowance'
    const typo = ['minimum-living-alowance'] satisfies readonly CategoryCode[];
    expect(CATEGORY_CODES).toContain(ok[0]);
    expect(CATEGORY_CODES).not.toContain(typo[0]);
    // The open input (with a registry) takes any string: category names are per policy.
    expectTypeOf<NonNullable<QuoteInput['categories']>>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<NonNullable<BuiltinQuoteInput['categories']>>().toEqualTypeOf<readonly BuiltinCategoryName[]>();
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
