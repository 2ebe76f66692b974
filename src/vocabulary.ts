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
export function funderNames(codes: readonly FunderCode[], lang: 'zh' | 'en', separator = lang === 'zh' ? '；' : '; '): string {
  return codes.map((f) => FUNDER_NAMES[f][lang]).join(separator);
}

/** Display name of a category in a language. */
export function categoryName(code: CategoryCode, lang: 'zh' | 'en'): string {
  const n = CATEGORY_NAMES[code];
  return lang === 'zh' ? (n.zh[0] as string) : n.en;
}
