/** The five built-in policies, each validated and audited by `definePolicy` when the library loads. */
import { definePolicy, type Policy } from './policy.js';
import { NOTICES } from './policies/index.js';

export const BUILTIN_POLICIES: readonly Policy[] = Object.freeze(NOTICES.map((p) => definePolicy(p)));
