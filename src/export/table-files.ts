/**
 * The decision tables as rows of text, one table per file, for platforms that
 * load tables rather than run scripts. Column names and meanings are those of
 * the SQL script (`sql.ts`). In CSV, NULL is an empty field and the empty
 * text a quoted one (`""`), as PostgreSQL's and DuckDB's COPY read them.
 *
 * @module
 */
import type { DecisionTables } from './decision-table.js';
import { TABLES } from './sql.js';

/** A table as text: its name, header and rows. */
export interface TextTable {
  readonly name: (typeof TABLES)[number];
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | null>>;
}

const s = (v: string | number | boolean | null): string | null => (v === null ? null : String(v));

/**
 * Every table of the script, as text.
 *
 * @example
 * ```ts
 * textTables(decisionTables(builtinRegistry)).map((t) => t.name)
 * // ['yibao_policy', 'yibao_county_alias', 'yibao_category_alias', 'yibao_payment_interval', 'yibao_decision']
 * ```
 */
export function textTables(t: DecisionTables): TextTable[] {
  return [
    {
      name: 'yibao_policy',
      columns: ['policy_id', 'county_code', 'coverage_year', 'coverage_start', 'coverage_end', 'newborn_months', 'newborn_refused'],
      rows: t.policies.map((p) => [p.policyId, p.countyCode, s(p.coverageYear), p.coverageStart, p.coverageEnd, s(p.newbornMonths), String(p.newbornRefused)]),
    },
    { name: 'yibao_county_alias', columns: ['name', 'county_code'], rows: t.countyAliases.map((a) => [a.name, a.countyCode]) },
    { name: 'yibao_category_alias', columns: ['policy_id', 'name', 'mask'], rows: t.categoryAliases.map((a) => [a.policyId, a.name, s(a.mask)]) },
    {
      name: 'yibao_payment_interval',
      columns: ['policy_id', 'from_day', 'to_day', 'window_open', 'window_reason', 'context'],
      rows: t.intervals.map((i) => [i.policyId, i.fromDay, i.toDay, s(i.windowOpen), i.windowReason, s(i.context)]),
    },
    {
      name: 'yibao_decision',
      columns: ['policy_id', 'mask', 'context', 'status', 'standard', 'individual', 'subsidy', 'due_at_payment', 'reimbursed_later', 'mechanism', 'funders', 'applied_category'],
      rows: t.decisions.map((d) => [
        d.policyId, s(d.mask), s(d.context), d.status, d.standard, s(d.individual), s(d.subsidy), s(d.dueAtPayment), s(d.reimbursedLater), s(d.mechanism), d.funders, s(d.appliedCategory),
      ]),
    },
  ];
}

/** One CSV line (CRLF): NULL as an empty field, the empty text as `""`. */
export function csvLineOf(fields: ReadonlyArray<string | null>): string {
  return `${fields.map((f) => (f === null ? '' : f === '' || /[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')}\r\n`;
}
