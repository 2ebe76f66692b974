/**
 * Renders the decision tables as one plain SQL script (DuckDB or PostgreSQL):
 * the tables, their rows, and the view `yibao_quoted` over a roster table.
 * No user-defined functions; only the few constructs listed in
 * {@link DIALECTS} differ between databases.
 *
 * @module
 */
import type { DecisionTables } from './decision-table.js';
import { QUOTE_LIMITS } from '../limits.js';

/** The databases the script is written for. */
export type Dialect = 'duckdb' | 'postgres';

interface DialectText {
  readonly money: string;
  /** Whitespace as JavaScript's `trim()` and `\s` know it, as a regex bracket expression. */
  readonly ws: string;
  /** The pieces of a categories cell: FROM-clause items yielding `piece` from `c.categories`. */
  readonly pieces: (pattern: string) => string;
  /** A date plus a number of months (clamped to the month's last day). */
  readonly addMonths: (date: string, months: string) => string;
}

const JS_WS_DUCKDB = String.raw`[\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`;
const JS_WS_POSTGRES = String.raw`[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]`;

/** What differs between the dialects: everything else in the script is the same text. */
export const DIALECTS: Readonly<Record<Dialect, DialectText>> = {
  duckdb: {
    money: 'DECIMAL(12,2)',
    ws: JS_WS_DUCKDB,
    pieces: (pattern) => `unnest(regexp_extract_all(c.categories, ${lit(pattern)})) AS x(piece)`,
    addMonths: (date, months) => `(${date} + to_months(${months}))`,
  },
  postgres: {
    money: 'NUMERIC(12,2)',
    ws: JS_WS_POSTGRES,
    pieces: (pattern) => `LATERAL (SELECT r.m[1] AS piece FROM regexp_matches(c.categories, ${lit(pattern)}, 'g') AS r(m)) AS x`,
    addMonths: (date, months) => `(${date} + make_interval(months => ${months}))`,
  },
};

/**
 * A piece of a categories cell, as `splitCategories` cuts it: a run of
 * characters other than the separators 、 , ， ; ； / ／, where a bracket (（ or ()
 * and everything up to its closing bracket (or the end) is kept whole.
 */
export const PIECE_PATTERN = '(?:[^、,，;；/／（(]|[（(][^）)]*(?:[）)]|$))+';

/** A SQL string literal. */
export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

const val = (v: string | number | boolean | null, kind: 'text' | 'int' | 'bool' | 'date' | 'money' = 'text'): string => {
  if (v === null) return 'NULL';
  if (kind === 'int') return String(v);
  if (kind === 'bool') return v ? 'TRUE' : 'FALSE';
  if (kind === 'date') return `DATE ${lit(String(v))}`;
  if (kind === 'money') return String(v);
  return lit(String(v));
};

function insertRows(table: string, rows: readonly string[][]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 500)
    out.push(`INSERT INTO ${table} VALUES\n${rows.slice(i, i + 500).map((r) => `  (${r.join(', ')})`).join(',\n')};`);
  return out.join('\n');
}

/** The names of the tables the script creates, in creation order. */
export const TABLES = ['yibao_policy', 'yibao_county_alias', 'yibao_category_alias', 'yibao_payment_interval', 'yibao_decision'] as const;

/** The tables and their rows (`rows: false`: the tables only, e.g. to load the files of `export table` into them). */
export function tablesSql(t: DecisionTables, dialect: Dialect, { rows = true }: { rows?: boolean } = {}): string {
  const money = DIALECTS[dialect].money;
  const inserts = (table: string, r: readonly string[][]) => (rows ? insertRows(table, r) : '');
  const drops = [...TABLES].reverse().map((x) => `DROP TABLE IF EXISTS ${x};`);
  return `DROP VIEW IF EXISTS yibao_quoted;
${drops.join('\n')}

-- One row per policy: its county, coverage year and coverage period; the newborn special window in months (NULL: none).
CREATE TABLE yibao_policy (
  policy_id TEXT PRIMARY KEY,
  county_code TEXT NOT NULL,
  coverage_year INTEGER NOT NULL,
  coverage_start DATE,
  coverage_end DATE,
  newborn_months INTEGER,
  newborn_refused BOOLEAN NOT NULL
);
${inserts('yibao_policy', t.policies.map((p) => [val(p.policyId), val(p.countyCode), val(p.coverageYear, 'int'), val(p.coverageStart, 'date'), val(p.coverageEnd, 'date'), val(p.newbornMonths, 'int'), val(p.newbornRefused, 'bool')]))}

-- Every name the library accepts for a county → its GB/T 2260 code. A roster's county is looked up as written,
-- then with whitespace removed and lower-cased (so ' Kelan ' finds kelan).
CREATE TABLE yibao_county_alias (
  name TEXT PRIMARY KEY,
  county_code TEXT NOT NULL
);
${inserts('yibao_county_alias', t.countyAliases.map((a) => [val(a.name), val(a.countyCode)]))}

-- Every category name (code, Chinese name, English name, group name) a policy accepts → its bit mask.
-- Bit i is the i-th category code of the library; bit 0 (ordinary) is never set: it is the baseline.
CREATE TABLE yibao_category_alias (
  policy_id TEXT NOT NULL,
  name TEXT NOT NULL,
  mask INTEGER NOT NULL,
  PRIMARY KEY (policy_id, name)
);
${inserts('yibao_category_alias', t.categoryAliases.map((a) => [val(a.policyId), val(a.name), val(a.mask, 'int')]))}

-- Payment dates, as intervals of days (inclusive): whether the collection window is open and why, and the
-- payment-date context of the decision (bit 0: a date was given; bit i+1: the policy's i-th date condition holds,
-- e.g. paid before the notice, or within a phase). The intervals cover ${'0001-01-01'} to 9999-12-31 without gaps.
CREATE TABLE yibao_payment_interval (
  policy_id TEXT NOT NULL,
  from_day DATE NOT NULL,
  to_day DATE NOT NULL,
  window_open BOOLEAN NOT NULL,
  window_reason TEXT NOT NULL,
  context INTEGER NOT NULL,
  PRIMARY KEY (policy_id, from_day)
);
${inserts('yibao_payment_interval', t.intervals.map((i) => [val(i.policyId), val(i.fromDay, 'date'), val(i.toDay, 'date'), val(i.windowOpen, 'bool'), val(i.windowReason), val(i.context, 'int')]))}

-- The decision for every set of categories (mask) in every payment-date context (0: no payment date).
-- Money in yuan, exact; NULL where the notice states no figure (status 'unspecified').
CREATE TABLE yibao_decision (
  policy_id TEXT NOT NULL,
  mask INTEGER NOT NULL,
  context INTEGER NOT NULL,
  status TEXT NOT NULL,
  standard ${money} NOT NULL,
  individual ${money},
  subsidy ${money},
  due_at_payment ${money},
  reimbursed_later ${money},
  mechanism TEXT,
  funders TEXT NOT NULL,
  applied_category TEXT,
  PRIMARY KEY (policy_id, mask, context)
);
${inserts(
  'yibao_decision',
  t.decisions.map((d) => [
    val(d.policyId), val(d.mask, 'int'), val(d.context, 'int'), val(d.status), val(d.standard, 'money'), val(d.individual, 'money'), val(d.subsidy, 'money'),
    val(d.dueAtPayment, 'money'), val(d.reimbursedLater, 'money'), val(d.mechanism), val(d.funders), val(d.appliedCategory),
  ]),
)}
${dialect === 'postgres' && rows ? `\n-- Statistics, so that the planner knows these tables are small.\n${TABLES.map((x) => `ANALYZE ${x};`).join('\n')}\n` : ''}`;
}

/** The view `yibao_quoted` over a roster table. */
export function viewSql(dialect: Dialect, roster: string): string {
  const d = DIALECTS[dialect];
  const ws = lit(`${d.ws}+`);
  const trimmed = `regexp_replace(x.piece, ${lit(`^${d.ws}+|${d.ws}+$`)}, '', 'g')`;
  const newbornUntil = d.addMonths('t.birth_date', 'nb.newborn_months');
  return `DROP VIEW IF EXISTS yibao_quoted;

-- yibao_quoted: every row of ${roster} (all its columns pass through) with the columns the roster job computes.
-- ${roster} needs: county TEXT, coverage_year INTEGER, categories TEXT, paid_on DATE, birth_date DATE.
CREATE VIEW yibao_quoted AS
WITH
-- Each distinct categories cell, cut into names as the roster job cuts it (separators 、,，;；/／, never inside
-- brackets; whitespace trimmed), then looked up per policy: the OR of the masks, and how many names are unknown.
cells AS (
  SELECT DISTINCT coalesce(categories, '') AS categories FROM ${roster}
),
names AS (
  SELECT c.categories, ${trimmed} AS name
  FROM cells AS c CROSS JOIN ${d.pieces(PIECE_PATTERN)}
),
category_masks AS (
  SELECT p.policy_id, n.categories, bit_or(a.mask) AS mask, count(*) - count(a.mask) AS unknown,
    count(*) FILTER (WHERE length(n.name) > ${QUOTE_LIMITS.text}) AS too_long
  FROM names AS n
  CROSS JOIN yibao_policy AS p
  LEFT JOIN yibao_category_alias AS a ON a.policy_id = p.policy_id AND a.name = n.name
  WHERE n.name <> ''
  GROUP BY p.policy_id, n.categories
)
SELECT
  t.*,
  dc.standard,
  dc.individual,
  dc.subsidy,
  dc.due_at_payment,
  -- A refund after the window is not promised for a payment outside it (it buys no coverage).
  CASE WHEN t.paid_on IS NOT NULL AND NOT coalesce(iv.window_open OR nb.policy_id IS NOT NULL, FALSE)
    AND dc.mechanism = 'refund-after-window' AND dc.reimbursed_later <> 0 THEN NULL ELSE dc.reimbursed_later END AS reimbursed_later,
  dc.mechanism,
  dc.funders,
  dc.applied_category,
  CASE WHEN dc.policy_id IS NULL OR t.paid_on IS NULL THEN NULL ELSE (iv.window_open OR nb.policy_id IS NOT NULL) END AS window_open,
  CASE WHEN dc.policy_id IS NULL OR t.paid_on IS NULL THEN NULL WHEN nb.policy_id IS NOT NULL THEN 'newborn-special-window' WHEN nr.policy_id IS NOT NULL THEN 'newborn-refused' ELSE iv.window_reason END AS window_reason,
  CASE WHEN dc.policy_id IS NULL THEN NULL WHEN t.paid_on IS NULL OR iv.window_open THEN p.coverage_start WHEN nb.policy_id IS NOT NULL THEN t.paid_on END AS coverage_start,
  CASE WHEN dc.policy_id IS NULL THEN NULL WHEN t.paid_on IS NULL OR iv.window_open OR nb.policy_id IS NOT NULL THEN p.coverage_end END AS coverage_end,
  dc.status,
  CASE
    WHEN t.county IS NULL THEN 'missing_field'
    WHEN length(t.county) > ${QUOTE_LIMITS.text} THEN 'too_large'
    WHEN t.coverage_year IS NULL THEN 'missing_field'
    WHEN coalesce(exact.county_code, loose.county_code) IS NULL THEN 'unknown_county'
    WHEN p.policy_id IS NULL THEN 'no_policy_for_year'
    -- As quote: a name longer than QUOTE_LIMITS.text is too_large, before any name is looked up.
    WHEN coalesce(cm.too_long, 0) > 0 THEN 'too_large'
    WHEN coalesce(cm.unknown, 0) > 0 THEN 'unknown_category'
    WHEN t.birth_date > t.paid_on THEN 'invalid_input'
  END AS error_code
FROM ${roster} AS t
-- The county as written, else without whitespace and lower-cased.
LEFT JOIN yibao_county_alias AS exact ON exact.name = t.county
LEFT JOIN yibao_county_alias AS loose ON exact.name IS NULL AND loose.name = lower(regexp_replace(t.county, ${ws}, '', 'g'))
LEFT JOIN yibao_policy AS p ON p.county_code = coalesce(exact.county_code, loose.county_code) AND p.coverage_year = t.coverage_year
LEFT JOIN category_masks AS cm ON cm.policy_id = p.policy_id AND cm.categories = coalesce(t.categories, '')
LEFT JOIN yibao_payment_interval AS iv ON iv.policy_id = p.policy_id AND t.paid_on BETWEEN iv.from_day AND iv.to_day
-- The decision, only for a row without an error (context -1 matches nothing): so every computed column of a row
-- with an error is NULL.
LEFT JOIN yibao_decision AS dc
  ON dc.policy_id = p.policy_id AND dc.mask = coalesce(cm.mask, 0)
  AND dc.context = CASE WHEN coalesce(cm.unknown, 0) > 0 OR t.birth_date > t.paid_on THEN -1 ELSE coalesce(iv.context, 0) END
-- The newborn special window: paid outside the window, within newborn_months of birth (the same day of the month,
-- or the month's last day), in the coverage year.
LEFT JOIN yibao_policy AS nb
  ON nb.policy_id = dc.policy_id AND NOT iv.window_open AND nb.newborn_months IS NOT NULL
  AND t.birth_date IS NOT NULL AND t.paid_on <= ${newbornUntil} AND extract(year FROM t.paid_on) = nb.coverage_year
-- A newborn enrolled after the special window where the notice refuses it ("逾期不予办理"): born in the coverage year.
LEFT JOIN yibao_policy AS nr
  ON nr.policy_id = dc.policy_id AND nb.policy_id IS NULL AND NOT iv.window_open AND nr.newborn_refused AND nr.newborn_months IS NOT NULL
  AND t.birth_date IS NOT NULL AND t.paid_on > ${newbornUntil.replace(/nb\./g, 'nr.')} AND extract(year FROM t.birth_date) = nr.coverage_year;
`;
}

/** Options of {@link exportSql}. */
export interface SqlOptions {
  readonly dialect: Dialect;
  /** The roster table; default `roster`. */
  readonly table?: string;
  /** A line for the header, e.g. which policies. */
  readonly note?: string;
}

/**
 * The whole script: header, tables with their rows, and the view.
 *
 * @example
 * ```ts
 * const sql = exportSql(decisionTables(builtinRegistry), { dialect: 'duckdb' });
 * sql.includes('CREATE VIEW yibao_quoted') // true
 * ```
 */
export function exportSql(t: DecisionTables, opts: SqlOptions): string {
  const table = opts.table ?? 'roster';
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(table)) throw new RangeError(`not a plain table name: ${table}`);
  const ids = t.policies.map((p) => p.policyId).join(', ');
  return `-- yibao-rules: the decision tables of ${ids}, and the view yibao_quoted over ${table}.
-- Dialect: ${opts.dialect}. Plain SQL, no user-defined functions. Generated; do not edit by hand, export again.
-- Every computed column equals what quote() gives for the same county, coverage year, categories, payment date
-- and birth date (proven by the library's tests in DuckDB and PostgreSQL).${opts.note ? `\n-- ${opts.note}` : ''}

${tablesSql(t, opts.dialect)}
${viewSql(opts.dialect, table)}`;
}
