/**
 * Defining a policy: validation with the schema (every problem with its path
 * and a message in Chinese and English), the audit of the notice against
 * itself, and a deeply frozen result.
 *
 * @module
 */
import { z } from 'zod';
import { en, zhCN } from 'zod/v4/locales';
import { preview, PREVIEW_LENGTH, YibaoError, type SafeResult, type YibaoErrorCode, type YibaoIssue } from './errors.js';
import { evaluateRule } from './evaluate.js';
import { deepFreeze } from './freeze.js';
import { formatFen, MONEY_PATTERN, RATE_PATTERN, toFen } from './money.js';
import { compilePolicy } from './engine.js';
import { PolicySchema, type Citation, type PolicyData } from './schema.js';
import { plainCopy, unreadableInput } from './snapshot.js';

type DeepReadonly<T> = T extends (infer U)[] ? ReadonlyArray<DeepReadonly<U>> : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** A validated, audited, deeply frozen policy. */
export type Policy = DeepReadonly<PolicyData>;

const PATTERN_MESSAGES: Record<string, { zh: string; en: string }> = {
  [MONEY_PATTERN.toString()]: { zh: '金额须为非负数、最多两位小数，如 "280.00"', en: 'must be a non-negative yuan amount with at most two decimals, like "280.00"' },
  [RATE_PATTERN.toString()]: { zh: '比例须为 0 到 1 之间的小数，如 "0.80"', en: 'must be a rate between 0 and 1, like "0.80"' },
};

type ZodIssue = z.core.$ZodIssue;
/** Locale error maps, passed per parse (the global zod config is never touched). */
const EN = en().localeError;
const ZH = zhCN().localeError;

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function toIssues(root: unknown, en: readonly ZodIssue[], zh: readonly ZodIssue[]): YibaoIssue[] {
  const all = mapIssues(root, en, zh);
  // One issue per path and code: the cross-field check's message (later) says more than the format's.
  const key = (x: YibaoIssue) => `${x.code} ${JSON.stringify(x.path)}`;
  return all.filter((x, i) => !all.slice(i + 1).some((y) => key(y) === key(x)));
}

function mapIssues(root: unknown, en: readonly ZodIssue[], zh: readonly ZodIssue[]): YibaoIssue[] {
  return en.map((e, i) => {
    const z1 = zh[i] ?? e;
    const path = e.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    let code: YibaoErrorCode = 'invalid_policy';
    let zhMsg = z1.message;
    let enMsg = e.message;
    if (e.code === 'custom') {
      const params = (e as { params?: { zh?: string; code?: YibaoErrorCode } }).params;
      if (params?.zh) zhMsg = params.zh;
      if (params?.code) code = params.code;
    } else if (e.code === 'invalid_format' && 'pattern' in e && PATTERN_MESSAGES[String(e.pattern)]) {
      const m = PATTERN_MESSAGES[String(e.pattern)] as { zh: string; en: string };
      zhMsg = m.zh;
      enMsg = m.en;
    } else if (e.code === 'invalid_format' && path[path.length - 1] === 'funder') {
      code = 'unknown_funder';
    } else if ((e.code === 'invalid_value' || e.code === 'invalid_format') && path.some((p) => p === 'categories' || p === 'members' || p === 'classOf')) {
      code = 'unknown_category';
    } else if (e.code === 'unrecognized_keys') {
      code = 'unknown_field';
    } else if (e.code === 'invalid_type' && valueAt(root, e.path) === undefined) {
      code = 'missing_field';
    }
    // A message quotes at most a short prefix of the offending text.
    const v = valueAt(root, e.path);
    if (typeof v === 'string' && v.length > PREVIEW_LENGTH) {
      zhMsg = zhMsg.split(v).join(preview(v));
      enMsg = enMsg.split(v).join(preview(v));
    }
    return { code, path, zh: zhMsg, en: enMsg };
  });
}

/** One stated result of a notice that its own rule does not give. */
export interface AuditFinding {
  readonly path: ReadonlyArray<string | number>;
  readonly cite: Citation;
  readonly stated: string;
  readonly derived: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * Re-derives every result a notice states ("即资助315元", "个人另需缴费35元")
 * from its rule, to the fen. Returns the mismatches; none means the notice
 * agrees with itself. {@link definePolicy} runs it and rejects a policy with
 * findings.
 *
 * @example
 * ```ts
 * auditPolicy(getPolicy('陵川', 2023)) // []
 * ```
 */
export function auditPolicy(policy: PolicyData | Policy): AuditFinding[] {
  const p = policy as PolicyData;
  const std = p.standard ? toFen(p.standard.amount) : null;
  const findings: AuditFinding[] = [];
  const ps = p.publicSubsidy;
  if (ps) {
    const sum = ps.parts.reduce((s, x) => s + toFen(x.amount), 0);
    if (sum !== toFen(ps.total.amount))
      findings.push({
        path: ['publicSubsidy', 'total', 'amount'],
        cite: ps.total.cite,
        stated: formatFen(toFen(ps.total.amount)),
        derived: formatFen(sum),
        zh: `条款“${ps.total.cite.clause}”写明财政补助合计 ${formatFen(toFen(ps.total.amount))} 元，各级之和为 ${formatFen(sum)} 元`,
        en: `clause ${ps.total.cite.clause} states a public subsidy of ${formatFen(toFen(ps.total.amount))}, its parts add up to ${formatFen(sum)}`,
      });
  }
  p.categories.forEach((rule, i) => {
    const got = evaluateRule(rule.subsidy, std, p.rounding);
    if (!got || !rule.stated) return;
    const check = (what: 'subsidy' | 'individual', derivedFen: number) => {
      const s = rule.stated?.[what];
      if (!s || toFen(s.amount) === derivedFen) return;
      const derived = formatFen(derivedFen);
      const stated = formatFen(toFen(s.amount));
      const whatZh = what === 'subsidy' ? '资助' : '个人缴费';
      findings.push({
        path: ['categories', i, 'stated', what, 'amount'],
        cite: s.cite,
        stated,
        derived,
        zh: `条款“${s.cite.clause}”写明${whatZh} ${stated} 元，按其规则计算为 ${derived} 元`,
        en: `clause ${s.cite.clause} states ${what} ${stated}, its rule gives ${derived}`,
      });
    };
    check('subsidy', got.subsidyFen);
    check('individual', got.individualFen);
  });
  return findings;
}


/**
 * Validates any input as a policy, audits it, and returns it deeply frozen.
 * Never throws: problems come back as a {@link YibaoError} with every issue's
 * path and a message in Chinese and English.
 */
export function safeDefinePolicy(input: unknown): SafeResult<Policy> {
  // A plain, bounded copy first: own properties only, each read once; a throwing getter or Proxy is an error, not an exception.
  const json = plainCopy(input);
  if (YibaoError.is(json)) return { success: false, error: json };
  try {
    return defineCopy(json);
  } catch (e) {
    return { success: false, error: unreadableInput(e) };
  }
}

function defineCopy(json: unknown): SafeResult<Policy> {
  const en = PolicySchema.safeParse(json, { error: EN });
  if (!en.success) {
    const zh = PolicySchema.safeParse(json, { error: ZH });
    return { success: false, error: new YibaoError(toIssues(json, en.error.issues, zh.success ? [] : zh.error.issues)) };
  }
  const findings = auditPolicy(en.data);
  if (findings.length)
    return {
      success: false,
      error: new YibaoError(findings.map((f) => ({ code: 'audit_mismatch', path: f.path, zh: f.zh, en: f.en }))),
    };
  const policy = deepFreeze(en.data) as Policy;
  try {
    compilePolicy(policy); // the caps on categories and payment-date conditions
  } catch (e) {
    if (YibaoError.is(e)) return { success: false, error: e };
    throw e;
  }
  return { success: true, data: policy };
}

/**
 * Validates any input as a policy, audits it, and returns it deeply frozen.
 * Throws a {@link YibaoError} listing every problem.
 *
 * @example
 * ```ts
 * import { definePolicy } from 'yibao-rules/define';
 * const mine = definePolicy(JSON.parse(fs.readFileSync('my-county-2026.json', 'utf8')));
 * ```
 */
export function definePolicy(json: unknown): Policy {
  const r = safeDefinePolicy(json);
  if (!r.success) throw r.error;
  return r.data;
}

export { policyGaps, type PolicyGap } from './policy-gaps.js';
