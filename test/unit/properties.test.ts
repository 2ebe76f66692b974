/**
 * Properties over arbitrary valid policies (not just the five), each against a
 * plain reference written here, independently of the engine.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES, createRegistry, quote, type CategoryCode, type PolicyInput, type Quote } from '../../src/index.js';
import { definePolicy } from '../../src/define.js';

const D = Decimal.clone({ precision: 50 });
const cite = { clause: '一', quote: '测试条款' };
const HARDSHIP = CATEGORY_CODES.filter((c): c is Exclude<CategoryCode, 'ordinary'> => c !== 'ordinary');
const MODES = { 'half-up': D.ROUND_HALF_UP, 'half-even': D.ROUND_HALF_EVEN, down: D.ROUND_DOWN, up: D.ROUND_UP } as const;

const money = (maxFen: number) => fc.integer({ min: 0, max: maxFen }).map((f) => new D(f).div(100).toFixed(2));
const rate = fc.integer({ min: 0, max: 10000 }).map((r) => new D(r).div(10000).toString());
const subsidy = (stdFen: number) =>
  fc.oneof(
    fc.constant({ kind: 'none' as const, cite }),
    fc.constant({ kind: 'full' as const, cite }),
    fc.constant({ kind: 'unspecified' as const, cite }),
    fc.record({ kind: fc.constant('fixed' as const), amount: money(stdFen + 5000), cite: fc.constant(cite) }),
    fc.record({ kind: fc.constant('percentage' as const), rate, floor: fc.option(money(stdFen + 5000), { nil: undefined }), cap: fc.option(money(stdFen + 5000), { nil: undefined }), cite: fc.constant(cite) }, { requiredKeys: ['kind', 'rate', 'cite'] }),
  );
const day = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10));

/** An arbitrary valid policy: random standard, rounding, rules, groupings, exclusions and window. */
const policyArb = fc
  .record({
    stdFen: fc.integer({ min: 1, max: 200000 }),
    mode: fc.constantFrom('half-up', 'half-even', 'down', 'up'),
    scale: fc.constantFrom(0, 1, 2),
    start: day('2024-08-01', 60),
    length: fc.integer({ min: 0, max: 200 }),
    dom: fc.option(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 10 })), { nil: undefined }),
    susp: fc.option(fc.tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 1, max: 60 })), { nil: undefined }),
    partition: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: HARDSHIP.length, maxLength: HARDSHIP.length }),
    other: fc.constantFrom('silent', 'unspecified'),
  })
  .chain((b) =>
    fc.record({
      b: fc.constant(b),
      ordinary: subsidy(b.stdFen).filter((s) => s.kind !== 'unspecified'),
      rules: fc.array(fc.record({ s: subsidy(b.stdFen), ex: fc.subarray([...HARDSHIP], { maxLength: 3 }) }), { minLength: 6, maxLength: 6 }),
    }),
  )
  .map(({ b, ordinary, rules }): PolicyInput => {
    const add = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10);
    const end = add(b.start, b.length);
    const groups = new Map<number, CategoryCode[]>();
    HARDSHIP.forEach((c, i) => {
      const g = b.partition[i]!;
      if (g < 6) groups.set(g, [...(groups.get(g) ?? []), c]);
    });
    const mech = (k: string) => (k === 'none' || k === 'unspecified' ? {} : { mechanism: { kind: 'reduced-at-payment' as const, cite } });
    return {
      id: 'testshire-2025',
      county: { name: '测试县', shortName: '测试', pinyin: 'testshire', code: '999999', prefecture: { name: '测试市', code: '999900' }, province: { name: '测试省', code: '990000' }, cite, codeSource: 'test' },
      document: { number: '测〔2024〕1号', title: '测试', issuer: '测试县人民政府办公室', issuedOn: b.start, cite },
      coverageYear: { year: 2025, cite },
      collectionYear: { year: 2024, cite },
      coverage: { start: '2025-01-01', end: '2025-12-31', cite },
      collection: {
        start: { date: b.start, cite },
        end: { date: end, cite },
        ...(b.dom ? { daysOfMonth: { from: b.dom[0], to: Math.min(31, b.dom[0] + b.dom[1]), cite } } : {}),
        suspensions: b.susp ? [{ from: add(b.start, b.susp[0]), resumesOn: add(b.start, b.susp[0] + b.susp[1]), cite }] : [],
        phases: [],
        deadlines: [],
        specialWindows: [],
      },
      standard: { amount: new D(b.stdFen).div(100).toFixed(2), cite },
      rounding: { scale: b.scale, mode: b.mode, assumption: 'test' },
      combination: { rule: 'highest-single', assumption: 'test' },
      groups: [],
      categories: [
        { categories: ['ordinary'], names: ['普通'], subsidy: ordinary, funders: ordinary.kind === 'none' ? [] : [{ funder: 'county-finance', role: 'pays', cite }], ...mech(ordinary.kind) },
        ...[...groups.entries()].map(([g, cats]) => {
          const r = rules[g]!;
          const ex = r.ex.filter((c) => !cats.includes(c));
          return {
            categories: cats,
            names: [`组${g}`],
            subsidy: r.s,
            funders: r.s.kind === 'none' || r.s.kind === 'unspecified' ? [] : [{ funder: 'medical-assistance-fund' as const, role: 'pays' as const, cite }],
            ...mech(r.s.kind),
            ...(ex.length ? { exclusions: { categories: ex, cite } } : {}),
          };
        }),
      ],
      otherCategories: b.other === 'silent' ? { status: 'silent' } : { status: 'unspecified', cite },
      channels: [],
      targets: [],
      figures: [],
      tables: [],
    };
  });

/** Reference: what one rule gives, written plainly with decimal.js. */
function refSubsidy(p: PolicyInput, s: PolicyInput['categories'][number]['subsidy']): string | null {
  const std = new D(p.standard!.amount);
  const mode = MODES[p.rounding.mode];
  const r = (() => {
    switch (s.kind) {
      case 'unspecified': return null;
      case 'none': return new D(0);
      case 'full': return std;
      case 'fixed': return D.min(std, new D(s.amount));
      case 'percentage': return D.min(std, s.cap ?? std, D.max(new D(s.rate).times(std).toDecimalPlaces(p.rounding.scale, mode), new D(s.floor ?? 0)));
    }
  })();
  return r === null ? null : r.toFixed(2);
}

const setup = (input: PolicyInput) => {
  const p = definePolicy(input);
  const reg = createRegistry([p]);
  const q = (categories: string[], paidOn?: string): Quote => quote({ county: '测试', coverageYear: 2025, categories, ...(paidOn ? { paidOn } : {}) }, reg);
  return { p, q };
};
const ruleOf = (p: PolicyInput, c: CategoryCode) => p.categories.find((r) => (r.categories as string[]).includes(c));
const RUNS = { numRuns: 150 };

describe('arithmetic, over arbitrary valid policies', () => {
  it('individual + subsidy = standard; 0 ≤ subsidy ≤ standard; exactly two decimals', () => {
    fc.assert(
      fc.property(policyArb, fc.subarray([...CATEGORY_CODES]), (input, cats) => {
        const { q } = setup(input);
        const r = q(cats);
        expect(r.standard).toMatch(/^\d+\.\d{2}$/);
        if (r.status === 'unspecified') {
          expect(r.individual).toBeNull();
          return;
        }
        expect(r.individual).toMatch(/^\d+\.\d{2}$/);
        expect(r.subsidy).toMatch(/^\d+\.\d{2}$/);
        expect(new D(r.individual!).plus(r.subsidy!).eq(r.standard!)).toBe(true);
        expect(new D(r.subsidy!).gte(0) && new D(r.subsidy!).lte(r.standard!)).toBe(true);
        // What is paid at the counter less what comes back later is what the person bears; what comes back is nothing or the whole subsidy.
        expect(new D(r.dueAtPayment!).minus(r.reimbursedLater!).toFixed(2)).toBe(r.individual);
        expect(['0.00', r.subsidy]).toContain(r.reimbursedLater);
      }),
      RUNS,
    );
  });

  it('a single category gives what its rule says: a percentage is min(standard, cap, max(rate × standard rounded as declared, floor))', () => {
    fc.assert(
      fc.property(policyArb, fc.constantFrom(...HARDSHIP), (input, c) => {
        const { q } = setup(input);
        const rule = ruleOf(input, c);
        const r = q([c]);
        const want = rule ? refSubsidy(input, rule.subsidy) : input.otherCategories.status === 'unspecified' ? null : refSubsidy(input, input.categories[0]!.subsidy);
        expect(r.subsidy).toBe(want);
        expect(r.status).toBe(want === null ? 'unspecified' : 'determined');
      }),
      RUNS,
    );
  });

  it('several identities: the maximum single result (after exclusions), never stacked, whatever the order', () => {
    fc.assert(
      fc.property(policyArb, fc.subarray([...HARDSHIP], { minLength: 2 }), fc.nat(), (input, cats, seed) => {
        const { q } = setup(input);
        const r = q(cats);
        const shuffled = [...cats].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || b.localeCompare(a));
        expect(q(shuffled)).toEqual(r);
        // Reference: the determined single results of the categories whose rule applies.
        const applicable = cats.filter((c) => {
          const rule = ruleOf(input, c);
          return rule && !(rule.exclusions?.categories ?? []).some((x) => (cats as string[]).includes(x));
        });
        const singles = applicable.map((c) => refSubsidy(input, ruleOf(input, c)!.subsidy)).filter((s): s is string => s !== null);
        const deferred = applicable.some((c) => refSubsidy(input, ruleOf(input, c)!.subsidy) === null) || (input.otherCategories.status === 'unspecified' && cats.some((c) => !ruleOf(input, c)));
        if (singles.length) expect(r.subsidy).toBe(singles.reduce((a, b) => (new D(a).gte(b) ? a : b)));
        else if (deferred) expect(r.status).toBe('unspecified');
        else expect(r.subsidy).toBe(refSubsidy(input, input.categories[0]!.subsidy));
      }),
      RUNS,
    );
  });
});

describe('the window, over arbitrary windows', () => {
  /** Reference: a plain day-by-day reading of the policy. */
  const payable = (p: PolicyInput, d: string) => {
    const c = p.collection!;
    if (d < c.start.date || d > c.end.date) return false;
    if (c.suspensions.some((s) => d >= s.from && d < s.resumesOn)) return false;
    const dom = Number(d.slice(8));
    return !c.daysOfMonth || (dom >= c.daysOfMonth.from && dom <= c.daysOfMonth.to);
  };
  const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 864e5).toISOString().slice(0, 10);

  it('agrees with a day-by-day reference, next payable day included', () => {
    fc.assert(
      fc.property(policyArb, day('2024-07-01', 400), (input, d) => {
        const { q } = setup(input);
        const w = q([], d).window!;
        expect(w.open).toBe(payable(input, d));
        let n: string | undefined;
        if (!w.open && d <= input.collection!.end.date) for (let x = next(d); x <= input.collection!.end.date; x = next(x)) if (payable(input, x)) { n = x; break; }
        expect(w.nextPayableOn).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
