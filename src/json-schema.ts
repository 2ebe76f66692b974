/**
 * JSON Schemas generated from the zod schemas, for services in other
 * languages. Shipped as `yibao-rules/schema/policy.json`,
 * `yibao-rules/schema/quote-input.json` and `yibao-rules/schema/quote-result.json`. Cross-field rules (an end before its
 * start, one rule per category) are checked by `definePolicy`, not by the JSON
 * Schema.
 * @module
 */
import { z } from 'zod';
import { QuoteInputSchema } from './quote-input-schema.js';
import { QuoteResultSchema } from './quote-result-schema.js';
import { PolicySchema } from './schema.js';

/** The JSON Schemas by file name. */
export function jsonSchemas(): Record<'policy' | 'quote-input' | 'quote-result', Record<string, unknown>> {
  const meta = (id: string, title: string) => ({ $id: `https://unpkg.com/yibao-rules/schema/${id}.json`, title });
  return {
    policy: { ...meta('policy', 'yibao-rules policy (one county notice, one coverage year)'), ...z.toJSONSchema(PolicySchema, { io: 'input' }) },
    'quote-input': { ...meta('quote-input', 'yibao-rules quote input'), ...z.toJSONSchema(QuoteInputSchema, { io: 'input' }) },
    'quote-result': { ...meta('quote-result', 'yibao-rules quote result'), ...z.toJSONSchema(QuoteResultSchema, { io: 'output' }) },
  };
}
