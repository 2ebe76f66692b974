/**
 * What one category's rule gives, from the standard: the only place where a
 * subsidy is computed. It runs when a policy is defined (and by the audit),
 * never on a quote's hot path.
 *
 * @module
 */
import { percentOfFen, type RoundingMode } from './money.js';
import type { SubsidyRule } from './schema.js';
import { toFen } from './money.js';

/** A rule's result in whole fen, or `null` when the notice defers. */
export type RuleAmounts = { subsidyFen: number; individualFen: number } | null;

/**
 * The subsidy and the individual share a rule gives, in fen:
 * - `none`: 0; `full`: the standard;
 * - `percentage`: min(standard, cap, max(rate × standard rounded as declared, floor));
 * - `fixed`: min(standard, amount);
 * - `unspecified`, or no stated standard (`standardFen` null): `null`.
 *
 * @example
 * ```ts
 * evaluateRule({ kind: 'percentage', rate: '0.80', floor: '280.00', cite }, 32000, { scale: 2, mode: 'half-up' })
 * // { subsidyFen: 28000, individualFen: 4000 }
 * ```
 */
export function evaluateRule(rule: SubsidyRule, standardFen: number | null, rounding: { scale: number; mode: RoundingMode }): RuleAmounts {
  if (standardFen === null) return null;
  let subsidy: number;
  switch (rule.kind) {
    case 'unspecified':
      return null;
    case 'none':
      subsidy = 0;
      break;
    case 'full':
      subsidy = standardFen;
      break;
    case 'fixed':
      subsidy = Math.min(standardFen, toFen(rule.amount));
      break;
    case 'percentage': {
      const share = percentOfFen(rule.rate, standardFen, rounding.scale, rounding.mode);
      subsidy = Math.min(standardFen, Math.max(share, rule.floor === undefined ? 0 : toFen(rule.floor)));
      if (rule.cap !== undefined) subsidy = Math.min(subsidy, toFen(rule.cap));
      break;
    }
  }
  return { subsidyFen: subsidy, individualFen: standardFen - subsidy };
}
