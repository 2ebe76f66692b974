/**
 * 公民身份号码 (GB 11643-1999): 17 digits and a check character (0–9 or X),
 * with the birth date at positions 7–14.
 */
import { dayNumber, daysInMonth } from '../civil-date.js';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

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
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id))
    return { ok: false, code: 'invalid_id', zh: `身份证号须为18位（17位数字加校验位）：${raw}`, en: `an ID number has 18 characters (17 digits and a check character): ${raw}` };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * W[i]!;
  if (CHECK[sum % 11] !== id[17])
    return { ok: false, code: 'invalid_id', zh: `身份证号校验位错误：${raw}`, en: `wrong check character in ID number: ${raw}` };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1890 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    return { ok: false, code: 'invalid_id', zh: `身份证号中的出生日期不存在：${raw}`, en: `the birth date in the ID number does not exist: ${raw}` };
  // region (6 digits) · days since 1890 (< 10^5) · sequence (3 digits): < 2^53, unique for valid IDs.
  const key = (Number(id.slice(0, 6)) * 100000 + (dayNumber(y, m, d) - dayNumber(1890, 1, 1))) * 1000 + Number(id.slice(14, 17));
  return { ok: true, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, key };
}
