/**
 * 公民身份号码 (GB 11643-1999): 17 digits and a check character (0–9 or X),
 * with the birth date at positions 7–14.
 */
import { dayNumber, daysInMonth } from '../civil-date.js';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const DAY0 = dayNumber(1890, 1, 1);

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

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
  if (key >= 0) return { ok: true, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, key };
  if (key === BAD_FORMAT)
    return { ok: false, code: 'invalid_id', zh: `身份证号须为18位（17位数字加校验位）：${raw}`, en: `an ID number has 18 characters (17 digits and a check character): ${raw}` };
  if (key === BAD_CHECK) return { ok: false, code: 'invalid_id', zh: `身份证号校验位错误：${raw}`, en: `wrong check character in ID number: ${raw}` };
  return { ok: false, code: 'invalid_id', zh: `身份证号中的出生日期不存在：${raw}`, en: `the birth date in the ID number does not exist: ${raw}` };
}

const BAD_FORMAT = -1;
const BAD_CHECK = -2;
const BAD_DATE = -3;

/**
 * The compact key of a valid ID number (a whole number below 2^53), or a
 * negative number for an invalid one. Allocates nothing: the first pass of the
 * roster job calls it once per row.
 */
export function idKey(id: string): number {
  if (id.length !== 18) return BAD_FORMAT;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return BAD_FORMAT;
    sum += c * W[i]!;
  }
  const last = id.charCodeAt(17);
  if (!((last >= 48 && last <= 57) || last === 88 || last === 120)) return BAD_FORMAT;
  if (CHECK.charCodeAt(sum % 11) !== (last === 120 ? 88 : last)) return BAD_CHECK;
  const y = digits(id, 6, 10);
  const m = digits(id, 10, 12);
  const d = digits(id, 12, 14);
  if (y < 1890 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return BAD_DATE;
  // region (6 digits) · days since 1890 (< 10^5) · sequence (3 digits): < 2^53, unique for valid IDs.
  return (digits(id, 0, 6) * 100000 + (dayNumber(y, m, d) - DAY0)) * 1000 + digits(id, 14, 17);
}

/**
 * A map from ID keys (whole numbers below 2^53) to the first row they were
 * seen on: open addressing over typed arrays, about 12 bytes a row and no
 * garbage, so a roster of millions stays cheap in pass one.
 */
export class IdIndex {
  private keys = new Float64Array(1 << 16).fill(-1);
  private rows = new Int32Array(1 << 16);
  private size = 0;

  /** Records `key` on `row`; returns the row it was first seen on, or -1. */
  firstOrAdd(key: number, row: number): number {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = (Math.imul((key % 0x7fffffff) | 0, 0x9e3779b1) ^ Math.floor(key / 0x7fffffff)) & mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === -1) {
        this.keys[i] = key;
        this.rows[i] = row;
        this.size++;
        return -1;
      }
      if (k === key) return this.rows[i]!;
      i = (i + 1) & mask;
    }
  }

  private grow() {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.rows = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i]! !== -1) this.firstOrAdd(keys[i]!, rows[i]!);
  }
}
