/**
 * JSON Schemas generated from the zod schemas, for services in other
 * languages. Shipped as `yibao-rules/schema/policy.json` and
 * `yibao-rules/schema/quote-input.json`. Cross-field rules (an end before its
 * start, one rule per category) are checked by `definePolicy`, not by the JSON
 * Schema.
 * @module
 */
import { z } from 'zod';
import { QuoteInputSchema } from './quote-input-schema.js';
import { PolicySchema } from './schema.js';

/** Objects that take `cite` or `inferred` need one of them (as `definePolicy` requires). */
function citeOrInferred(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(citeOrInferred);
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  const props = o.properties as Record<string, unknown> | undefined;
  const req = (o.required as string[] | undefined) ?? [];
  if (props && 'cite' in props && 'inferred' in props && !req.includes('cite')) o.anyOf = [{ required: ['cite'] }, { required: ['inferred'] }];
  for (const v of Object.values(o)) citeOrInferred(v);
}

/** The JSON Schemas by file name. */
export function jsonSchemas(): Record<'policy' | 'quote-input', Record<string, unknown>> {
  const meta = (id: string, title: string) => ({ $id: `https://unpkg.com/yibao-rules/schema/${id}.json`, title });
  return {
    policy: (() => {
      const s = { ...meta('policy', 'yibao-rules policy (one county notice, one coverage year)'), ...z.toJSONSchema(PolicySchema, { io: 'input' }) };
      citeOrInferred(s);
      return s;
    })(),
    'quote-input': { ...meta('quote-input', 'yibao-rules quote input'), ...z.toJSONSchema(QuoteInputSchema, { io: 'input' }) },
  };
}
