import { describe, expect, it } from 'vitest';
import { builtinRegistry, getPolicy, listPolicies, quote, safeQuoteUnknown, YibaoError, type BuiltinQuoteInput, type QuoteInput } from '../../src/index.js';

const err = (input: unknown) => {
  const r = safeQuoteUnknown(input);
  if (r.success) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  return r.error;
};

describe('registry', () => {
  it('lists the five policies', () => {
    expect(listPolicies().map((p) => `${p.county} ${p.coverageYear}`).sort()).toEqual(['乡宁县 2023', '岢岚县 2022', '民权县 2024', '沁水县 2025', '陵川县 2023']);
  });
  it('records Minquan’s collection year 2023 beside its coverage year 2024', () => {
    const m = listPolicies().find((p) => p.pinyin === 'minquan')!;
    expect([m.coverageYear, m.collectionYear]).toEqual([2024, 2023]);
  });
  it.each(['岢岚县', '岢岚', 'kelan', 'Kelan', ' KELAN ', '140929', '忻州市岢岚县'])('finds Kelan by %j', (c) => {
    expect(getPolicy(c, 2022).id).toBe('kelan-2022');
    expect(quote({ county: c, coverageYear: 2022 }, builtinRegistry).policyId).toBe('kelan-2022');
  });
  it('an unknown county is a typed error listing what is available', () => {
    const e = err({ county: '太原', coverageYear: 2022 });
    expect(e).toBeInstanceOf(YibaoError);
    expect(e.code).toBe('unknown_county');
    expect(e.path).toEqual(['county']);
    expect(e.zh).toContain('岢岚县');
    expect(e.en).toContain('kelan');
  });
  it('an unknown year lists the years available', () => {
    const e = err({ county: '岢岚', coverageYear: 2023 });
    expect(e.code).toBe('no_policy_for_year');
    expect(e.path).toEqual(['coverageYear']);
    expect(e.en).toContain('2022');
    expect(() => getPolicy('岢岚', 2023)).toThrow(YibaoError);
  });
});

describe('malformed input is an error, never a number', () => {
  const ok: BuiltinQuoteInput = { county: '岢岚', coverageYear: 2022 };
  it.each([
    ['not an object', 'x', 'invalid_type', []],
    ['null', null, 'invalid_type', []],
    ['missing county', { coverageYear: 2022 }, 'missing_field', ['county']],
    ['missing year', { county: '岢岚' }, 'missing_field', ['coverageYear']],
    ['year as a string', { ...ok, coverageYear: '2022' }, 'invalid_type', ['coverageYear']],
    ['year with a fraction', { ...ok, coverageYear: 2022.5 }, 'invalid_type', ['coverageYear']],
    ['county as a number', { ...ok, county: 140929 }, 'invalid_type', ['county']],
    ['an extra field', { ...ok, name: '张三' }, 'unknown_field', ['name']],
    ['categories not an array', { ...ok, categories: '低保对象' }, 'invalid_type', ['categories']],
    ['a category not a string', { ...ok, categories: ['低保对象', 3] }, 'invalid_type', ['categories', 1]],
    ['an unknown category', { ...ok, categories: ['低保对象', '公务员'] }, 'unknown_category', ['categories', 1]],
    ['2021-02-30', { ...ok, paidOn: '2021-02-30' }, 'invalid_date', ['paidOn']],
    ['12/01/2021', { ...ok, paidOn: '12/01/2021' }, 'invalid_date', ['paidOn']],
    ['2021-12-1', { ...ok, paidOn: '2021-12-1' }, 'invalid_date', ['paidOn']],
    ['a Date object', { ...ok, paidOn: new Date() }, 'invalid_type', ['paidOn']],
    ['a bad birth date', { ...ok, birthDate: '2021-13-01' }, 'invalid_date', ['birthDate']],
    ['born after paying', { ...ok, paidOn: '2021-12-01', birthDate: '2021-12-02' }, 'invalid_input', ['birthDate']],
  ] as const)('%s', (_, input, code, path) => {
    const e = err(input);
    expect(e.code).toBe(code);
    expect(e.path).toEqual(path);
    expect(e.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(e.en).toMatch(/[a-z]/);
    expect(() => quote(input as never)).toThrow(YibaoError);
  });
  it('accepts absent optional fields as undefined or null', () => {
    expect(quote({ ...ok, birthDate: undefined, paidOn: null, categories: null }).individual).toBe('320.00');
  });
  it('serialises errors as JSON with both languages', () => {
    const j = JSON.parse(JSON.stringify(err({ ...ok, paidOn: 'x' })));
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['code', 'path', 'zh', 'en', 'issues']));
  });
});

describe('several identities', () => {
  it('the single highest subsidy applies, never stacked, and says so', () => {
    const q = quote({ county: '沁水', coverageYear: 2025, categories: ['稳定脱贫人口', '返贫致贫人口'] });
    expect(q.subsidy).toBe('360.00');
    expect(q.appliedCategory).toBe('returned-to-poverty');
    expect(q.notApplied).toEqual([expect.objectContaining({ category: 'stably-out-of-poverty', reason: 'lower' })]);
    expect(q.warnings.map((w) => w.code)).toContain('highest-single');
  });
  it('the order of categories never matters', () => {
    const a = quote({ county: '岢岚', coverageYear: 2022, categories: ['重度残疾人', '低保对象', '边缘易致贫人口'] });
    const b = quote({ county: '岢岚', coverageYear: 2022, categories: ['边缘易致贫人口', '重度残疾人', '低保对象'] });
    expect(a).toEqual(b);
  });
  it('applies the notice’s own exclusions first (Kelan 二、5: not for 低保)', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['边缘易致贫人口', '低保对象'] });
    expect(q.appliedCategory).toBe('minimum-living-allowance');
    expect(q.notApplied.find((n) => n.category === 'marginal-at-risk')?.reason).toBe('excluded');
  });
  it('a tie is flagged: the notice does not say which funder pays', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['优抚对象', '低保对象'] });
    expect(q.subsidy).toBe('280.00');
    expect(q.warnings.map((w) => w.code)).toContain('tie');
  });
  it('an unspecified category that might give more is flagged', () => {
    const q = quote({ county: '陵川', coverageYear: 2023, categories: ['重度残疾人', '边缘易致贫人口'] });
    expect(q.status).toBe('determined');
    expect(q.subsidy).toBe('280.00');
    expect(q.warnings.map((w) => w.code)).toContain('unspecified-might-give-more');
  });
  it('is unspecified when only deferred categories are held', () => {
    const q = quote({ county: '陵川', coverageYear: 2023, categories: ['重度残疾人', '在乡重点优抚对象'] });
    expect(q).toMatchObject({ status: 'unspecified', individual: null, subsidy: null, mechanism: null, dueAtPayment: null, appliedCategory: 'special-care' });
    expect(q.explain.find((s) => s.step === 'rule')!.cite!.quote).toContain('继续执行原有的参保资助政策');
  });
  it('a category the notice does not mention gets no subsidy, with a warning', () => {
    const q = quote({ county: '民权', coverageYear: 2024, categories: ['sudden-severe-hardship', 'special-care'] });
    expect(q).toMatchObject({ status: 'determined', subsidy: '80.00', appliedCategory: 'sudden-severe-hardship' });
    const s = quote({ county: '民权', coverageYear: 2024, categories: ['special-care'] });
    expect(s).toMatchObject({ status: 'determined', subsidy: '0.00', individual: '380.00', appliedCategory: 'ordinary' });
    expect(s.warnings.map((w) => w.code)).toContain('silent-category');
  });
  it('Minquan 四: 重度残疾人 is named (职责分工) without a figure — "no subsidy stated", not "not mentioned"', () => {
    const q = quote({ county: '民权', coverageYear: 2024, categories: ['重度残疾人'] });
    expect(q).toMatchObject({ status: 'determined', subsidy: '0.00', individual: '380.00', appliedCategory: 'ordinary' });
    const codes = q.warnings.map((w) => w.code);
    expect(codes).toContain('no-subsidy-stated');
    expect(codes).not.toContain('silent-category');
    expect(q.notApplied[0]).toMatchObject({ category: 'severe-disability', reason: 'no-subsidy-stated' });
    expect(q.warnings.find((w) => w.code === 'no-subsidy-stated')!.zh).toContain('四');
  });
});

describe('preconditions and mechanisms', () => {
  it('Minquan: 80 yuan only for payments inside the centralised period', () => {
    const inside = quote({ county: '民权', coverageYear: 2024, categories: ['低保对象'], paidOn: '2023-12-01' });
    expect(inside).toMatchObject({ subsidy: '80.00', dueAtPayment: '380.00', reimbursedLater: '80.00', mechanism: 'collect-then-reimburse' });
    expect(inside.route.map((r) => r.to)).toEqual(['县民政部门账户', '低保对象个人账户']);
    expect(inside.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['no-funder-named', 'precondition-assumed']));
    const outside = quote({ county: '民权', coverageYear: 2024, categories: ['低保对象'], paidOn: '2024-01-02' });
    expect(outside).toMatchObject({ subsidy: '0.00', appliedCategory: 'ordinary', coverage: null });
    expect(outside.notApplied[0]!.reason).toBe('precondition');
  });
  it('Minquan: without a payment date the period is assumed, and the assumption is stated', () => {
    const q = quote({ county: '民权', coverageYear: 2024, categories: ['监测对象'] });
    expect(q.subsidy).toBe('80.00');
    expect(q.warnings.find((w) => w.code === 'precondition-assumed' && w.en.includes('centralised'))).toBeDefined();
  });
  it('Kelan: the subsidy follows the individual part, paid first', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'] });
    expect(q.explain.find((s) => s.step === 'precondition')!.cite!.clause).toBe('四、(三)');
    expect(q.dueAtPayment).toBe('40.00');
  });
  it('Qinshui: paid in full before the notice → refunded after the window; after it → reduced at payment', () => {
    expect(quote({ county: '沁水', coverageYear: 2025, paidOn: '2024-11-05' })).toMatchObject({ mechanism: 'refund-after-window', dueAtPayment: '400.00', reimbursedLater: '80.00' });
    expect(quote({ county: '沁水', coverageYear: 2025, paidOn: '2024-11-06' })).toMatchObject({ mechanism: 'reduced-at-payment', dueAtPayment: '320.00', reimbursedLater: '0.00' });
    expect(quote({ county: '沁水', coverageYear: 2025 }).warnings.map((w) => w.code)).toContain('depends-on-payment-date');
  });
  it('Qinshui: a newborn within six months of birth, outside the window, is covered for the current year', () => {
    const q = quote({ county: '沁水', coverageYear: 2025, paidOn: '2025-05-30', birthDate: '2025-04-01' });
    expect(q.window).toEqual({ open: true, reason: 'newborn-special-window' });
    expect(q.coverage).toEqual({ start: '2025-05-30', end: '2025-12-31' });
    // Not for a newborn of another year, nor for a county without the rule.
    expect(quote({ county: '沁水', coverageYear: 2025, paidOn: '2026-01-03', birthDate: '2025-12-01' }).window!.open).toBe(false);
    expect(quote({ county: '陵川', coverageYear: 2023, paidOn: '2023-02-01', birthDate: '2023-01-01' }).window!.open).toBe(false);
  });
  it('Kelan’s veterans’ funds pay first and county finance covers the shortfall', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['优抚对象'] });
    expect(q.funders).toEqual(['veterans-affairs', 'county-finance']);
    expect(q.explain.find((s) => s.step === 'funders')!.zh).toContain('不足部分');
  });
});

describe('results', () => {
  it('explain every step with its clause, in Chinese and English', () => {
    const q = quote({ county: '岢岚县', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' });
    expect(q.explain.map((s) => s.step)).toEqual(['standard', 'rule', 'funders', 'mechanism', 'precondition', 'window', 'coverage']);
    for (const s of q.explain) {
      expect(s.cite?.quote.length).toBeGreaterThan(3);
      expect(s.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(s.en).toMatch(/[a-z]/);
    }
  });
  it('are frozen, all the way down, with or without a payment date', () => {
    const unfrozen = (v: unknown, path = 'q'): string[] =>
      v !== null && typeof v === 'object' ? (Object.isFrozen(v) ? Object.entries(v).flatMap(([k, x]) => unfrozen(x, `${path}.${k}`)) : [path]) : [];
    const inputs: QuoteInput[] = [
      { county: '岢岚', coverageYear: 2022 },
      { county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' }, // open
      { county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-10-08' }, // suspended
      { county: '岢岚', coverageYear: 2022, paidOn: '2021-12-26' }, // after the end: no coverage, a warning
      { county: '沁水', coverageYear: 2025, paidOn: '2025-05-30', birthDate: '2025-04-01' }, // newborn window
      { county: '沁水', coverageYear: 2025, paidOn: '2025-07-30', birthDate: '2025-01-01' }, // newborn refused
      { county: '岢岚', coverageYear: 2022, paidOn: '2021-12-26', birthDate: '2021-12-01' }, // newborn deferred
      { county: '岢岚', coverageYear: 2022, categories: ['残疾人'] }, // a broader short form, no date
      { county: '岢岚', coverageYear: 2022, categories: ['残疾人'], paidOn: '2021-12-01' }, // a broader short form, dated
    ];
    for (const input of inputs) {
      const q = quote(input, builtinRegistry);
      expect(unfrozen(q), JSON.stringify(input)).toEqual([]);
      expect(() => ((q as { individual: string }).individual = '0.00')).toThrow(TypeError);
      expect(() => (q.explain as unknown[]).push('x')).toThrow(TypeError);
      // Asked again, the same answer (shared or not, never changed by an earlier caller).
      expect(quote(input, builtinRegistry)).toEqual(q);
    }
  });
});
