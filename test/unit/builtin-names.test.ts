/**
 * `BuiltinCounty` and `BuiltinCategoryName` (src/builtin-names.ts) say exactly
 * what the built-in policies accept: the file is what the generator writes now,
 * every name in it is accepted at run time, and every name the built-ins hold
 * is in it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { builtinCategoryNames, builtinCountyNames, builtinNamesModule } from '../../scripts/builtin-names.js';
import { BUILTIN_CATEGORY_NAMES, BUILTIN_COUNTY_NAMES, type BuiltinCategoryName, type BuiltinCounty } from '../../src/builtin-names.js';
import { BUILTIN_POLICIES, builtinRegistry, CATEGORY_CODES, CATEGORY_NAMES, safeQuote } from '../../src/index.js';
import { ROOT } from '../helpers.js';

describe('src/builtin-names.ts', () => {
  it('is current (run `npm run builtin-names` after changing a built-in policy)', () => {
    expect(readFileSync(`${ROOT}src/builtin-names.ts`, 'utf8')).toBe(builtinNamesModule());
  });

  it('the lists are the types', () => {
    expectTypeOf(BUILTIN_COUNTY_NAMES).toEqualTypeOf<readonly BuiltinCounty[]>();
    expectTypeOf(BUILTIN_CATEGORY_NAMES).toEqualTypeOf<readonly BuiltinCategoryName[]>();
    expect(new Set(BUILTIN_COUNTY_NAMES).size).toBe(BUILTIN_COUNTY_NAMES.length);
    expect(new Set(BUILTIN_CATEGORY_NAMES).size).toBe(BUILTIN_CATEGORY_NAMES.length);
    // The union text in the file names the same strings as the list (the generator writes both from one list).
    const text = readFileSync(`${ROOT}src/builtin-names.ts`, 'utf8');
    const unionOf = (name: string) => [...new RegExp(`export type ${name} =([^;]*);`).exec(text)![1]!.matchAll(/\| '((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    expect(unionOf('BuiltinCounty')).toEqual([...BUILTIN_COUNTY_NAMES]);
    expect(unionOf('BuiltinCategoryName')).toEqual([...BUILTIN_CATEGORY_NAMES]);
  });

  it('every county name is accepted, and names the five counties in every way the registry holds', () => {
    expect(BUILTIN_COUNTY_NAMES).toEqual(builtinCountyNames());
    for (const n of BUILTIN_COUNTY_NAMES) expect(builtinRegistry.countyCode(n), n).toBeDefined();
    for (const p of BUILTIN_POLICIES) {
      const c = p.county;
      for (const n of [c.name, c.shortName, c.pinyin, c.code, c.pinyin[0]!.toUpperCase() + c.pinyin.slice(1)]) expect(BUILTIN_COUNTY_NAMES).toContain(n);
      const year = p.coverageYear.year;
      for (const n of BUILTIN_COUNTY_NAMES.filter((x) => builtinRegistry.countyCode(x) === c.code))
        expect(safeQuote({ county: n, coverageYear: year }).success, n).toBe(true);
    }
    expect(new Set(BUILTIN_COUNTY_NAMES.map((n) => builtinRegistry.countyCode(n))).size).toBe(5);
  });

  it('every category name is accepted by some built-in policy; every code, English name and notice name is in it', () => {
    expect(BUILTIN_CATEGORY_NAMES).toEqual(builtinCategoryNames());
    for (const n of BUILTIN_CATEGORY_NAMES) {
      const takers = BUILTIN_POLICIES.filter((p) => safeQuote({ county: p.county.code as BuiltinCounty, coverageYear: p.coverageYear.year, categories: [n] }).success);
      expect(takers.length, n).toBeGreaterThan(0);
    }
    for (const c of CATEGORY_CODES) expect(BUILTIN_CATEGORY_NAMES).toContain(c);
    for (const c of CATEGORY_CODES) expect(BUILTIN_CATEGORY_NAMES).toContain(CATEGORY_NAMES[c].en);
    for (const p of BUILTIN_POLICIES)
      for (const r of p.categories)
        for (const n of r.names) {
          // A notice's name is in the type unless every built-in refuses it as ambiguous.
          const ambiguousEverywhere = BUILTIN_POLICIES.every((q) => !builtinRegistry.compiledOf(q).aliases.has(n));
          if (!ambiguousEverywhere) expect(BUILTIN_CATEGORY_NAMES).toContain(n);
        }
  });

  it('a name only ambiguous (脱贫人口 in 民权) is not in it: the type never promises what every built-in refuses', () => {
    expect(BUILTIN_CATEGORY_NAMES).not.toContain('脱贫人口');
    expect(safeQuote({ county: '民权', coverageYear: 2024, categories: ['脱贫人口'] }, builtinRegistry)).toMatchObject({ success: false, error: { code: 'ambiguous_category' } });
  });
});
