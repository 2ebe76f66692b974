/**
 * Field-by-field facts of a policy, for comparing a draft with a hand-written
 * policy: each fact has a key, a value, its kind (figure, date, category,
 * funder, mechanism, window) and the clause it is cited from.
 */
import type { Draft } from '../../src/draft/index.js';

export type FactKind = 'figure' | 'date' | 'category' | 'funder' | 'mechanism' | 'window' | 'document';
export interface Fact {
  key: string;
  value: string;
  kind: FactKind;
  clause?: string;
}

type Cite = { clause: string; quote: string };
type AnyPolicy = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The facts of a policy object in today's model (hand-written or drafted). */
export function policyFacts(p: AnyPolicy): Fact[] {
  const out: Fact[] = [];
  const add = (key: string, value: unknown, kind: FactKind, cite?: Cite) => {
    if (value === undefined || value === null) return;
    out.push({ key, value: String(value), kind, ...(cite ? { clause: cite.clause } : {}) });
  };
  add('county.code', p.county?.code, 'document', p.county?.cite);
  add('document.number', p.document?.number, 'document', p.document?.cite);
  add('document.issuedOn', p.document?.issuedOn, 'date', p.document?.cite);
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
  for (const d of c.deadlines ?? []) add(`deadline.${d.date}`, (d.categories ?? ['everyone']).slice().sort().join(','), 'date', d.cite);
  for (const w of c.specialWindows ?? []) add(`specialWindow.${w.kind}`, w.withinMonthsOfBirth, 'window', w.cite);
  if (p.proofOfPayment) add('proofOfPayment.workingDays', p.proofOfPayment.workingDays, 'window', p.proofOfPayment.cite);
  for (const g of p.groups ?? []) add(`group.${g.name}`, g.members.slice().sort().join(','), 'category', g.cite);
  if (p.otherCategories) add('otherCategories', p.otherCategories.status, 'category', p.otherCategories.cite);
  for (const r of p.categories ?? []) {
    for (const code of r.categories) {
      const k = `cat.${code}`;
      const s = r.subsidy;
      add(`${k}.kind`, s.kind, 'category', s.cite);
      if (s.rate) add(`${k}.rate`, s.rate, 'figure', s.cite);
      if (s.floor) add(`${k}.floor`, s.floor, 'figure', s.cite);
      if (s.amount) add(`${k}.amount`, s.amount, 'figure', s.cite);
      if (r.stated?.subsidy) add(`${k}.stated.subsidy`, r.stated.subsidy.amount, 'figure', r.stated.subsidy.cite);
      if (r.stated?.individual) add(`${k}.stated.individual`, r.stated.individual.amount, 'figure', r.stated.individual.cite);
      if (r.funders?.length)
        add(`${k}.funders`, r.funders.map((f: { funder: string; role: string }) => `${f.funder}:${f.role}`).sort().join(','), 'funder', r.funders[0].cite);
      if (r.mechanism) add(`${k}.mechanism`, r.mechanism.kind, 'mechanism', r.mechanism.cite);
      for (const v of r.mechanismVariants ?? []) add(`${k}.variant`, `${v.kind}<${v.paidBefore}`, 'mechanism', v.cite);
      if (r.exclusions) add(`${k}.exclusions`, r.exclusions.categories.slice().sort().join(','), 'category', r.exclusions.cite);
      for (const pc of r.preconditions ?? []) add(`${k}.precondition.${pc.kind}`, pc.phase ?? true, 'category', pc.cite);
    }
  }
  for (const t of p.tables ?? []) {
    for (const r of t.rows) add(`table.${t.id}.${r.name}`, r.values.join(','), 'figure', t.cite);
    add(`table.${t.id}.total`, t.total.join(','), 'figure', t.cite);
  }
  return out;
}

/** A draft's facts: its policy's, and what the notice states that today's model cannot hold. */
export function draftFacts(d: Draft): Fact[] {
  const out = policyFacts(d.policy);
  for (const r of d.findings.categories.rules) {
    const k = r.rule;
    for (const name of r.unmapped) {
      out.push({ key: `name.${name}.kind`, value: k.kind, kind: 'category', clause: r.cite.clause });
      if (k.kind === 'fixed') out.push({ key: `name.${name}.amount`, value: k.amount, kind: 'figure', clause: r.cite.clause });
      if (k.kind === 'percentage') {
        out.push({ key: `name.${name}.rate`, value: k.rate, kind: 'figure', clause: r.cite.clause });
        if (k.floor) out.push({ key: `name.${name}.floor`, value: k.floor, kind: 'figure', clause: r.cite.clause });
        if (r.stated.subsidy) out.push({ key: `name.${name}.stated.subsidy`, value: r.stated.subsidy.value, kind: 'figure', clause: r.cite.clause });
      }
    }
    if (k.kind === 'tiers')
      for (const code of r.codes) out.push({ key: `cat.${code}.tiers`, value: k.tiers.map((t) => t.amount).sort().join(','), kind: 'figure', clause: r.cite.clause });
  }
  for (const e of d.findings.calendar.extensions) out.push({ key: `extension.${e.value.until}`, value: e.value.who, kind: 'date', clause: e.cite.clause });
  return out;
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
