/**
 * The words of the genre: names of hardship categories and of funders, and
 * the codes of today's vocabulary they stand for. A name resolves only when
 * it contains one of these words; anything else is kept as the notice's own
 * name, for the reviewer (never mapped by guess).
 *
 * @module
 */
import { CATEGORY_NAMES, type CategoryCode, type FunderCode } from '../vocabulary.js';

const EXTRA: Array<[string, CategoryCode]> = [
  ['普通城乡居民', 'ordinary'],
  ['普通居民', 'ordinary'],
  ['特困供养范围人员', 'extreme-poverty'],
  ['特困供养', 'extreme-poverty'],
  ['城市“三无人员”', 'extreme-poverty'],
  ['城市“三无”人员', 'extreme-poverty'],
  ['五保', 'extreme-poverty'],
  ['低保对象', 'minimum-living-allowance'],
  ['最低生活保障对象', 'minimum-living-allowance'],
  ['低保', 'minimum-living-allowance'],
  ['优抚对象', 'special-care'],
  ['重度残疾人', 'severe-disability'],
  ['重度残疾', 'severe-disability'],
];

/** Every known word, longest first. */
const WORDS: Array<[string, CategoryCode]> = [
  ...Object.entries(CATEGORY_NAMES).flatMap(([code, n]) => n.zh.map((w) => [w, code as CategoryCode] as [string, CategoryCode])),
  ...EXTRA,
].sort((a, b) => b[0].length - a[0].length);

/** Words that make a name something else than the category it contains ("低保边缘户"). */
const NOT = /边缘户|边缘家庭|低收入|非/;

/**
 * The category code a name stands for, or undefined.
 *
 * @example
 * ```ts
 * categoryOf('城乡低保对象') // 'minimum-living-allowance'
 * categoryOf('见义勇为者') // undefined
 * ```
 */
export function categoryOf(name: string): CategoryCode | undefined {
  if (NOT.test(name)) return undefined;
  for (const [w, code] of WORDS) {
    const i = name.indexOf(w);
    // "易返贫致贫人口" is not "返贫致贫人口".
    if (i >= 0 && name[i - 1] !== '易') return code;
  }
  return undefined;
}

/** One funder named in a text. */
export interface FunderMention {
  readonly funder: FunderCode | 'unqualified-finance';
  readonly index: number;
  readonly length: number;
  readonly word: string;
}

const FUNDERS: Array<[RegExp, FunderCode | 'unqualified-finance']> = [
  [/医疗救助(基金|资金)?/g, 'medical-assistance-fund'],
  [/县级财政|县财政|本级财政/g, 'county-finance'],
  [/退役军人事务(部门|局)|优抚对象医疗补助资金/g, 'veterans-affairs'],
  [/(?<![县级本])财政(?!补贴标准|部门|局|专户)/g, 'unqualified-finance'],
];

/** Funders a text names, in order ("财政" whose level is not stated is kept apart). */
export function findFunders(s: string): FunderMention[] {
  const out: FunderMention[] = [];
  for (const [re, funder] of FUNDERS) {
    for (const m of s.matchAll(re)) {
      if (out.some((o) => m.index! < o.index + o.length && o.index < m.index! + m[0].length)) continue;
      out.push({ funder, index: m.index!, length: m[0].length, word: m[0] });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
