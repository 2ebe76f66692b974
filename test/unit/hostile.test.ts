/**
 * Inputs that try to fool the library: polluted prototypes, throwing getters,
 * Proxies (lying, throwing, revoked), huge lengths, huge strings. `safeQuote`
 * `safeDefinePolicy` and `checkPolicy` must answer each with data or a YibaoError, quickly,
 * never by throwing; messages quote only a short prefix of the input.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, builtinRegistry, quote, safeQuote, safeQuoteUnknown, YibaoError, type QuoteInput } from '../../src/index.js';
import { checkPolicy, safeDefinePolicy } from '../../src/define.js';
import { citationsOf, createRegistry, quotesNotInNotice } from '../../src/index.js';
import { QUOTE_LIMITS } from '../../src/quote.js';
import { PREVIEW_LENGTH } from '../../src/errors.js';

const ORDINARY = { county: '岢岚', coverageYear: 2022 } as const;
/** The longest message a bad input may produce: the fixed text plus a short prefix of the input. */
const MAX_MESSAGE = 400;

/** Calls `f` and returns its result with the time it took; fails if it throws. */
function timed<T>(f: () => T): { r: T; ms: number } {
  const t0 = performance.now();
  const r = f();
  return { r, ms: performance.now() - t0 };
}

function expectError(r: { success: boolean; error?: unknown }, code?: string, max = MAX_MESSAGE) {
  expect(r.success).toBe(false);
  const e = r.error as YibaoError;
  expect(YibaoError.is(e)).toBe(true);
  expect(e).toBeInstanceOf(YibaoError);
  if (code) expect(e.code).toBe(code);
  expect(e.message.length).toBeLessThan(max);
  expect(e.zh.length).toBeLessThan(max);
  expect(e.en.length).toBeLessThan(max);
  return e;
}

/** A Proxy over `target` whose `trap` throws. */
const throwing = <T extends object>(target: T, trap: keyof ProxyHandler<T>): T =>
  new Proxy(target, {
    [trap]() {
      throw new TypeError(`trap ${String(trap)} says no`);
    },
  });
const TRAPS = ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'] as const;

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({ ...ORDINARY }, {});
  revoke();
  return proxy;
};

describe('inherited properties are never input', () => {
  afterEach(() => {
    for (const k of ['categories', 'paidOn', 'birthDate', 'county', 'coverageYear', 'surprise', '0'])
      delete (Object.prototype as Record<string, unknown>)[k];
    delete (Array.prototype as unknown as Record<string, unknown>)[0];
  });

  it('a category set on Object.prototype elsewhere does not make an ordinary resident 特困人员', () => {
    (Object.prototype as Record<string, unknown>).categories = ['特困人员'];
    const q = quote({ ...ORDINARY });
    expect([q.individual, q.subsidy, q.appliedCategory]).toEqual(['320.00', '0.00', 'ordinary']);
  });

  it('nor does a payment date, a county or a year set on Object.prototype', () => {
    Object.assign(Object.prototype, { paidOn: '2021-12-26', county: '沁水', coverageYear: 2025 });
    expect(quote({ ...ORDINARY }).window).toBeNull();
    expectError(safeQuoteUnknown({}), 'missing_field');
  });

  it('an enumerable field on Object.prototype is not an unknown field of every input', () => {
    (Object.prototype as Record<string, unknown>).surprise = 1;
    expect(safeQuote({ ...ORDINARY }).success).toBe(true);
  });

  it('a hole in the categories is not filled from Array.prototype', () => {
    (Array.prototype as unknown as Record<string, unknown>)[0] = '特困人员';
    // eslint-disable-next-line no-sparse-arrays
    const e = expectError(safeQuote({ ...ORDINARY, categories: new Array(1) }), 'invalid_type');
    expect(e.path).toEqual(['categories', 0]);
  });

  it('definePolicy reads only own properties: a policy missing a field is not completed from Object.prototype', () => {
    const { standard, ...rest } = structuredClone(BUILTIN_POLICIES[0]!) as unknown as Record<string, unknown>;
    (Object.prototype as Record<string, unknown>).standard = standard;
    expect(safeDefinePolicy(rest).success).toBe(false);
    delete (Object.prototype as Record<string, unknown>).standard;
  });
});

describe('hostile objects come back as a YibaoError', () => {
  // A trap the reading never calls changes nothing (own properties are read through getOwnPropertyDescriptor
  // and get, never `in`); a trap it calls gives unreadable_input. Either way: no exception.
  const sameOrUnreadable = (r: ReturnType<typeof safeQuote>, plain: ReturnType<typeof safeQuote>) => {
    if (r.success) expect(r).toEqual(plain);
    else expectError(r, 'unreadable_input');
  };

  it.each(TRAPS)('safeQuote: a Proxy whose %s trap throws', (trap) => {
    sameOrUnreadable(safeQuote(throwing({ ...ORDINARY }, trap)), safeQuote({ ...ORDINARY }));
  });

  it.each(TRAPS)('safeQuote: categories as a Proxy whose %s trap throws', (trap) => {
    sameOrUnreadable(safeQuoteUnknown({ ...ORDINARY, categories: throwing(['低保对象'], trap) }), safeQuote({ ...ORDINARY, categories: ['低保对象'] }));
  });

  it('safeQuote: the traps a reading needs (get, getOwnPropertyDescriptor, ownKeys) do give unreadable_input', () => {
    for (const trap of ['get', 'getOwnPropertyDescriptor', 'ownKeys'] as const) expectError(safeQuote(throwing({ ...ORDINARY }, trap)), 'unreadable_input');
    for (const trap of ['get', 'getOwnPropertyDescriptor'] as const) expectError(safeQuoteUnknown({ ...ORDINARY, categories: throwing(['低保对象'], trap) }), 'unreadable_input');
  });

  it('safeQuote: getters that throw, on the input and on a category', () => {
    const e = expectError(safeQuote(Object.defineProperty({ ...ORDINARY }, 'paidOn', { enumerable: true, get: () => { throw new Error('boom') } })), 'unreadable_input');
    expect(e.en).toContain('boom');
    const cats = Object.defineProperty([], 0, { enumerable: true, get: () => { throw new RangeError('no') } });
    Object.defineProperty(cats, 'length', { value: 1 });
    expectError(safeQuote({ ...ORDINARY, categories: cats }), 'unreadable_input');
  });

  it('safeQuote: what a getter throws may itself be hostile (a Proxy whose getPrototypeOf throws)', () => {
    const evil = throwing({}, 'getPrototypeOf');
    const input = Object.defineProperty({ ...ORDINARY }, 'categories', { enumerable: true, get: () => { throw evil } });
    expectError(safeQuote(input), 'unreadable_input');
  });

  it('a getter that quotes for someone else meanwhile does not change this answer', () => {
    const input = Object.defineProperty({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'] }, 'paidOn', {
      enumerable: true,
      get: () => (quote({ county: '沁水', coverageYear: 2025, categories: ['特困人员'], paidOn: '2024-10-01' }), '2021-12-01'),
    });
    expect(quote(input, builtinRegistry)).toEqual(quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' }));
  });

  it('safeQuote and safeDefinePolicy: a revoked Proxy', () => {
    expectError(safeQuote(revoked()), 'unreadable_input');
    expectError(safeQuote({ ...ORDINARY, categories: (() => { const r = Proxy.revocable([], {}); r.revoke(); return r.proxy })() }), 'unreadable_input');
    expectError(safeDefinePolicy(revoked()), 'unreadable_input');
  });

  it.each(TRAPS)('safeDefinePolicy: a Proxy whose %s trap throws, at the top or deep inside', (trap) => {
    const check = (r: ReturnType<typeof safeDefinePolicy>) => (r.success ? expect(r.data).toEqual(BUILTIN_POLICIES[1]) : expectError(r, 'unreadable_input'));
    check(safeDefinePolicy(throwing(structuredClone(BUILTIN_POLICIES[1]!) as object, trap)));
    const p = structuredClone(BUILTIN_POLICIES[1]!) as unknown as { standard: object };
    p.standard = throwing(p.standard, trap);
    check(safeDefinePolicy(p));
    if (trap === 'get' || trap === 'ownKeys') expectError(safeDefinePolicy(p), 'unreadable_input');
  });

  it('safeDefinePolicy: a getter that throws', () => {
    const p = structuredClone(BUILTIN_POLICIES[2]!) as object;
    Object.defineProperty(p, 'id', { enumerable: true, get: () => { throw new Error('id?') } });
    expectError(safeDefinePolicy(p), 'unreadable_input');
  });

  it('a Proxy that answers differently each time is read once: the policy defined is the one validated', () => {
    let n = 0;
    const base = structuredClone(BUILTIN_POLICIES[3]!) as unknown as Record<string, unknown>;
    const fickle = new Proxy(base, { get: (t, k) => (k === 'id' ? (n++ === 0 ? 'minquan-2024' : 42) : t[k as string]) });
    const r = safeDefinePolicy(fickle);
    expect(r.success).toBe(true);
    expect(r.success && r.data.id).toBe('minquan-2024');
  });
});

describe('sizes are bounded, with typed errors, quickly', () => {
  it('a Proxy claiming 2³²−1 categories is refused at once', () => {
    const huge = new Proxy(['低保对象'], { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : Reflect.get(t, k)) });
    const { r, ms } = timed(() => safeQuoteUnknown({ ...ORDINARY, categories: huge }));
    expect(expectError(r, 'too_large').path).toEqual(['categories']);
    expect(ms).toBeLessThan(1000); // it hung for over 20 s; generous for a loaded machine
  });

  it(`at most ${QUOTE_LIMITS.categories} categories per person`, () => {
    expect(quote({ ...ORDINARY, categories: new Array(QUOTE_LIMITS.categories).fill('低保对象') }).individual).toBe('40.00');
    expectError(safeQuote({ ...ORDINARY, categories: new Array(QUOTE_LIMITS.categories + 1).fill('低保对象') }), 'too_large');
  });

  it('a 10M-character county, category or date gives a short message', () => {
    const big = '岢'.repeat(10_000_000);
    for (const input of [{ ...ORDINARY, county: big }, { ...ORDINARY, categories: [big] }, { ...ORDINARY, paidOn: big }, { ...ORDINARY, [big]: 1 }]) {
      const { r, ms } = timed(() => safeQuoteUnknown(input));
      const e = expectError(r);
      expect(e.message).toContain('岢'.repeat(PREVIEW_LENGTH - 1));
      expect(ms).toBeLessThan(2000);
    }
  });

  it('safeDefinePolicy: a Proxy array of length 2³²−1 and a 10M-character text are refused quickly', () => {
    const p = structuredClone(BUILTIN_POLICIES[0]!) as unknown as { categories: unknown; document: { title: string } };
    p.categories = new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : Reflect.get(t, k)) });
    let t = timed(() => safeDefinePolicy(p));
    expectError(t.r, 'too_large');
    expect(t.ms).toBeLessThan(1000);
    const q = structuredClone(BUILTIN_POLICIES[0]!) as unknown as { document: { title: string } };
    q.document.title = 'x'.repeat(10_000_000);
    t = timed(() => safeDefinePolicy(q));
    expectError(t.r, 'too_large');
    expect(t.ms).toBeLessThan(2000);
  });

  it('safeDefinePolicy: nesting 10,000 deep is refused, not a stack overflow', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expectError(safeDefinePolicy(deep), 'too_large');
  });
});

describe('checkPolicy (policy files under review) is as guarded as safeDefinePolicy', () => {
  const NOTICE = '每人每年320元';
  it('a revoked Proxy, a throwing getter, a Proxy claiming 2³²−1 categories: problems, never a throw', () => {
    const getter = structuredClone(BUILTIN_POLICIES[0]!) as object;
    Object.defineProperty(getter, 'id', { enumerable: true, get: () => { throw new Error('id?') } });
    const huge = structuredClone(BUILTIN_POLICIES[0]!) as unknown as { categories: unknown };
    huge.categories = new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : Reflect.get(t, k)) });
    for (const [value, code] of [[revoked(), 'unreadable_input'], [getter, 'unreadable_input'], [huge, 'too_large']] as const) {
      const { r, ms } = timed(() => checkPolicy(value, { notice: NOTICE }));
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => p.code)).toEqual([code]);
      expect(r.quotesChecked).toBe(0);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('a citation set on Object.prototype is not a citation of every object', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.clause = '一';
    proto.quote = '通知里没有这句话';
    try {
      const p = structuredClone(BUILTIN_POLICIES[2]!);
      const missing = quotesNotInNotice(p, 'x');
      expect(missing.length).toBe(citationsOf(p).length);
      expect(citationsOf(p).length).toBeGreaterThan(10);
      expect(missing.some((i) => i.zh.includes('通知里没有这句话'))).toBe(false);
      expect(citationsOf({ a: {}, b: [{}] })).toEqual([]);
    } finally {
      delete proto.clause;
      delete proto.quote;
    }
  });
});

describe('compiling a policy is linear in what it states', () => {
  it('2,000 suspensions over a window of 78 years: defined and compiled in well under the 15 s it once took', () => {
    const p = structuredClone(BUILTIN_POLICIES[2]!) as unknown as { collection: { end: { date: string }; suspensions: unknown[] }; standard: { cite: unknown } };
    p.collection.end.date = '2099-12-31';
    const pad = (x: number) => String(x).padStart(2, '0');
    p.collection.suspensions = Array.from({ length: 2000 }, (_, i) => {
      const [y, m, d] = [2022 + (i >> 5), 1 + ((i >> 2) & 7), 1 + (i & 3) * 7];
      return { from: `${y}-${pad(m)}-${pad(d)}`, resumesOn: `${y}-${pad(m)}-${pad(d + 2)}`, cite: p.standard.cite };
    });
    const { r, ms } = timed(() => {
      const d = safeDefinePolicy(p);
      if (!d.success) throw d.error;
      return createRegistry([d.data]);
    });
    expect(r.list()).toHaveLength(1);
    expect(ms).toBeLessThan(3000); // ≈ 0.2 s here; it was 10 s (days × suspensions)
    const q = quote({ county: '岢岚', coverageYear: 2022, paidOn: '2050-03-02' }, r);
    expect(q.window).toMatchObject({ open: false, reason: 'suspended', nextPayableOn: '2050-03-03' });
  });
});

describe('fast-check: any input, any hostility', () => {
  /** A value to be wrapped, inside the property, in a Proxy whose `trap` throws (fast-check itself must not meet the Proxy). */
  class Hostile {
    constructor(readonly value: unknown, readonly trap: (typeof TRAPS)[number]) {}
  }
  const build = (v: unknown): unknown => {
    if (v instanceof Hostile) {
      const inner = build(v.value);
      return inner !== null && typeof inner === 'object' ? throwing(inner, v.trap) : inner;
    }
    if (Array.isArray(v)) return v.map(build);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const o = {};
      for (const k of Object.keys(v)) Object.defineProperty(o, k, { value: build((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
      return o;
    }
    return v;
  };
  const hostile = <T>(arb: fc.Arbitrary<T>) =>
    fc.tuple(arb, fc.option(fc.constantFrom(...TRAPS), { freq: 3 })).map(([v, trap]) => (trap ? new Hostile(v, trap) : v));
  const field = hostile(fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 300 }), fc.constantFrom('岢岚', '低保对象', '2021-12-01', 2022)));
  const inputArb = hostile(
    fc.record(
      {
        county: fc.oneof(fc.constantFrom('岢岚', '沁水', 'kelan', '140929'), field),
        coverageYear: fc.oneof(fc.constantFrom(2022, 2025), field),
        categories: fc.oneof(hostile(fc.array(fc.oneof(fc.constantFrom('低保对象', '特困人员', 'ordinary'), field), { maxLength: 80 })), field),
        paidOn: fc.oneof(fc.constantFrom('2021-12-01', '2021-10-08'), field),
        birthDate: field,
        other: field,
      },
      { requiredKeys: [] },
    ),
  );

  it('safeQuote never throws; it gives a frozen quote or a YibaoError with a short message', () => {
    fc.assert(
      fc.property(fc.oneof(inputArb, fc.anything()), (spec) => {
        const r = safeQuoteUnknown(build(spec));
        if (r.success) {
          expect(Object.isFrozen(r.data)).toBe(true);
          expect(r.data.standard).toMatch(/^\d+\.\d{2}$/);
        } else expectError(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('a plain input gives the same answer as a Proxy over it that does not throw', () => {
    const plain = fc.record(
      { county: fc.constantFrom('岢岚', '沁水'), coverageYear: fc.constantFrom(2022, 2025), categories: fc.subarray(['低保对象', '特困人员', '重度残疾人']), paidOn: fc.constantFrom('2021-12-01', '2024-10-08', undefined) },
      { requiredKeys: ['county', 'coverageYear'] },
    );
    fc.assert(
      fc.property(plain, (input) => {
        const proxied = new Proxy({ ...input, categories: input.categories && new Proxy([...input.categories], {}) }, {}) as QuoteInput;
        expect(safeQuote(proxied, builtinRegistry)).toEqual(safeQuote(input, builtinRegistry));
      }),
      { numRuns: 300 },
    );
  });

  it('safeDefinePolicy never throws over mangled built-in policies', () => {
    const paths = (v: unknown, p: string[] = []): string[][] =>
      v !== null && typeof v === 'object' ? [p, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...p, k]))] : [p];
    const all = BUILTIN_POLICIES.map((p) => paths(p).filter((x) => x.length > 0));
    fc.assert(
      fc.property(fc.nat(4), fc.nat(), hostile(fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ minLength: 3000, maxLength: 5000 }))), (i, j, spec) => {
        const value = build(spec);
        const p = structuredClone(BUILTIN_POLICIES[i]!) as unknown as Record<string, unknown>;
        const path = all[i]![j % all[i]!.length]!;
        let o = p;
        for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
        o[path.at(-1)!] = value;
        const r = safeDefinePolicy(p);
        // A schema message may list the accepted values (a few hundred characters), never a long input.
        if (!r.success) expectError(r, undefined, 2000);
      }),
      { numRuns: 300 },
    );
  });
});
