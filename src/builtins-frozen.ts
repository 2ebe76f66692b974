/**
 * The built-in policies for the global (spreadsheet) build, which has no zod:
 * the same data that `builtins.ts` validates and audits in Node and in the
 * tests, frozen. The build swaps this module in for `builtins.ts`.
 */
import { deepFreeze } from './freeze.js';
import type { Policy } from './policy.js';
import { NOTICES } from './policies/index.js';

export const BUILTIN_POLICIES: readonly Policy[] = Object.freeze(NOTICES.map((p) => deepFreeze(p) as unknown as Policy));
