/**
 * 公民身份号码 (GB 11643-1999): 17 digits and a check character (0–9 or X),
 * with the birth date at positions 7–14.
 */
import { dayNumber, daysInMonth, formatCivilDate, type DayNumber } from '../civil-date.js';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const DAY0 = dayNumber(1890, 1, 1);
/** Days from 1890-01-01 to 9999-12-31 are fewer than this: a key holds any birth date exactly. */
const DAY_SPAN = 3_000_000;

/** The result of checking an ID number. */
export type IdCheck =
  | { ok: true; birthDate: string; key: number }
  | { ok: false; code: 'invalid_id'; zh: string; en: string };

/**
 * Checks an 18-character ID number: format, check character, and a birth date
 * that exists. `key` is a compact number that identifies the ID (for finding
 * duplicates without keeping the strings).
 */
export function checkIdNumber(raw: string): IdCheck {
  const id = raw.length === 18 ? raw : raw.trim();
  const key = idKey(id);
  if (key >= 0) return { ok: true, birthDate: formatCivilDate(birthDayOfIdKey(key)), key };
  return idProblem(key, raw);
}

/** An ID number that a spreadsheet stored as a number: 1.40929E+17, or 18 digits ending in 000 after the 15 digits Excel keeps. */
const ID_AS_NUMBER = /^\d(\.\d+)?e\+?\d{1,2}$/i;

/**
 * Whether `raw` is an ID number that Excel turned into a number (shown as
 * 1.40929E+17): the last digits are lost, it cannot be checked or repaired.
 *
 * @example
 * ```ts
 * isIdStoredAsNumber('1.40929E+17') // true
 * ```
 */
export function isIdStoredAsNumber(raw: string): boolean {
  return ID_AS_NUMBER.test(raw.trim());
}

/** The error for an ID number stored as a number (its code: `id_as_number`). */
export function idAsNumberProblem(raw: string): { code: 'id_as_number'; zh: string; en: string } {
  return {
    code: 'id_as_number',
    zh: `身份证号被 Excel 存成了数字（${raw}）：Excel 只保留 15 位有效数字，后几位已丢失，无法校验。请在原始系统中把该列设为“文本”后重新导出`,
    en: `the ID number was stored by Excel as a number (${raw}): Excel keeps 15 significant digits, the last ones are lost and it cannot be checked. Format the column as Text in the source and export it again`,
  };
}

/** The error for a negative {@link idKey}. */
export function idProblem(key: number, raw: string): IdCheck & { ok: false } {
  if (key === BIRTH_AFTER)
    return { ok: false, code: 'invalid_id', zh: `身份证号中的出生日期晚于待遇年度：${raw}`, en: `the birth date in the ID number is after the coverage year: ${raw}` };
  if (key === BAD_FORMAT)
    return { ok: false, code: 'invalid_id', zh: `身份证号须为18位（17位数字加校验位）：${raw}`, en: `an ID number has 18 characters (17 digits and a check character): ${raw}` };
  if (key === BAD_CHECK) return { ok: false, code: 'invalid_id', zh: `身份证号校验位错误：${raw}`, en: `wrong check character in ID number: ${raw}` };
  return { ok: false, code: 'invalid_id', zh: `身份证号中的出生日期不存在：${raw}`, en: `the birth date in the ID number does not exist: ${raw}` };
}

const BAD_FORMAT = -1;
const BAD_CHECK = -2;
const BAD_DATE = -3;
/** {@link idProblem}'s code for a birth date after the coverage year (the roster's check). */
export const BIRTH_AFTER = -4;

/** The birth date (a day number) of a valid ID's key. */
export function birthDayOfIdKey(key: number): DayNumber {
  return DAY0 + (Math.floor(key / 1000) % DAY_SPAN);
}

const scratch = new Uint8Array(18);

/**
 * The compact key of a valid ID number (a whole number below 2^53), or a
 * negative number for an invalid one. Allocates nothing.
 */
export function idKey(id: string): number {
  if (id.length !== 18) return BAD_FORMAT;
  for (let i = 0; i < 18; i++) {
    const c = id.charCodeAt(i);
    if (c > 0x7f) return BAD_FORMAT;
    scratch[i] = c;
  }
  return idKeyOfBytes(scratch, 0);
}

/**
 * {@link idKey} of the 18 bytes (ASCII) at `at`: what the roster job calls
 * on every row, straight on the bytes read from the file. One loop over the
 * 17 digits gathers the checksum and the numbers in them.
 */
export function idKeyOfBytes(b: Uint8Array, at: number): number {
  let sum = 0;
  let region = 0;
  let y = 0;
  let md = 0;
  let seq = 0;
  for (let i = 0; i < 17; i++) {
    const c = b[at + i]! - 48;
    if (c < 0 || c > 9) return BAD_FORMAT;
    sum += c * W[i]!;
    if (i < 6) region = region * 10 + c;
    else if (i < 10) y = y * 10 + c;
    else if (i < 14) md = md * 10 + c;
    else seq = seq * 10 + c;
  }
  const last = b[at + 17]!;
  if (!((last >= 48 && last <= 57) || last === 88 || last === 120)) return BAD_FORMAT;
  if (CHECK.charCodeAt(sum % 11) !== (last === 120 ? 88 : last)) return BAD_CHECK;
  const m = (md / 100) | 0;
  const d = md % 100;
  if (y < 1890 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return BAD_DATE;
  // region (6 digits) · days since 1890 (< 3·10^6, any four-digit year) · sequence (3 digits): < 3·10^15 < 2^53.
  // The check character follows from the 17 digits: the key is the whole ID, never a lossy one.
  return (region * DAY_SPAN + (dayNumber(y, m, d) - DAY0)) * 1000 + seq;
}

