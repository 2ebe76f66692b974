/**
 * The collection window as a lookup table, built once per policy: for every
 * day of the window, whether payment is accepted, why not, and the next day
 * on which it is.
 *
 * @module
 */
import { dayOfMonth, formatCivilDate, parseCivilDate, type DayNumber } from './civil-date.js';
import type { Policy } from './policy.js';

/** Why a payment date is or is not inside the collection window. */
export type WindowReason = 'open' | 'before-start' | 'after-end' | 'day-of-month' | 'suspended' | 'newborn-special-window';

/** Whether payment is accepted on a date. */
export interface WindowResult {
  readonly open: boolean;
  readonly reason: WindowReason;
  /** The next date on which payment is accepted, when there is one. */
  readonly nextPayableOn?: string;
}

/** A policy's window, precomputed. */
export interface WindowTable {
  readonly start: DayNumber;
  readonly end: DayNumber;
  /** Indexed by `day - start`. */
  readonly days: readonly WindowResult[];
  readonly before: WindowResult;
  readonly after: WindowResult;
}

/** The reason a date inside [start, end] is closed, or `open`. */
export function dayReason(policy: Policy, d: DayNumber): WindowReason {
  const c = policy.collection;
  for (const s of c.suspensions) if (d >= parseCivilDate(s.from)! && d < parseCivilDate(s.resumesOn)!) return 'suspended';
  const dom = c.daysOfMonth;
  if (dom) {
    const day = dayOfMonth(d);
    if (day < dom.from || day > dom.to) return 'day-of-month';
  }
  return 'open';
}

/** Builds the window table of a policy. */
export function buildWindowTable(policy: Policy): WindowTable {
  const start = parseCivilDate(policy.collection.start.date)!;
  const end = parseCivilDate(policy.collection.end.date)!;
  const n = end - start + 1;
  const reasons: WindowReason[] = [];
  for (let i = 0; i < n; i++) reasons.push(dayReason(policy, start + i));
  const next: (string | undefined)[] = new Array(n + 1).fill(undefined);
  for (let i = n - 1; i >= 0; i--) next[i] = reasons[i] === 'open' ? formatCivilDate(start + i) : next[i + 1];
  const mk = (open: boolean, reason: WindowReason, nextPayableOn: string | undefined): WindowResult =>
    Object.freeze(nextPayableOn === undefined ? { open, reason } : { open, reason, nextPayableOn });
  const days = reasons.map((r, i) => (r === 'open' ? mk(true, 'open', undefined) : mk(false, r, next[i + 1])));
  return Object.freeze({ start, end, days: Object.freeze(days), before: mk(false, 'before-start', next[0]), after: mk(false, 'after-end', undefined) });
}

/** Looks a day up in the table. */
export function windowOn(t: WindowTable, d: DayNumber): WindowResult {
  if (d < t.start) return t.before;
  if (d > t.end) return t.after;
  return t.days[d - t.start] as WindowResult;
}
