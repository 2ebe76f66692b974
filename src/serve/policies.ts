/**
 * The registry the service quotes against: the built-in policies, with the
 * `--policy FILE` policies over them, loaded by the CLI's shared loader
 * ({@link loadPolicyFiles}: a file for the county and year of a built-in
 * replaces it, with a note; two files for the same county and year, an
 * unreadable file or a bad policy throw a YibaoError, and the service does not
 * start).
 *
 * @module
 */
import { loadPolicyFiles } from '../cli/policy-files.js';
import type { Policy } from '../policy.js';
import type { PolicyRegistry } from '../registry.js';

/** The registry, the policies by id (for `GET /v1/policies/{id}`), and the loader's notes. */
export interface LoadedPolicies {
  readonly registry: PolicyRegistry;
  /** The policy with this id, or undefined (`registry.byId`). */
  readonly byId: (id: string) => Policy | undefined;
  /** How many policies the registry holds. */
  readonly count: number;
  /** One note per built-in that a file replaced (for the log). */
  readonly notes: ReadonlyArray<{ readonly zh: string; readonly en: string }>;
}

/**
 * Loads the files with `loadPolicyFiles`; throws its YibaoError for a bad file.
 *
 * @example
 * ```ts
 * loadPolicies(['fixtures/policies/yangqu-2022.json']).byId('yangqu-2022')?.county.name // '阳曲县'
 * ```
 */
export function loadPolicies(files: readonly string[] = []): LoadedPolicies {
  const { registry, notes } = loadPolicyFiles(files);
  return { registry, byId: (id) => registry.byId(id), count: registry.list().length, notes };
}
