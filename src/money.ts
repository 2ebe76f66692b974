/**
 * Exact money. Amounts are yuan as decimal strings ("280.00") at the API and
 * whole fen (integers) inside; decimal.js does every multiplication. No binary
 * float ever holds a money amount that is rounded or shown.
 *
 * @module
 */
import { Decimal } from 'decimal.js';

/** A private decimal.js constructor: the library never changes the global one. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** A decimal value of the library's private constructor. */
export type Dec = InstanceType<typeof Dec>;

/** Rounding modes a policy may declare. */
export const ROUNDING_MODES = ['half-up', 'half-even', 'down', 'up'] as const;
/** A rounding mode: `half-up` (四舍五入), `half-even`, `down` (toward zero), `up` (away from zero). */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

const MODE: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/** The pattern of a non-negative yuan amount with at most two decimals. */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,8})(\.\d{1,2})?$/;
/** The pattern of a rate between 0 and 1, e.g. "0.80". */
export const RATE_PATTERN = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;

/** Yuan string → whole fen. The string must match {@link MONEY_PATTERN}. */
export function toFen(yuan: string): number {
  return new Dec(yuan).times(100).toNumber();
}

/**
 * Whole fen → "280.00". Integer arithmetic only.
 *
 * @example
 * ```ts
 * formatFen(28000) // '280.00'
 * ```
 */
export function formatFen(fen: number): string {
  const neg = fen < 0;
  const a = neg ? -fen : fen;
  const y = Math.trunc(a / 100);
  const f = a - y * 100;
  return `${neg ? '-' : ''}${y}.${f < 10 ? '0' : ''}${f}`;
}

/**
 * `rate × amount`, rounded to `scale` decimals (of yuan) by `mode`, in fen.
 *
 * @example
 * ```ts
 * percentOfFen('0.90', 35000, 2, 'half-up') // 31500
 * ```
 */
export function percentOfFen(rate: string, amountFen: number, scale: number, mode: RoundingMode): number {
  const yuan = new Dec(rate).times(new Dec(amountFen).dividedBy(100));
  return yuan.toDecimalPlaces(scale, MODE[mode]).times(100).toNumber();
}

/** A rate as a percentage string: "0.8" → "80%". */
export function formatRate(rate: string): string {
  return `${new Dec(rate).times(100).toString()}%`;
}
