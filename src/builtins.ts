/**
 * The five built-in policies as plain, deeply frozen data. They are validated
 * and audited by `definePolicy` when the package is built
 * (`scripts/check-builtins.ts`, part of `npm run build`) and by the tests
 * (`test/unit/builtins.test.ts`), not when the package loads: `import { quote }`
 * loads no schema library.
 */
import { deepFreeze } from './freeze.js';
import type { Policy } from './policy.js';
import { NOTICES } from './policies/index.js';

export const BUILTIN_POLICIES: readonly Policy[] = /* @__PURE__ */ Object.freeze(NOTICES.map((p) => deepFreeze(p) as unknown as Policy));
