import { describe, expect, it } from 'vitest';
import { getPolicy, isWorkingDay, proofAvailableOn, YibaoError } from '../../src/index.js';

describe('working days (State Council holiday calendar 2021–2026)', () => {
  it.each([
    ['2021-10-04', false], // National Day
    ['2021-10-09', true], // make-up Saturday
    ['2021-10-10', false], // Sunday
    ['2022-12-31', false], // part of the 2023 New Year holiday
    ['2023-01-28', true], // make-up Saturday
    ['2024-02-18', true], // make-up Sunday
    ['2025-10-08', false],
    ['2026-02-23', false],
    ['2026-02-28', true],
    ['2025-12-24', true],
  ] as const)('%s is a working day: %s', (d, w) => expect(isWorkingDay(d)).toBe(w));

  it('fails clearly outside the calendar’s years, never guessing Monday–Friday', () => {
    expect(() => isWorkingDay('2020-12-31')).toThrow(YibaoError);
    expect(() => isWorkingDay('2027-01-04')).toThrow(/calendar/);
  });
});

describe('proofAvailableOn: five working days after payment', () => {
  const kelan = getPolicy('岢岚', 2022);
  const xiangning = getPolicy('乡宁', 2023);
  it.each([
    [kelan, '2021-12-01', '2021-12-08'], // Wed → Wed: plain week
    [kelan, '2021-09-30', '2021-10-13'], // over National Day; 10-09 is a make-up working day
    [xiangning, '2022-09-29', '2022-10-11'], // 10-08 and 10-09 are make-up days in 2022
    [xiangning, '2022-12-23', '2022-12-30'], // Fri → next Fri
  ] as const)('%#: paid %s → %s', (p, paid, want) => expect(proofAvailableOn(p, paid)).toBe(want));

  it('a notice without the rule gives not_stated', () => {
    try {
      proofAvailableOn(getPolicy('陵川', 2023), '2022-10-10');
      expect.unreachable();
    } catch (e) {
      expect((e as YibaoError).code).toBe('not_stated');
    }
  });
  it('a date past the calendar gives calendar_out_of_range; a bad date invalid_date', () => {
    expect(() => proofAvailableOn(kelan, '2026-12-28')).toThrow(expect.objectContaining({ code: 'calendar_out_of_range' }));
    expect(() => proofAvailableOn(kelan, '2021-02-30')).toThrow(expect.objectContaining({ code: 'invalid_date' }));
  });
});
