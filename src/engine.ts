/**
 * The general engine: turns a policy into precomputed decisions. Everything
 * that needs decimal arithmetic or text happens here, once per policy; a quote
 * then only looks results up (see `quote.ts`).
 *
 * A set of categories is a bit mask over the policy's own category index:
 * bits 0–9 are the ten shared codes (`CATEGORY_CODES`, so the built-ins keep
 * today's masks), bits 10–29 the policy's own declared categories, in order.
 * A payment-date context `ctx` has bit 0 "a date was given" and bit i+1
 * "condition i holds" (at most 30 conditions).
 *
 * @module
 */
import { addMonths, formatCivilDate, parseCivilDate, type DayNumber } from './civil-date.js';
import { yibaoError } from './errors.js';
import { evaluateRule, type RuleAmounts } from './evaluate.js';
import { deepFreeze as freeze } from './freeze.js';
import { formatFen, formatRate, percentOfFen, toFen } from './money.js';
import type { Policy } from './policy.js';
import type { ExplainStepKind, NotAppliedReason, QuoteWarningCode } from './quote-codes.js';
import type { Citation } from './schema.js';
import {
  CATEGORY_CODES,
  CATEGORY_NAMES,
  FUNDER_NAMES,
  MAX_CONDITIONS,
  MAX_OWN_CATEGORIES,
  MECHANISM_NAMES,
  SHORT_FORMS,
  type CategoryCode,
  type MechanismCode,
} from './vocabulary.js';
import { buildWindowTable, type WindowReason, type WindowResult, type WindowTable } from './window.js';

type Rule = Policy['categories'][number];

/** A name in both languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** One step of the reasoning, with the clause it rests on. */
export interface ExplainStep {
  /** What the step decides: `standard`, `rule`, `exclusion`, `combination`, `funders`, `route`, `mechanism`, `precondition`, `window`, `coverage`. */
  readonly step: ExplainStepKind;
  /** The clause; `null` where the step rests on a stated assumption of the library or an inference. */
  readonly cite: Citation | null;
  readonly zh: string;
  readonly en: string;
}

/** Something the caller should know: an assumption, a silence of the notice, a tie. */
export interface QuoteWarning {
  /**
   * `highest-single`, `tie`, `unspecified-might-give-more`, `silent-category`, `no-subsidy-stated`,
   * `precondition-assumed`, `depends-on-payment-date`, `no-funder-named`, `either-funder`, `outside-window`,
   * `rounding-assumed`, `window-not-stated`, `coverage-not-stated`, `coverage-inferred`, `standard-not-stated`,
   * `mechanism-not-stated`, `mechanism-hedged`, `mechanism-inferred`, `inferred-cutoff`, `group-deadline-passed`,
   * `no-refund-outside-window`, `newborn-deferred`, `newborn-refused`, `broader-name`, `may-be-covered`,
   * `standard-inferred`, `window-inferred` (`QUOTE_WARNING_CODES`).
   */
  readonly code: QuoteWarningCode;
  readonly zh: string;
  readonly en: string;
}

/** Why a category the person holds did not decide. */
export interface NotApplied {
  /** The category id (a shared code for the built-ins). */
  readonly category: string;
  /** Its display name in this policy. */
  readonly name: Bilingual;
  /** `lower`, `tie`, `same-rule`, `excluded`, `unspecified`, `silent`, `no-subsidy-stated`, `precondition`. */
  readonly reason: NotAppliedReason;
  readonly zh: string;
  readonly en: string;
}

/** A funder of the applied subsidy, with its role and, where the notice states it, its part. */
export interface QuoteFunder {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly role: 'pays' | 'covers-shortfall';
  /** The government level, for a funder the policy declares with one. */
  readonly level?: 'central' | 'provincial' | 'prefectural' | 'county' | 'township' | 'not-stated';
  /** The amount this funder pays, as the notice states it (yuan). */
  readonly amount?: string;
  /** The share this funder pays, where stated. */
  readonly share?: string;
}

/** The fields every quote has, whatever its `status`. Money as "0.00" strings in yuan, dates as "YYYY-MM-DD". */
interface QuoteFields {
  /** The policy the quote rests on, e.g. `"kelan-2022"`. */
  readonly policyId: string;
  /** `"unspecified"` when the notice defers for the category that decides; then `individual` and `subsidy` are `null`. */
  readonly status: 'determined' | 'unspecified';
  /** The standard individual contribution (yuan); `null` when the notice states none. */
  readonly standard: string | null;
  /** What the person bears in the end (yuan); `null` when unspecified. */
  readonly individual: string | null;
  /** The public subsidy (yuan); `null` when unspecified. */
  readonly subsidy: string | null;
  /** What is collected when paying (yuan); `null` when the mechanism is not stated or the quote is unspecified. */
  readonly dueAtPayment: string | null;
  /** What is paid back later (yuan); `null` when it cannot be told. */
  readonly reimbursedLater: string | null;
  /** How the subsidy reaches the person; `null` when unspecified or not stated. */
  readonly mechanism: MechanismCode | null;
  /** Funder ids (shared codes or the policy's own). With `funding: 'one-of'` the notice names them as alternatives. */
  readonly funders: readonly string[];
  /** Funders with display names, roles and parts. */
  readonly funderDetails: readonly QuoteFunder[];
  /** `all-of`: together; `one-of`: either, the notice does not say which; `null`: no funder named or no subsidy. */
  readonly funding: 'all-of' | 'one-of' | null;
  /** How the subsidy money moves between offices, where the notice states it. */
  readonly route: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  /** The category whose rule applied (a shared code for the built-ins). */
  readonly appliedCategory: string | null;
  /** Its display name in this policy. */
  readonly appliedCategoryName: Bilingual | null;
  /** The other categories the person holds, and why each did not decide. */
  readonly notApplied: readonly NotApplied[];
  /** Whether the payment date is inside the collection window (`open: null`: the notice states no window); `null` without a payment date. */
  readonly window: WindowResult | null;
  /** The coverage period the payment buys; `null` outside the window or when not stated. */
  readonly coverage: { readonly start: string; readonly end: string } | null;
  /** The reasoning, step by step, each step with its clause. */
  readonly explain: readonly ExplainStep[];
  /** Assumptions, silences of the notice and ties the caller should know about. */
  readonly warnings: readonly QuoteWarning[];
}

/** A quote whose amounts the notice determines: `individual` and `subsidy` are strings. */
export interface DeterminedQuote extends QuoteFields {
  /** The notice determines the amounts. */
  readonly status: 'determined';
  /** What the person bears in the end (yuan), e.g. `"280.00"`. */
  readonly individual: string;
  /** The public subsidy (yuan), e.g. `"40.00"`. */
  readonly subsidy: string;
}

/** A quote where the notice defers for the category that decides: no amounts. */
export interface UnspecifiedQuote extends QuoteFields {
  /** The notice defers for the category that decides. */
  readonly status: 'unspecified';
  /** `null`: the notice states no amount for this person. */
  readonly individual: null;
  /** `null`: the notice states no amount for this person. */
  readonly subsidy: null;
}

/**
 * The answer for one resident. Money as "0.00" strings in yuan, dates as "YYYY-MM-DD".
 * Checking `status === 'determined'` narrows `individual` and `subsidy` to `string`.
 */
export type Quote = DeterminedQuote | UnspecifiedQuote;

interface CompiledRule {
  readonly rule: Rule;
  readonly amounts: RuleAmounts;
  readonly excludeMask: number;
  /** Indices into `conditions` that must hold (paid within a phase). */
  readonly phaseConditions: readonly number[];
  readonly variants: ReadonlyArray<{ readonly condition: number; readonly kind: MechanismCode; readonly cite: Citation; readonly cutoffDay?: number; readonly reasoning?: string }>;
  readonly roundingApplied: boolean;
}

/** A policy compiled for quoting. */
export interface CompiledPolicy {
  readonly policy: Policy;
  /** The standard in fen; `null` when the notice states none. */
  readonly standardFen: number | null;
  /** Category id by bit: the ten shared codes, then the policy's own. */
  readonly categoryIds: readonly string[];
  /** Display name by bit. */
  readonly categoryNames: readonly Bilingual[];
  /** Bit of each category id. */
  readonly index: ReadonlyMap<string, number>;
  /** Memo stride for tables keyed `mask + ctx * stride` (1024 for the built-ins). */
  readonly stride: number;
  readonly ruleOf: ReadonlyArray<CompiledRule | undefined>;
  readonly ordinary: CompiledRule;
  /** Category input (id, the notice's name, group name, short form) → bit mask. */
  readonly aliases: ReadonlyMap<string, number>;
  /** Names whose members get different answers: not resolved, with the explanation. */
  readonly ambiguous: ReadonlyMap<string, Bilingual>;
  /** Short forms broader than the notice's name: resolved, with this warning. */
  readonly broader: ReadonlyMap<string, QuoteWarning>;
  /** Day ranges whose membership changes a decision: [from, to] inclusive. */
  readonly conditions: ReadonlyArray<readonly [DayNumber, DayNumber]>;
  /** The window table; `undefined` when the notice states no window. */
  readonly window: WindowTable | undefined;
  readonly coverage: { readonly start: string; readonly end: string } | null;
  readonly newborn: { readonly months: number | undefined; readonly late: 'refused' | undefined; readonly cite: Citation } | undefined;
  readonly extensions: ReadonlyArray<{ readonly mask: number; readonly until: DayNumber; readonly result: WindowResult; readonly step: ExplainStep }>;
  /** Decisions by `ctx` then mask; without a payment date, the finished quote by mask. */
  readonly memo: Array<Array<Quote | undefined> | undefined>;
  readonly memoNoDate: Array<Quote | undefined>;
  /** Finished dated quotes by `ctx`, mask, then window result (no birth date, no broader name). */
  readonly finals: Array<Array<Map<WindowResult, Quote> | undefined> | undefined>;
  readonly steps: {
    readonly coverage: ExplainStep | undefined;
    readonly window: Readonly<Record<WindowReason, ExplainStep>>;
    readonly outsideWindow: QuoteWarning;
    readonly windowNotStated: QuoteWarning;
    readonly noRefund: QuoteWarning;
    /** When the window's start or end is an inference. */
    readonly windowInferred: QuoteWarning | undefined;
  };
}

export const CATEGORY_INDEX: ReadonlyMap<string, number> = new Map(CATEGORY_CODES.map((c, i) => [c, i]));
/** The stride of tables keyed `mask + ctx * CONTEXT_STRIDE` for policies with only the shared codes (the built-ins). */
export const CONTEXT_STRIDE = 1 << CATEGORY_CODES.length;

/**
 * The bit mask of a set of categories: bit i is the policy's i-th category
 * (without a policy, the shared codes' bits 0–9).
 */
export function maskOf(cs: readonly string[], cp?: Pick<CompiledPolicy, 'index'>): number {
  const index = cp?.index ?? CATEGORY_INDEX;
  let m = 0;
  for (const c of cs) {
    const i = index.get(c);
    if (i !== undefined) m |= 1 << i;
  }
  return m;
}

function sharedName(c: string): Bilingual {
  const n = CATEGORY_NAMES[c as CategoryCode];
  return { zh: n.zh[0] as string, en: n.en };
}

function buildIndex(p: Policy) {
  const ids: string[] = [...CATEGORY_CODES];
  const names: Bilingual[] = CATEGORY_CODES.map(sharedName);
  for (const d of p.categoryDefinitions ?? []) {
    const i = ids.indexOf(d.id);
    const name = d.name ?? { zh: d.names[0] ?? d.id, en: d.names[0] ?? d.id };
    if (i >= 0) {
      if (d.name) names[i] = d.name;
    } else {
      ids.push(d.id);
      names.push(name);
    }
  }
  if (ids.length - CATEGORY_CODES.length > MAX_OWN_CATEGORIES)
    throw yibaoError('policy_too_large', ['categoryDefinitions'], `本政策自有类别至多 ${MAX_OWN_CATEGORIES} 个`, `at most ${MAX_OWN_CATEGORIES} categories of the policy's own`);
  return { ids, names, index: new Map(ids.map((c, i) => [c, i])) };
}

/** Compiles a policy: rule amounts, aliases, window table, conditions. Throws `policy_too_large` past the caps. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const { ids, names, index } = buildIndex(policy);
  const mask = (cs: readonly string[]) => maskOf(cs, { index });
  const standardFen = policy.standard ? toFen(policy.standard.amount) : null;
  const conditions: Array<readonly [DayNumber, DayNumber]> = [];
  const condition = (from: DayNumber, to: DayNumber) => {
    const i = conditions.findIndex(([a, b]) => a === from && b === to);
    if (i >= 0) return i;
    conditions.push([from, to]);
    return conditions.length - 1;
  };
  const phases = new Map((policy.collection?.phases ?? []).map((ph) => [ph.id, ph]));
  const ruleOf: Array<CompiledRule | undefined> = new Array(ids.length).fill(undefined);
  for (const rule of policy.categories) {
    const s = rule.subsidy;
    const compiled: CompiledRule = {
      rule,
      amounts: evaluateRule(s, standardFen, policy.rounding),
      excludeMask: rule.exclusions ? mask(rule.exclusions.categories) : 0,
      phaseConditions: (rule.preconditions ?? []).flatMap((c) => {
        if (c.kind !== 'paid-within-phase') return [];
        const ph = phases.get(c.phase)!;
        return [condition(parseCivilDate(ph.start)!, parseCivilDate(ph.end)!)];
      }),
      variants: (rule.mechanismVariants ?? []).map((v) => {
        const cut = parseCivilDate(v.paidBefore)!;
        return {
          condition: condition(-1e9, cut - 1),
          kind: v.kind,
          cite: v.cite,
          ...(v.inferred ? { cutoffDay: condition(cut, cut), reasoning: v.inferred.reasoning } : {}),
        };
      }),
      roundingApplied:
        standardFen !== null &&
        s.kind === 'percentage' &&
        percentOfFen(s.rate, standardFen, 6, 'down') !== percentOfFen(s.rate, standardFen, policy.rounding.scale, policy.rounding.mode),
    };
    for (const c of rule.categories) ruleOf[index.get(c) as number] = compiled;
  }
  const deadlines = (policy.collection?.deadlines ?? []).flatMap((d) =>
    d.categories?.length ? [{ mask: mask(d.categories), condition: condition(-1e9, parseCivilDate(d.date)!), deadline: d }] : [],
  );
  if (conditions.length > MAX_CONDITIONS)
    throw yibaoError('policy_too_large', ['collection'], `缴费日期条件至多 ${MAX_CONDITIONS} 个，本政策有 ${conditions.length} 个`, `at most ${MAX_CONDITIONS} payment-date conditions; this policy has ${conditions.length}`);
  const sw = policy.collection?.specialWindows ?? [];
  const nb = sw.find((w) => w.kind === 'newborn');
  const extensions = sw.flatMap((w) =>
    w.kind === 'extension'
      ? [
          {
            mask: mask(w.categories),
            until: parseCivilDate(w.until)!,
            result: Object.freeze({ open: true, reason: 'group-extension' as const }),
            step: freeze({ step: 'window' as const, cite: w.cite, zh: `缴费日期在为${w.categories.map((c) => names[index.get(c)!]!.zh).join('、')}延长的缴费期内（至 ${w.until}）`, en: `the payment date is inside the extension for ${w.categories.map((c) => names[index.get(c)!]!.en).join(', ')} (until ${w.until})` }),
          },
        ]
      : [],
  );
  const cp: CompiledPolicy = {
    policy,
    standardFen,
    categoryIds: ids,
    categoryNames: names,
    index,
    stride: 1 << Math.max(CATEGORY_CODES.length, ids.length),
    ruleOf,
    ordinary: ruleOf[0] as CompiledRule,
    aliases: new Map(),
    ambiguous: new Map(),
    broader: new Map(),
    conditions,
    window: buildWindowTable(policy),
    coverage: policy.coverage ? freeze({ start: policy.coverage.start, end: policy.coverage.end }) : null,
    newborn: nb && nb.kind === 'newborn' ? { months: nb.withinMonthsOfBirth, late: nb.late, cite: nb.cite } : undefined,
    extensions,
    memo: [],
    memoNoDate: [],
    finals: [],
    steps: freeze(buildSteps(policy)),
  };
  deadlinesOf.set(cp, deadlines);
  buildAliases(cp);
  return cp;
}

const deadlinesOf = new WeakMap<CompiledPolicy, ReadonlyArray<{ mask: number; condition: number; deadline: NonNullable<Policy['collection']>['deadlines'][number] }>>();

/** What a single category gets, without a date: compared to tell whether a group's members agree. */
function answerOf(cp: CompiledPolicy, m: number): string {
  const q = decide(cp, m, 0);
  return JSON.stringify([q.status, q.subsidy, q.individual, q.mechanism, q.funders, q.funding]);
}

function buildAliases(cp: CompiledPolicy): void {
  const p = cp.policy;
  const a = cp.aliases as Map<string, number>;
  const mask = (cs: readonly string[]) => maskOf(cs, cp);
  const notice = new Map<string, number>();
  const put = (n: string, m: number) => {
    if (!notice.has(n)) notice.set(n, m);
  };
  for (const r of p.categories) for (const n of r.names) put(n, mask(r.categories));
  for (const d of p.categoryDefinitions ?? []) for (const n of d.names) put(n, mask([d.id]));
  for (const g of p.groups) put(g.name, mask(g.members));
  const all = new Map(notice);
  for (const f of SHORT_FORMS) {
    if (all.has(f.short)) continue;
    let m = 0;
    for (const full of f.full) m |= notice.get(full) ?? 0;
    if (!m) continue;
    all.set(f.short, m);
    if (f.broader) {
      const used = f.full.filter((x) => notice.has(x)).join('、');
      (cp.broader as Map<string, QuoteWarning>).set(f.short, freeze({ code: 'broader-name', zh: `“${f.short}”比通知所用名称更宽（${used}）；按通知所指人群计算，其他人不适用`, en: `"${f.short}" is broader than the notice's name (${used}); computed for the group the notice names, which may not include this person` }));
    }
  }
  // Standard codes of the policy's own categories: the set of categories linked to each.
  const linked = new Map<string, number>();
  for (const d of p.categoryDefinitions ?? []) if (d.standardCode && d.standardCode !== d.id) linked.set(d.standardCode, (linked.get(d.standardCode) ?? 0) | mask([d.id]));
  cp.categoryIds.forEach((id, i) => {
    const hasRule = cp.ruleOf[i] !== undefined;
    all.set(id, !hasRule && linked.has(id) ? (linked.get(id) as number) : 1 << i);
    if (i < CATEGORY_CODES.length) {
      // The shared code's English name and its one display name (CATEGORY_NAMES) name the shared identity in
      // every policy; where this notice has no rule for it, the answer is its silence, never another notice's figure.
      const m = !hasRule && linked.has(id) ? (linked.get(id) as number) : 1 << i;
      all.set(CATEGORY_NAMES[id as CategoryCode].en, m);
      const zh = CATEGORY_NAMES[id as CategoryCode].zh[0] as string;
      if (!all.has(zh)) all.set(zh, m);
    }
  });
  for (const [name, m] of all) {
    const members = m & ~1;
    if (members & (members - 1)) {
      const bits = cp.categoryIds.map((_, i) => i).filter((i) => members & (1 << i));
      const answers = new Set(bits.map((i) => answerOf(cp, 1 << i)));
      if (answers.size > 1) {
        const who = bits.map((i) => cp.categoryNames[i]!);
        (cp.ambiguous as Map<string, Bilingual>).set(
          name,
          freeze({
            zh: `“${name}”包括${who.map((w) => w.zh).join('、')}，本通知对其规定不同，请填写具体类别`,
            en: `"${name}" covers ${who.map((w) => w.en).join(', ')}, which this notice treats differently; give the specific category`,
          }),
        );
        continue;
      }
    }
    a.set(name, m);
  }
}

function buildSteps(p: Policy): CompiledPolicy['steps'] {
  const c = p.collection;
  const nb = c?.specialWindows.find((w) => w.kind === 'newborn');
  const months = nb?.kind === 'newborn' ? nb.withinMonthsOfBirth : undefined;
  const ns: ExplainStep = { step: 'window', cite: null, zh: '通知未规定征缴期，无法判断缴费日期是否在期内', en: 'the notice states no collection window: whether the payment date is inside it cannot be told' };
  const windowNotStated: QuoteWarning = { code: 'window-not-stated', zh: '通知未规定征缴期：缴费日期能否享受待遇无法判断', en: 'the notice states no collection window: whether this payment buys coverage cannot be told' };
  const noRefund: QuoteWarning = { code: 'no-refund-outside-window', zh: '缴费日期不在征缴期内：不享受待遇，也不能据此承诺退补', en: 'the payment date is outside the window: it buys no coverage, and no refund can be promised for it' };
  const coverage = p.coverage
    ? {
        step: 'coverage' as const,
        cite: p.coverage.cite ?? null,
        zh: `待遇享受期 ${p.coverage.start} 至 ${p.coverage.end}${p.coverage.inferred ? `（推断：${p.coverage.inferred.reasoning}）` : ''}`,
        en: `coverage ${p.coverage.start} to ${p.coverage.end}${p.coverage.inferred ? ` (inferred: ${p.coverage.inferred.reasoning})` : ''}`,
      }
    : undefined;
  const newborn: ExplainStep = { step: 'window', cite: nb?.cite ?? null, zh: `新生儿自出生之日起 ${months} 个月内参保缴费，享受当年度待遇`, en: `a newborn enrolled within ${months} months of birth is covered for the current year` };
  const refused: ExplainStep = { step: 'window', cite: nb?.cite ?? null, zh: `新生儿出生已超过 ${months} 个月，逾期不予办理`, en: `more than ${months} months after birth: the notice refuses a late enrolment ("逾期不予办理")` };
  if (!c)
    return {
      coverage,
      window: { open: ns, 'before-start': ns, 'after-end': ns, 'day-of-month': ns, suspended: ns, 'newborn-special-window': newborn, 'group-extension': ns, 'newborn-refused': refused, 'not-stated': ns },
      outsideWindow: { code: 'outside-window', zh: '', en: '' },
      windowNotStated,
      noRefund,
      windowInferred: undefined,
    };
  const span = `${c.start.date} 至 ${c.end.date}${c.daysOfMonth ? `，每月 ${c.daysOfMonth.from}–${c.daysOfMonth.to} 日` : ''}`;
  const spanEn = `${c.start.date} to ${c.end.date}${c.daysOfMonth ? `, days ${c.daysOfMonth.from}–${c.daysOfMonth.to} of each month` : ''}`;
  const hol = c.holidayRule && !c.holidayRule.extendsOnHoliday ? '（节假日不顺延）' : '';
  const startCite = c.start.cite ?? null;
  return {
    coverage,
    window: {
      open: { step: 'window', cite: c.daysOfMonth?.cite ?? startCite, zh: `缴费日期在征缴期内（${span}）`, en: `the payment date is inside the collection window (${spanEn})` },
      'before-start': { step: 'window', cite: startCite, zh: `缴费日期早于征缴期开始（${c.start.date}）`, en: `the payment date is before the window opens (${c.start.date})` },
      'after-end': { step: 'window', cite: c.holidayRule?.cite ?? c.end.cite ?? null, zh: `缴费日期晚于征缴期截止（${c.end.date}）${hol}`, en: `the payment date is after the window closed (${c.end.date})${hol ? ', not extended for holidays' : ''}` },
      'day-of-month': { step: 'window', cite: c.daysOfMonth?.cite ?? startCite, zh: `每月仅 ${c.daysOfMonth?.from}–${c.daysOfMonth?.to} 日可缴费`, en: `payment is accepted only on days ${c.daysOfMonth?.from}–${c.daysOfMonth?.to} of each month` },
      suspended: { step: 'window', cite: c.suspensions[0]?.cite ?? startCite, zh: `缴费暂停期间（${c.suspensions.map((x) => `${x.from} 起，${x.resumesOn} 恢复`).join('；')}）`, en: `payment was suspended (${c.suspensions.map((x) => `from ${x.from}, resumed ${x.resumesOn}`).join('; ')})` },
      'newborn-special-window': newborn,
      'group-extension': ns,
      'newborn-refused': refused,
      'not-stated': ns,
    },
    outsideWindow: { code: 'outside-window', zh: '缴费日期不在征缴期内：通知未规定此时缴费可享受的待遇期', en: 'the payment date is outside the collection window: the notice states no coverage for such a payment' },
    windowNotStated,
    noRefund,
    windowInferred:
      c.start.inferred || c.end.inferred
        ? {
            code: 'window-inferred',
            zh: `征缴期为推断：${[c.start.inferred?.reasoning, c.end.inferred?.reasoning].filter((x, i, a) => x && a.indexOf(x) === i).join('；')}`,
            en: `the collection window is an inference: ${[c.start.inferred?.reasoning, c.end.inferred?.reasoning].filter((x, i, a) => x && a.indexOf(x) === i).join('; ')}`,
          }
        : undefined,
  };
}

// ---------------------------------------------------------------- texts

const yuan = (fen: number) => formatFen(fen);

function ruleText(r: Rule, a: RuleAmounts, std: number | null): { zh: string; en: string } {
  const s = r.subsidy;
  if (std === null && s.kind !== 'unspecified') return { zh: '通知未规定个人缴费标准，无法计算', en: 'the notice states no standard contribution: nothing can be computed' };
  if (!a) return { zh: `通知未给出数额：“${s.cite.quote}”`, en: `the notice states no figure: it defers ("${s.cite.quote}")` };
  const res = { zh: `资助 ${yuan(a.subsidyFen)} 元，个人缴费 ${yuan(a.individualFen)} 元`, en: `subsidy ${yuan(a.subsidyFen)}, individual ${yuan(a.individualFen)}` };
  switch (s.kind) {
    case 'none':
      return { zh: `不享受资助，个人按标准缴费 ${yuan(std!)} 元`, en: `no subsidy; the person pays the standard ${yuan(std!)}` };
    case 'full':
      return { zh: `全额资助：${res.zh}`, en: `full subsidy: ${res.en}` };
    case 'fixed':
      return { zh: `按 ${yuan(toFen(s.amount))} 元定额资助：${res.zh}`, en: `fixed subsidy of ${yuan(toFen(s.amount))}: ${res.en}` };
    case 'percentage': {
      const floor = s.floor ? toFen(s.floor) : undefined;
      const cap = s.cap ? toFen(s.cap) : undefined;
      return {
        zh: `按个人缴费标准 ${formatRate(s.rate)} 资助${floor !== undefined ? `（低于 ${yuan(floor)} 元按 ${yuan(floor)} 元）` : ''}${cap !== undefined ? `（最高 ${yuan(cap)} 元）` : ''}：${res.zh}`,
        en: `${formatRate(s.rate)} of the standard${floor !== undefined ? `, at least ${yuan(floor)}` : ''}${cap !== undefined ? `, at most ${yuan(cap)}` : ''}: ${res.en}`,
      };
    }
    default:
      return res;
  }
}

function funderInfo(p: Policy, id: string): { zh: string; en: string; level?: QuoteFunder['level'] } {
  const own = p.funderDefinitions?.find((f) => f.id === id);
  if (own) return own.level ? { zh: own.name.zh, en: own.name.en, level: own.level } : { zh: own.name.zh, en: own.name.en };
  const n = (FUNDER_NAMES as Record<string, { zh: string; en: string }>)[id];
  return n ? { zh: n.zh, en: n.en } : { zh: id, en: id };
}

// ---------------------------------------------------------------- decision

interface Candidate {
  readonly bit: number;
  readonly cr: CompiledRule | undefined;
  readonly cite: Citation;
}

/**
 * Decides for a set of categories (bit mask over the policy's index) in a
 * payment-date context (`ctx` bit 0: a payment date was given; bit i+1:
 * condition i holds). Pure; the result is memoised by the caller. Bits beyond
 * the policy's categories are ignored.
 */
export function decide(cp: CompiledPolicy, mask: number, ctx: number): Quote {
  const p = cp.policy;
  const std = cp.standardFen;
  const given = (ctx & 1) === 1;
  const holds = (cond: number) => (ctx & (2 << cond)) !== 0;
  const nm = (i: number) => cp.categoryNames[i] as Bilingual;
  const namesOf = (m: number, lang: 'zh' | 'en') =>
    cp.categoryIds
      .map((_, i) => i)
      .filter((i) => m & (1 << i))
      .map((i) => nm(i)[lang])
      .join(lang === 'zh' ? '、' : ', ');
  const explain: ExplainStep[] = [];
  const warnings: QuoteWarning[] = [];
  if (std !== null) {
    const inf = p.standard?.inferred;
    explain.push({
      step: 'standard',
      cite: p.standard?.cite ?? null,
      zh: `个人缴费标准为每人每年 ${yuan(std)} 元${inf ? `（推断：${inf.reasoning}）` : ''}`,
      en: `the standard individual contribution is ${yuan(std)} a year${inf ? ` (inferred: ${inf.reasoning})` : ''}`,
    });
    if (inf) warnings.push({ code: 'standard-inferred', zh: `个人缴费标准为推断值：${inf.reasoning}`, en: `the standard is an inference: ${inf.reasoning}` });
  } else {
    explain.push({ step: 'standard', cite: null, zh: '通知未规定个人缴费标准', en: 'the notice states no standard contribution' });
    warnings.push({ code: 'standard-not-stated', zh: '通知未规定个人缴费标准，金额无法计算', en: 'the notice states no standard contribution; amounts cannot be computed' });
  }
  if (!p.coverage) warnings.push({ code: 'coverage-not-stated', zh: '通知未规定待遇享受期', en: 'the notice states no coverage period' });
  else if (p.coverage.inferred)
    warnings.push({ code: 'coverage-inferred', zh: `待遇享受期为推断：${p.coverage.inferred.reasoning}`, en: `the coverage period is an inference: ${p.coverage.inferred.reasoning}` });
  const notApplied: NotApplied[] = [];
  const determined: Candidate[] = [];
  const unspecified: Candidate[] = [];
  const silent: number[] = [];
  const mentioned: Array<{ bit: number; cite: Citation }> = [];
  const held: number[] = [];
  for (let i = 1; i < cp.categoryIds.length; i++) if (mask & (1 << i)) held.push(i);
  const na = (bit: number, reason: NotAppliedReason, zh: string, en: string) => notApplied.push({ category: cp.categoryIds[bit]!, name: nm(bit), reason, zh, en });
  const defs = p.categoryDefinitions ?? [];

  for (const c of held) {
    const cr = cp.ruleOf[c];
    if (!cr) {
      const def = defs.find((d) => d.id === cp.categoryIds[c]);
      if (def?.cite) mentioned.push({ bit: c, cite: def.cite });
      else if (p.otherCategories.status === 'unspecified') unspecified.push({ bit: c, cr: undefined, cite: p.otherCategories.cite });
      else silent.push(c);
      continue;
    }
    const ex = cr.excludeMask & mask;
    if (ex) {
      const by = { zh: namesOf(ex, 'zh'), en: namesOf(ex, 'en') };
      na(c, 'excluded', `已纳入${by.zh}，不适用本项资助`, `excluded because the person is also ${by.en}`);
      explain.push({ step: 'exclusion', cite: cr.rule.exclusions!.cite, zh: `${nm(c).zh}：已纳入${by.zh}，不适用`, en: `${nm(c).en}: excluded (also ${by.en})` });
      continue;
    }
    if (given && cr.phaseConditions.some((i) => !holds(i))) {
      const pre = cr.rule.preconditions!.find((x) => x.kind === 'paid-within-phase')!;
      na(c, 'precondition', '缴费日期不在规定的缴费期内，不享受资助', 'paid outside the period the subsidy requires');
      explain.push({ step: 'precondition', cite: pre.cite, zh: `${nm(c).zh}：缴费日期不在规定期间内，不享受资助`, en: `${nm(c).en}: paid outside the required period, no subsidy` });
      continue;
    }
    (cr.amounts ? determined : unspecified).push({ bit: c, cr, cite: cr.rule.subsidy.cite });
  }

  let status: 'determined' | 'unspecified' = 'determined';
  let applied: Candidate;
  if (determined.length) {
    applied = determined[0] as Candidate;
    for (const d of determined) if (d.cr!.amounts!.subsidyFen > applied.cr!.amounts!.subsidyFen) applied = d;
    const best = applied.cr!.amounts!.subsidyFen;
    for (const d of determined) {
      if (d === applied) continue;
      const s = d.cr!.amounts!.subsidyFen;
      if (d.cr === applied.cr) na(d.bit, 'same-rule', '与适用类别同属一条规则，不重复资助', 'same rule as the applied category; not paid twice');
      else if (s === best) {
        na(d.bit, 'tie', `资助额相同（${yuan(s)} 元），按类别顺序取${nm(applied.bit).zh}`, `same subsidy (${yuan(s)}); ${nm(applied.bit).en} comes first in the library's order`);
        warnings.push({ code: 'tie', zh: `${nm(d.bit).zh}与${nm(applied.bit).zh}资助额相同，通知未规定适用哪一项；资助来源可能不同`, en: `${nm(d.bit).en} and ${nm(applied.bit).en} give the same subsidy; the notice does not say which applies, and their funders may differ` });
      } else na(d.bit, 'lower', `资助额较低（${yuan(s)} 元）`, `lower subsidy (${yuan(s)})`);
    }
    for (const u of unspecified) {
      na(u.bit, 'unspecified', '通知未给出该类别的资助数额', 'the notice states no figure for this category');
      if (std !== null && best < std)
        warnings.push({ code: 'unspecified-might-give-more', zh: `${nm(u.bit).zh}的资助政策通知未明确（“${u.cite.quote}”），可能高于本结果`, en: `the notice defers for ${nm(u.bit).en} ("${u.cite.quote}"); it might give more than this result` });
    }
  } else if (unspecified.length) {
    status = 'unspecified';
    applied = unspecified[0] as Candidate;
    for (const u of unspecified.slice(1)) na(u.bit, 'unspecified', '通知未给出该类别的资助数额', 'the notice states no figure for this category');
  } else {
    applied = { bit: 0, cr: cp.ordinary, cite: cp.ordinary.rule.subsidy.cite };
    if (!cp.ordinary.amounts) status = 'unspecified';
  }
  for (const m of mentioned) {
    na(m.bit, 'no-subsidy-stated', '通知提及该类别，但未规定资助，按无资助处理', 'the notice names this category but states no subsidy for it; treated as no subsidy');
    warnings.push({ code: 'no-subsidy-stated', zh: `通知提及${nm(m.bit).zh}（${m.cite.clause}），但未规定其资助，按无资助处理`, en: `the notice names ${nm(m.bit).en} (${m.cite.clause}) but states no subsidy for it; treated as no subsidy` });
  }
  const open = p.otherCategories.status === 'silent' ? p.otherCategories.mayBeCoveredBy : undefined;
  for (const s of silent) {
    na(s, 'silent', '通知未提及该类别，不享受资助', 'the notice does not mention this category; no subsidy');
    warnings.push({ code: 'silent-category', zh: `通知未提及${nm(s).zh}，按无资助处理`, en: `the notice is silent about ${nm(s).en}; treated as no subsidy` });
    if (open)
      warnings.push({ code: 'may-be-covered', zh: `通知的开放式条款（${open.clause}“${open.quote}”）可能涵盖${nm(s).zh}，其资助未明确`, en: `the notice's open-ended clause (${open.clause}: "${open.quote}") may cover ${nm(s).en}; its subsidy is then not stated` });
  }
  const distinct = new Set(held.map((c) => cp.ruleOf[c] ?? c));
  if (distinct.size > 1) {
    const cb = p.combination;
    warnings.push({ code: 'highest-single', zh: '多重身份按“就高、不重复”原则取单项最高资助，不叠加', en: 'several identities: the single highest subsidy applies, never stacked ("就高、不重复")' });
    explain.push({ step: 'combination', cite: cb.cite ?? null, zh: `多重身份取单项最高资助，不叠加${cb.assumption ? '（通知未规定，本库采用通行的“就高、不重复”原则）' : ''}`, en: `several identities: the single highest subsidy, never stacked${cb.assumption ? ` (assumption: ${cb.assumption})` : ''}` });
  }
  if (given)
    for (const d of deadlinesOf.get(cp) ?? [])
      if (d.mask & mask && !holds(d.condition))
        warnings.push({ code: 'group-deadline-passed', zh: `通知要求 ${d.deadline.date} 前${d.deadline.task.zh}（${d.deadline.cite.clause}），本次缴费晚于该日期`, en: `the notice sets ${d.deadline.date} for: ${d.deadline.task.en} (${d.deadline.cite.clause}); this payment is after it` });

  const cr = applied.cr;
  const label = nm(applied.bit);
  const text = cr ? ruleText(cr.rule, cr.amounts, std) : ruleText({ subsidy: { kind: 'unspecified', cite: applied.cite } } as Rule, null, std);
  explain.push({ step: 'rule', cite: applied.cite, zh: `${label.zh}：${text.zh}`, en: `${label.en}: ${text.en}` });
  for (const pre of cr?.rule.preconditions ?? [])
    if (pre.kind === 'condition') {
      explain.push({ step: 'precondition', cite: pre.cite, zh: pre.text.zh, en: pre.text.en });
      warnings.push({ code: 'precondition-assumed', zh: `假定：${pre.text.zh}（本库无法核实）`, en: `assumed: ${pre.text.en} (the library cannot check this)` });
    }

  const base = {
    policyId: p.id,
    standard: std === null ? null : yuan(std),
    appliedCategory: cp.categoryIds[applied.bit]!,
    appliedCategoryName: label,
    notApplied,
    window: null,
    coverage: cp.coverage,
    explain,
    warnings,
  };
  let q: Quote;
  if (status === 'unspecified' || !cr || !cr.amounts) {
    q = { ...base, status: 'unspecified', individual: null, subsidy: null, dueAtPayment: null, reimbursedLater: null, mechanism: null, funders: [], funderDetails: [], funding: null, route: [] };
  } else {
    const a = cr.amounts;
    const m = cr.rule.mechanism;
    let mechanism: MechanismCode | null = a.subsidyFen === 0 ? 'none' : (m?.kind ?? null);
    let mcite = m?.cite ?? null;
    let variant: CompiledRule['variants'][number] | undefined;
    for (const v of cr.variants) {
      if (given && holds(v.condition)) {
        mechanism = v.kind;
        mcite = v.cite;
        variant = v;
        break;
      }
    }
    if (!given && cr.variants.length)
      warnings.push({ code: 'depends-on-payment-date', zh: `已在通知发布前按全额缴费的，征缴期结束后退补（“${cr.variants[0]!.cite.quote}”）；未提供缴费日期`, en: `those who paid the full standard before the notice are refunded after the window ("${cr.variants[0]!.cite.quote}"); no payment date was given` });
    for (const v of cr.variants)
      if (given && v.cutoffDay !== undefined && (holds(v.cutoffDay) || v === variant))
        warnings.push({ code: 'inferred-cutoff', zh: `“已缴费”的截止日期为推断：${v.reasoning}`, en: `the cutoff for "already paid" is an inference: ${v.reasoning}` });
    const funding = cr.rule.funding ?? 'all-of';
    const funders = [...new Set(cr.rule.funders.map((f) => f.funder))];
    const details: QuoteFunder[] = cr.rule.funders.map((f) => {
      const info = funderInfo(p, f.funder);
      return { id: f.funder, ...info, role: f.role, ...(f.amount ? { amount: f.amount } : {}), ...(f.share ? { share: f.share } : {}) };
    });
    if (a.subsidyFen > 0) {
      if (funders.length) {
        const sep = funding === 'one-of' ? { zh: '或', en: ' or ' } : { zh: '；', en: '; ' };
        explain.push({
          step: 'funders',
          cite: cr.rule.funders[0]!.cite,
          zh: `资金来源：${details.map((f) => f.zh + (f.role === 'covers-shortfall' ? '（不足部分）' : '') + (f.amount ? `（${f.amount} 元）` : '')).join(sep.zh)}`,
          en: `funded by ${details.map((f) => f.en + (f.role === 'covers-shortfall' ? ' (covering the shortfall)' : '') + (f.amount ? ` (${f.amount})` : '')).join(sep.en)}`,
        });
        if (funding === 'one-of')
          warnings.push({ code: 'either-funder', zh: `资金由${details.map((f) => f.zh).join('或')}负担，通知未写明具体由哪一方`, en: `funded by ${details.map((f) => f.en).join(' or ')}: the notice does not say which` });
      } else
        warnings.push({ code: 'no-funder-named', zh: '通知未写明资助资金来源（基金）', en: 'the notice names no fund for this subsidy' });
      for (const r of cr.rule.route ?? [])
        explain.push({ step: 'route', cite: r.cite, zh: `资金拨付：${r.from} → ${r.to}`, en: `money moves: ${r.from} → ${r.to}` });
      if (mechanism) {
        const hedge = variant ? undefined : m?.hedge;
        explain.push({ step: 'mechanism', cite: mcite, zh: `资助方式：${hedge ?? ''}${MECHANISM_NAMES[mechanism].zh}`, en: `mechanism: ${hedge ? `usually (${hedge}) ` : ''}${MECHANISM_NAMES[mechanism].en}` });
        if (hedge) warnings.push({ code: 'mechanism-hedged', zh: `通知写明资助方式“${hedge}”如此，个别情况可能不同`, en: `the notice says the mechanism is "${hedge}" (usually) so; it may differ in a given case` });
        if (!variant && m?.inferred) warnings.push({ code: 'mechanism-inferred', zh: `资助方式为推断：${m.inferred.reasoning}`, en: `the mechanism is an inference: ${m.inferred.reasoning}` });
      } else {
        explain.push({ step: 'mechanism', cite: null, zh: '通知未写明资助方式', en: 'the notice states no mechanism' });
        warnings.push({ code: 'mechanism-not-stated', zh: '通知未写明资助方式：缴费时应缴金额无法确定', en: 'the notice states no mechanism: what is due at payment cannot be told' });
      }
    }
    for (const pre of cr.rule.preconditions ?? []) {
      if (pre.kind === 'individual-part-paid-first')
        explain.push({ step: 'precondition', cite: pre.cite, zh: `须先缴纳个人缴费部分 ${yuan(a.individualFen)} 元，其余部分才享受资助`, en: `the individual part (${yuan(a.individualFen)}) must be paid first; the rest is then subsidised` });
      else if (pre.kind === 'enrolled-where-certified') {
        explain.push({ step: 'precondition', cite: pre.cite, zh: '原则上须在困难身份认定地参保', en: 'in principle, the person must enrol where the hardship identity was certified' });
        warnings.push({ code: 'precondition-assumed', zh: '假定在困难身份认定地参保（本库无法核实）', en: 'assumed: enrolled where the hardship identity was certified (the library cannot check this)' });
      } else if (pre.kind === 'paid-within-phase') {
        if (!given) {
          explain.push({ step: 'precondition', cite: pre.cite, zh: '须在集中参保缴费期内缴费', en: 'payment must be made within the centralised period' });
          warnings.push({ code: 'precondition-assumed', zh: '未提供缴费日期，假定在集中缴费期内缴费', en: 'no payment date given: assumed paid within the centralised period' });
        } else explain.push({ step: 'precondition', cite: pre.cite, zh: '缴费日期在规定期间内', en: 'paid within the required period' });
      }
    }
    if (cr.roundingApplied)
      warnings.push({ code: 'rounding-assumed', zh: `按比例计算的金额已取整（${p.rounding.assumption ? '通知未规定取整方式' : p.rounding.cite?.quote}）`, en: `the percentage was rounded (${p.rounding.assumption ?? p.rounding.cite?.quote})` });
    const collectsAll = mechanism === 'collect-then-reimburse' || mechanism === 'refund-after-window';
    q = {
      ...base,
      status: 'determined',
      individual: yuan(a.individualFen),
      subsidy: yuan(a.subsidyFen),
      dueAtPayment: mechanism === null ? null : yuan(collectsAll || mechanism === 'none' ? std! : a.individualFen),
      reimbursedLater: mechanism === null ? null : yuan(collectsAll ? a.subsidyFen : 0),
      mechanism,
      funders: a.subsidyFen > 0 ? funders : [],
      funderDetails: a.subsidyFen > 0 ? details : [],
      funding: a.subsidyFen > 0 && funders.length ? funding : null,
      route: (cr.rule.route ?? []).map((r) => ({ from: r.from, to: r.to })),
    };
  }
  return freeze(q);
}

/** The newborn window, or undefined when it does not apply: paid within the months after birth, in the coverage year. */
export function newbornWindow(cp: CompiledPolicy, paidOn: DayNumber, birth: DayNumber) {
  const nb = cp.newborn;
  if (!nb || nb.months === undefined || paidOn < birth || paidOn > addMonths(birth, nb.months)) return undefined;
  if (Number(formatCivilDate(paidOn).slice(0, 4)) !== cp.policy.coverageYear.year) return undefined;
  return nb;
}

/** Whether a newborn's enrolment is refused as late ("逾期不予办理"): born in the coverage year, paid after the months. */
export function newbornRefused(cp: CompiledPolicy, paidOn: DayNumber, birth: DayNumber): boolean {
  const nb = cp.newborn;
  if (!nb || nb.months === undefined || nb.late !== 'refused' || paidOn <= addMonths(birth, nb.months)) return false;
  return Number(formatCivilDate(birth).slice(0, 4)) === cp.policy.coverageYear.year;
}

