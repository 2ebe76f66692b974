/**
 * The collection window as a lookup table, built once per policy: for every
 * day of the window, whether payment is accepted, why not, and the next day
 * on which it is.
 *
 * @module
 */
import { dayOfMonth, formatCivilDate, parseCivilDate, type DayNumber } from './civil-date.js';
import type { Policy } from './policy.js';

/**
 * Why a payment date is or is not inside the collection window.
 * `not-stated`: the notice states no window (`open: null`);
 * `group-extension`: after the end, inside an extension for a category the person holds;
 * `newborn-refused`: a newborn enrolling after the newborn window, which the notice refuses ("逾期不予办理").
 */
export type WindowReason =
  | 'open'
  | 'before-start'
  | 'after-end'
  | 'day-of-month'
  | 'suspended'
  | 'newborn-special-window'
  | 'group-extension'
  | 'newborn-refused'
  | 'not-stated';

/** Whether payment is accepted on a date; `open: null` when the notice states no window. */
export interface WindowResult {
  readonly open: boolean | null;
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

type Collection = NonNullable<Policy['collection']>;

/** The reason a date inside [start, end] that no suspension covers is closed, or `open`. */
function dayOfMonthReason(c: Collection, d: DayNumber): WindowReason {
  const dom = c.daysOfMonth;
  if (dom) {
    const day = dayOfMonth(d);
    if (day < dom.from || day > dom.to) return 'day-of-month';
  }
  return 'open';
}

/**
 * Builds the window table of a policy; `undefined` when the notice states no
 * window. Linear in the days of the window plus the suspensions (a difference
 * array marks the suspended days), never days × suspensions.
 */
export function buildWindowTable(policy: Policy): WindowTable | undefined {
  const c = policy.collection;
  if (!c) return undefined;
  const start = parseCivilDate(c.start.date)!;
  const end = parseCivilDate(c.end.date)!;
  const n = end - start + 1;
  const covered = new Int32Array(n + 1);
  for (const s of c.suspensions) {
    const a = Math.max(parseCivilDate(s.from)! - start, 0);
    const b = Math.min(parseCivilDate(s.resumesOn)! - start, n); // resumesOn itself is open
    if (a < b) {
      covered[a]!++;
      covered[b]!--;
    }
  }
  const reasons: WindowReason[] = [];
  for (let i = 0, k = 0; i < n; i++) {
    k += covered[i]!;
    reasons.push(k > 0 ? 'suspended' : dayOfMonthReason(c, start + i));
  }
  const next: (string | undefined)[] = new Array(n + 1).fill(undefined);
  for (let i = n - 1; i >= 0; i--) next[i] = reasons[i] === 'open' ? formatCivilDate(start + i) : next[i + 1];
  const mk = (open: boolean, reason: WindowReason, nextPayableOn: string | undefined): WindowResult =>
    Object.freeze(nextPayableOn === undefined ? { open, reason } : { open, reason, nextPayableOn });
  const open = mk(true, 'open', undefined); // one object for every open day: quotes are memoised by it
  const days = reasons.map((r, i) => (r === 'open' ? open : mk(false, r, next[i + 1])));
  return Object.freeze({ start, end, days: Object.freeze(days), before: mk(false, 'before-start', next[0]), after: mk(false, 'after-end', undefined) });
}

/** The result for every date when the notice states no window. */
export const WINDOW_NOT_STATED: WindowResult = Object.freeze({ open: null, reason: 'not-stated' });

/** Looks a day up in the table. */
export function windowOn(t: WindowTable | undefined, d: DayNumber): WindowResult {
  if (!t) return WINDOW_NOT_STATED;
  if (d < t.start) return t.before;
  if (d > t.end) return t.after;
  return t.days[d - t.start] as WindowResult;
}
