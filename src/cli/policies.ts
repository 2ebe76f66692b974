/** `yibao-rules policies` and `yibao-rules policy <county> <year>`. */
import { formatRate } from '../money.js';
import { quote } from '../quote.js';
import { builtinRegistry, type PolicyRegistry } from '../registry.js';
import type { Policy } from '../policy.js';
import { categoryName, funderNames, MECHANISM_NAMES } from '../vocabulary.js';
import { t, table, type Lang } from './text.js';

/** One line per policy of the registry (the built-ins by default). */
export function policiesList(lang: Lang, registry: PolicyRegistry = builtinRegistry): string {
  const rows = registry.list().map((p) => [p.id, p.county, p.code ?? '—', String(p.coverageYear), String(p.collectionYear ?? '—'), p.standard ?? '—', p.document ?? '—', p.issuedOn ?? '—']);
  return table(
    [t(lang, '编号', 'id'), t(lang, '县', 'county'), t(lang, '代码', 'code'), t(lang, '待遇年度', 'coverage'), t(lang, '征缴年度', 'collected'), t(lang, '个人缴费标准', 'standard'), t(lang, '文号', 'document'), t(lang, '发布日期', 'issued')],
    rows,
    [false, false, false, false, false, true],
  );
}

/** Every category the notice names: individual share, subsidy, funders, mechanism, clause. */
export function categoryTable(p: Policy, lang: Lang, registry: PolicyRegistry = builtinRegistry): string {
  const rows: string[][] = [];
  for (const rule of p.categories) {
    const q = quote({ county: p.county.code ?? p.county.pinyin, coverageYear: p.coverageYear.year, categories: [rule.categories[0]!] }, registry);
    const who = lang === 'zh' ? rule.names.join('、') : rule.categories.map((c) => categoryName(c, 'en')).join(', ');
    const unspecified = q.status === 'unspecified';
    rows.push([
      who,
      unspecified ? t(lang, '未明确', 'unspecified') : q.individual!,
      unspecified ? t(lang, '未明确', 'unspecified') : q.subsidy!,
      unspecified ? '—' : q.subsidy === '0.00' ? '—' : !q.funders.length && rule.route?.length ? t(lang, `（未写明）经 ${rule.route[0]!.from}`, `(none named) via ${rule.route[0]!.from}`) : funderNames(q.funders, lang) || '—',
      q.mechanism ? MECHANISM_NAMES[q.mechanism][lang] : '—',
      rule.subsidy.cite.clause,
    ]);
  }
  if (p.otherCategories.status === 'unspecified')
    rows.push([t(lang, '其他特殊人群', 'other special groups'), t(lang, '未明确', 'unspecified'), t(lang, '未明确', 'unspecified'), '—', '—', p.otherCategories.cite.clause]);
  const head = `${p.county.name} ${p.coverageYear.year}${t(lang, ' 年度', '')}  ${p.document.number}  ${t(lang, '个人缴费标准', 'standard')} ${p.standard?.amount ?? t(lang, '未写明', 'not stated')}`;
  const deferred = [...p.categories.filter((r) => r.subsidy.kind === 'unspecified').map((r) => r.subsidy.cite), ...(p.otherCategories.status === 'unspecified' ? [p.otherCategories.cite] : [])];
  const notes = deferred.map((c) => `  ${t(lang, '未明确', 'unspecified')}: ${c.clause}「${c.quote}」`);
  return [
    head,
    table(
      [t(lang, '类别', 'category'), t(lang, '个人缴费', 'individual'), t(lang, '资助', 'subsidy'), t(lang, '资金来源', 'funders'), t(lang, '资助方式', 'mechanism'), t(lang, '条款', 'clause')],
      rows,
      [false, true, true],
    ),
    ...notes,
  ].join('\n');
}

/** One policy in full with its citations (JSON), or its category table. */
export function policyDetail(county: string, year: number, json: boolean, lang: Lang, registry: PolicyRegistry = builtinRegistry): string {
  const p = registry.get(county, year);
  if (json) return JSON.stringify(p, null, 2);
  const c = p.collection;
  const lines = [
    categoryTable(p, lang, registry),
    '',
    c
      ? `${t(lang, '征缴期', 'collection window')}: ${c.start.date} – ${c.end.date}${c.daysOfMonth ? t(lang, `，每月 ${c.daysOfMonth.from}–${c.daysOfMonth.to} 日`, `, days ${c.daysOfMonth.from}–${c.daysOfMonth.to}`) : ''}  (${c.end.cite?.clause ?? t(lang, '推断', 'inferred')})`
      : `${t(lang, '征缴期', 'collection window')}: ${t(lang, '通知未写明', 'not stated')}`,
    ...(c?.suspensions ?? []).map((s) => `${t(lang, '暂停', 'suspended')}: ${s.from} – ${s.resumesOn} (${s.cite.clause})`),
    p.coverage
      ? `${t(lang, '待遇享受期', 'coverage')}: ${p.coverage.start} – ${p.coverage.end}  (${p.coverage.cite?.clause ?? t(lang, '推断', 'inferred')})`
      : `${t(lang, '待遇享受期', 'coverage')}: ${t(lang, '通知未写明', 'not stated')}`,
    ...(p.proofOfPayment ? [`${t(lang, '缴费证明', 'proof of payment')}: ${p.proofOfPayment.workingDays} ${t(lang, '个工作日后', 'working days later')} (${p.proofOfPayment.cite.clause})`] : []),
    ...p.targets.map((x) => `${t(lang, '目标', 'target')}: ${x.description[lang]} ${x.rate ? formatRate(x.rate) : ''} (${x.cite.clause})`),
    t(lang, '（完整数据及每项出处：--json）', '(all data with every citation: --json)'),
  ];
  return lines.join('\n');
}
