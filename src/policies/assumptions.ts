/**
 * What the library assumes where a notice is silent, stated once for every
 * built-in policy. These are not figures of any notice; each is reported as
 * an assumption wherever it matters.
 */

/** No notice states how several identities combine. */
export const HIGHEST_SINGLE_ASSUMED = {
  rule: 'highest-single',
  assumption: 'The notice does not say how several identities combine; the widespread rule "就高、不重复" (the single highest subsidy, never stacked) is applied.',
} as const;

/** No notice states a rounding rule; every figure they state is a whole yuan amount. */
export const ROUNDING_ASSUMED = {
  scale: 2,
  mode: 'half-up',
  assumption: 'The notice states no rounding rule; every figure it states is a whole yuan amount. Rounded to the fen, half up (四舍五入).',
} as const;
