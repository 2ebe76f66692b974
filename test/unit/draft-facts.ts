/**
 * Field-by-field facts of a policy, for comparing a draft with a hand-written
 * policy: each fact has a key, a value, its kind (figure, date, category,
 * funder, mechanism, window) and the clause it is cited from.
 */
import type { Draft } from '../../src/draft/index.js';
import { CATEGORY_CODES } from '../../src/vocabulary.js';

export type FactKind = 'figure' | 'date' | 'category' | 'funder' | 'mechanism' | 'window' | 'document';
export interface Fact {
  key: string;
  value: string;
  kind: FactKind;
  clause?: string;
}

type Cite = { clause: string; quote: string };
type AnyPolicy = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The facts of a policy object in the open model (hand-written or drafted).
 * A shared category code is keyed `cat.<code>`; a notice's own category by the
 * first name the notice uses for it, `name.<name>` (ids are the author's choice).
 */
export function policyFacts(p: AnyPolicy): Fact[] {
  const out: Fact[] = [];
  const add = (key: string, value: unknown, kind: FactKind, cite?: Cite) => {
    if (value === undefined || value === null) return;
    out.push({ key, value: String(value), kind, ...(cite ? { clause: cite.clause } : {}) });
  };
  const defs = new Map<string, { names: string[] }>((p.categoryDefinitions ?? []).map((d: { id: string; names: string[] }) => [d.id, d]));
  const keyOf = (id: string) => ((CATEGORY_CODES as readonly string[]).includes(id) || !defs.get(id)?.names.length ? `cat.${id}` : `name.${defs.get(id)!.names[0]}`);
  const ids = (xs: string[]) => xs.map(keyOf).sort().join(',');
  add('county.code', p.county?.code, 'document', p.county?.cite);
  add('document.number', p.document?.number, 'document', p.document?.cite);
  add('document.issuedOn', p.document?.issuedOn, 'date', p.document?.issuedOnCite ?? p.document?.cite);
  add('coverageYear', p.coverageYear?.year, 'date', p.coverageYear?.cite);
  add('collectionYear', p.collectionYear?.year, 'date', p.collectionYear?.cite);
  add('coverage.start', p.coverage?.start, 'date', p.coverage?.cite);
  add('coverage.end', p.coverage?.end, 'date', p.coverage?.cite);
  add('standard', p.standard?.amount, 'figure', p.standard?.cite);
  const c = p.collection ?? {};
  add('collection.start', c.start?.date, 'date', c.start?.cite);
  add('collection.end', c.end?.date, 'date', c.end?.cite);
  if (c.daysOfMonth) add('collection.daysOfMonth', `${c.daysOfMonth.from}-${c.daysOfMonth.to}`, 'window', c.daysOfMonth.cite);
  if (c.holidayRule) add('collection.holidayRule', c.holidayRule.extendsOnHoliday, 'window', c.holidayRule.cite);
  for (const ph of c.phases ?? []) {
    add(`phase.${ph.id}.start`, ph.start, 'date', ph.cite);
    add(`phase.${ph.id}.end`, ph.end, 'date', ph.cite);
  }
  for (const s of c.suspensions ?? []) add(`suspension.${s.from}`, s.resumesOn, 'date', s.cite);
  for (const d of c.deadlines ?? []) add(`deadline.${d.date}`, d.categories ? ids(d.categories) : 'everyone', 'date', d.cite);
  for (const w of c.specialWindows ?? []) {
    if (w.kind === 'extension') add(`extension.${w.until}`, ids(w.categories), 'date', w.cite);
    else add(`specialWindow.${w.kind}`, w.withinMonthsOfBirth, 'window', w.cite);
  }
  if (p.proofOfPayment) add('proofOfPayment.workingDays', p.proofOfPayment.workingDays, 'window', p.proofOfPayment.cite);
  for (const g of p.groups ?? []) add(`group.${g.name}`, ids(g.members), 'category', g.cite);
  if (p.otherCategories) add('otherCategories', p.otherCategories.status, 'category', p.otherCategories.cite);
  for (const r of p.categories ?? []) {
    for (const code of r.categories) {
      const k = keyOf(code);
      const s = r.subsidy;
      add(`${k}.kind`, s.kind, 'category', s.cite);
      if (s.rate) add(`${k}.rate`, s.rate, 'figure', s.cite);
      if (s.floor) add(`${k}.floor`, s.floor, 'figure', s.cite);
      if (s.cap) add(`${k}.cap`, s.cap, 'figure', s.cite);
      if (s.amount) add(`${k}.amount`, s.amount, 'figure', s.cite);
      if (r.stated?.subsidy) add(`${k}.stated.subsidy`, r.stated.subsidy.amount, 'figure', r.stated.subsidy.cite);
      if (r.stated?.individual) add(`${k}.stated.individual`, r.stated.individual.amount, 'figure', r.stated.individual.cite);
      if (r.funders?.length) {
        add(`${k}.funders`, r.funders.map((f: { funder: string; role: string }) => `${f.funder}:${f.role}`).sort().join(','), 'funder', r.funders[0].cite);
        add(`${k}.funding`, r.funding ?? 'all-of', 'funder', r.funders[0].cite);
      }
      if (r.mechanism) add(`${k}.mechanism`, r.mechanism.kind, 'mechanism', r.mechanism.cite);
      for (const v of r.mechanismVariants ?? []) add(`${k}.variant`, `${v.kind}<${v.paidBefore}`, 'mechanism', v.cite);
      if (r.exclusions) add(`${k}.exclusions`, ids(r.exclusions.categories), 'category', r.exclusions.cite);
      for (const pc of r.preconditions ?? []) add(`${k}.precondition.${pc.kind}`, pc.phase ?? true, 'category', pc.cite);
    }
  }
  for (const t of p.tables ?? []) {
    for (const r of t.rows) add(`table.${t.id}.${r.name}`, r.values.join(','), 'figure', t.cite);
    add(`table.${t.id}.total`, t.total.join(','), 'figure', t.cite);
  }
  return out;
}

/** A draft's facts: everything it drafts is in its policy now (own categories, tiers, extensions). */
export function draftFacts(d: Draft): Fact[] {
  return policyFacts(d.policy);
}

export interface Score {
  tp: number;
  drafted: number;
  expected: number;
  precision: number;
  recall: number;
  wrong: string[];
  missed: string[];
  clauseAgree: number;
}

/** Compares drafted facts with expected ones, for the given kinds. */
export function score(drafted: Fact[], expected: Fact[], kinds?: FactKind[]): Score {
  const pick = (fs: Fact[]) => (kinds ? fs.filter((f) => kinds.includes(f.kind)) : fs);
  const d = pick(drafted);
  const e = pick(expected);
  const exp = new Map(e.map((f) => [f.key, f]));
  const got = new Map(d.map((f) => [f.key, f]));
  let tp = 0;
  let clauses = 0;
  const wrong: string[] = [];
  for (const f of d) {
    const x = exp.get(f.key);
    if (x && x.value === f.value) {
      tp++;
      if (x.clause && f.clause && x.clause.replace(/\s/g, '') === f.clause.replace(/\s/g, '')) clauses++;
    } else wrong.push(`${f.key}=${f.value}${x ? ` (expected ${x.value})` : ' (not in the reference)'}`);
  }
  const missed = e.filter((f) => got.get(f.key)?.value !== f.value).map((f) => `${f.key}=${f.value}`);
  return {
    tp,
    drafted: d.length,
    expected: e.length,
    precision: d.length ? tp / d.length : 1,
    recall: e.length ? tp / e.length : 1,
    wrong,
    missed,
    clauseAgree: tp ? clauses / tp : 1,
  };
}

/**
 * Keys a draft's own categories like the reference where the reference gives the
 * same name of the notice to shared codes: a drafted `name.农村易返贫致贫人口.amount`
 * is compared with the reference's `cat.unstable-out-of-poverty.amount` and
 * `cat.marginal-at-risk.amount` when the reference's rule for those codes uses
 * that name. The value must still agree.
 */
export function alignNames(drafted: Fact[], reference: AnyPolicy): Fact[] {
  const byName = new Map<string, string[]>();
  for (const r of reference.categories ?? [])
    for (const n of r.names ?? []) {
      const codes = (r.categories as string[]).filter((c) => (CATEGORY_CODES as readonly string[]).includes(c));
      if (codes.length === r.categories.length) byName.set(n, codes);
    }
  return drafted.flatMap((f) => {
    const m = /^name\.(.+?)\.(kind|rate|floor|cap|amount|stated\.subsidy|stated\.individual|funders|funding|mechanism|exclusions)$/.exec(f.key);
    const codes = m && byName.get(m[1]!);
    return codes ? codes.map((c) => ({ ...f, key: `cat.${c}.${m[2]}` })) : [f];
  });
}
