/**
 * `yibao-rules/draft`: from a notice's text to a checked draft policy.
 *
 * Deterministic and offline: patterns and a small grammar of how these
 * notices are written, no model, no network. Every value carries the clause
 * of the notice and the verbatim quote it was read from; a value derived
 * rather than read is listed as an inference with its reasoning; what is not
 * found is "not stated"; where two readings are possible, neither is picked.
 * The draft is then validated and audited ({@link safeDefinePolicy}) and every
 * quote is checked against the text.
 *
 * @example
 * ```ts
 * import { draftPolicy } from 'yibao-rules/draft';
 * const d = draftPolicy(fs.readFileSync('notice.txt', 'utf8'));
 * d.valid      // true when the draft validates and its audit is clean
 * d.policy     // the draft, in the policy model
 * d.report.zh  // what a reviewer ticks, and what is missing
 * ```
 *
 * @module
 */
import { checkPolicy } from '../check-policy.js';
import { auditPolicy, safeDefinePolicy, type PolicyGap } from '../policy.js';
import type { PolicyData } from '../schema.js';
import type { YibaoIssue } from '../errors.js';
import { assemble, type Findings } from './assemble.js';
import { findCategories, type RuleFinding } from './categories.js';
import { structure } from './clauses.js';
import { findCounty, findDocument } from './header.js';
import { normalise, quoteOf, squash } from './normalise.js';
import { renderReport } from './report.js';
import type { Cited, DraftContext, DraftNote } from './types.js';
import { findTables } from './tables.js';
import { findCalendar, findStandard } from './window.js';

export { normalise, quoteOf } from './normalise.js';
export { structure, clauseLabel } from './clauses.js';
export { findDates, resolveDate } from './dates.js';
export { chineseNumber, findMoney } from './numbers.js';
export type { DraftNote } from './types.js';
export type { Findings } from './assemble.js';

/** A quote that could not be found in the notice, or that carries personal data. */
export interface QuoteProblem {
  readonly path: string;
  readonly quote: string;
  readonly zh: string;
  readonly en: string;
}

/** The result of drafting one notice. */
export interface Draft {
  /** The draft policy in the open policy model (possibly incomplete: see `notStated`). */
  readonly policy: Record<string, unknown>;
  /** True when the draft validates, its audit is clean and every quote is verified. */
  readonly valid: boolean;
  /** Validation and audit problems (codes, paths, both languages). */
  readonly issues: readonly YibaoIssue[];
  readonly notStated: readonly DraftNote[];
  readonly inferences: readonly DraftNote[];
  readonly ambiguities: readonly DraftNote[];
  /** What the notice states that the draft could not place in the policy (left to the reviewer). */
  readonly unrepresentable: readonly DraftNote[];
  readonly quoteProblems: readonly QuoteProblem[];
  /** What the draft records as not stated or inferred (`policyGaps`), when it validates. */
  readonly gaps: readonly PolicyGap[];
  /** `checkPolicy(draft, { notice })`: what `yibao-rules check --notice` says of the draft. */
  readonly check: { readonly ok: boolean; readonly problems: readonly YibaoIssue[]; readonly quotesChecked: number };
  /** Everything the finders found, model-independent. */
  readonly findings: Findings;
  /** The reviewer's report in Markdown (Chinese first, English beside). */
  readonly report: string;
}

const PHONE = /(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/;

/** Every { clause, quote } inside a value, with its path. */
export function citationsOf(v: unknown, path = ''): Array<{ path: string; quote: string }> {
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  const here = typeof o.clause === 'string' && typeof o.quote === 'string' ? [{ path, quote: o.quote }] : [];
  return here.concat(...Object.entries(o).map(([k, x]) => citationsOf(x, path ? `${path}.${k}` : k)));
}

/**
 * Checks every quote of a draft: it must occur in the notice (white space
 * ignored) and carry no phone number.
 */
export function verifyQuotes(policy: unknown, notice: string): QuoteProblem[] {
  const text = squash(notice);
  const out: QuoteProblem[] = [];
  for (const c of citationsOf(policy)) {
    if (!text.includes(squash(c.quote))) out.push({ path: c.path, quote: c.quote, zh: '引文在通知中找不到', en: 'the quote does not occur in the notice' });
    if (PHONE.test(c.quote)) out.push({ path: c.path, quote: c.quote.replace(PHONE, '***'), zh: '引文含电话号码（个人信息）', en: 'the quote carries a phone number (personal data)' });
  }
  return out;
}

/**
 * Drafts a policy from a notice's text. Never throws for any text; the same
 * text always gives the same draft.
 *
 * @example
 * ```ts
 * const d = draftPolicy('二、缴费标准\n2031年度城乡居民个人缴费标准为每人每年五百元。');
 * d.findings.standard?.value // '500.00'
 * d.findings.standard?.cite  // { clause: '二', quote: '2031年度城乡居民个人缴费标准为每人每年五百元。' }
 * d.notStated.map((n) => n.field) // ['county', 'document.number', …, 'collection.start', …]
 * ```
 */
export function draftPolicy(notice: string): Draft {
  const normal = normalise(notice);
  const { paragraphs, sentences } = structure(normal);
  const inferences: DraftNote[] = [];
  const ambiguities: DraftNote[] = [];
  const extraUnrep: DraftNote[] = [];
  const ctx: DraftContext = {
    normal,
    text: normal.text,
    paragraphs,
    sentences,
    cite<T>(value: T, clause: string, start: number, end: number, inferred?: string): Cited<T> {
      return { value, cite: { clause, quote: quoteOf(normal, start, end) }, start, end, ...(inferred ? { inferred } : {}) };
    },
    inference: (field, zh, en, cite) => void inferences.push({ field, zh, en, ...(cite ? { cite } : {}) }),
    ambiguity: (field, zh, en, cite) => void ambiguities.push({ field, zh, en, ...(cite ? { cite } : {}) }),
    unrepresentable: (field, zh, en, cite) => void extraUnrep.push({ field, zh, en, ...(cite ? { cite } : {}) }),
  };

  const document = findDocument(ctx);
  const county = findCounty(ctx, document);
  const standard = findStandard(ctx);
  const titleYear = document.title && /(\d{4})年度/.exec(document.title.value);
  const calendar = findCalendar(ctx, standard, titleYear ? { ...document.title!, value: Number(titleYear[1]) } : undefined, document.issuedOn?.value);
  const categories = findCategories(ctx);

  // Ordinary residents: where no rule names them, they pay the standard (the notice's own figure).
  if (standard && !categories.rules.some((r) => r.codes.includes('ordinary'))) {
    const s = sentences.find((x) => x.start <= standard.start && standard.start < x.end)!;
    categories.rules.unshift({
      names: ['城乡居民'],
      codes: ['ordinary'],
      unmapped: [],
      rule: { kind: 'none' },
      cite: standard.cite,
      sentence: s,
      stated: {},
      funders: [],
      mechanismVariants: [],
      preconditions: [],
      derivedFromStandard: true,
    } satisfies RuleFinding);
    inferences.push({
      field: 'categories[ordinary]',
      zh: '普通城乡居民：通知未单列其规则，按个人缴费标准缴费、无资助（读自缴费标准条款）',
      en: 'ordinary residents: no rule names them; they pay the standard without subsidy (read from the standard clause)',
      cite: standard.cite,
    });
  }
  // "对已缴费的…退补": those who paid before the notice; its date is the cut-off (an inference).
  for (const r of categories.rules) {
    if (!r.mechanismVariants.length) continue;
    if (document.issuedOn) {
      r.variantBefore = document.issuedOn.value;
      inferences.push({
        field: `categories[${r.names[0]}].mechanismVariants`,
        zh: `“已缴费的”理解为通知成文日 ${document.issuedOn.value} 之前缴费的`,
        en: `"those who have paid" read as those who paid before the notice's date, ${document.issuedOn.value}`,
        cite: r.mechanismVariants[0]!.cite,
      });
    } else
      ambiguities.push({ field: `categories[${r.names[0]}].mechanismVariants`, zh: '“已缴费的”所指日期未写明', en: '"those who have paid": by which date is not stated', cite: r.mechanismVariants[0]!.cite });
  }
  for (const [field, c] of Object.entries({
    'collection.start': calendar.start,
    'collection.end': calendar.end,
    coverage: calendar.coverage,
    coverageYear: calendar.coverageYear,
    ...Object.fromEntries(calendar.phases.map((p) => [`collection.phases[${p.value.id}]`, p])),
    ...Object.fromEntries(calendar.suspensions.map((p, i) => [`collection.suspensions[${i}]`, p])),
    ...Object.fromEntries(calendar.deadlines.map((p, i) => [`collection.deadlines[${i}]`, p])),
  })) {
    if (c?.inferred) inferences.push({ field, zh: c.inferred.split(' / ')[0]!, en: c.inferred.split(' / ').slice(1).join(' / ') || c.inferred, cite: c.cite });
  }

  const tables = findTables(ctx);
  const findings: Findings = { document, county, standard, calendar, categories, tables };
  inferences.push(
    { field: 'rounding', zh: '取整规则：通知未写明，采用库的默认假设（四舍五入到分）', en: 'rounding: not stated; the library’s stated assumption (half up, to the fen) is used' },
    { field: 'combination', zh: '多重身份：通知未写明，采用库的默认假设（就高、不重复）', en: 'several identities: not stated; the library’s stated assumption (the single highest subsidy) is used' },
  );
  const assembled = assemble(findings);
  inferences.push(...assembled.inferences);
  const policy = assembled.policy;
  const unrepresentable = [...assembled.unrepresentable, ...extraUnrep];
  const quoteProblems = verifyQuotes(policy, notice);
  const checked = safeDefinePolicy(policy);
  const issues: YibaoIssue[] = checked.success ? [] : [...checked.error.issues];
  // The audit runs even where validation fails for other fields (a missing window): its
  // findings are worth a reviewer's eye as soon as the standard and the rules are there.
  if (!checked.success && !issues.some((i) => i.code === 'audit_mismatch') && policy.standard && Array.isArray(policy.categories)) {
    try {
      for (const f of auditPolicy(policy as unknown as PolicyData)) issues.push({ code: 'audit_mismatch', path: f.path, zh: f.zh, en: f.en });
    } catch {
      // an incomplete rule cannot be audited; validation lists what is missing
    }
  }
  const valid = checked.success && quoteProblems.length === 0;
  const c = checkPolicy(policy, { notice });
  const check = { ok: c.ok, problems: c.problems, quotesChecked: c.quotesChecked };
  const draft = { policy, valid, issues, notStated: assembled.notStated, inferences, ambiguities, unrepresentable, quoteProblems, gaps: c.gaps, check, findings };
  return { ...draft, report: renderReport(draft) };
}
