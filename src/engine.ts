/**
 * The general engine: turns a policy into precomputed decisions. Everything
 * that needs decimal arithmetic or text happens here, once per policy; a quote
 * then only looks results up (see `quote.ts`).
 *
 * @module
 */
import { addMonths, formatCivilDate, parseCivilDate, type DayNumber } from './civil-date.js';
import { evaluateRule, type RuleAmounts } from './evaluate.js';
import { deepFreeze as freeze } from './freeze.js';
import { formatFen, formatRate, percentOfFen, toFen } from './money.js';
import type { Policy } from './policy.js';
import type { Citation } from './schema.js';
import {
  CATEGORY_CODES,
  CATEGORY_NAMES,
  categoryName,
  FUNDER_NAMES,
  MECHANISM_NAMES,
  type CategoryCode,
  type FunderCode,
  type MechanismCode,
} from './vocabulary.js';
import { buildWindowTable, type WindowReason, type WindowResult, type WindowTable } from './window.js';

type Rule = Policy['categories'][number];

/** One step of the reasoning, with the clause it rests on. */
export interface ExplainStep {
  /** What the step decides: `standard`, `rule`, `exclusion`, `combination`, `funders`, `mechanism`, `precondition`, `window`, `coverage`. */
  readonly step: string;
  /** The clause; `null` where the step rests on a stated assumption of the library. */
  readonly cite: Citation | null;
  readonly zh: string;
  readonly en: string;
}

/** Something the caller should know: an assumption, a silence of the notice, a tie. */
export interface QuoteWarning {
  /** `highest-single`, `tie`, `unspecified-might-give-more`, `silent-category`, `precondition-assumed`, `depends-on-payment-date`, `no-funder-named`, `outside-window`, `rounding-assumed`. */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** Why a category the person holds did not decide. */
export interface NotApplied {
  readonly category: CategoryCode;
  /** `lower`, `tie`, `same-rule`, `excluded`, `unspecified`, `silent`, `precondition`. */
  readonly reason: string;
  readonly zh: string;
  readonly en: string;
}

/** The answer for one resident. Money as "0.00" strings in yuan, dates as "YYYY-MM-DD". */
export interface Quote {
  readonly policyId: string;
  readonly status: 'determined' | 'unspecified';
  readonly standard: string;
  readonly individual: string | null;
  readonly subsidy: string | null;
  readonly dueAtPayment: string | null;
  readonly reimbursedLater: string | null;
  readonly mechanism: MechanismCode | null;
  readonly funders: readonly FunderCode[];
  readonly route: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly appliedCategory: CategoryCode | null;
  readonly notApplied: readonly NotApplied[];
  readonly window: WindowResult | null;
  readonly coverage: { readonly start: string; readonly end: string } | null;
  readonly explain: readonly ExplainStep[];
  readonly warnings: readonly QuoteWarning[];
}

interface CompiledRule {
  readonly rule: Rule;
  readonly amounts: RuleAmounts;
  readonly excludeMask: number;
  /** Indices into `conditions` that must hold (paid within a phase). */
  readonly phaseConditions: readonly number[];
  readonly variants: ReadonlyArray<{ readonly condition: number; readonly kind: MechanismCode; readonly cite: Citation }>;
  readonly roundingApplied: boolean;
}

/** A policy compiled for quoting. */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly standardFen: number;
  readonly ruleOf: ReadonlyArray<CompiledRule | undefined>;
  readonly ordinary: CompiledRule;
  /** Category input (code, Chinese name, group name) → bit mask. */
  readonly aliases: ReadonlyMap<string, number>;
  /** Day ranges whose membership changes a decision: [from, to] inclusive. */
  readonly conditions: ReadonlyArray<readonly [DayNumber, DayNumber]>;
  readonly window: WindowTable;
  readonly coverage: { readonly start: string; readonly end: string };
  readonly newborn: { readonly months: number; readonly cite: Citation } | undefined;
  /** Decisions by `mask + ctx * CONTEXT_STRIDE`; without a payment date, the finished quote by mask. */
  readonly memo: Array<Quote | undefined>;
  readonly memoNoDate: Array<Quote | undefined>;
  readonly steps: {
    readonly coverage: ExplainStep;
    readonly window: Readonly<Record<WindowReason, ExplainStep>>;
    readonly outsideWindow: QuoteWarning;
  };
}

export const CATEGORY_INDEX: ReadonlyMap<string, number> = new Map(CATEGORY_CODES.map((c, i) => [c, i]));
/** Decisions are memoised by `mask + ctx * CONTEXT_STRIDE`: one slot per set of categories, per payment-date context. */
export const CONTEXT_STRIDE = 1 << CATEGORY_CODES.length;
const bit = (c: CategoryCode) => 1 << (CATEGORY_INDEX.get(c) as number);

/** Group names DOMAIN.md gives; a policy's own definition wins. */
const DEFAULT_GROUPS: Record<string, CategoryCode[]> = {
  易返贫致贫人口: ['unstable-out-of-poverty', 'marginal-at-risk'],
  监测对象: ['unstable-out-of-poverty', 'marginal-at-risk', 'sudden-severe-hardship'],
};

/** The bit mask of a set of categories (bit i: `CATEGORY_CODES[i]`). */
export function maskOf(cs: readonly CategoryCode[]): number {
  let m = 0;
  for (const c of cs) m |= bit(c);
  return m;
}

function buildAliases(p: Policy): Map<string, number> {
  const a = new Map<string, number>();
  for (const [name, members] of Object.entries(DEFAULT_GROUPS)) a.set(name, maskOf(members));
  for (const r of p.categories) for (const n of r.names) a.set(n, maskOf(r.categories));
  for (const g of p.groups) a.set(g.name, maskOf(g.members));
  for (const c of CATEGORY_CODES) {
    for (const n of CATEGORY_NAMES[c].zh) a.set(n, bit(c));
    a.set(c, bit(c));
    a.set(CATEGORY_NAMES[c].en, bit(c));
  }
  return a;
}


/** Compiles a policy: rule amounts, aliases, window table, conditions. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const standardFen = toFen(policy.standard.amount);
  const conditions: Array<readonly [DayNumber, DayNumber]> = [];
  const condition = (from: DayNumber, to: DayNumber) => {
    const i = conditions.findIndex(([a, b]) => a === from && b === to);
    if (i >= 0) return i;
    conditions.push([from, to]);
    return conditions.length - 1;
  };
  const phases = new Map(policy.collection.phases.map((ph) => [ph.id, ph]));
  const ruleOf: Array<CompiledRule | undefined> = new Array(CATEGORY_CODES.length).fill(undefined);
  for (const rule of policy.categories) {
    const s = rule.subsidy;
    const compiled: CompiledRule = {
      rule,
      amounts: evaluateRule(s, standardFen, policy.rounding),
      excludeMask: rule.exclusions ? maskOf(rule.exclusions.categories) : 0,
      phaseConditions: (rule.preconditions ?? []).flatMap((c) => {
        if (c.kind !== 'paid-within-phase') return [];
        const ph = phases.get(c.phase)!;
        return [condition(parseCivilDate(ph.start)!, parseCivilDate(ph.end)!)];
      }),
      variants: (rule.mechanismVariants ?? []).map((v) => ({
        condition: condition(-1e9, parseCivilDate(v.paidBefore)! - 1),
        kind: v.kind,
        cite: v.cite,
      })),
      roundingApplied:
        s.kind === 'percentage' &&
        percentOfFen(s.rate, standardFen, 6, 'down') !== percentOfFen(s.rate, standardFen, policy.rounding.scale, policy.rounding.mode),
    };
    for (const c of rule.categories) ruleOf[CATEGORY_INDEX.get(c) as number] = compiled;
  }
  const nb = policy.collection.specialWindows.find((w) => w.kind === 'newborn');
  return {
    policy,
    standardFen,
    ruleOf,
    ordinary: ruleOf[0] as CompiledRule,
    aliases: buildAliases(policy),
    conditions,
    window: buildWindowTable(policy),
    coverage: freeze({ start: policy.coverage.start, end: policy.coverage.end }),
    newborn: nb ? { months: nb.withinMonthsOfBirth, cite: nb.cite } : undefined,
    memo: [],
    memoNoDate: [],
    steps: freeze(buildSteps(policy)),
  };
}

function buildSteps(p: Policy): CompiledPolicy['steps'] {
  const c = p.collection;
  const span = `${c.start.date} 至 ${c.end.date}${c.daysOfMonth ? `，每月 ${c.daysOfMonth.from}–${c.daysOfMonth.to} 日` : ''}`;
  const spanEn = `${c.start.date} to ${c.end.date}${c.daysOfMonth ? `, days ${c.daysOfMonth.from}–${c.daysOfMonth.to} of each month` : ''}`;
  const nb = c.specialWindows[0];
  const hol = c.holidayRule && !c.holidayRule.extendsOnHoliday ? '（节假日不顺延）' : '';
  return {
    coverage: { step: 'coverage', cite: p.coverage.cite, zh: `待遇享受期 ${p.coverage.start} 至 ${p.coverage.end}`, en: `coverage ${p.coverage.start} to ${p.coverage.end}` },
    window: {
      open: { step: 'window', cite: c.daysOfMonth?.cite ?? c.start.cite, zh: `缴费日期在征缴期内（${span}）`, en: `the payment date is inside the collection window (${spanEn})` },
      'before-start': { step: 'window', cite: c.start.cite, zh: `缴费日期早于征缴期开始（${c.start.date}）`, en: `the payment date is before the window opens (${c.start.date})` },
      'after-end': { step: 'window', cite: c.holidayRule?.cite ?? c.end.cite, zh: `缴费日期晚于征缴期截止（${c.end.date}）${hol}`, en: `the payment date is after the window closed (${c.end.date})${hol ? ', not extended for holidays' : ''}` },
      'day-of-month': { step: 'window', cite: c.daysOfMonth?.cite ?? c.start.cite, zh: `每月仅 ${c.daysOfMonth?.from}–${c.daysOfMonth?.to} 日可缴费`, en: `payment is accepted only on days ${c.daysOfMonth?.from}–${c.daysOfMonth?.to} of each month` },
      suspended: { step: 'window', cite: c.suspensions[0]?.cite ?? c.start.cite, zh: `缴费暂停期间（${c.suspensions.map((x) => `${x.from} 起，${x.resumesOn} 恢复`).join('；')}）`, en: `payment was suspended (${c.suspensions.map((x) => `from ${x.from}, resumed ${x.resumesOn}`).join('; ')})` },
      'newborn-special-window': { step: 'window', cite: nb?.cite ?? c.start.cite, zh: `新生儿自出生之日起 ${nb?.withinMonthsOfBirth} 个月内参保缴费，享受当年度待遇`, en: `a newborn enrolled within ${nb?.withinMonthsOfBirth} months of birth is covered for the current year` },
    },
    outsideWindow: { code: 'outside-window', zh: '缴费日期不在征缴期内：通知未规定此时缴费可享受的待遇期', en: 'the payment date is outside the collection window: the notice states no coverage for such a payment' },
  };
}

// ---------------------------------------------------------------- texts

const yuan = (fen: number) => formatFen(fen);

function ruleText(r: Rule, a: RuleAmounts, std: number): { zh: string; en: string } {
  const s = r.subsidy;
  if (!a) return { zh: `通知未给出数额：“${s.cite.quote}”`, en: `the notice states no figure: it defers ("${s.cite.quote}")` };
  const res = { zh: `资助 ${yuan(a.subsidyFen)} 元，个人缴费 ${yuan(a.individualFen)} 元`, en: `subsidy ${yuan(a.subsidyFen)}, individual ${yuan(a.individualFen)}` };
  switch (s.kind) {
    case 'none':
      return { zh: `不享受资助，个人按标准缴费 ${yuan(std)} 元`, en: `no subsidy; the person pays the standard ${yuan(std)}` };
    case 'full':
      return { zh: `全额资助：${res.zh}`, en: `full subsidy: ${res.en}` };
    case 'fixed':
      return { zh: `按 ${yuan(toFen(s.amount))} 元定额资助：${res.zh}`, en: `fixed subsidy of ${yuan(toFen(s.amount))}: ${res.en}` };
    case 'percentage': {
      const floor = s.floor ? toFen(s.floor) : undefined;
      return {
        zh: `按个人缴费标准 ${formatRate(s.rate)} 资助${floor !== undefined ? `（低于 ${yuan(floor)} 元按 ${yuan(floor)} 元）` : ''}：${res.zh}`,
        en: `${formatRate(s.rate)} of the standard${floor !== undefined ? `, at least ${yuan(floor)}` : ''}: ${res.en}`,
      };
    }
    default:
      return res;
  }
}

const names = (m: number, lang: 'zh' | 'en') =>
  CATEGORY_CODES.filter((c) => m & bit(c))
    .map((c) => categoryName(c, lang))
    .join(lang === 'zh' ? '、' : ', ');

// ---------------------------------------------------------------- decision

interface Candidate {
  readonly category: CategoryCode;
  readonly cr: CompiledRule | undefined;
  readonly cite: Citation;
}

/**
 * Decides for a set of categories (bit mask) in a payment-date context
 * (`ctx` bit 0: a payment date was given; bit i+1: condition i holds). Pure;
 * the result is memoised by the caller.
 */
export function decide(cp: CompiledPolicy, mask: number, ctx: number): Quote {
  const p = cp.policy;
  const std = cp.standardFen;
  const given = (ctx & 1) === 1;
  const holds = (cond: number) => (ctx & (2 << cond)) !== 0;
  const explain: ExplainStep[] = [
    { step: 'standard', cite: p.standard.cite, zh: `个人缴费标准为每人每年 ${yuan(std)} 元`, en: `the standard individual contribution is ${yuan(std)} a year` },
  ];
  const warnings: QuoteWarning[] = [];
  const notApplied: NotApplied[] = [];
  const determined: Candidate[] = [];
  const unspecified: Candidate[] = [];
  const silent: CategoryCode[] = [];
  const held = CATEGORY_CODES.filter((c) => c !== 'ordinary' && mask & bit(c));

  for (const c of held) {
    const cr = cp.ruleOf[CATEGORY_INDEX.get(c) as number];
    if (!cr) {
      if (p.otherCategories.status === 'unspecified') unspecified.push({ category: c, cr: undefined, cite: p.otherCategories.cite });
      else silent.push(c);
      continue;
    }
    const ex = cr.excludeMask & mask;
    if (ex) {
      const by = { zh: names(ex, 'zh'), en: names(ex, 'en') };
      notApplied.push({ category: c, reason: 'excluded', zh: `已纳入${by.zh}，不适用本项资助`, en: `excluded because the person is also ${by.en}` });
      explain.push({ step: 'exclusion', cite: cr.rule.exclusions!.cite, zh: `${categoryName(c, 'zh')}：已纳入${by.zh}，不适用`, en: `${categoryName(c, 'en')}: excluded (also ${by.en})` });
      continue;
    }
    if (given && cr.phaseConditions.some((i) => !holds(i))) {
      const pre = cr.rule.preconditions!.find((x) => x.kind === 'paid-within-phase')!;
      notApplied.push({ category: c, reason: 'precondition', zh: '缴费日期不在规定的缴费期内，不享受资助', en: 'paid outside the period the subsidy requires' });
      explain.push({ step: 'precondition', cite: pre.cite, zh: `${categoryName(c, 'zh')}：缴费日期不在规定期间内，不享受资助`, en: `${categoryName(c, 'en')}: paid outside the required period, no subsidy` });
      continue;
    }
    (cr.amounts ? determined : unspecified).push({ category: c, cr, cite: cr.rule.subsidy.cite });
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
      if (d.cr === applied.cr) notApplied.push({ category: d.category, reason: 'same-rule', zh: '与适用类别同属一条规则，不重复资助', en: 'same rule as the applied category; not paid twice' });
      else if (s === best) {
        notApplied.push({ category: d.category, reason: 'tie', zh: `资助额相同（${yuan(s)} 元），按类别顺序取${categoryName(applied.category, 'zh')}`, en: `same subsidy (${yuan(s)}); ${categoryName(applied.category, 'en')} comes first in the library's order` });
        warnings.push({ code: 'tie', zh: `${categoryName(d.category, 'zh')}与${categoryName(applied.category, 'zh')}资助额相同，通知未规定适用哪一项；资助来源可能不同`, en: `${categoryName(d.category, 'en')} and ${categoryName(applied.category, 'en')} give the same subsidy; the notice does not say which applies, and their funders may differ` });
      } else notApplied.push({ category: d.category, reason: 'lower', zh: `资助额较低（${yuan(s)} 元）`, en: `lower subsidy (${yuan(s)})` });
    }
    for (const u of unspecified) {
      notApplied.push({ category: u.category, reason: 'unspecified', zh: '通知未给出该类别的资助数额', en: 'the notice states no figure for this category' });
      if (best < std)
        warnings.push({ code: 'unspecified-might-give-more', zh: `${categoryName(u.category, 'zh')}的资助政策通知未明确（“${u.cite.quote}”），可能高于本结果`, en: `the notice defers for ${categoryName(u.category, 'en')} ("${u.cite.quote}"); it might give more than this result` });
    }
  } else if (unspecified.length) {
    status = 'unspecified';
    applied = unspecified[0] as Candidate;
    for (const u of unspecified.slice(1)) notApplied.push({ category: u.category, reason: 'unspecified', zh: '通知未给出该类别的资助数额', en: 'the notice states no figure for this category' });
  } else {
    applied = { category: 'ordinary', cr: cp.ordinary, cite: cp.ordinary.rule.subsidy.cite };
    if (!cp.ordinary.amounts) status = 'unspecified';
  }
  for (const s of silent) {
    notApplied.push({ category: s, reason: 'silent', zh: '通知未提及该类别，不享受资助', en: 'the notice does not mention this category; no subsidy' });
    warnings.push({ code: 'silent-category', zh: `通知未提及${categoryName(s, 'zh')}，按无资助处理`, en: `the notice is silent about ${categoryName(s, 'en')}; treated as no subsidy` });
  }
  const distinct = new Set(held.map((c) => cp.ruleOf[CATEGORY_INDEX.get(c) as number] ?? c));
  if (distinct.size > 1) {
    const cb = p.combination;
    warnings.push({ code: 'highest-single', zh: '多重身份按“就高、不重复”原则取单项最高资助，不叠加', en: 'several identities: the single highest subsidy applies, never stacked ("就高、不重复")' });
    explain.push({ step: 'combination', cite: cb.cite ?? null, zh: `多重身份取单项最高资助，不叠加${cb.assumption ? '（通知未规定，本库采用通行的“就高、不重复”原则）' : ''}`, en: `several identities: the single highest subsidy, never stacked${cb.assumption ? ` (assumption: ${cb.assumption})` : ''}` });
  }

  const cr = applied.cr;
  const label = { zh: categoryName(applied.category, 'zh'), en: categoryName(applied.category, 'en') };
  const text = cr ? ruleText(cr.rule, cr.amounts, std) : ruleText({ subsidy: { kind: 'unspecified', cite: applied.cite } } as Rule, null, std);
  explain.push({ step: 'rule', cite: applied.cite, zh: `${label.zh}：${text.zh}`, en: `${label.en}: ${text.en}` });

  let q: Quote;
  if (status === 'unspecified' || !cr || !cr.amounts) {
    q = {
      policyId: p.id, status: 'unspecified', standard: yuan(std), individual: null, subsidy: null, dueAtPayment: null, reimbursedLater: null,
      mechanism: null, funders: [], route: [], appliedCategory: applied.category, notApplied, window: null, coverage: cp.coverage, explain, warnings,
    };
  } else {
    const a = cr.amounts;
    let mechanism: MechanismCode = a.subsidyFen === 0 ? 'none' : (cr.rule.mechanism?.kind ?? 'none');
    let mcite = cr.rule.mechanism?.cite ?? null;
    for (const v of cr.variants) {
      if (given && holds(v.condition)) {
        mechanism = v.kind;
        mcite = v.cite;
        break;
      }
    }
    if (!given && cr.variants.length)
      warnings.push({ code: 'depends-on-payment-date', zh: `已在通知发布前按全额缴费的，征缴期结束后退补（“${cr.variants[0]!.cite.quote}”）；未提供缴费日期`, en: `those who paid the full standard before the notice are refunded after the window ("${cr.variants[0]!.cite.quote}"); no payment date was given` });
    const funders = [...new Set(cr.rule.funders.map((f) => f.funder))];
    if (a.subsidyFen > 0) {
      if (funders.length)
        explain.push({
          step: 'funders',
          cite: cr.rule.funders[0]!.cite,
          zh: `资金来源：${cr.rule.funders.map((f) => FUNDER_NAMES[f.funder].zh + (f.role === 'covers-shortfall' ? '（不足部分）' : '')).join('；')}`,
          en: `funded by ${cr.rule.funders.map((f) => FUNDER_NAMES[f.funder].en + (f.role === 'covers-shortfall' ? ' (covering the shortfall)' : '')).join('; ')}`,
        });
      else
        warnings.push({ code: 'no-funder-named', zh: '通知未写明资助资金来源（基金），只写明资金拨付路径', en: 'the notice names no fund for this subsidy, only the route the money takes' });
      for (const r of cr.rule.route ?? [])
        explain.push({ step: 'route', cite: r.cite, zh: `资金拨付：${r.from} → ${r.to}`, en: `money moves: ${r.from} → ${r.to}` });
      explain.push({ step: 'mechanism', cite: mcite, zh: `资助方式：${MECHANISM_NAMES[mechanism].zh}`, en: `mechanism: ${MECHANISM_NAMES[mechanism].en}` });
    }
    for (const pre of cr.rule.preconditions ?? []) {
      if (pre.kind === 'individual-part-paid-first')
        explain.push({ step: 'precondition', cite: pre.cite, zh: `须先缴纳个人缴费部分 ${yuan(a.individualFen)} 元，其余部分才享受资助`, en: `the individual part (${yuan(a.individualFen)}) must be paid first; the rest is then subsidised` });
      else if (pre.kind === 'enrolled-where-certified') {
        explain.push({ step: 'precondition', cite: pre.cite, zh: '原则上须在困难身份认定地参保', en: 'in principle, the person must enrol where the hardship identity was certified' });
        warnings.push({ code: 'precondition-assumed', zh: '假定在困难身份认定地参保（本库无法核实）', en: 'assumed: enrolled where the hardship identity was certified (the library cannot check this)' });
      } else if (!given) {
        explain.push({ step: 'precondition', cite: pre.cite, zh: '须在集中参保缴费期内缴费', en: 'payment must be made within the centralised period' });
        warnings.push({ code: 'precondition-assumed', zh: '未提供缴费日期，假定在集中缴费期内缴费', en: 'no payment date given: assumed paid within the centralised period' });
      } else explain.push({ step: 'precondition', cite: pre.cite, zh: '缴费日期在规定期间内', en: 'paid within the required period' });
    }
    if (cr.roundingApplied)
      warnings.push({ code: 'rounding-assumed', zh: `按比例计算的金额已取整（${p.rounding.assumption ? '通知未规定取整方式' : p.rounding.cite?.quote}）`, en: `the percentage was rounded (${p.rounding.assumption ?? p.rounding.cite?.quote})` });
    const collectsAll = mechanism === 'collect-then-reimburse' || mechanism === 'refund-after-window';
    q = {
      policyId: p.id,
      status: 'determined',
      standard: yuan(std),
      individual: yuan(a.individualFen),
      subsidy: yuan(a.subsidyFen),
      dueAtPayment: yuan(collectsAll || mechanism === 'none' ? std : a.individualFen),
      reimbursedLater: yuan(collectsAll ? a.subsidyFen : 0),
      mechanism,
      funders: a.subsidyFen > 0 ? funders : [],
      route: (cr.rule.route ?? []).map((r) => ({ from: r.from, to: r.to })),
      appliedCategory: applied.category,
      notApplied,
      window: null,
      coverage: cp.coverage,
      explain,
      warnings,
    };
  }
  return freeze(q);
}

/** The explain step and coverage of a newborn's special window, or undefined when it does not apply. */
export function newbornWindow(cp: CompiledPolicy, paidOn: DayNumber, birth: DayNumber) {
  const nb = cp.newborn;
  if (!nb || paidOn < birth || paidOn > addMonths(birth, nb.months)) return undefined;
  if (Number(formatCivilDate(paidOn).slice(0, 4)) !== cp.policy.coverageYear.year) return undefined;
  return nb;
}
