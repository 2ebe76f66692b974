import { describe, expect, it } from 'vitest';
import { addWorkingDays, getPolicy, isWorkingDay, proofAvailableOn, YibaoError } from '../../src/index.js';
import { definePolicy } from '../../src/define.js';

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
    [kelan, '2021-09-25', '2021-09-30'], // Sat; Sun 09-26 is a make-up working day in 2021
    [xiangning, '2022-10-25', '2022-11-01'], // Tue → Tue, over a weekend
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
  it('a bad date gives invalid_date; a date past the calendar calendar_out_of_range', () => {
    expect(() => proofAvailableOn(kelan, '2021-02-30')).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    expect(() => addWorkingDays('2026-12-28', 5)).toThrow(expect.objectContaining({ code: 'calendar_out_of_range' }));
  });
  it.each([
    [kelan, '2021-09-30', 'day-of-month'], // days 1–25 only (三)
    [kelan, '2021-10-20', 'suspended'], // 八、一是: suspended 10-08 to 11-14
    [kelan, '2021-12-26', 'after-end'],
    [xiangning, '2022-08-31', 'before-start'],
  ] as const)('%#: no proof for a day on which payment was closed (%s)', (p, paid, reason) => {
    expect(() => proofAvailableOn(p, paid)).toThrow(expect.objectContaining({ code: 'outside_window', path: ['paidOn'] }));
    expect(() => proofAvailableOn(p, paid)).toThrow(new RegExp(reason));
  });
  it('a newborn paying within a stated special window gets the date, given its birth date', () => {
    const json = JSON.parse(JSON.stringify(xiangning));
    const nb = { kind: 'newborn', withinMonthsOfBirth: 3, cite: { clause: '三', quote: '9月至11月为集中征缴期' } };
    json.collection.specialWindows = [nb];
    json.coverageYear = { ...json.coverageYear };
    const p = definePolicy(json);
    expect(() => proofAvailableOn(p, '2023-02-01')).toThrow(expect.objectContaining({ code: 'outside_window' }));
    expect(() => proofAvailableOn(p, '2023-02-01', { birthDate: '2022-09-01' })).toThrow(expect.objectContaining({ code: 'outside_window' })); // more than 3 months
    expect(proofAvailableOn(p, '2023-02-01', { birthDate: '2023-01-10' })).toBe(addWorkingDays('2023-02-01', 5));
  });
});
