/**
 * The quote input as a zod schema, for the JSON Schema and for callers who
 * want to parse first. `quote` itself checks the same rules by hand, so that
 * the quote path does not need zod.
 * @module
 */
import { z } from 'zod';
import { QUOTE_LIMITS } from './limits.js';

export const QuoteInputSchema = z.strictObject({
  county: z.string().min(1).max(QUOTE_LIMITS.text),
  coverageYear: z.int().min(1900).max(2199),
  categories: z.array(z.string().max(QUOTE_LIMITS.text)).max(QUOTE_LIMITS.categories).nullish(),
  paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
});
