/**
 * What the job reports: counts, errors by code, money per policy (county and
 * year), funder, category and mechanism, per `--by` value; where each field
 * came from and which columns were not used; the encoding read. Integer fen
 * throughout.
 */
import { formatFen } from '../../money.js';
import { builtinRegistry, type PolicyRegistry } from '../../registry.js';
import { categoryName, funderNames, MECHANISM_NAMES, type CategoryCode, type FunderCode, type MechanismCode } from '../../vocabulary.js';
import { t, table, type Lang } from '../text.js';
import { HEADERS, type Field } from './columns.js';
import type { Entry } from './decisions.js';

interface Bucket {
  people: number;
  individual: number;
  subsidy: number;
  due: number;
  later: number;
}

/** What the job reports: counts, errors by code, money per policy, funder, category and mechanism (yuan strings). */
export interface RosterSummary {
  rows: number;
  computed: number;
  errors: number;
  errorsByCode: Record<string, number>;
  unspecified: number;
  outsideWindow: number;
  totals: { individual: string; subsidy: string; dueAtPayment: string; reimbursedLater: string };
  byPolicy: Array<{ policyId: string; county: string; coverageYear: number; people: number; individual: string; subsidy: string; dueAtPayment: string; reimbursedLater: string }>;
  byFunder: Array<{ funders: string; people: number; subsidy: string }>;
  byCategory: Array<{ category: string; people: number; subsidy: string }>;
  byMechanism: Array<{ mechanism: string; people: number; dueAtPayment: string; reimbursedLater: string }>;
  /** Per value of the `--by` column. */
  byGroup?: {
    column: string;
    /** Where the targets came from: `--targets`, a policy's table (its id and title), or none. */
    targetsFrom?: string;
    groups: Array<{ value: string; rows: number; computed: number; inWindow: number; individual: string; subsidy: string; byFunder: Record<string, string>; target?: number; percent?: string }>;
  };
  /** How the file was read. */
  input: {
    encoding: string;
    /** The line of the header row (1 unless a title is above it). */
    headerLine: number;
    columns: Array<{ field: Field; column: string }>;
    unusedColumns: string[];
    idCheck: boolean;
  };
  output?: string;
}

const emptyBucket = (): Bucket => ({ people: 0, individual: 0, subsidy: 0, due: 0, later: 0 });

/** A running --by group. */
export interface GroupTotals {
  rows: number;
  computed: number;
  inWindow: number;
  individual: number;
  subsidy: number;
  byFunder: Map<string, number>;
}
export const newGroup = (): GroupTotals => ({ rows: 0, computed: 0, inWindow: 0, individual: 0, subsidy: 0, byFunder: new Map() });

/** Adds one computed row of `e` to a --by group (`sign` -1 takes it out again: a duplicate found later). */
export function addToGroup(g: GroupTotals, e: Entry, sign = 1): void {
  const q = e.q;
  if (!q) return;
  g.computed += sign;
  if (q.window ? q.window.open : true) g.inWindow += sign;
  g.individual += sign * e.fen.individual;
  g.subsidy += sign * e.fen.subsidy;
  if (e.fen.subsidy) {
    const k = q.funders.join('+') || 'none-named';
    g.byFunder.set(k, (g.byFunder.get(k) ?? 0) + sign * e.fen.subsidy);
  }
}

/** Adds the entries up: money × rows, per policy, funder, category and mechanism. */
export function summarise(
  entries: readonly Entry[],
  counts: { rows: number; errors: number; errorsByCode: Record<string, number> },
  input: RosterSummary['input'],
  groups?: { column: string; map: Map<string, GroupTotals>; targets?: Map<string, number>; targetsFrom?: string },
  output?: string,
  registry: PolicyRegistry = builtinRegistry,
): RosterSummary {
  const buckets = { p: new Map<string, Bucket>(), f: new Map<string, Bucket>(), c: new Map<string, Bucket>(), m: new Map<string, Bucket>() };
  const tot = emptyBucket();
  let computed = 0;
  let unspecified = 0;
  let outsideWindow = 0;
  const add = (m: Map<string, Bucket> | Bucket, k: string, e: Entry) => {
    let b = m instanceof Map ? m.get(k) : m;
    if (!b) (m as Map<string, Bucket>).set(k, (b = emptyBucket()));
    b.people += e.count;
    b.individual += e.fen.individual * e.count;
    b.subsidy += e.fen.subsidy * e.count;
    b.due += e.fen.due * e.count;
    b.later += e.fen.later * e.count;
  };
  for (const e of entries) {
    const q = e.q;
    if (!q || !e.count) continue;
    computed += e.count;
    add(buckets.p, q.policyId, e);
    if (q.status === 'unspecified') {
      unspecified += e.count;
      continue;
    }
    if (q.window && !q.window.open) outsideWindow += e.count;
    if (e.fen.subsidy) add(buckets.f, q.funders.join('+') || 'none-named', e);
    add(buckets.c, q.appliedCategory!, e);
    add(buckets.m, q.mechanism ?? 'not-stated', e);
    add(tot, '', e);
  }
  const policyOf = (id: string) => registry.byId(id);
  return {
    rows: counts.rows,
    computed,
    errors: counts.errors,
    errorsByCode: counts.errorsByCode,
    unspecified,
    outsideWindow,
    totals: { individual: formatFen(tot.individual), subsidy: formatFen(tot.subsidy), dueAtPayment: formatFen(tot.due), reimbursedLater: formatFen(tot.later) },
    byPolicy: [...buckets.p].map(([k, b]) => ({
      policyId: k,
      county: policyOf(k)?.county.name ?? k,
      coverageYear: policyOf(k)?.coverageYear.year ?? 0,
      people: b.people,
      individual: formatFen(b.individual),
      subsidy: formatFen(b.subsidy),
      dueAtPayment: formatFen(b.due),
      reimbursedLater: formatFen(b.later),
    })),
    byFunder: [...buckets.f].map(([k, b]) => ({ funders: k, people: b.people, subsidy: formatFen(b.subsidy) })),
    byCategory: [...buckets.c].map(([k, b]) => ({ category: k, people: b.people, subsidy: formatFen(b.subsidy) })),
    byMechanism: [...buckets.m].map(([k, b]) => ({ mechanism: k, people: b.people, dueAtPayment: formatFen(b.due), reimbursedLater: formatFen(b.later) })),
    ...(groups
      ? {
          byGroup: {
            column: groups.column,
            ...(groups.targetsFrom ? { targetsFrom: groups.targetsFrom } : {}),
            groups: [...groups.map].map(([value, g]) => ({
              ...targetOf(groups.targets, value, g.computed),
              value,
              rows: g.rows,
              computed: g.computed,
              inWindow: g.inWindow,
              individual: formatFen(g.individual),
              subsidy: formatFen(g.subsidy),
              byFunder: Object.fromEntries([...g.byFunder].filter(([, v]) => v).map(([k, v]) => [k, formatFen(v)])),
            })),
          },
        }
      : {}),
    input,
    ...(output ? { output } : {}),
  };
}

/** A group's target and how much of it is enrolled (computed rows), as a percentage with one decimal. */
function targetOf(targets: Map<string, number> | undefined, value: string, enrolled: number): { target?: number; percent?: string } {
  const target = targets?.get(value);
  if (!target) return {};
  return { target, percent: `${((enrolled * 1000) / target / 10).toFixed(1)}%` };
}

/**
 * Township targets from the policies of a roster: a table of a policy with
 * id `township-targets` or `township-tasks` (Qinshui 附件, Lingchuan 附件1),
 * township → its last column (the number to enrol).
 */
export function policyTargets(policyIds: readonly string[], registry: PolicyRegistry = builtinRegistry): { map: Map<string, number>; from: string } | undefined {
  const map = new Map<string, number>();
  const from: string[] = [];
  for (const id of policyIds) {
    const p = registry.byId(id) as unknown as { tables?: Array<{ id: string; title: string; rows: Array<{ name: string; values: number[] }> }> } | undefined;
    const table = p?.tables?.find((t) => t.id === 'township-targets' || t.id === 'township-tasks');
    if (!table) continue;
    from.push(`${id}: ${table.title}`);
    for (const r of table.rows) map.set(r.name, r.values[r.values.length - 1]!);
  }
  return from.length ? { map, from: from.join('；') } : undefined;
}

const funderLabel = (k: string, lang: Lang) =>
  k === 'none-named' ? t(lang, '（通知未写明）', '(none named)') : funderNames(k.split('+') as FunderCode[], lang, ' + ');

/** The summary as text tables. */
export function formatSummary(s: RosterSummary, lang: Lang): string {
  const errs = Object.entries(s.errorsByCode).map(([c, n]) => [c, String(n)]);
  const inp = s.input;
  const parts = [
    `${t(lang, '编码', 'encoding')}: ${inp.encoding}   ${t(lang, '表头', 'header')}: ${t(lang, `第 ${inp.headerLine} 行`, `line ${inp.headerLine}`)}`,
    `${t(lang, '列', 'columns')}: ${inp.columns.map((c) => `${lang === 'zh' ? HEADERS[c.field][0] : c.field} ← ${c.column}`).join('  ')}`,
    inp.unusedColumns.length ? `${t(lang, '未使用的列', 'columns not used')}: ${inp.unusedColumns.join('、')}` : '',
    inp.idCheck ? '' : t(lang, '（--no-id-check：未检查身份证号，也未检查重复）', '(--no-id-check: ID numbers and duplicates were not checked)'),
    `\n${t(lang, '行数', 'rows')}: ${s.rows}   ${t(lang, '已计算', 'computed')}: ${s.computed}   ${t(lang, '错误', 'errors')}: ${s.errors}   ${t(lang, '资助未明确', 'unspecified')}: ${s.unspecified}   ${t(lang, '不在征缴期内', 'outside window')}: ${s.outsideWindow}`,
    errs.length ? `\n${table([t(lang, '错误代码', 'error code'), t(lang, '行数', 'rows')], errs, [false, true])}` : '',
    `\n${table(
      [t(lang, '政策', 'policy'), t(lang, '县', 'county'), t(lang, '待遇年度', 'year'), t(lang, '人数', 'people'), t(lang, '个人缴费合计', 'individual'), t(lang, '资助合计', 'subsidy'), t(lang, '缴费时应缴合计', 'due at payment')],
      s.byPolicy.map((p) => [p.policyId, p.county, String(p.coverageYear), String(p.people), p.individual, p.subsidy, p.dueAtPayment]),
      [false, false, false, true, true, true, true],
    )}`,
    `\n${table([t(lang, '资金来源', 'funder'), t(lang, '人数', 'people'), t(lang, '资助合计', 'subsidy')], s.byFunder.map((r) => [funderLabel(r.funders, lang), String(r.people), r.subsidy]), [false, true, true])}`,
    `\n${table([t(lang, '适用类别', 'category'), t(lang, '人数', 'people'), t(lang, '资助合计', 'subsidy')], s.byCategory.map((r) => [lang === 'zh' ? categoryName(r.category as CategoryCode, 'zh') : r.category, String(r.people), r.subsidy]), [false, true, true])}`,
    `\n${table([t(lang, '资助方式', 'mechanism'), t(lang, '人数', 'people'), t(lang, '缴费时应缴合计', 'due at payment'), t(lang, '事后补退合计', 'reimbursed later')], s.byMechanism.map((r) => [MECHANISM_NAMES[r.mechanism as MechanismCode]?.[lang] ?? (r.mechanism === 'not-stated' ? t(lang, '（通知未写明）', '(not stated)') : r.mechanism), String(r.people), r.dueAtPayment, r.reimbursedLater]), [false, true, true, true])}`,
    s.byGroup
      ? `\n${table(
          [s.byGroup.column, t(lang, '行数', 'rows'), t(lang, '已计算', 'computed'), t(lang, '征缴期内缴费', 'paid in window'), ...(s.byGroup.targetsFrom ? [t(lang, '目标', 'target'), t(lang, '完成率', 'done')] : []), t(lang, '个人缴费合计', 'individual'), t(lang, '资助合计', 'subsidy'), t(lang, '按资金来源', 'by funder')],
          s.byGroup.groups.map((g) => [
            g.value || t(lang, '（空）', '(empty)'),
            String(g.rows),
            String(g.computed),
            String(g.inWindow),
            ...(s.byGroup!.targetsFrom ? [g.target === undefined ? '—' : String(g.target), g.percent ?? '—'] : []),
            g.individual,
            g.subsidy,
            Object.entries(g.byFunder).map(([k, v]) => `${funderLabel(k, lang)} ${v}`).join('；'),
          ]),
          [false, true, true, true, ...(s.byGroup.targetsFrom ? [true, true] : []), true, true, false],
        )}${s.byGroup.targetsFrom ? `\n${t(lang, '目标来源', 'targets from')}: ${s.byGroup.targetsFrom}` : ''}`
      : '',
    `\n${t(lang, '合计', 'totals')}: ${t(lang, '个人缴费', 'individual')} ${s.totals.individual}  ${t(lang, '资助', 'subsidy')} ${s.totals.subsidy}  ${t(lang, '缴费时应缴', 'due at payment')} ${s.totals.dueAtPayment}  ${t(lang, '事后补退', 'reimbursed later')} ${s.totals.reimbursedLater}`,
    s.errors ? t(lang, `（${s.errors} 行有错误，未计入合计；请查看输出文件的“错误代码”列）`, `(${s.errors} rows with errors are not in the totals; see the "error code" column of the output)`) : '',
    s.output ? `${t(lang, '输出文件', 'output')}: ${s.output}` : '',
  ];
  return parts.filter(Boolean).join('\n');
}
