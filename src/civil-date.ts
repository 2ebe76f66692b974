/**
 * Civil dates in China ("YYYY-MM-DD"), as whole day numbers.
 *
 * A payment date is a calendar date, not an instant. The library never turns
 * one into a `Date` (whose meaning depends on the host's time zone): it works
 * on the number of days since 1970-01-01, with integer arithmetic only
 * (H. Hinnant's civil-from-days algorithms). The same input gives the same
 * answer under any `TZ`.
 *
 * @module
 */

/** Days since 1970-01-01 of a proleptic Gregorian civil date. */
export type DayNumber = number;

/**
 * The shape of a civil date's text, "YYYY-MM-DD": what `quote` takes as
 * `paidOn` and `birthDate`. The type catches the shape (`'2021/12/01'` and
 * `'2021年12月1日'` do not compile); the calendar (`'2021-02-30'`, `'2021-12-1'`)
 * is checked when the input is read, with the error `invalid_date`.
 * {@link isCivilDate} narrows a `string` to it.
 *
 * @example
 * ```ts
 * const paidOn: CivilDateText = '2021-12-01';
 * // @ts-expect-error slashes are not the shape
 * const typo: CivilDateText = '2021/12/01';
 * ```
 */
export type CivilDateText = `${number}-${number}-${number}`;

/** Day number of year `y`, month `m` (1–12), day `d` (1–31). No validation. */
export function dayNumber(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of a day number. */
export function civilFromDayNumber(n: DayNumber): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Number of days in month `m` of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses a strict "YYYY-MM-DD" civil date (years 1900–2199). Returns the day
 * number, or `undefined` for anything else, "2021-02-30" and "12/01/2021" included.
 *
 * @example
 * ```ts
 * parseCivilDate('2021-12-01') // 18962
 * parseCivilDate('2021-02-30') // undefined
 * ```
 */
export function parseCivilDate(s: string): DayNumber | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return dayNumber(y, m, d);
}

/**
 * True when `s` is a valid "YYYY-MM-DD" civil date; narrows it to {@link CivilDateText}.
 *
 * @example
 * ```ts
 * const text: string = row.paidOn;
 * if (isCivilDate(text)) quote({ county: '岢岚', coverageYear: 2022, paidOn: text });
 * ```
 */
export function isCivilDate(s: unknown): s is CivilDateText {
  return typeof s === 'string' && parseCivilDate(s) !== undefined;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * Formats a day number as "YYYY-MM-DD".
 *
 * @example
 * ```ts
 * formatCivilDate(18962) // '2021-12-01'
 * ```
 */
export function formatCivilDate(n: DayNumber): CivilDateText {
  const { y, m, d } = civilFromDayNumber(n);
  return `${y}-${pad2(m)}-${pad2(d)}` as CivilDateText;
}

/** Day of the month (1–31) of a day number. */
export function dayOfMonth(n: DayNumber): number {
  return civilFromDayNumber(n).d;
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. (1970-01-01 was a Thursday.) */
export function isoWeekday(n: DayNumber): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/**
 * The same day `months` months later; a day that does not exist in the target
 * month becomes that month's last day (2024-08-31 + 6 months = 2025-02-28).
 */
export function addMonths(n: DayNumber, months: number): DayNumber {
  const { y, m, d } = civilFromDayNumber(n);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return dayNumber(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** The first day of the month after the one `n` falls in. */
export function firstOfNextMonth(n: DayNumber): DayNumber {
  const { y, m } = civilFromDayNumber(n);
  return m === 12 ? dayNumber(y + 1, 1, 1) : dayNumber(y, m + 1, 1);
}

/**
 * Converts a spreadsheet date serial (1900 date system, as Excel, WPS,
 * LibreOffice and Google Sheets store dates) to a day number. The fraction
 * (time of day) is dropped; serial 61 is 1900-03-01 (Excel's fictitious
 * 1900-02-29 is serial 60 and is rejected).
 */
export function dayNumberFromSerial(serial: number): DayNumber | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 61) return undefined;
  return dayNumber(1899, 12, 30) + whole;
}
