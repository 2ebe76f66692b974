/**
 * The registry the service quotes against: the built-in policies, with the
 * `--policy FILE` policies over them (a loaded policy replaces the built-in one
 * of the same county and year). The one place the service loads policy files:
 * swap it for the shared loader when there is one.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { definePolicy, type Policy } from '../policy.js';
import { BUILTIN_POLICIES, createRegistry, type PolicyRegistry } from '../registry.js';

/** The registry, and the policies by id (for `GET /v1/policies/{id}`). */
export interface LoadedPolicies {
  readonly registry: PolicyRegistry;
  readonly byId: ReadonlyMap<string, Policy>;
}

/** Loads each file with `definePolicy(JSON.parse(…))`; throws the YibaoError of a bad file. */
export function loadPolicies(files: readonly string[] = []): LoadedPolicies {
  const loaded = files.map((f) => definePolicy(JSON.parse(readFileSync(f, 'utf8'))));
  const registry = createRegistry([...BUILTIN_POLICIES, ...loaded]);
  const byId = new Map<string, Policy>();
  for (const s of registry.list()) byId.set(s.id, registry.get(s.code, s.coverageYear));
  return { registry, byId };
}
