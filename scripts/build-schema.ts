/**
 * Writes the JSON Schemas generated from the zod schemas into schema/:
 * policy.json (a policy, as definePolicy accepts it) and quote-input.json.
 * Run by `npm run build`; a test checks the committed files are current.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../src/json-schema.js';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`${dir}${name}.json`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schema/${name}.json`);
}
