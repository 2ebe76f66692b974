/**
 * Working days under the State Council's annual holiday notices (国务院办公厅
 * 关于部分节假日安排的通知), including make-up working days (调休), for the
 * years of {@link CALENDAR_RANGE}. Outside those years a working-day
 * question is an error, never a Monday–Friday guess.
 *
 * @module
 */
import { dayNumber, formatCivilDate, isoWeekday, parseCivilDate, type DayNumber } from './civil-date.js';
import { yibaoError } from './errors.js';
import type { Policy } from './policy.js';

type Span = readonly [string, string?];

/** Days off and make-up working days per year, as the State Council announced them. */
export const HOLIDAY_CALENDAR: Readonly<Record<number, { readonly off: readonly Span[]; readonly makeUp: readonly string[] }>> = {
  2021: {
    off: [['2021-01-01', '2021-01-03'], ['2021-02-11', '2021-02-17'], ['2021-04-03', '2021-04-05'], ['2021-05-01', '2021-05-05'], ['2021-06-12', '2021-06-14'], ['2021-09-19', '2021-09-21'], ['2021-10-01', '2021-10-07']],
    makeUp: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  2022: {
    off: [['2022-01-01', '2022-01-03'], ['2022-01-31', '2022-02-06'], ['2022-04-03', '2022-04-05'], ['2022-04-30', '2022-05-04'], ['2022-06-03', '2022-06-05'], ['2022-09-10', '2022-09-12'], ['2022-10-01', '2022-10-07']],
    makeUp: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  2023: {
    off: [['2022-12-31', '2023-01-02'], ['2023-01-21', '2023-01-27'], ['2023-04-05'], ['2023-04-29', '2023-05-03'], ['2023-06-22', '2023-06-24'], ['2023-09-29', '2023-10-06']],
    makeUp: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  2024: {
    off: [['2024-01-01'], ['2024-02-10', '2024-02-17'], ['2024-04-04', '2024-04-06'], ['2024-05-01', '2024-05-05'], ['2024-06-10'], ['2024-09-15', '2024-09-17'], ['2024-10-01', '2024-10-07']],
    makeUp: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    off: [['2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08']],
    makeUp: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07']],
    makeUp: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const YEARS = Object.keys(HOLIDAY_CALENDAR).map(Number).sort((a, b) => a - b);
/** First and last day the calendar can answer for. */
export const CALENDAR_RANGE = { first: `${YEARS[0]}-01-01`, last: `${YEARS[YEARS.length - 1]}-12-31` } as const;
const FIRST = dayNumber(YEARS[0] as number, 1, 1);
const LAST = dayNumber(YEARS[YEARS.length - 1] as number, 12, 31);

const OFF = new Set<DayNumber>();
const MAKE_UP = new Set<DayNumber>();
for (const y of YEARS) {
  const c = HOLIDAY_CALENDAR[y]!;
  for (const [a, b] of c.off) for (let d = parseCivilDate(a)!; d <= parseCivilDate(b ?? a)!; d++) OFF.add(d);
  for (const m of c.makeUp) MAKE_UP.add(parseCivilDate(m)!);
}

function outOfRange(date: string) {
  return yibaoError(
    'calendar_out_of_range',
    ['paidOn'],
    `节假日安排只收录 ${CALENDAR_RANGE.first} 至 ${CALENDAR_RANGE.last}，无法判断 ${date} 附近的工作日`,
    `the holiday calendar covers ${CALENDAR_RANGE.first} to ${CALENDAR_RANGE.last} only; working days around ${date} are unknown`,
  );
}

/**
 * True when the date is a working day in China: a make-up working day, or a
 * Monday–Friday that is not a public holiday. Throws `calendar_out_of_range`
 * outside the calendar's years.
 *
 * @example
 * ```ts
 * isWorkingDay('2021-10-09') // true (调休)
 * isWorkingDay('2021-10-04') // false (National Day)
 * ```
 */
export function isWorkingDay(date: string): boolean {
  const d = parseCivilDate(date);
  if (d === undefined) throw yibaoError('invalid_date', [], `不是有效的日期：${date}`, `not a date: ${date}`);
  if (d < FIRST || d > LAST) throw outOfRange(date);
  return MAKE_UP.has(d) || (isoWeekday(d) <= 5 && !OFF.has(d));
}

/** The `n`th working day after `date` (exclusive). */
export function addWorkingDays(date: string, n: number): string {
  const start = parseCivilDate(date);
  if (start === undefined) throw yibaoError('invalid_date', ['paidOn'], `不是有效的日期：${date}`, `not a date (YYYY-MM-DD): ${date}`);
  let d = start;
  let left = n;
  while (left > 0) {
    d++;
    if (d < FIRST || d > LAST) throw outOfRange(date);
    if (MAKE_UP.has(d) || (isoWeekday(d) <= 5 && !OFF.has(d))) left--;
  }
  if (start < FIRST) throw outOfRange(date);
  return formatCivilDate(d);
}

/**
 * The date on which proof of payment can be printed: the policy's number of
 * working days (five, for Xiangning and Kelan) after the payment date,
 * counting from the first working day after it, under the State Council
 * holiday calendar.
 *
 * Throws `not_stated` when the notice states no such rule, `invalid_date` for
 * a bad date, and `calendar_out_of_range` outside 2021–2026.
 *
 * @example
 * ```ts
 * proofAvailableOn(getPolicy('岢岚', 2022), '2021-09-30') // '2021-10-13' (National Day holidays skipped, 10-09 is a make-up day)
 * ```
 */
export function proofAvailableOn(policy: Policy, paidOn: string): string {
  const rule = policy.proofOfPayment;
  if (!rule)
    throw yibaoError(
      'not_stated',
      ['proofOfPayment'],
      `${policy.county.name}的通知未规定缴费证明的打印时间`,
      `the notice of ${policy.county.pinyin} states no rule for when proof of payment can be printed`,
    );
  if (typeof paidOn !== 'string') throw yibaoError('invalid_type', ['paidOn'], '缴费日期须为 YYYY-MM-DD 字符串', 'paidOn must be a YYYY-MM-DD string');
  return addWorkingDays(paidOn, rule.workingDays);
}
