import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, dayNumberFromSerial, formatCivilDate, isoWeekday, parseCivilDate } from '../../src/civil-date.js';

/** Reference through Date.UTC (UTC, so the host zone cannot interfere). */
const ref = (s: string) => Date.parse(`${s}T00:00:00Z`) / 864e5;

describe('civil dates', () => {
  it('parse and format agree with a UTC reference over 1900–2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: ref('1900-01-01'), max: ref('2199-12-31') }), (n) => {
        const s = new Date(n * 864e5).toISOString().slice(0, 10);
        expect(parseCivilDate(s)).toBe(n);
        expect(formatCivilDate(n)).toBe(s);
        expect(isoWeekday(n)).toBe(((new Date(n * 864e5).getUTCDay() + 6) % 7) + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['2021-02-29', '2021-02-30', '2022-13-01', '2022-00-10', '2022-04-31', '12/01/2021', '2021-12-1', '2021-12-01T00:00', ' 2021-12-01', '', '２０２１-12-01'])('rejects %j', (s) => {
    expect(parseCivilDate(s)).toBeUndefined();
  });

  it('accepts 2024-02-29 (leap year) and 2000-02-29, not 1900-02-29', () => {
    expect(parseCivilDate('2024-02-29')).toBeDefined();
    expect(parseCivilDate('2000-02-29')).toBeDefined();
    expect(parseCivilDate('1900-02-29')).toBeUndefined();
  });

  it('adds months, clamping to the month’s end', () => {
    const am = (s: string, m: number) => formatCivilDate(addMonths(parseCivilDate(s)!, m));
    expect(am('2025-03-10', 6)).toBe('2025-09-10');
    expect(am('2024-08-31', 6)).toBe('2025-02-28');
    expect(am('2023-08-31', 6)).toBe('2024-02-29');
    expect(am('2024-12-15', 1)).toBe('2025-01-15');
  });

  it('reads spreadsheet serials without a time-zone shift', () => {
    expect(formatCivilDate(dayNumberFromSerial(44531)!)).toBe('2021-12-01');
    expect(formatCivilDate(dayNumberFromSerial(44531.99)!)).toBe('2021-12-01');
    expect(formatCivilDate(dayNumberFromSerial(61)!)).toBe('1900-03-01');
    expect(dayNumberFromSerial(60)).toBeUndefined();
    expect(dayNumberFromSerial(Number.NaN)).toBeUndefined();
  });
});
