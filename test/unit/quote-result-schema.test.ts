/** The shipped JSON Schema of a quote result is exactly the `Quote` type, and every quote matches it (and is frozen). */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { BUILTIN_POLICIES, builtinRegistry, CATEGORY_CODES, createRegistry, quote, type Policy, type Quote } from '../../src/index.js';
import { definePolicy, QuoteResultSchema } from '../../src/define.js';
import { jsonSchemas } from '../../src/json-schema.js';
import { ROOT } from '../helpers.js';

const shipped = JSON.parse(readFileSync(`${ROOT}schema/quote-result.json`, 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(shipped);

type Writable<T> = T extends readonly (infer U)[] ? Writable<U>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

const unfrozen = (v: unknown, path = 'q'): string[] =>
  v !== null && typeof v === 'object' ? (Object.isFrozen(v) ? Object.entries(v).flatMap(([k, x]) => unfrozen(x, `${path}.${k}`)) : [path]) : [];

/** Every single category the policy names (shared codes and its own), two together, with and without dates around its window. */
function everyQuote(p: Policy, registry?: ReturnType<typeof createRegistry>): Quote[] {
  const cats = [...new Set(p.categories.flatMap((r) => r.categories).concat((p.categoryDefinitions ?? []).map((d) => d.id)))];
  const start = p.collection?.start.date ?? `${p.coverageYear.year - 1}-10-01`;
  const end = p.collection?.end.date ?? `${p.coverageYear.year - 1}-12-31`;
  const before = `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`;
  const after = `${Number(end.slice(0, 4)) + 1}-01-15`;
  const out: Quote[] = [];
  for (const c of [[], ...cats.map((c) => [c]), cats.slice(0, 2)])
    for (const paidOn of [undefined, start, end, before, after])
      for (const birthDate of paidOn ? [undefined, paidOn] : [undefined]) {
        const r = quote({ county: p.county.name, coverageYear: p.coverageYear.year, categories: c, paidOn, birthDate }, registry ?? builtinRegistry);
        // Every result is frozen, all the way down, whichever path made it (memoised or not).
        expect(unfrozen(r), JSON.stringify({ c, paidOn, birthDate })).toEqual([]);
        out.push(r);
      }
  // One per category set, without a date and with each of four dates, each with and without a birth date.
  expect(out.length).toBe((cats.length + 2) * 9);
  return out;
}

describe('schema/quote-result.json', () => {
  it('is the one generated from the code (npm run build writes it)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(jsonSchemas()['quote-result'])));
  });

  it('states exactly the Quote type (no field missing, none extra, same nullability)', () => {
    // The schema is one object (status an enum, amounts nullable); `Quote` is a union on `status`:
    // compare with its fields flattened (Pick over a union's keys does not distribute).
    expectTypeOf<z.output<typeof QuoteResultSchema>>().toEqualTypeOf<Writable<Pick<Quote, keyof Quote>>>();
    expect(Object.keys(QuoteResultSchema.shape).sort()).toEqual(Object.keys(quote({ county: '岢岚', coverageYear: 2022 })).sort());
  });

  it.each(BUILTIN_POLICIES.map((p) => [p.id, p] as const))('%s: every category, with and without payment and birth dates, matches it', (_, p) => {
    const qs = everyQuote(p);
    for (const q of qs) expect(validate(JSON.parse(JSON.stringify(q))), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(['yangqu-2022', 'zhushan-2021', 'xiejiachacun-2023'])('the example policy %s (own categories and funders, not-stated facts) matches it', (id) => {
    const p = definePolicy(JSON.parse(readFileSync(`${ROOT}fixtures/policies/${id}.json`, 'utf8')));
    const qs = everyQuote(p, createRegistry([p]));
    for (const q of qs) expect(validate(JSON.parse(JSON.stringify(q))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('covers the open model across the example policies: a missing window, one-of funders, own categories', () => {
    const all = ['yangqu-2022', 'zhushan-2021', 'xiejiachacun-2023'].flatMap((id) => {
      const p = definePolicy(JSON.parse(readFileSync(`${ROOT}fixtures/policies/${id}.json`, 'utf8')));
      return everyQuote(p, createRegistry([p]));
    });
    expect(all.some((q) => q.window?.open === null)).toBe(true);
    expect(all.some((q) => q.funderDetails.length > 0)).toBe(true);
    expect(all.some((q) => q.appliedCategory !== null && !(CATEGORY_CODES as readonly string[]).includes(q.appliedCategory))).toBe(true);
  });

  it('rejects what is not a quote', () => {
    const q = JSON.parse(JSON.stringify(quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' }))) as Record<string, unknown>;
    expect(validate(q)).toBe(true);
    expect(validate({ ...q, individual: 40 })).toBe(false);
    expect(validate({ ...q, extra: 1 })).toBe(false);
    expect(validate({ ...q, funders: ['Someone'] })).toBe(false);
    expect(validate({ ...q, funding: 'both' })).toBe(false);
    expect(validate({ ...q, window: { open: true, reason: 'maybe' } })).toBe(false);
    const { appliedCategoryName: _, ...noName } = q;
    expect(validate(noName)).toBe(false);
  });
});

describe('QuoteResultSchema (strict)', () => {
  it('rejects what is not a quote: an extra field, a number for money, money without fen, a missing field', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022 });
    expect(QuoteResultSchema.safeParse(q).success).toBe(true);
    expect(QuoteResultSchema.safeParse({ ...q, extra: 1 }).success).toBe(false);
    expect(QuoteResultSchema.safeParse({ ...q, standard: 320 }).success).toBe(false);
    expect(QuoteResultSchema.safeParse({ ...q, standard: '320' }).success).toBe(false);
    const { warnings: _, ...missing } = q;
    expect(QuoteResultSchema.safeParse(missing).success).toBe(false);
  });

  it('describes every field in Chinese and English', () => {
    for (const [k, v] of Object.entries(QuoteResultSchema.shape)) expect(v.description, k).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z"]/);
  });
});
