/**
 * The decision table of a set of policies as plain rows, for databases.
 *
 * This is the ONE module of the export that knows the engine's internals
 * (`CompiledPolicy`: category aliases, payment-date conditions, the window
 * table, `decide`, the newborn special window). Everything else in
 * `src/export/` only renders the rows built here.
 *
 * The rows mean exactly what `quote()` does:
 * - a county name (any the registry accepts) → county code; a county code and
 *   coverage year → policy;
 * - a category name (after the roster's splitting and trimming) → bit mask;
 *   the mask of a cell is the OR of its names' masks, bit 0 (ordinary) cleared;
 * - a payment date → an interval of days with the window's answer and the
 *   payment-date context (bit 0: a date was given; bit i+1: condition i holds);
 *   without a date the context is 0 and there is no window;
 * - (policy, mask, context) → the decision;
 * - a payment date outside the window, at most `newborn_months` months after
 *   the birth date and in the coverage year: the newborn special window, open,
 *   coverage from the payment date.
 *
 * @module
 */
import { formatCivilDate, type DayNumber } from '../civil-date.js';
import { decide, type CompiledPolicy } from '../engine.js';
import { yibaoError } from '../errors.js';
import type { PolicyRegistry } from '../registry.js';
import { windowOn, WINDOW_NOT_STATED } from '../window.js';

/** A policy: what the view needs besides the decisions. */
export interface PolicyRow {
  readonly policyId: string;
  readonly countyCode: string;
  readonly coverageYear: number;
  /** "YYYY-MM-DD" */
  readonly coverageStart: string | null;
  readonly coverageEnd: string | null;
  /** The newborn special window in months after birth; null when the notice has none. */
  readonly newbornMonths: number | null;
  /** The notice refuses a newborn enrolled after `newbornMonths` ("逾期不予办理"). */
  readonly newbornRefused: boolean;
}

/** A name the registry accepts for a county. */
export interface CountyAliasRow {
  readonly name: string;
  readonly countyCode: string;
}

/** A category name a policy accepts, and its bit mask. */
export interface CategoryAliasRow {
  readonly policyId: string;
  readonly name: string;
  readonly mask: number;
}

/** A run of payment dates that the window and the decision treat alike. Days inclusive, "YYYY-MM-DD". */
export interface IntervalRow {
  readonly policyId: string;
  readonly fromDay: string;
  readonly toDay: string;
  /** `null` where the notice states no collection window. */
  readonly windowOpen: boolean | null;
  readonly windowReason: string;
  readonly context: number;
}

/** One decision: money as "0.00" strings, null where the notice gives no figure. */
export interface DecisionRow {
  readonly policyId: string;
  readonly mask: number;
  readonly context: number;
  readonly status: 'determined' | 'unspecified';
  /** `null` where the notice states no standard. */
  readonly standard: string | null;
  readonly individual: string | null;
  readonly subsidy: string | null;
  readonly dueAtPayment: string | null;
  readonly reimbursedLater: string | null;
  readonly mechanism: string | null;
  /** Funder codes joined by ";" ("" when none). */
  readonly funders: string;
  readonly appliedCategory: string | null;
}

/** Everything a database needs to decide as `quote()` does. */
export interface DecisionTables {
  readonly policies: readonly PolicyRow[];
  readonly countyAliases: readonly CountyAliasRow[];
  readonly categoryAliases: readonly CategoryAliasRow[];
  readonly intervals: readonly IntervalRow[];
  readonly decisions: readonly DecisionRow[];
}

/** The first and last day an interval can name: the intervals cover every date a database holds in practice. */
export const FIRST_DAY = '0001-01-01';
export const LAST_DAY = '9999-12-31';
/** A condition bound this far out is unbounded (the engine writes "before a date" as [-1e9, date-1]). */
const FAR = 1e8;

/** The compiled policies of a registry, by county code then year. */
export function compiledPolicies(registry: PolicyRegistry): CompiledPolicy[] {
  return registry.list().map((s) => {
    const cp = registry.lookup(s.code ?? s.pinyin, s.coverageYear) as CompiledPolicy;
    // What the SQL cannot express yet is refused, never exported wrong.
    if (cp.extensions.length)
      throw yibaoError('export_unsupported', ['specialWindows'], `${cp.policy.id}：为特定人群延长缴费期的政策暂不能导出为 SQL`, `${cp.policy.id}: a window extended for named groups cannot be exported to SQL yet`);
    if (cp.categoryIds.length > MAX_EXPORT_BITS)
      throw yibaoError('export_unsupported', ['categoryDefinitions'], `${cp.policy.id}：类别过多（${cp.categoryIds.length}），SQL 导出最多 ${MAX_EXPORT_BITS} 个`, `${cp.policy.id}: too many categories (${cp.categoryIds.length}) for the SQL export (at most ${MAX_EXPORT_BITS})`);
    return cp;
  });
}

/** Categories (shared and own) the export enumerates every set of: 2^15 masks per context at most. */
export const MAX_EXPORT_BITS = 15;

/** The payment-date context of a day: bit 0 (a date was given) and bit i+1 for each condition that holds. */
function contextOn(cp: CompiledPolicy, d: DayNumber): number {
  let ctx = 1;
  cp.conditions.forEach(([a, b], i) => {
    if (d >= a && d <= b) ctx |= 2 << i;
  });
  return ctx;
}

/**
 * The payment-date intervals of a policy: every day from the first to the last
 * day on which the window or a condition changes is evaluated, and runs of
 * days with the same answer are merged. The first run reaches back to
 * {@link FIRST_DAY}, the last forward to {@link LAST_DAY}.
 */
export function intervalsOf(cp: CompiledPolicy): IntervalRow[] {
  const edges = cp.window ? [cp.window.start, cp.window.end] : [];
  for (const [a, b] of cp.conditions) for (const x of [a, b]) if (Math.abs(x) < FAR) edges.push(x);
  const lo = edges.length ? Math.min(...edges) - 1 : 0;
  const hi = edges.length ? Math.max(...edges) + 1 : 0;
  const out: IntervalRow[] = [];
  let run: { from: DayNumber; open: boolean | null; reason: string; ctx: number } | undefined;
  const close = (to: DayNumber | undefined) => {
    if (!run) return;
    out.push({
      policyId: cp.policy.id,
      fromDay: run.from === lo ? FIRST_DAY : formatCivilDate(run.from),
      toDay: to === undefined ? LAST_DAY : formatCivilDate(to),
      windowOpen: run.open,
      windowReason: run.reason,
      context: run.ctx,
    });
  };
  for (let d = lo; d <= hi; d++) {
    const w = cp.window ? windowOn(cp.window, d) : WINDOW_NOT_STATED;
    const ctx = contextOn(cp, d);
    if (run && run.open === w.open && run.reason === w.reason && run.ctx === ctx) continue;
    close(d - 1);
    run = { from: d, open: w.open, reason: w.reason, ctx };
  }
  close(undefined);
  return out;
}

/** Every mask a cell can produce (bit 0, ordinary, is always cleared). */
function masks(cp: CompiledPolicy): number[] {
  const out: number[] = [];
  for (let m = 0; m < 1 << cp.categoryIds.length; m += 2) out.push(m);
  return out;
}

/** The decisions of a policy: every mask, in the context without a payment date and every context of its intervals. */
export function decisionsOf(cp: CompiledPolicy, intervals: readonly IntervalRow[]): DecisionRow[] {
  const contexts = [...new Set([0, ...intervals.map((i) => i.context)])].sort((a, b) => a - b);
  const out: DecisionRow[] = [];
  for (const ctx of contexts)
    for (const mask of masks(cp)) {
      const q = decide(cp, mask, ctx);
      out.push({
        policyId: cp.policy.id,
        mask,
        context: ctx,
        status: q.status,
        standard: q.standard,
        individual: q.individual,
        subsidy: q.subsidy,
        dueAtPayment: q.dueAtPayment,
        reimbursedLater: q.reimbursedLater,
        mechanism: q.mechanism,
        funders: q.funders.join(';'),
        appliedCategory: q.appliedCategory,
      });
    }
  return out;
}

/** The names the registry accepts for a policy's county (checked against the registry itself). */
function countyAliasesOf(registry: PolicyRegistry, cp: CompiledPolicy): CountyAliasRow[] {
  const c = cp.policy.county;
  const key = c.code ?? c.pinyin;
  const names = [c.name, c.shortName, c.pinyin, c.code, c.prefecture && `${c.prefecture.name}${c.name}`, c.province && c.prefecture && `${c.province.name}${c.prefecture.name}${c.name}`];
  return [...new Set(names)].filter((n): n is string => !!n && registry.countyCode(n) === key).map((name) => ({ name, countyCode: key }));
}

/**
 * The decision tables of every policy of a registry.
 *
 * @example
 * ```ts
 * const t = decisionTables(builtinRegistry);
 * t.decisions.find((d) => d.policyId === 'kelan-2022' && d.mask === 4 && d.context === 0)?.subsidy // '280.00'
 * ```
 */
export function decisionTables(registry: PolicyRegistry): DecisionTables {
  const policies: PolicyRow[] = [];
  const countyAliases = new Map<string, CountyAliasRow>();
  const categoryAliases: CategoryAliasRow[] = [];
  const intervals: IntervalRow[] = [];
  const decisions: DecisionRow[] = [];
  for (const cp of compiledPolicies(registry)) {
    const p = cp.policy;
    policies.push({
      policyId: p.id,
      countyCode: p.county.code ?? p.county.pinyin,
      coverageYear: p.coverageYear.year,
      coverageStart: cp.coverage?.start ?? null,
      coverageEnd: cp.coverage?.end ?? null,
      newbornMonths: cp.newborn?.months ?? null,
      newbornRefused: cp.newborn?.late === 'refused',
    });
    for (const a of countyAliasesOf(registry, cp)) countyAliases.set(a.name, a);
    for (const [name, mask] of cp.aliases) categoryAliases.push({ policyId: p.id, name, mask: mask & ~1 });
    const iv = intervalsOf(cp);
    intervals.push(...iv);
    decisions.push(...decisionsOf(cp, iv));
  }
  return { policies, countyAliases: [...countyAliases.values()], categoryAliases, intervals, decisions };
}
