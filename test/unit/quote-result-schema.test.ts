/** Every quote of every built-in policy matches the shipped JSON Schema of a quote result. */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, CATEGORY_CODES, quote } from '../../src/index.js';
import { jsonSchemas } from '../../src/json-schema.js';
import { ROOT } from '../helpers.js';

const shipped = JSON.parse(readFileSync(`${ROOT}schema/quote-result.json`, 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(shipped);

describe('schema/quote-result.json', () => {
  it('is the one generated from the code (npm run build writes it)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(jsonSchemas()['quote-result'])));
  });

  it.each(BUILTIN_POLICIES.map((p) => [p.id, p] as const))('%s: every single category, with and without payment dates, matches it', (_, p) => {
    const start = p.collection.start.date;
    const dates = [undefined, start, p.collection.end.date, `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`];
    let n = 0;
    for (const c of [[], ...CATEGORY_CODES.map((c) => [c]), ['minimum-living-allowance', 'severe-disability']])
      for (const paidOn of dates) {
        const q = quote({ county: p.county.code, coverageYear: p.coverageYear.year, categories: c, paidOn });
        expect(validate(JSON.parse(JSON.stringify(q))), JSON.stringify(validate.errors)).toBe(true);
        n++;
      }
    expect(n).toBe((CATEGORY_CODES.length + 2) * dates.length);
  });

  it('rejects what is not a quote', () => {
    const q = JSON.parse(JSON.stringify(quote({ county: '岢岚', coverageYear: 2022 }))) as Record<string, unknown>;
    expect(validate({ ...q, individual: 40 })).toBe(false);
    expect(validate({ ...q, extra: 1 })).toBe(false);
    expect(validate({ ...q, funders: ['someone'] })).toBe(false);
  });
});
