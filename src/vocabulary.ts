/**
 * The domain's vocabulary: stable codes for hardship categories, funders and
 * mechanisms, each with the Chinese names the notices use and an English name.
 *
 * The codes are API: other systems store them, so they never change meaning.
 *
 * @module
 */

/** Stable codes of the hardship categories (参保资助对象类别). */
export const CATEGORY_CODES = [
  'ordinary',
  'extreme-poverty',
  'minimum-living-allowance',
  'returned-to-poverty',
  'unstable-out-of-poverty',
  'marginal-at-risk',
  'sudden-severe-hardship',
  'stably-out-of-poverty',
  'special-care',
  'severe-disability',
] as const;

/** A hardship category code, e.g. `minimum-living-allowance` (低保对象). */
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** Chinese and English names of each category. `zh[0]` is the display name. */
export const CATEGORY_NAMES: Readonly<Record<CategoryCode, { readonly zh: readonly string[]; readonly en: string }>> = {
  ordinary: { zh: ['普通城乡居民'], en: 'ordinary resident' },
  'extreme-poverty': {
    zh: ['特困人员', '特困供养人员', '城市“三无”人员', '城市三无人员', '农村五保户', '五保户', '集中供养五保', '分散供养五保', '孤儿', '事实无人抚养儿童'],
    en: 'person in extreme poverty',
  },
  'minimum-living-allowance': { zh: ['低保对象', '城乡低保对象'], en: 'minimum subsistence allowance recipient' },
  'returned-to-poverty': { zh: ['返贫致贫人口'], en: 'person fallen (back) into poverty' },
  'unstable-out-of-poverty': { zh: ['脱贫不稳定人口', '脱贫不稳定户'], en: 'household unstable after leaving poverty' },
  'marginal-at-risk': { zh: ['边缘易致贫人口', '边缘易致贫户'], en: 'marginal household prone to poverty' },
  'sudden-severe-hardship': {
    zh: ['突发严重困难人口', '突发严重困难户', '突发严重困难人员', '突发严重困难户家庭成员'],
    en: 'household in sudden severe hardship',
  },
  'stably-out-of-poverty': { zh: ['稳定脱贫人口'], en: 'person stably out of poverty' },
  'special-care': {
    zh: ['优抚对象', '享受抚恤和生活补助的优抚对象', '在乡重点优抚对象'],
    en: 'special-care (preferential treatment) recipient',
  },
  'severe-disability': { zh: ['重度残疾人', '重度残疾人（Ⅰ级、Ⅱ级）'], en: 'person with severe disability' },
};

/** Stable codes of the bodies that fund a subsidy. */
export const FUNDER_CODES = ['medical-assistance-fund', 'county-finance', 'veterans-affairs'] as const;
/** A funder code, e.g. `medical-assistance-fund` (医疗救助基金). */
export type FunderCode = (typeof FUNDER_CODES)[number];

/** Chinese and English names of each funder. */
export const FUNDER_NAMES: Readonly<Record<FunderCode, { readonly zh: string; readonly en: string }>> = {
  'medical-assistance-fund': { zh: '医疗救助基金', en: 'medical assistance fund' },
  'county-finance': { zh: '县级财政', en: 'county public finance' },
  'veterans-affairs': { zh: '退役军人事务部门（优抚对象医疗补助资金）', en: 'veterans affairs (special-care medical subsidy funds)' },
};

/** How a subsidy reaches the contribution. `none`: there is no subsidy. */
export const MECHANISM_CODES = [
  'none',
  'reduced-at-payment',
  'full-proxy',
  'collect-then-reimburse',
  'refund-after-window',
] as const;
/** A mechanism code. */
export type MechanismCode = (typeof MECHANISM_CODES)[number];

/** Chinese and English names of each mechanism. */
export const MECHANISM_NAMES: Readonly<Record<MechanismCode, { readonly zh: string; readonly en: string }>> = {
  none: { zh: '无资助', en: 'no subsidy' },
  'reduced-at-payment': { zh: '定额资助（缴费时减免）', en: 'reduced at payment' },
  'full-proxy': { zh: '全额代缴', en: 'paid in full on the person’s behalf' },
  'collect-then-reimburse': { zh: '先征后补', en: 'collect first, reimburse later' },
  'refund-after-window': { zh: '征缴期结束后退补', en: 'refund after the collection window' },
};

/**
 * Funders' names in a language, joined for display ("医疗救助基金；县级财政").
 *
 * @example
 * ```ts
 * funderNames(['veterans-affairs', 'county-finance'], 'en') // 'veterans affairs (…); county public finance'
 * ```
 */
export function funderNames(codes: readonly string[], lang: 'zh' | 'en', separator = lang === 'zh' ? '；' : '; '): string {
  return codes.map((f) => (FUNDER_NAMES as Record<string, { zh: string; en: string }>)[f]?.[lang] ?? f).join(separator);
}

/**
 * Display name of a shared category code in a language; any other id is
 * returned as it is (a policy's own categories have their names in the
 * quote: `appliedCategoryName`, `notApplied[].name`).
 */
export function categoryName(code: string, lang: 'zh' | 'en'): string {
  const n = (CATEGORY_NAMES as Record<string, { zh: readonly string[]; en: string }>)[code];
  if (!n) return code;
  return lang === 'zh' ? (n.zh[0] as string) : n.en;
}

/**
 * The one table of short forms. An input short form resolves in a policy only
 * when one or more of its full names are names *that policy's notice* uses
 * (in a rule, a category definition or a group), and then to what those names
 * mean there; never to a name of another notice. When its full names mean
 * categories whose answers differ, the short form is ambiguous like a group
 * (error `ambiguous_category`). `broader: true` marks a word broader than
 * the notice's group (优抚对象 vs 享受抚恤和生活补助的优抚对象): it resolves
 * with a warning.
 */
export const SHORT_FORMS: ReadonlyArray<{ readonly short: string; readonly full: readonly string[]; readonly broader?: true }> = [
  { short: '低保', full: ['低保对象', '城乡低保对象', '城市低保对象', '农村低保对象'] },
  { short: '低保户', full: ['低保对象', '城乡低保对象'] },
  { short: '特困', full: ['特困人员', '特困供养人员'] },
  { short: '特困供养范围人员', full: ['特困人员', '特困供养人员'] },
  { short: '五保', full: ['农村五保户', '五保户', '集中供养五保', '分散供养五保'] },
  { short: '五保户', full: ['农村五保户', '集中供养五保', '分散供养五保'] },
  { short: '三无人员', full: ['城市“三无”人员', '城市“三无人员”', '城市三无人员'] },
  { short: '城市三无人员', full: ['城市“三无”人员', '城市“三无人员”'] },
  { short: '返贫致贫', full: ['返贫致贫人口'] },
  { short: '易返贫致贫', full: ['易返贫致贫人口'] },
  { short: '脱贫不稳定', full: ['脱贫不稳定人口', '脱贫不稳定户'] },
  { short: '边缘易致贫', full: ['边缘易致贫人口', '边缘易致贫户'] },
  { short: '突发严重困难', full: ['突发严重困难人口', '突发严重困难户', '突发严重困难户家庭成员'] },
  { short: '重度残疾', full: ['重度残疾人', '重度残疾人（Ⅰ级、Ⅱ级）'] },
  { short: '残疾人', full: ['重度残疾人', '重度残疾人（Ⅰ级、Ⅱ级）'], broader: true },
  { short: '优抚对象', full: ['享受抚恤和生活补助的优抚对象', '在乡重点优抚对象', '在乡不享受公费医疗待遇的重点优抚对象'], broader: true },
];

/** At most this many categories of a policy's own, besides the ten shared codes (bits 10–29 of a set). */
export const MAX_OWN_CATEGORIES = 20;
/** At most this many payment-date conditions per policy (bits 1–30 of a context). */
export const MAX_CONDITIONS = 30;
