/**
 * Findings → a policy in the open model (src/schema.ts, issue 9). This is the
 * only module that knows the model's shape: the finders do not.
 *
 * Nothing is invented. A fact the notice does not state is left out (the
 * model's "not stated") and listed; a value derived rather than read carries
 * `inferred: { reasoning, basis }` instead of a citation; names the shared
 * vocabulary has no code for become the policy's own `categoryDefinitions`
 * (tiers as classes of their category), "财政" without a level a funder of
 * level `not-stated`, "A或B" funders `funding: 'one-of'`, a window extended for
 * named people a `specialWindows` extension.
 *
 * @module
 */
import { pinyin } from 'pinyin-pro';
import type { PolicyInput } from '../schema.js';
import { HIGHEST_SINGLE_ASSUMED, ROUNDING_ASSUMED } from '../policies/assumptions.js';
import type { CategoryFindings, RuleFinding } from './categories.js';
import type { CountyFinding, DocumentFindings } from './header.js';
import { categoryOf } from './lexicon.js';
import type { DraftNote } from './types.js';
import type { TableFinding } from './tables.js';
import type { Cited } from './types.js';
import type { CalendarFindings } from './window.js';

/** Everything the finders found. */
export interface Findings {
  document: DocumentFindings;
  county?: CountyFinding;
  standard?: Cited<string>;
  calendar: CalendarFindings;
  categories: CategoryFindings;
  tables: Array<Cited<TableFinding>>;
}

/** A draft in the policy model, possibly incomplete, and what it lacks. */
export interface Assembled {
  policy: Partial<PolicyInput> & Record<string, unknown>;
  notStated: DraftNote[];
  inferences: DraftNote[];
  unrepresentable: DraftNote[];
}

type Cite = { clause: string; quote: string };
const ns = (field: string, zh: string, en: string): DraftNote => ({ field, zh: `通知未写明：${zh}`, en: `not stated: ${en}` });

/** A finding's source: its citation, or, where it was derived, the inference with the quote it rests on. */
function sourceOf(c: { cite: Cite; inferred?: string }): { cite: Cite } | { inferred: { reasoning: string; basis: Cite[] } } {
  return c.inferred ? { inferred: { reasoning: c.inferred, basis: [c.cite] } } : { cite: c.cite };
}

/**
 * A stable id for a name the notice uses: its pinyin initials ("见义勇为者" → "jyywz").
 *
 * @example
 * ```ts
 * ownId('见义勇为者', new Set()) // 'jyywz'
 * ```
 */
export function ownId(name: string, taken: Set<string>): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 24);
  const base = /^[a-z]/.test(initials) ? initials : `c${initials}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/** The policy's own categories, by the name the notice uses. */
class OwnCategories {
  readonly definitions: Array<Record<string, unknown>> = [];
  private readonly byName = new Map<string, string>();
  private readonly taken = new Set<string>();
  id(name: string, extra: Record<string, unknown> = {}): string {
    let id = this.byName.get(name);
    if (!id) {
      id = ownId(name, this.taken);
      this.byName.set(name, id);
      this.definitions.push({ id, names: [name], ...extra });
    }
    return id;
  }
}

function ruleOf(r: RuleFinding, categories: string[], names: string[], subsidy: Record<string, unknown>, notStated: DraftNote[], inferences: DraftNote[], phases: Set<string>): Record<string, unknown> {
  const k = subsidy.kind as string;
  const subsidised = k !== 'none' && k !== 'unspecified';
  if (subsidised && r.mechanism?.inferred)
    inferences.push({ field: `categories[${names[0]}].mechanism`, zh: r.mechanism.inferred.split(' / ')[0]!, en: r.mechanism.inferred.split(' / ')[1]!, cite: r.mechanism.cite });
  if (subsidised && !r.mechanism) notStated.push({ ...ns(`categories[${names[0]}].mechanism`, `“${names[0]}”的资助方式`, `how the subsidy of ${names[0]} reaches the contribution`), cite: r.cite });
  if (subsidised && !r.funders.length) notStated.push({ ...ns(`categories[${names[0]}].funders`, `“${names[0]}”的资金来源`, `who funds the subsidy of ${names[0]}`), cite: r.cite });
  const stated: Record<string, unknown> = {};
  if (r.rule.kind !== 'tiers') {
    if (r.stated.subsidy && k !== 'unspecified') stated.subsidy = { amount: r.stated.subsidy.value, cite: r.stated.subsidy.cite };
    if (r.stated.individual && k !== 'unspecified') stated.individual = { amount: r.stated.individual.value, cite: r.stated.individual.cite };
  }
  return {
    categories,
    names,
    subsidy,
    funders: subsidised ? r.funders : [],
    ...(subsidised && r.funding && r.funders.length > 1 ? { funding: r.funding } : {}),
    ...(subsidised && r.mechanism ? { mechanism: { kind: r.mechanism.kind, ...sourceOf(r.mechanism) } } : {}),
    ...(r.mechanismVariants.length && r.variantBefore
      ? {
          mechanismVariants: r.mechanismVariants.map((v) => ({
            paidBefore: r.variantBefore!,
            kind: v.kind,
            cite: v.cite,
            inferred: { reasoning: `“已缴费的”理解为通知成文日 ${r.variantBefore} 之前缴费的 / "those who have paid" read as those who paid before the notice's date, ${r.variantBefore}`, basis: [v.cite] },
          })),
        }
      : {}),
    ...(r.preconditions.length ? { preconditions: r.preconditions.filter((c) => c.kind !== 'paid-within-phase' || phases.has(c.phase)) } : {}),
    ...(r.exclusions && !r.codes.includes('ordinary') ? { exclusions: r.exclusions } : {}),
    ...(Object.keys(stated).length ? { stated } : {}),
  };
}

function subsidyOf(r: RuleFinding): Record<string, unknown> {
  const k = r.rule;
  if (k.kind === 'percentage') return { kind: 'percentage', rate: k.rate, ...(k.floor ? { floor: k.floor } : {}), ...(k.cap ? { cap: k.cap } : {}), cite: r.cite };
  if (k.kind === 'fixed') return { kind: 'fixed', amount: k.amount, cite: r.cite };
  return { kind: k.kind, cite: r.cite };
}

/** Maps findings to the policy model. */
export function assemble(f: Findings): Assembled {
  const notStated: DraftNote[] = [];
  const inferences: DraftNote[] = [];
  const unrep: DraftNote[] = [];
  const own = new OwnCategories();
  const p: Record<string, unknown> = {};
  const cal = f.calendar;
  if (f.county && cal.coverageYear) p.id = `${f.county.pinyin}-${cal.coverageYear.value}`;
  if (f.county) p.county = f.county;
  else notStated.push(ns('county', '县名（或不在区划表中、或有多个读法）', 'the county (or it is not in the division table, or reads two ways)'));

  const d = f.document;
  // What was found is kept even when the rest is missing: the reviewer completes it.
  if (d.number || d.title || d.issuer || d.issuedOn) {
    const head = d.number ?? d.title;
    p.document = {
      ...(d.number ? { number: d.number.value } : {}),
      ...(d.title ? { title: d.title.value.replace(/\s+/g, '') } : {}),
      ...(d.issuer ? { issuer: d.issuer.value } : {}),
      ...(d.issuedOn ? { issuedOn: d.issuedOn.value, issuedOnCite: d.issuedOn.cite } : {}),
      ...(head ? { cite: head.cite } : {}),
    };
  }
  for (const [k, zh] of [['number', '文号'], ['title', '标题'], ['issuer', '发文机关'], ['issuedOn', '成文日期']] as const)
    if (!d[k]) notStated.push(ns(`document.${k}`, zh, k));
  if (cal.coverageYear) p.coverageYear = { year: cal.coverageYear.value, ...sourceOf(cal.coverageYear) };
  else notStated.push(ns('coverageYear', '待遇年度', 'the coverage year'));
  if (cal.collectionYear) p.collectionYear = { year: cal.collectionYear.value, ...sourceOf(cal.collectionYear) };
  else notStated.push(ns('collectionYear', '征缴年度', 'the collection year'));
  if (cal.coverage) p.coverage = { start: cal.coverage.value.start, end: cal.coverage.value.end, ...sourceOf(cal.coverage) };
  else if (cal.coverageYear && new RegExp(`${cal.coverageYear.value}\\s*年度`).test(cal.coverageYear.cite.quote)) {
    // "2023年度" and no dates: the calendar year, as an inference with the sentence it rests on.
    const y = cal.coverageYear.value;
    const reasoning = `通知未写明待遇享受期，由“${y}年度”推断为 ${y}-01-01 至 ${y}-12-31 / the notice states no coverage dates; read from "${y}年度" as ${y}-01-01 to ${y}-12-31`;
    p.coverage = { start: `${y}-01-01`, end: `${y}-12-31`, inferred: { reasoning, basis: [cal.coverageYear.cite] } };
    inferences.push({ field: 'coverage', zh: reasoning.split(' / ')[0]!, en: reasoning.split(' / ')[1]!, cite: cal.coverageYear.cite });
  } else notStated.push(ns('coverage', '待遇享受期', 'the coverage period'));

  if (cal.start && cal.end) {
    const specialWindows: Array<Record<string, unknown>> = cal.newborn ? [{ kind: 'newborn', withinMonthsOfBirth: cal.newborn.value, coverage: 'current-year', cite: cal.newborn.cite }] : [];
    for (const e of cal.extensions) {
      if (!(e.value.until > cal.end.value)) {
        unrep.push({ field: 'collection.specialWindows', zh: `${e.value.who}可延长至 ${e.value.until}：不晚于征缴期截止日，未写入草稿`, en: `${e.value.who}: extended to ${e.value.until}, not after the window's end; left out`, cite: e.cite });
        continue;
      }
      // "外出务工及其他特殊人员": each name a category of the notice's own unless the vocabulary knows it.
      const who = e.value.who.replace(/^(对|对于)/, '').split(/及|和|、/).filter(Boolean);
      const categories = who.map((n) => categoryOf(n) ?? own.id(n, { cite: e.cite }));
      specialWindows.push({ kind: 'extension', categories: [...new Set(categories)], until: e.value.until, cite: e.cite });
      if (e.inferred) inferences.push({ field: `collection.specialWindows[${e.value.until}]`, zh: e.inferred.split(' / ')[0]!, en: e.inferred.split(' / ').slice(1).join(' / ') || e.inferred, cite: e.cite });
    }
    const collection: Record<string, unknown> = {
      start: { date: cal.start.value, ...sourceOf(cal.start) },
      end: { date: cal.end.value, ...sourceOf(cal.end) },
      suspensions: cal.suspensions.map((s) => ({ ...s.value, cite: s.cite })),
      phases: cal.phases.map((x) => ({ ...x.value, cite: x.cite })),
      deadlines: cal.deadlines.map((x) => ({ ...x.value, cite: x.cite })),
      specialWindows,
    };
    if (cal.daysOfMonth) collection.daysOfMonth = { ...cal.daysOfMonth.value, cite: cal.daysOfMonth.cite };
    if (cal.holidayRule) collection.holidayRule = { extendsOnHoliday: cal.holidayRule.value, cite: cal.holidayRule.cite };
    p.collection = collection;
  } else {
    // Without both ends there is no window: the model's "not stated" (quotes give window.open null).
    if (!cal.start) notStated.push(ns('collection.start', '征缴期开始日期', 'the first day of the collection window'));
    if (!cal.end) notStated.push(ns('collection.end', '征缴期截止日期', 'the last day of the collection window'));
    const partial = [cal.start, cal.end, ...cal.phases, ...cal.suspensions, ...cal.deadlines, ...cal.extensions, cal.newborn, cal.daysOfMonth, cal.holidayRule].filter((x) => x !== undefined) as Array<{ cite: Cite }>;
    for (const x of partial)
      unrep.push({ field: 'collection', zh: '征缴期起止未全部写明，此项窗口信息未写入草稿（请审核人补全征缴期）', en: 'the window has no stated start and end; this part of it is left out (the reviewer completes the window)', cite: x.cite });
  }

  if (f.standard) p.standard = { amount: f.standard.value, ...sourceOf(f.standard) };
  else notStated.push(ns('standard', '个人缴费标准', 'the individual contribution'));

  const cats = f.categories;
  p.groups = cats.groups.map((g) => ({ name: g.name, members: g.members, cite: g.cite }));
  const rules: Record<string, unknown>[] = [];
  const phases = new Set(cal.phases.map((ph) => ph.value.id));
  for (const r of cats.rules) {
    const ownIds = r.unmapped.map((n) => own.id(n));
    if (r.rule.kind === 'tiers') {
      const parent = r.codes.length === 1 && !ownIds.length ? r.codes[0]! : undefined;
      if (!r.rule.tiers.length || !parent) {
        unrep.push({
          field: `categories[${r.names[0]}]`,
          zh: `“${r.names[0]}”按细类分档资助，${r.rule.tiers.length ? '所属类别不止一个' : '档次未写明'}：未写入草稿`,
          en: `${r.names[0]} is subsidised in tiers; ${r.rule.tiers.length ? 'they belong to more than one category' : 'the tiers are not stated'}: left out of the draft`,
          cite: r.cite,
        });
        continue;
      }
      // Each tier a class of its category, with its own fixed amount.
      for (const t of r.rule.tiers) {
        // "农村一、二类低保和城市低保全额保障对象": the two names the notice joins, each accepted.
        const parts = t.name.split('和').filter((x) => x.length >= 2);
        const names = parts.length > 1 ? parts : [t.name];
        const id = own.id(names[0]!, { ...(parts.length > 1 ? { names, name: { zh: t.name, en: t.name } } : {}), classOf: parent, standardCode: parent });
        rules.push(ruleOf(r, [id], names, { kind: 'fixed', amount: t.amount, cite: r.cite }, notStated, inferences, phases));
      }
      continue;
    }
    const categories = [...r.codes, ...ownIds];
    if (!categories.length) continue;
    rules.push(ruleOf(r, categories, r.names, subsidyOf(r), notStated, inferences, phases));
  }
  p.categories = rules;
  if (own.definitions.length) p.categoryDefinitions = own.definitions;
  const financeRef = cats.rules.flatMap((r) => r.funders).find((x) => x.funder === 'finance');
  if (financeRef)
    p.funderDefinitions = [{ id: 'finance', name: { zh: '财政（未写明层级）', en: 'public finance (level not stated)' }, level: 'not-stated', cite: financeRef.cite }];
  p.otherCategories = cats.othersDeferred ? { status: 'unspecified', cite: cats.othersDeferred } : { status: 'silent' };
  if (cal.proofOfPayment) p.proofOfPayment = { workingDays: cal.proofOfPayment.value, cite: cal.proofOfPayment.cite };
  else notStated.push(ns('proofOfPayment', '缴费证明何时可打印', 'when proof of payment is available'));
  p.channels = [];
  p.targets = [];
  p.figures = [];
  p.tables = f.tables.map((t) => ({ ...t.value, cite: t.cite }));
  p.rounding = ROUNDING_ASSUMED;
  p.combination = HIGHEST_SINGLE_ASSUMED;
  // Facts the draft did not find, recorded in the policy as not stated ("not found by the draft": the reviewer confirms).
  const facts = new Set(['document.number', 'document.issuer', 'document.issuedOn', 'collectionYear', 'coverage', 'standard', 'proofOfPayment']);
  const absent = notStated.filter((n) => facts.has(n.field)).map((n) => ({ fact: n.field, note: '起草时未在通知中找到 / not found in the notice by the draft' }));
  if (!p.collection) absent.push({ fact: 'collection', note: '起草时未找到征缴期起止日期 / the draft found no start and end of the window' });
  if (absent.length) p.notStated = absent;
  return { policy: p as Assembled['policy'], notStated, inferences, unrepresentable: unrep };
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
