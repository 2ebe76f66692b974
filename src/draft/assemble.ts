/**
 * Findings → a policy in TODAY's model (src/schema.ts). This is the only
 * module that knows the model's shape: when the model changes (per-policy
 * categories, facts marked not stated or inferred), this mapping changes and
 * the finders do not.
 *
 * Where the model demands a value the notice does not state (a window, a
 * mechanism, the county's code), nothing is invented: the field is left out,
 * the draft does not validate, and the field is listed as "not stated".
 *
 * @module
 */
import type { PolicyInput } from '../schema.js';
import { HIGHEST_SINGLE_ASSUMED, ROUNDING_ASSUMED } from '../policies/assumptions.js';
import type { CategoryFindings, RuleFinding } from './categories.js';
import type { CountyFinding, DocumentFindings } from './header.js';
import type { DraftNote } from './types.js';
import type { TableFinding } from './tables.js';
import type { Cited } from './types.js';
import type { CalendarFindings } from './window.js';

/** Everything the finders found. */
export interface Findings {
  document: DocumentFindings;
  county?: CountyFinding;
  standard?: { value: string; cite: { clause: string; quote: string } };
  calendar: CalendarFindings;
  categories: CategoryFindings;
  tables: Array<Cited<TableFinding>>;
}

/** A draft in today's model, possibly incomplete, and what it lacks. */
export interface Assembled {
  policy: Partial<PolicyInput> & Record<string, unknown>;
  notStated: DraftNote[];
  unrepresentable: DraftNote[];
}

const ns = (field: string, zh: string, en: string): DraftNote => ({ field, zh: `通知未写明：${zh}`, en: `not stated: ${en}` });

function ruleOf(r: RuleFinding, notStated: DraftNote[], unrep: DraftNote[], i: number, phases: Set<string>): Record<string, unknown> | undefined {
  const k = r.rule;
  let subsidy: Record<string, unknown>;
  if (k.kind === 'tiers') {
    unrep.push({
      field: `categories[${r.names[0]}]`,
      zh: `“${r.names[0]}”按细类分档资助（${k.tiers.map((t) => `${t.name} ${t.amount} 元`).join('；') || '档次未写明'}），现行政策模型无法表示：未写入草稿`,
      en: `${r.names[0]} is subsidised in tiers (${k.tiers.map((t) => `${t.name}: ${t.amount}`).join('; ') || 'tiers not stated'}); today's model cannot hold tiers: left out of the draft`,
      cite: r.cite,
    });
    return undefined;
  }
  if (k.kind === 'percentage') subsidy = { kind: 'percentage', rate: k.rate, ...(k.floor ? { floor: k.floor } : {}), cite: r.cite };
  else if (k.kind === 'fixed') subsidy = { kind: 'fixed', amount: k.amount, cite: r.cite };
  else subsidy = { kind: k.kind, cite: r.cite };
  const subsidised = k.kind !== 'none' && k.kind !== 'unspecified';
  if (subsidised && !r.mechanism) notStated.push({ ...ns(`categories[${i}].mechanism`, `“${r.names[0]}”的资助方式`, `how the subsidy of ${r.names[0]} reaches the contribution`), cite: r.cite });
  const stated: Record<string, unknown> = {};
  if (r.stated.subsidy && k.kind !== 'unspecified') stated.subsidy = { amount: r.stated.subsidy.value, cite: r.stated.subsidy.cite };
  if (r.stated.individual && k.kind !== 'unspecified') stated.individual = { amount: r.stated.individual.value, cite: r.stated.individual.cite };
  return {
    categories: r.codes,
    names: r.names,
    subsidy,
    funders: subsidised ? r.funders : [],
    ...(subsidised && r.mechanism ? { mechanism: r.mechanism } : {}),
    ...(r.mechanismVariants.length && r.variantBefore ? { mechanismVariants: r.mechanismVariants.map((v) => ({ paidBefore: r.variantBefore!, kind: v.kind, cite: v.cite })) } : {}),
    ...(r.preconditions.length ? { preconditions: r.preconditions.filter((c) => c.kind !== 'paid-within-phase' || phases.has(c.phase)) } : {}),
    ...(r.exclusions && !r.codes.includes('ordinary') ? { exclusions: r.exclusions } : {}),
    ...(Object.keys(stated).length ? { stated } : {}),
  };
}

/** Maps findings to today's policy model. */
export function assemble(f: Findings): Assembled {
  const notStated: DraftNote[] = [];
  const unrep: DraftNote[] = [];
  const p: Record<string, unknown> = {};
  const cal = f.calendar;
  if (f.county && cal.coverageYear) p.id = `${f.county.pinyin}-${cal.coverageYear.value}`;
  if (f.county) p.county = f.county;
  else notStated.push(ns('county', '县名（或不在区划表中、或有多个读法）', 'the county (or it is not in the division table, or reads two ways)'));

  const d = f.document;
  // What was found is kept even when the rest is missing: the reviewer completes it.
  if (d.number || d.title || d.issuer || d.issuedOn) {
    const cite = (d.number ?? d.title ?? d.issuer ?? d.issuedOn)!.cite;
    p.document = {
      ...(d.number ? { number: d.number.value } : {}),
      ...(d.title ? { title: d.title.value.replace(/\s+/g, '') } : {}),
      ...(d.issuer ? { issuer: d.issuer.value } : {}),
      ...(d.issuedOn ? { issuedOn: d.issuedOn.value } : {}),
      cite,
    };
  }
  for (const [k, zh] of [['number', '文号'], ['title', '标题'], ['issuer', '发文机关'], ['issuedOn', '成文日期']] as const)
    if (!d[k]) notStated.push(ns(`document.${k}`, zh, k));
  if (cal.coverageYear) p.coverageYear = { year: cal.coverageYear.value, cite: cal.coverageYear.cite };
  else notStated.push(ns('coverageYear', '待遇年度', 'the coverage year'));
  if (cal.collectionYear) p.collectionYear = { year: cal.collectionYear.value, cite: cal.collectionYear.cite };
  else notStated.push(ns('collectionYear', '征缴年度', 'the collection year'));
  if (cal.coverage) p.coverage = { start: cal.coverage.value.start, end: cal.coverage.value.end, cite: cal.coverage.cite };
  else notStated.push(ns('coverage', '待遇享受期', 'the coverage period'));

  const collection: Record<string, unknown> = {
    suspensions: cal.suspensions.map((s) => ({ ...s.value, cite: s.cite })),
    phases: cal.phases.map((x) => ({ ...x.value, cite: x.cite })),
    deadlines: cal.deadlines.map((x) => ({ ...x.value, cite: x.cite })),
    specialWindows: cal.newborn ? [{ kind: 'newborn', withinMonthsOfBirth: cal.newborn.value, coverage: 'current-year', cite: cal.newborn.cite }] : [],
  };
  if (cal.start) collection.start = { date: cal.start.value, cite: cal.start.cite };
  else notStated.push(ns('collection.start', '征缴期开始日期', 'the first day of the collection window'));
  if (cal.end) collection.end = { date: cal.end.value, cite: cal.end.cite };
  else notStated.push(ns('collection.end', '征缴期截止日期', 'the last day of the collection window'));
  if (cal.daysOfMonth) collection.daysOfMonth = { ...cal.daysOfMonth.value, cite: cal.daysOfMonth.cite };
  if (cal.holidayRule) collection.holidayRule = { extendsOnHoliday: cal.holidayRule.value, cite: cal.holidayRule.cite };
  for (const e of cal.extensions)
    unrep.push({
      field: 'collection.extensions',
      zh: `${e.value.who}可延长至 ${e.value.until}：现行政策模型没有按人群延长征缴期的字段`,
      en: `${e.value.who}: extended to ${e.value.until}; today's model has no field for a window extended for a group`,
      cite: e.cite,
    });
  p.collection = collection;

  if (f.standard) p.standard = { amount: f.standard.value, cite: f.standard.cite };
  else notStated.push(ns('standard', '个人缴费标准', 'the individual contribution'));

  const cats = f.categories;
  p.groups = cats.groups.map((g) => ({ name: g.name, members: g.members, cite: g.cite }));
  const rules: Record<string, unknown>[] = [];
  cats.rules.forEach((r) => {
    if (r.unmapped.length)
      unrep.push({
        field: 'categories',
        zh: `“${r.unmapped.join('、')}”不在现行类别代码中（${describeRule(r).zh}）：未写入草稿`,
        en: `${r.unmapped.join(', ')}: no code in today's vocabulary (${describeRule(r).en}); left out of the draft`,
        cite: r.cite,
      });
    if (!r.codes.length) return;
    const x = ruleOf(r, notStated, unrep, rules.length, new Set(cal.phases.map((ph) => ph.value.id)));
    if (x) rules.push(x);
  });
  p.categories = rules;
  p.otherCategories = cats.othersDeferred ? { status: 'unspecified', cite: cats.othersDeferred } : { status: 'silent' };
  if (cal.proofOfPayment) p.proofOfPayment = { workingDays: cal.proofOfPayment.value, cite: cal.proofOfPayment.cite };
  p.channels = [];
  p.targets = [];
  p.figures = [];
  p.tables = f.tables.map((t) => ({ ...t.value, cite: t.cite }));
  p.rounding = ROUNDING_ASSUMED;
  p.combination = HIGHEST_SINGLE_ASSUMED;
  return { policy: p as Assembled['policy'], notStated, unrepresentable: unrep };
}

/** A rule in words, for notes. */
export function describeRule(r: RuleFinding): { zh: string; en: string } {
  const k = r.rule;
  switch (k.kind) {
    case 'full':
      return { zh: '全额资助', en: 'full subsidy' };
    case 'none':
      return { zh: '不资助', en: 'no subsidy' };
    case 'unspecified':
      return { zh: '按原政策执行（未写明数额）', en: 'deferred to earlier policy (no figure)' };
    case 'fixed':
      return { zh: `定额 ${k.amount} 元`, en: `fixed ${k.amount}` };
    case 'percentage':
      return { zh: `按标准 ${k.rate} 的比例${k.floor ? `，不低于 ${k.floor} 元` : ''}`, en: `${k.rate} of the standard${k.floor ? `, at least ${k.floor}` : ''}` };
    case 'tiers':
      return { zh: `分档：${k.tiers.map((t) => `${t.name} ${t.amount}`).join('；')}`, en: `tiers: ${k.tiers.map((t) => `${t.name} ${t.amount}`).join('; ')}` };
  }
}
