/**
 * Rosters for the SQL export tests: the sample roster and a generated one
 * covering every category combination, window edge and newborn case of every
 * built-in policy, with what `quote()` gives for each row, in the view's columns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, formatCivilDate, parseCivilDate } from '../../src/civil-date.js';
import { parseCsv } from '../../src/cli/csv.js';
import { decisionTables, type DecisionTables } from '../../src/export/decision-table.js';
import { lit } from '../../src/export/sql.js';
import { YibaoError } from '../../src/errors.js';
import { coverageYearFromText, normaliseDateText, splitCategories } from '../../src/input-text.js';
import { quoteOrError } from '../../src/quote.js';
import { builtinRegistry, type PolicyRegistry } from '../../src/registry.js';
import { ROOT } from '../helpers.js';

/** One roster row, as typed in the database. */
export interface RosterRow {
  row_id: number;
  county: string | null;
  coverage_year: number | null;
  categories: string | null;
  paid_on: string | null;
  birth_date: string | null;
}

/** The view's computed columns. */
export const COMPUTED = [
  'standard', 'individual', 'subsidy', 'due_at_payment', 'reimbursed_later', 'mechanism', 'funders', 'applied_category',
  'window_open', 'window_reason', 'coverage_start', 'coverage_end', 'status', 'error_code',
] as const;
export type Computed = Record<(typeof COMPUTED)[number], string | boolean | null>;

/** What quote() gives for a row, in the view's columns. */
export function expected(r: RosterRow, registry: PolicyRegistry = builtinRegistry): Computed {
  const q = quoteOrError(
    {
      county: r.county ?? undefined,
      coverageYear: r.coverage_year ?? undefined,
      categories: r.categories === null ? undefined : splitCategories(r.categories),
      paidOn: r.paid_on ?? undefined,
      birthDate: r.birth_date ?? undefined,
    },
    registry,
  );
  if (q instanceof YibaoError)
    return Object.fromEntries(COMPUTED.map((c) => [c, c === 'error_code' ? q.code : null])) as Computed;
  return {
    standard: q.standard,
    individual: q.individual,
    subsidy: q.subsidy,
    due_at_payment: q.dueAtPayment,
    reimbursed_later: q.reimbursedLater,
    mechanism: q.mechanism,
    funders: q.funders.join(';'),
    applied_category: q.appliedCategory,
    window_open: q.window ? q.window.open : null,
    window_reason: q.window ? q.window.reason : null,
    coverage_start: q.coverage?.start ?? null,
    coverage_end: q.coverage?.end ?? null,
    status: q.status,
    error_code: null,
  };
}

/** The sample roster, typed as a database would hold it (the birth date from the ID number, as the roster job does). */
export function sampleRoster(): RosterRow[] {
  const [head, ...rows] = parseCsv(readFileSync(join(ROOT, 'fixtures/rosters/sample.csv')));
  const col = (h: string) => head!.findIndex((x) => x.replace(/^\uFEFF/, '') === h);
  const [id, county, year, cats, paid] = ['身份证号', '县', '待遇年度', '类别', '缴费日期'].map(col) as number[];
  const date = (s: string | undefined) => {
    const d = s ? parseCivilDate(normaliseDateText(s)) : undefined;
    return d === undefined ? null : formatCivilDate(d);
  };
  return rows.map((r, i) => {
    const idText = r[id!] ?? '';
    return {
      row_id: i,
      county: r[county!] || null,
      coverage_year: coverageYearFromText(r[year!] ?? '') ?? null,
      categories: r[cats!] || null,
      paid_on: date(r[paid!]),
      birth_date: /^\d{17}[\dXx]$/.test(idText) ? date(`${idText.slice(6, 10)}-${idText.slice(10, 12)}-${idText.slice(12, 14)}`) : null,
    };
  });
}

/** A small deterministic generator. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

const SEPARATORS = ['、', ',', '，', ';', '；', '/', '／'];
const PADDING = ['', '', '', ' ', '\u3000', '\t', ' \u00a0'];

/**
 * Every category combination (each bit of a mask written by one of its names, in a
 * random order with random separators and padding) × no payment date and one
 * date in every interval; every interval edge; newborns around the special
 * window's end, month ends and the coverage year's first day; born after
 * paying; hostile cells (brackets, separators, unknown names); every county
 * name, and unknown counties and years.
 */
export function generatedRoster(t: DecisionTables = decisionTables(builtinRegistry)): RosterRow[] {
  const rnd = random(20261124);
  const out: RosterRow[] = [];
  const push = (r: Omit<RosterRow, 'row_id'>) => out.push({ row_id: out.length, ...r });
  for (const policy of t.policies) {
    const year = policy.coverageYear;
    const names = t.countyAliases.filter((a) => a.countyCode === policy.countyCode).map((a) => a.name);
    const counties = [...names, ...names.filter((n) => /^[a-z]+$/.test(n)).map((n) => ` ${n.toUpperCase()} `)];
    const countyName = names.find((n) => n.endsWith('县')) ?? names[0]!;
    const aliases = t.categoryAliases.filter((a) => a.policyId === policy.policyId);
    const byBit = new Map<number, string[]>();
    for (const { name, mask: b } of aliases) if ((b & (b - 1)) === 0) byBit.set(b, [...(byBit.get(b) ?? []), name]);
    const groups = aliases.filter((a) => (a.mask & (a.mask - 1)) !== 0).map((a) => a.name);
    const cell = (mask: number): string | null => {
      if (mask === 0) return rnd.pick([null, '', ' ', '、', rnd.pick(byBit.get(0) ?? [''])]);
      const names: string[] = [];
      for (let b = 1; b <= mask; b *= 2) if (mask & b) names.push(rnd.pick(byBit.get(b)!));
      if (rnd.next() < 0.1 && groups.length) names.push(rnd.pick(groups));
      names.sort(() => rnd.next() - 0.5);
      return names.map((n) => rnd.pick(PADDING) + n + rnd.pick(PADDING)).join(rnd.pick(SEPARATORS));
    };
    const masks = t.decisions.filter((d) => d.policyId === policy.policyId && d.context === 0).map((d) => d.mask);
    const intervals = t.intervals.filter((i) => i.policyId === policy.policyId);
    const day = (s: string) => parseCivilDate(s)!;
    const reps = intervals.map((i) => formatCivilDate(i.fromDay === '0001-01-01' ? day(i.toDay) - 30 : day(i.fromDay)));
    const edges = [...new Set(intervals.flatMap((i) => [i.fromDay, i.toDay].filter((d) => d[0] !== '0' && d[0] !== '9').flatMap((d) => [day(d) - 1, day(d), day(d) + 1])))].map(formatCivilDate);
    const row = (mask: number, paid: string | null, birth: string | null = null, county = rnd.pick(counties), y: number | null = year) =>
      push({ county, coverage_year: y, categories: cell(mask), paid_on: paid, birth_date: birth });

    // Every combination, without a date and in every interval.
    for (const mask of masks) for (const paid of [null, ...reps]) row(mask, paid);
    // Every edge, with several combinations.
    for (const paid of edges) for (let k = 0; k < 6; k++) row(rnd.pick(masks), paid);
    // Newborns: births just inside and outside the special window, month ends, the coverage year's edges.
    const months = policy.newbornMonths ?? 6;
    const monthEnds = Array.from({ length: 14 }, (_, m) => addMonths(day(`${year - 1}-12-01`), m + 1) - 1);
    const paidDays = [...edges.map(day), day(`${year - 1}-12-31`), day(`${year}-01-01`), day(`${year}-12-31`), day(`${year + 1}-01-01`), ...monthEnds];
    for (const p of paidDays) {
      const edge = addMonths(p, -months);
      for (const b of [edge - 2, edge - 1, edge, edge + 1, p - 1, p, p + 1, p - 200]) row(rnd.pick(masks), formatCivilDate(p), formatCivilDate(b));
      // Born on the 29th–31st: the month's last day after adding months.
      for (const d of [28, 29, 30, 31]) {
        const m = addMonths(p, -months);
        const b = day(formatCivilDate(m).slice(0, 8) + '01') + d - 1;
        if (b <= p) row(0, formatCivilDate(p), formatCivilDate(b));
      }
    }
    // Hostile cells: brackets, separators, padding, unknown names, names split in the middle.
    const tokens = [...byBit.values()].flat().concat(groups, SEPARATORS, ['（', '）', '(', ')', ' ', '\u3000', '未知类别', '重度残疾人', 'Ⅰ级', 'Ⅱ级', '、Ⅱ级）']);
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(rnd.next() * 5);
      push({ county: countyName, coverage_year: year, categories: Array.from({ length: n }, () => rnd.pick(tokens)).join(''), paid_on: rnd.pick([null, ...reps]), birth_date: null });
    }
    // Counties and years that are not there; missing fields.
    row(masks[1]!, reps[1] ?? null, null, `${countyName}X`);
    row(masks[1]!, reps[1] ?? null, null, countyName, year + 1);
    row(masks[1]!, null, null, '', year);
    row(0, null, null, null as unknown as string, year);
    row(0, null, null, countyName, null);
  }
  return out;
}

/** The roster table (created before the script: the view is bound to it). */
export const ROSTER_TABLE = 'CREATE TABLE roster (row_id INTEGER, county TEXT, coverage_year INTEGER, categories TEXT, paid_on DATE, birth_date DATE, note TEXT)';

/** The rows of a roster as SQL, replacing the table's rows (the same text for DuckDB and PostgreSQL). */
export function rosterSql(rows: readonly RosterRow[], table = 'roster'): string[] {
  const v = (s: string | number | null, date = false) => (s === null ? 'NULL' : typeof s === 'number' ? String(s) : date ? `DATE ${lit(s)}` : lit(s));
  const out = [`DELETE FROM ${table}`];
  for (let i = 0; i < rows.length; i += 2000)
    out.push(
      `INSERT INTO ${table} VALUES ${rows
        .slice(i, i + 2000)
        .map((r) => `(${r.row_id}, ${v(r.county)}, ${v(r.coverage_year)}, ${v(r.categories)}, ${v(r.paid_on, true)}, ${v(r.birth_date, true)}, 'kept')`)
        .join(', ')}`,
    );
  return out;
}
