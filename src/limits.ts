/** Limits on one quote's input, shared by `quote` and the quote-input schema: more is an error (`too_large`), never a long loop. */
export const QUOTE_LIMITS = Object.freeze({
  /** Categories one person may hold: the notices list about a dozen. */
  categories: 64,
  /** Characters in a county or a category name (or code). */
  text: 100,
});
