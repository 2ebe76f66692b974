/**
 * Numbers as notices write them: Arabic ("320", "99.5") or Chinese
 * ("三百五十", "六", "两千"), money in yuan ("350元", "三百五十元"), rates
 * ("80%", "百分之八十"). Exact: values are decimal strings, never floats.
 *
 * @module
 */
import { Dec } from '../money.js';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** The characters a Chinese numeral is written with. */
export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千万]+';

/**
 * The value of a Chinese numeral, or undefined when it is not one.
 *
 * @example
 * ```ts
 * chineseNumber('三百五十') // 350
 * chineseNumber('十五') // 15
 * ```
 */
export function chineseNumber(s: string): number | undefined {
  if (!s || !new RegExp(`^${CHINESE_NUMERAL}$`).test(s)) return undefined;
  // Digits only ("二〇二二"): positional.
  if (![...s].some((c) => c in UNIT)) return Number([...s].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in DIGIT) digit = DIGIT[c]!;
    else {
      const u = UNIT[c]!;
      if (u === 10000) {
        section = (section + Math.max(digit, 0)) * u;
        total += section;
        section = 0;
      } else section += (digit < 0 ? 1 : digit) * u;
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}

/** A number written in Arabic or Chinese digits: "320" → "320", "三百五十" → "350", "99.5" → "99.5". */
export function readNumber(s: string): string | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return new Dec(s).toString();
  const n = chineseNumber(s);
  return n === undefined ? undefined : String(n);
}

/** A yuan amount as the policy model writes it: "280.00". */
export function toMoney(s: string): string | undefined {
  const v = readNumber(s);
  if (v === undefined) return undefined;
  return new Dec(v).toFixed(2);
}

/** A percentage as a rate: "80" → "0.80", "99.5" → "0.995". */
export function toRate(percent: string): string | undefined {
  const v = readNumber(percent);
  if (v === undefined) return undefined;
  const r = new Dec(v).dividedBy(100);
  if (r.gt(1) || r.lt(0)) return undefined;
  const s = r.toString();
  return s.includes('.') && s.split('.')[1]!.length === 1 ? `${s}0` : s === '1' ? '1.00' : s === '0' ? '0.00' : s;
}

/** One amount of money in a text. */
export interface MoneyMatch {
  readonly amount: string;
  readonly index: number;
  readonly length: number;
}

const MONEY = new RegExp(`(\\d+(?:\\.\\d{1,2})?|${CHINESE_NUMERAL})元`, 'g');

/**
 * Every amount in yuan of a text, in order.
 *
 * @example
 * ```ts
 * findMoney('个人缴费40元，资助三百一十元').map((m) => m.amount) // ['40.00', '310.00']
 * ```
 */
export function findMoney(s: string): MoneyMatch[] {
  const out: MoneyMatch[] = [];
  for (const m of s.matchAll(MONEY)) {
    // "二〇二二年…" and stray characters are not amounts; a Chinese numeral must be a number.
    const prev = s[m.index! - 1] ?? '';
    if (/[\d.]/.test(prev) || (!/\d/.test(m[1]!) && !/[零〇一二两三四五六七八九十]/.test(m[1]![0]!))) continue;
    const amount = toMoney(m[1]!);
    if (amount !== undefined) out.push({ amount, index: m.index!, length: m[0].length });
  }
  return out;
}
