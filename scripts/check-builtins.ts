/**
 * Part of `npm run build`: every built-in policy passes `definePolicy` (schema
 * and audit) and is, as data, exactly what it validates to. The package ships
 * the built-ins as frozen data and does not validate them again when it loads.
 */
import { isDeepStrictEqual } from 'node:util';
import { safeDefinePolicy } from '../src/define.js';
import { NOTICES } from '../src/policies/index.js';

let bad = 0;
for (const n of NOTICES) {
  const r = safeDefinePolicy(n);
  if (!r.success) {
    bad++;
    console.error(`${n.id}: ${r.error.format('en')}`);
  } else if (!isDeepStrictEqual(JSON.parse(JSON.stringify(r.data)), JSON.parse(JSON.stringify(n)))) {
    bad++;
    console.error(`${n.id}: definePolicy changes the data (a default or a transform); built-ins must be stated in full`);
  }
}
if (bad) process.exit(1);
console.log(`built-ins: ${NOTICES.length} policies valid and audited`);
