/**
 * Categories and their rules, as the genre writes them: "<names>按个人缴费标准
 * 80%的比例给予定额资助(低于280元按280元资助)，个人缴费40元", "<names>全额资助，
 * 即资助400元", "<names>继续执行原有的参保资助政策". Each rule: its names and
 * codes, the kind (full, fixed, percentage with floor, none, deferred, tiers),
 * stated results, exclusions ("不含已纳入…"), group definitions ("包括…"),
 * funders (and "和"/"或"), mechanism, preconditions.
 *
 * @module
 */
import type { CategoryCode, FunderCode, MechanismCode } from '../vocabulary.js';
import { clauseLabel, type Sentence } from './clauses.js';
import { categoryOf, findFunders } from './lexicon.js';
import { findMoney, toMoney, toRate } from './numbers.js';
import type { Cited, DraftContext } from './types.js';

type Cite = { clause: string; quote: string };

/** A rule's kind as read. `tiers`: several amounts by sub-class (drafted as classes of the category). */
export type RuleKind =
  | { kind: 'none' }
  | { kind: 'full' }
  | { kind: 'fixed'; amount: string }
  | { kind: 'percentage'; rate: string; floor?: string; cap?: string }
  | { kind: 'unspecified' }
  | { kind: 'tiers'; tiers: Array<{ name: string; amount: string }> };

/** One category rule as read from one sentence. */
export interface RuleFinding {
  names: string[];
  codes: CategoryCode[];
  /** Names the vocabulary has no code for: kept for the reviewer. */
  unmapped: string[];
  rule: RuleKind;
  cite: Cite;
  sentence: Sentence;
  stated: { subsidy?: Cited<string>; individual?: Cited<string> };
  /** `finance`: "财政" whose level of government is not stated. */
  funders: Array<{ funder: FunderCode | 'finance'; role: 'pays' | 'covers-shortfall'; cite: Cite }>;
  /** "A或B": either funder, the notice does not say which. */
  funding?: 'one-of';
  /** `inferred`: read from "全额资助"/"定额资助" alone, without the individual part or the mechanism named. */
  mechanism?: { kind: MechanismCode; cite: Cite; inferred?: string };
  mechanismVariants: Array<{ kind: MechanismCode; cite: Cite }>;
  preconditions: Array<{ kind: 'individual-part-paid-first' | 'enrolled-where-certified'; cite: Cite } | { kind: 'paid-within-phase'; phase: string; cite: Cite }>;
  exclusions?: { categories: CategoryCode[]; cite: Cite };
  /** The rule is the notice's restatement of the standard for ordinary residents. */
  derivedFromStandard?: boolean;
  /** Where a second rule starts in the same sentence (offset in the sentence). */
  next?: number;
  /** "对已缴费的…退补": paid before this date (the notice's date, an inference). */
  variantBefore?: string;
}

/** A group the notice defines ("易返贫致贫人口(包括脱贫不稳定人口和边缘易致贫人口"). */
export interface GroupFinding {
  name: string;
  members: CategoryCode[];
  cite: Cite;
}

/** What the category finder returns. */
export interface CategoryFindings {
  rules: RuleFinding[];
  groups: GroupFinding[];
  /** "特殊人群资助按相关政策规定执行": every category no rule names is deferred. */
  othersDeferred?: Cite;
}

const MARKERS = ['按', '给予', '由', '实行', '个人缴费', '参加', '资助标准', '不再', '继续', '全额', '需先', '集中参保', '资助参保'];

/** Index of the first marker (or top-level comma) outside brackets; -1 if none. */
function subjectEnd(t: string): number {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '(' || c === '“' || c === '《') depth++;
    else if ((c === ')' || c === '”' || c === '》') && depth > 0) depth--;
    if (depth) continue;
    if (c === '，' || c === '：') return i;
    for (const m of MARKERS) if (t.startsWith(m, i)) return i;
  }
  return -1;
}

/** Splits on a separator outside brackets. */
function splitTop(s: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '(' || c === '“') depth++;
    else if ((c === ')' || c === '”') && depth > 0) depth--;
    if (!depth && seps.includes(c)) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.filter((x) => x.length);
}

const PREFIX = /^(对|对于|其中，|自\d{4}年起，|\d{4}-\d{4}年，|\d{4}年起，)/;
const NAME_PREFIX = /^.*?(认定的|监测范围的|确定的|中的)/;
const NAME_SUFFIX = /(等困难群众|等资助对象|等人员|等|家庭成员集中参保缴费期)$/;

/** A list of names ("A、B和C") into names; "和" splits only where both sides are known names. */
export function splitNames(s: string): string[] {
  const out: string[] = [];
  for (const part of splitTop(s, '、')) {
    const p = part.replace(NAME_PREFIX, '').replace(NAME_SUFFIX, '').trim();
    if (!p) continue;
    const halves = p.includes('(') ? [p] : p.split(/和|及|与/);
    if (halves.length > 1 && halves.every((h) => categoryOf(h))) out.push(...halves);
    else out.push(p);
  }
  return out;
}

interface Subject {
  names: string[];
  codes: CategoryCode[];
  unmapped: string[];
  group?: { name: string; members: CategoryCode[] };
  exclusions?: { categories: CategoryCode[]; text: string };
}

/** Reads a subject: names, their codes, a group defined in brackets, exclusions. */
export function readSubject(s: string): Subject {
  const names: string[] = [];
  const codes: CategoryCode[] = [];
  const unmapped: string[] = [];
  let group: Subject['group'];
  let exclusions: Subject['exclusions'];
  for (const item of splitNames(s)) {
    const m = /^([^()]*)\((.*)\)(.*)$/.exec(item);
    const main = m ? m[1]! + (m[3] ?? '') : item;
    const inner = m ? m[2]! : '';
    const parts = splitTop(inner, '，');
    const innerNames: string[] = [];
    let innerCodes: CategoryCode[] = [];
    let defines = false;
    for (const part of parts) {
      const ex = /^不含(已纳入)?(.+?)(范围的?人员|人员)?$/.exec(part);
      if (ex) {
        const ns = splitNames(ex[2]!);
        const cs = [...new Set(ns.map((n) => categoryOf(n)).filter((c): c is CategoryCode => !!c))];
        if (cs.length) exclusions = { categories: cs, text: part };
        continue;
      }
      if (part === '下同') continue;
      const inc = /^(包括|含|即)?(.+)$/.exec(part)!;
      if (inc[1] === '包括') defines = true;
      for (const n of splitNames(inc[2]!)) {
        innerNames.push(n);
        const c = categoryOf(n);
        if (c) innerCodes.push(c);
      }
    }
    innerCodes = [...new Set(innerCodes)];
    const code = categoryOf(main);
    names.push(main, ...innerNames.filter((n) => n !== main));
    if (code) {
      codes.push(code);
      // Names in brackets that are other categories are members too (特困人员(含孤儿…)).
      codes.push(...innerCodes.filter((c) => c !== code));
    } else if (innerCodes.length >= 2 && defines) {
      group = { name: main, members: innerCodes };
      codes.push(...innerCodes);
    } else if (innerCodes.length) codes.push(...innerCodes);
    else unmapped.push(main);
  }
  return { names: [...new Set(names)], codes: [...new Set(codes)], unmapped, group, exclusions };
}

const DEFERRED = /(继续)?(执行|按)原(有的?)?(参保)?(资助)?政策(执行)?|按相关政策(规定)?执行|按有关政策(规定)?执行/;
const NONE = /不再享受(资助参保|参保资助)?政策|不享受(参保)?资助|不予资助/;
const FULL = /全额资助|全额代缴|个人不需缴费|个人无需缴费|全额补助/;
const PERCENT = /(\d+(?:\.\d+)?)%的(?:比例|标准)|(?:缴费标准|标准)的(\d+(?:\.\d+)?)%/;
const FLOOR = /低于(\d+(?:\.\d+)?)元的?，?按(\d+(?:\.\d+)?)元/;
const FLOOR_MIN = /(?:最低|不低于|至少)(\d+(?:\.\d+)?)元/;
const INDIVIDUAL_BEFORE = /个人(另需|仍需|只需|还需|需|自付|自缴|应|实际)?(缴费|缴纳|负担|承担|支付)(部分)?(为)?(每人每年)?$/;

/** Reads one rule sentence. Returns undefined when the sentence states no rule for named categories. */
export function readRule(ctx: DraftContext, sentence: Sentence): RuleFinding | undefined {
  const label = clauseLabel(sentence.text);
  const bodyStart = label ? label.length : 0;
  let t = sentence.text.slice(bodyStart);
  let shift = bodyStart;
  const pre = PREFIX.exec(t);
  if (pre) {
    t = t.slice(pre[0].length);
    shift += pre[0].length;
  }
  const end = subjectEnd(t);
  if (end <= 0) return undefined;
  const subjectText = t.slice(0, end);
  const restAll = t.slice(end);
  // A second subject in the same sentence ("特困人员全额资助，低保对象按80%…") starts a rule of its own.
  let cut = -1;
  for (let i = 0, depth = 0; i < restAll.length && cut < 0; i++) {
    const c = restAll[i]!;
    if (c === '(' || c === '“') depth++;
    else if ((c === ')' || c === '”') && depth > 0) depth--;
    if (depth || c !== '，') continue;
    const seg = restAll.slice(i + 1).replace(PREFIX, '');
    const e2 = subjectEnd(seg);
    if (e2 > 0 && readSubject(seg.slice(0, e2)).codes.length && /资助|补助|缴费|全额|%|政策/.test(seg)) cut = i;
  }
  const rest = cut >= 0 ? restAll.slice(0, cut) : restAll;
  const next = cut >= 0 ? shift + end + cut + 1 : undefined;
  const subject = readSubject(subjectText);
  if (!subject.codes.length && !subject.unmapped.length) return undefined;
  // Unknown names must look like names of people, not of work ("医保部门做好…").
  if (!subject.codes.length && !subject.unmapped.every((n) => /(人口|人员|对象|者|户|成员|儿童|老年人|未成年人)$/.test(n) && n.length <= 30)) return undefined;

  const at = (re: RegExp) => re.exec(rest);
  let rule: RuleKind | undefined;
  const money = findMoney(rest);
  const floorM = at(FLOOR) ?? (() => {
    const m = at(FLOOR_MIN);
    return m ? Object.assign([m[0], m[1], m[1]], { index: m.index, input: m.input }) as unknown as RegExpExecArray : null;
  })();
  const floorSpan = floorM ? [floorM.index, floorM.index + floorM[0].length] : [-1, -1];
  const individualM = money.find((m) => INDIVIDUAL_BEFORE.test(rest.slice(Math.max(0, m.index - 8), m.index)));
  // A cap ("最高不超过300元") is not a subsidy: today's model has no place for it.
  const isCap = (m: { index: number }) => /(不超过|最高|最多|封顶|以内)$/.test(rest.slice(Math.max(0, m.index - 6), m.index));
  const caps = money.filter(isCap);
  const subsidyAmounts = money.filter(
    (m) => m !== individualM && !isCap(m) && !(m.index >= floorSpan[0]! && m.index < floorSpan[1]!) && !/缴费标准(为)?$/.test(rest.slice(Math.max(0, m.index - 6), m.index)),
  );
  // "A、B分别…X元、Y元": paired in order where the counts agree; otherwise left to the reviewer.
  if (/分别/.test(t)) {
    ctx.ambiguity(
      `categories[${subject.names[0]}]`,
      '“分别”对应多个类别与数额：请审核人逐一对应，本句未写入草稿',
      '"respectively" pairs several categories with several figures: the reviewer pairs them; this sentence is left out',
      ctx.cite(null, sentence.clause, sentence.start, sentence.end).cite,
    );
    return undefined;
  }
  if (DEFERRED.test(rest)) rule = { kind: 'unspecified' };
  else if (NONE.test(rest)) rule = { kind: 'none' };
  else if (FULL.test(rest)) rule = { kind: 'full' };
  else if (at(PERCENT) || (/个人缴费/.test(t) && (rest.match(/\d+(?:\.\d+)?%/g) ?? []).length === 1 && rest.split(/[，；]/).some((seg) => /%/.test(seg) && /资助|补助/.test(seg) && !/率|达到|覆盖|完成|任务/.test(seg)))) {
    // "按…80%的比例", "标准的90%", or the one percentage of a rule about the individual contribution.
    const pm = at(PERCENT) ?? /(\d+(?:\.\d+)?)%/.exec(rest)!;
    const rate = toRate((pm[1] ?? pm[2])!);
    if (rate) rule = { kind: 'percentage', rate, ...(floorM && floorM[1] === floorM[2] ? { floor: toMoney(floorM[1]!)! } : {}) };
  } else if (subsidyAmounts.length && /资助|补助|补贴/.test(rest)) rule = { kind: 'fixed', amount: subsidyAmounts[0]!.amount };
  else if (subject.codes.includes('ordinary') && /缴费标准(为|是)/.test(rest) && !/资助|补助/.test(rest)) rule = { kind: 'none' };
  else if (/定额资助/.test(rest)) rule = { kind: 'tiers', tiers: [] }; // amounts follow ("其中，…")
  if (!rule) return undefined;
  // A cap ("最高不超过300元") bounds a percentage; on any other rule it is left to the reviewer.
  if (caps.length === 1 && rule.kind === 'percentage') rule.cap = caps[0]!.amount;
  else if (caps.length)
    ctx.ambiguity(
      `categories[${subject.names[0]}]`,
      `资助上限（${caps.map((c) => `${c.amount} 元`).join('、')}）：不是按比例资助的上限，未写入草稿`,
      `a cap on the subsidy (${caps.map((c) => c.amount).join(', ')}) that does not bound a single percentage: left out of the draft`,
      ctx.cite(null, sentence.clause, sentence.start, sentence.end).cite,
    );

  const sStart = sentence.start;
  const cite = ctx.cite(null, sentence.clause, sStart, next === undefined ? sentence.end : sStart + next - 1).cite;
  const spanCite = (i: number, len: number, value: string) => ctx.cite(value, sentence.clause, sStart + shift + end + i, sStart + shift + end + i + len);
  const stated: RuleFinding['stated'] = {};
  if (individualM) {
    const from = rest.lastIndexOf('个人', individualM.index);
    stated.individual = spanCite(from, individualM.index + individualM.length - from, individualM.amount);
  } else {
    const zero = /个人(不需|无需)缴费/.exec(rest);
    if (zero && rule.kind === 'full') stated.individual = spanCite(zero.index, zero[0].length, '0.00');
  }
  if ((rule.kind === 'full' || rule.kind === 'percentage') && subsidyAmounts.length) {
    const m = subsidyAmounts[0]!;
    const back = rest.slice(Math.max(0, m.index - 10), m.index);
    const k = Math.max(back.lastIndexOf('即'), back.lastIndexOf('给予'), back.lastIndexOf('，') + 1 > 0 ? back.lastIndexOf('，') + 1 : -1);
    const from = k >= 0 ? m.index - back.length + k : Math.max(0, m.index - 6);
    stated.subsidy = spanCite(from, m.index + m.length - from, m.amount);
  }

  const funders: RuleFinding['funders'] = [];
  let funding: RuleFinding['funding'];
  const fm = findFunders(rest);
  const scopeUnclear = /资助参保所需资金由/.test(rest);
  if (scopeUnclear) {
    ctx.ambiguity(
      `categories[${subject.names[0]}].funders`,
      `“资助参保所需资金由…负担”未写明适用于哪些类别（本句所列类别，或前文所有资助对象）：两种读法，均未采用`,
      'the funding sentence does not say whom it covers (the categories of this sentence, or all those subsidised before it): two readings, neither picked',
      cite,
    );
  } else {
    // "A或B": either, the notice does not say which (one-of); "财政" without a level stays so.
    if (fm.length > 1 && /或/.test(rest.slice(fm[0]!.index, fm[fm.length - 1]!.index))) funding = 'one-of';
    for (const f of fm) {
      const funder = f.funder === 'unqualified-finance' ? 'finance' : f.funder;
      const role = funding ? 'pays' : /不足部分由$/.test(rest.slice(Math.max(0, f.index - 5), f.index)) ? 'covers-shortfall' : 'pays';
      if (!funders.some((x) => x.funder === funder)) funders.push({ funder, role, cite });
    }
  }

  let mechanism: RuleFinding['mechanism'];
  // Cited where the notice names the mechanism or states what the person pays; read from
  // "全额资助"/"定额资助" alone it is an inference (issue 9: "全额资助" does not state a mechanism).
  const paysStated = !!individualM || /个人(不需|无需|不再)缴费/.test(rest);
  if (/先征后补|先缴后补|先征后返|先缴后返|先缴费后补助/.test(rest)) mechanism = { kind: 'collect-then-reimburse', cite };
  else if (/全额代缴/.test(rest)) mechanism = { kind: 'full-proxy', cite };
  else if (rule.kind === 'full')
    mechanism = paysStated
      ? { kind: 'full-proxy', cite }
      : { kind: 'full-proxy', cite, inferred: '“全额资助”读作全额代缴（个人不缴费），通知未写明资助方式 / "全额资助" read as paid in full on the person\'s behalf; the notice does not name the mechanism' };
  else if ((rule.kind === 'fixed' || rule.kind === 'percentage' || rule.kind === 'tiers') && (/定额资助/.test(rest) || individualM))
    mechanism = paysStated
      ? { kind: 'reduced-at-payment', cite }
      : { kind: 'reduced-at-payment', cite, inferred: '“定额资助”读作缴费时直接减免，通知未写明资助方式 / "定额资助" read as deducted at payment; the notice does not name the mechanism' };

  const preconditions: RuleFinding['preconditions'] = [];
  if (/^集中(参保)?(缴费|征缴)期(内)?参加|在集中(参保)?(缴费|征缴)期(内|间)(参保|缴费|参加)/.test(rest)) preconditions.push({ kind: 'paid-within-phase', phase: 'centralised', cite });
  const exclusions = subject.exclusions
    ? { categories: subject.exclusions.categories, cite: { clause: sentence.clause, quote: quoteWithin(ctx, sentence, subject.exclusions.text) } }
    : undefined;
  return {
    names: subject.names,
    codes: subject.codes,
    unmapped: subject.unmapped,
    rule,
    cite,
    sentence,
    stated,
    funders,
    ...(funding ? { funding } : {}),
    ...(mechanism ? { mechanism } : {}),
    mechanismVariants: [],
    preconditions,
    ...(exclusions ? { exclusions } : {}),
    ...(next !== undefined ? { next } : {}),
  };
}

/** The verbatim quote of a substring of a sentence (its first occurrence). */
function quoteWithin(ctx: DraftContext, s: Sentence, sub: string): string {
  const i = s.text.indexOf(sub);
  if (i < 0) return ctx.cite(null, s.clause, s.start, s.end).cite.quote;
  return ctx.cite(null, s.clause, s.start + i, s.start + i + sub.length).cite.quote;
}

/** "A(包括B、C)" in a sentence that is not a rule, or "监测对象中的A、B、C": group definitions. */
function readGroups(ctx: DraftContext, s: Sentence, rules: RuleFinding[], groups: GroupFinding[]) {
  for (const m of s.text.matchAll(/([\u4e00-\u9fa5]{2,10}?)中的([^，。；由]+)/g)) {
    const ns = splitNames(m[2]!);
    const cs = [...new Set(ns.map(categoryOf).filter((c): c is CategoryCode => !!c))];
    if (cs.length >= 2 && !categoryOf(m[1]!) && !groups.some((g) => g.name === m[1])) {
      const i = s.text.indexOf(m[0]);
      groups.push({ name: m[1]!, members: cs, cite: ctx.cite(null, s.clause, s.start + i, s.start + i + m[0].length).cite });
      // The group's name is a name of the rule that covers exactly its members.
      for (const r of rules) if (cs.every((c) => r.codes.includes(c)) && !r.names.includes(m[1]!)) r.names.push(m[1]!);
    }
  }
}

/** Finds every category rule, group and deferral of a notice. */
export function findCategories(ctx: DraftContext): CategoryFindings {
  const rules: RuleFinding[] = [];
  const groups: GroupFinding[] = [];
  let othersDeferred: Cite | undefined;
  const ss = [...ctx.sentences];
  for (let i = 0; i < ss.length; i++) {
    const s = ss[i]!;
    if (s.clause === '文头' && !/资助|缴费/.test(s.text)) continue;
    if (/资助参保所需资金[，：]/.test(s.text)) {
      i = readFunding(ctx, ss, i, rules);
      continue;
    }
    const body = s.text.slice(clauseLabel(s.text)?.length ?? 0);
    if (/^(上述|以上|所需)?(参保)?资助(参保)?(所需)?资金(由|从)/.test(body)) {
      readBlanketFunding(ctx, s, rules);
      continue;
    }
    if (/需先缴纳个人缴费部分|先缴纳个人(缴费)?部分/.test(s.text)) {
      const subj = readSubject(s.text.slice(clauseLabel(s.text)?.length ?? 0).split(/等资助对象|需先/)[0]!);
      const c = ctx.cite(null, s.clause, s.start, s.end).cite;
      for (const r of rules)
        if ((r.codes.some((x) => subj.codes.includes(x)) || r.names.some((n) => subj.names.includes(n))) && r.rule.kind !== 'full' && r.rule.kind !== 'none' && r.rule.kind !== 'unspecified')
          r.preconditions.push({ kind: 'individual-part-paid-first', cite: c });
      continue;
    }
    if (/困难身份认定地参加.*方可享受/.test(s.text)) {
      const c = ctx.cite(null, s.clause, s.start, s.end).cite;
      for (const r of rules) if (r.sentence.paragraph === s.paragraph && r.rule.kind !== 'none' && r.rule.kind !== 'unspecified') r.preconditions.push({ kind: 'enrolled-where-certified', cite: c });
      continue;
    }
    if (/已缴费的.*退补/.test(s.text)) {
      const last = rules[rules.length - 1];
      if (last && last.sentence.clause === s.clause) last.mechanismVariants.push({ kind: 'refund-after-window', cite: ctx.cite(null, s.clause, s.start, s.end).cite });
      continue;
    }
    if (/^其中，/.test(s.text)) {
      const last = rules[rules.length - 1];
      if (last && last.rule.kind === 'tiers' && last.sentence.paragraph === s.paragraph) {
        for (const seg of s.text.slice(3).split(/[，。]/)) {
          const m = /^(.+?)资助标准为(\d+(?:\.\d+)?)元$/.exec(seg);
          if (m) last.rule.tiers.push({ name: m[1]!, amount: toMoney(m[2]!)! });
        }
        last.cite = { clause: last.cite.clause, quote: last.cite.quote + ctx.cite(null, s.clause, s.start, s.end).cite.quote };
        continue;
      }
    }
    const r = readRule(ctx, s);
    if (r?.next !== undefined) ss.splice(i + 1, 0, { ...s, text: s.text.slice(r.next), start: s.start + r.next });
    if (r) {
      if (r.rule.kind === 'tiers' && rules.some((x) => x.codes.some((c) => r.codes.includes(c)))) continue;
      rules.push(r);
      continue;
    }
    if (DEFERRED.test(s.text) && /特殊人群|困难群众|其他人员|资助/.test(s.text) && !othersDeferred) {
      othersDeferred = ctx.cite(null, s.clause, s.start, s.end).cite;
      continue;
    }
    readGroups(ctx, s, rules, groups);
  }
  // Groups defined inside rule subjects.
  for (const r of rules) {
    const g = readSubject(r.sentence.text.slice(clauseLabel(r.sentence.text)?.length ?? 0).replace(PREFIX, '').slice(0, Math.max(0, subjectEnd(r.sentence.text.slice(clauseLabel(r.sentence.text)?.length ?? 0).replace(PREFIX, ''))))).group;
    if (g && !groups.some((x) => x.name === g.name)) {
      const i = r.sentence.text.indexOf(`${g.name}(包括`);
      const j = i >= 0 ? r.sentence.text.indexOf('，', i) : -1;
      const close = i >= 0 ? r.sentence.text.indexOf(')', i) : -1;
      const stop = j >= 0 && (close < 0 || j < close) ? j : close;
      const cite = i >= 0 && stop > i ? ctx.cite(null, r.sentence.clause, r.sentence.start + i, r.sentence.start + stop).cite : r.cite;
      groups.push({ name: g.name, members: g.members, cite });
    }
  }
  return { rules: settle(ctx, rules), groups, ...(othersDeferred ? { othersDeferred } : {}) };
}

/** "资助参保所需资金，A由X资助，不足部分由Y…；B由Z负担；其余人员由W负担。" */
function readFunding(ctx: DraftContext, ss: readonly Sentence[], i: number, rules: RuleFinding[]): number {
  const first = ss[i]!;
  let j = i;
  while (ss[j + 1] && ss[j + 1]!.paragraph === first.paragraph && !/。$/.test(ss[j]!.text)) j++;
  const cite = ctx.cite(null, first.clause, first.start, ss[j]!.end).cite;
  const named = new Set<CategoryCode>();
  const assignments: Array<{ codes: CategoryCode[] | 'rest'; funders: RuleFinding['funders'] }> = [];
  for (let k = i; k <= j; k++) {
    const seg = ss[k]!.text.replace(/^资助参保所需资金[，：]/, '').replace(/[；。]$/, '');
    const by = seg.indexOf('由');
    if (by <= 0) continue;
    const who = seg.slice(0, by);
    const codes: CategoryCode[] | 'rest' = /^其余|^其他/.test(who) ? 'rest' : readSubject(who).codes;
    if (codes !== 'rest') codes.forEach((c) => named.add(c));
    const fs: RuleFinding['funders'] = [];
    for (const f of findFunders(seg.slice(by))) {
      const funder = f.funder === 'unqualified-finance' ? 'finance' : f.funder;
      const role = /不足部分由$/.test(seg.slice(by).slice(Math.max(0, f.index - 5), f.index)) ? 'covers-shortfall' : 'pays';
      if (!fs.some((x) => x.funder === funder)) fs.push({ funder, role, cite });
    }
    assignments.push({ codes, funders: fs });
  }
  for (const a of assignments) {
    for (const r of rules) {
      if (r.rule.kind === 'none' || r.rule.kind === 'unspecified') continue;
      const hit = a.codes === 'rest' ? !r.codes.some((c) => named.has(c)) : r.codes.some((c) => (a.codes as CategoryCode[]).includes(c));
      if (!hit) continue;
      for (const f of a.funders) if (!r.funders.some((x) => x.funder === f.funder)) r.funders.push(f);
    }
  }
  return j;
}

/** "资助资金由医疗救助基金列支。" on its own: the funder of every subsidy of the same clause that names none. */
function readBlanketFunding(ctx: DraftContext, s: Sentence, rules: RuleFinding[]) {
  const cite = ctx.cite(null, s.clause, s.start, s.end).cite;
  const fs = findFunders(s.text);
  if (!fs.length) return;
  const oneOf = fs.length > 1 && /或/.test(s.text.slice(fs[0]!.index, fs[fs.length - 1]!.index));
  const top = s.clause.split('、')[0];
  const covered = rules.filter((r) => r.cite.clause.split('、')[0] === top && r.rule.kind !== 'none' && r.rule.kind !== 'unspecified' && !r.funders.length);
  for (const r of covered) {
    for (const f of fs) {
      const funder = f.funder === 'unqualified-finance' ? 'finance' : f.funder;
      if (!r.funders.some((x) => x.funder === funder)) r.funders.push({ funder, role: 'pays', cite });
    }
    if (oneOf) r.funding = 'one-of';
  }
  if (covered.length)
    ctx.inference(
      'categories.funders',
      `“${s.text}”读作本条款（${top}）所列全部资助的资金来源`,
      `read as the funder of every subsidy listed in clause ${top}`,
      cite,
    );
}

/** Two rules for one category: the same reading is kept once; different readings are both dropped. */
function settle(ctx: DraftContext, rules: RuleFinding[]): RuleFinding[] {
  const out: RuleFinding[] = [];
  const key = (r: RuleFinding) => JSON.stringify(r.rule);
  for (const r of rules) {
    const clash = out.find((o) => o.codes.some((c) => r.codes.includes(c)));
    if (!clash) {
      out.push(r);
      continue;
    }
    if (key(clash) === key(r)) continue;
    ctx.ambiguity(
      `categories[${r.names[0]}]`,
      `“${clash.names[0]}”有两处规则（${clash.cite.clause}、${r.cite.clause}），读法不同：均未采用`,
      `${clash.names[0]} has two rules (${clash.cite.clause}, ${r.cite.clause}) that differ: neither is picked`,
      r.cite,
    );
    out.splice(out.indexOf(clash), 1);
  }
  return out;
}
