import { describe, expect, it } from 'vitest';
import { getPolicy } from '../../src/index.js';

describe('attachment tables add up as printed', () => {
  for (const [county, year] of [['陵川', 2023], ['沁水', 2025]] as const) {
    const p = getPolicy(county, year);
    for (const t of p.tables) {
      it(`${p.id} ${t.title}: each column sums to its 合计`, () => {
        t.columns.forEach((_, j) => expect(t.rows.reduce((s, r) => s + r.values[j]!, 0)).toBe(t.total[j]));
      });
    }
  }

  it('沁水: 户籍人数 − 已参加职工医保人数 = 应参保总人数, in every row and the total', () => {
    const t = getPolicy('沁水', 2025).tables[0]!;
    for (const r of [...t.rows, { name: '合计', values: t.total }]) expect(r.values[0]! - r.values[1]!, r.name).toBe(r.values[2]);
  });

  it('陵川: each 2023 task is the 2022 enrolment × 1.01, rounded to the person (an inference, not a stated rule)', () => {
    const t = getPolicy('陵川', 2023).tables[0]!;
    expect(t.rows).toHaveLength(11);
    for (const r of t.rows) expect(Math.round((r.values[0]! * 101) / 100), r.name).toBe(r.values[1]);
  });
});
