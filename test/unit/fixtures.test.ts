import { describe, expect, it } from 'vitest';
import { getPolicy, quote, type Policy } from '../../src/index.js';
import { at, goldenFiles, notice, squash } from '../helpers.js';

const byId = (id: string): Policy => {
  const [pinyin, year] = id.split('-');
  return getPolicy(pinyin!, Number(year));
};

describe.each(goldenFiles())('golden cases: every figure of $policy', (file) => {
  const p = byId(file.policy);
  it('has cases: each of one kind, for the date of issue and for every category rule the policy states', () => {
    expect(file.cases.length).toBeGreaterThan(10);
    for (const c of file.cases) expect([c.policy, c.table, c.quote_input ?? c.expect].filter((k) => k !== undefined), `${c.clause} ${c.figure}`).toHaveLength(1);
    expect(file.cases.some((c) => c.policy === 'document.issuedOn')).toBe(true);
    // The rule each quoted case lands on: every rule of the policy must be reached by some case.
    const reached = new Set(
      file.cases.filter((c) => c.quote_input).map((c) => quote({ county: p.county.name, coverageYear: p.coverageYear.year, ...c.quote_input } as never).appliedCategory),
    );
    const unreached = p.categories.filter((r) => !r.categories.some((k) => reached.has(k))).map((r) => r.categories.join('|'));
    expect(unreached).toEqual([]);
  });

  it('quotes each figure from the notice', () => {
    const text = notice(file.notice);
    for (const c of file.cases) {
      expect(text, c.quote).toContain(squash(c.quote));
      expect(squash(c.quote).length).toBeGreaterThan(0);
    }
  });

  it.each(file.cases.map((c, i) => [`${c.clause} ${c.figure} #${i}`, c] as const))('%s', (_, c) => {
    if (c.policy !== undefined) expect(at(p, c.policy)).toEqual(c.equals);
    else if (c.table !== undefined) {
      const t = p.tables.find((x) => x.id === c.table)!;
      expect(t.total[c.column!]).toBe(c.total);
      expect(t.rows.reduce((s, r) => s + r.values[c.column!]!, 0)).toBe(c.total);
    } else {
      const q = quote({ county: p.county.name, coverageYear: p.coverageYear.year, ...c.quote_input } as never);
      const entries = Object.entries(c.expect!);
      expect(entries.length).toBeGreaterThan(0);
      for (const [path, v] of entries) expect(at(q, path), path).toEqual(v);
    }
  });
});
