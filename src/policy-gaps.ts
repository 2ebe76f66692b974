/**
 * What a policy records as not stated by its notice, and what its author
 * inferred. Plain data reading, no schema: exported from the main entry.
 *
 * @module
 */
import type { Policy } from './policy.js';
import type { Citation } from './schema.js';

/** One fact a policy records as not stated, or as inferred. */
export interface PolicyGap {
  /** Where in the policy, e.g. `collection`, `coverage`, `categories[3].mechanism`. */
  readonly path: string;
  readonly kind: 'not-stated' | 'inferred';
  /** The author's note (not stated) or reasoning (inferred), when given. */
  readonly note?: string;
  /** For inferences: the clauses the reasoning rests on. */
  readonly basis?: readonly Citation[];
  readonly zh: string;
  readonly en: string;
}

const OPTIONAL_FACTS: ReadonlyArray<[path: string, zh: string, en: string, get: (p: Policy) => unknown]> = [
  ['county.code', '县（行政区划代码）', 'the county (its code)', (p) => p.county.code],
  ['county.prefecture', '所属地级市', 'the prefecture', (p) => p.county.prefecture],
  ['county.province', '所属省', 'the province', (p) => p.county.province],
  ['collection', '征缴期', 'the collection window', (p) => p.collection],
  ['coverage', '待遇享受期', 'the coverage period', (p) => p.coverage],
  ['standard', '个人缴费标准', 'the standard contribution', (p) => p.standard],
  ['collectionYear', '征缴年度', 'the collection year', (p) => p.collectionYear],
  ['document.number', '文号', 'the document number', (p) => p.document.number],
  ['document.issuer', '发文机关', 'the issuer', (p) => p.document.issuer],
  ['document.issuedOn', '发文日期', 'the date of issue', (p) => p.document.issuedOn],
  ['proofOfPayment', '缴费证明打印时间', 'when proof of payment is available', (p) => p.proofOfPayment],
];

/**
 * What a policy marks as not stated by its notice, and what its author
 * inferred (with the reasoning): the facts a quote may depend on without the
 * notice's word. Optional facts that are absent count as not stated, with the
 * note from `notStated` where the policy gives one.
 *
 * @example
 * ```ts
 * policyGaps(getPolicy('陵川', 2023)).map((g) => `${g.kind} ${g.path}`)
 * // ['inferred coverage']
 * ```
 */
export function policyGaps(policy: Policy): PolicyGap[] {
  const notes = new Map((policy.notStated ?? []).map((n) => [n.fact, n.note]));
  const out: PolicyGap[] = [];
  const missing = (path: string, zh: string, en: string) => {
    const note = notes.get(path);
    out.push({ path, kind: 'not-stated', ...(note ? { note } : {}), zh: `通知未写明${zh}${note ? `：${note}` : ''}`, en: `the notice does not state ${en}${note ? `: ${note}` : ''}` });
  };
  const inferred = (path: string, inf: { readonly reasoning: string; readonly basis?: readonly Citation[] } | undefined, zh: string, en: string) => {
    if (!inf) return;
    out.push({ path, kind: 'inferred', note: inf.reasoning, ...(inf.basis ? { basis: inf.basis } : {}), zh: `${zh}为推断：${inf.reasoning}`, en: `${en} is inferred: ${inf.reasoning}` });
  };
  for (const [path, zh, en, get] of OPTIONAL_FACTS) if (get(policy) === undefined) missing(path, zh, en);
  inferred('coverageYear', policy.coverageYear.inferred, '待遇年度', 'the coverage year');
  inferred('collectionYear', policy.collectionYear?.inferred, '征缴年度', 'the collection year');
  inferred('coverage', policy.coverage?.inferred, '待遇享受期', 'the coverage period');
  inferred('standard', policy.standard?.inferred, '个人缴费标准', 'the standard contribution');
  inferred('collection.start', policy.collection?.start.inferred, '征缴期开始日', 'the start of the window');
  inferred('collection.end', policy.collection?.end.inferred, '征缴期截止日', 'the end of the window');
  policy.categories.forEach((r, i) => {
    const who = r.names[0] ?? r.categories.join(', ');
    const k = r.subsidy.kind;
    if (k !== 'none' && k !== 'unspecified') {
      if (!r.mechanism) missing(`categories[${i}].mechanism`, `${who}的资助方式`, `the mechanism for ${who}`);
      if (!r.funders.length) missing(`categories[${i}].funders`, `${who}的资金来源`, `the funder for ${who}`);
    }
    inferred(`categories[${i}].mechanism`, r.mechanism?.inferred, `${who}的资助方式`, `the mechanism for ${who}`);
    r.mechanismVariants?.forEach((v, j) => inferred(`categories[${i}].mechanismVariants[${j}].paidBefore`, v.inferred, `${who}“已缴费”的截止日期 ${v.paidBefore}`, `the cutoff ${v.paidBefore} for ${who}`));
  });
  for (const [fact, note] of notes)
    if (!out.some((g) => g.path === fact))
      out.push({ path: fact, kind: 'not-stated', ...(note ? { note } : {}), zh: `通知未写明：${fact}${note ? `（${note}）` : ''}`, en: `not stated: ${fact}${note ? ` (${note})` : ''}` });
  return out;
}
