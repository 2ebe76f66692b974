/**
 * The registry of policies, keyed by county and coverage year. A county may be
 * named by its Chinese name (岢岚县 or 岢岚), its pinyin (kelan, Kelan) or its
 * GB/T 2260 code (140929).
 *
 * @module
 */
import { compilePolicy, type CompiledPolicy } from './engine.js';
import { preview, yibaoError, type YibaoError } from './errors.js';
import { BUILTIN_POLICIES } from './builtins.js';
import type { Policy } from './policy.js';

/** One line of {@link listPolicies}. */
export interface PolicySummary {
  readonly id: string;
  readonly county: string;
  readonly pinyin: string;
  /** The GB/T 2260 code, or the pinyin where the text names no county. */
  readonly code: string;
  readonly coverageYear: number;
  /** `null` where the notice does not state it (likewise below). */
  readonly collectionYear: number | null;
  readonly document: string | null;
  readonly issuedOn: string | null;
  readonly standard: string | null;
}

/** The registered symbol that marks a {@link PolicyRegistry} of any build. */
const REGISTRY_BRAND: unique symbol = /* @__PURE__ */ Symbol.for('yibao-rules.PolicyRegistry') as never;

/**
 * A set of policies that quotes can be computed against. A registry from the
 * ESM build works with the CommonJS build's `quote` and the reverse:
 * `instanceof PolicyRegistry` and {@link PolicyRegistry.is} recognise
 * registries of every build by a registered symbol.
 */
export class PolicyRegistry {
  /** True for a registry from any build of this library. */
  static is(value: unknown): value is PolicyRegistry {
    return typeof value === 'object' && value !== null && (value as { [REGISTRY_BRAND]?: unknown })[REGISTRY_BRAND] === true;
  }

  /** `r instanceof PolicyRegistry` is {@link PolicyRegistry.is}. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return PolicyRegistry.is(value);
  }

  private readonly byCode = new Map<string, Map<number, CompiledPolicy>>();
  private readonly alias = new Map<string, string>();
  /** Names that two different counties of this registry share (朝阳 …): each of those counties' keys. */
  private readonly shared = new Map<string, Set<string>>();
  private readonly compiled = new WeakMap<Policy, CompiledPolicy>();

  constructor(policies: Iterable<Policy>) {
    Object.defineProperty(this, REGISTRY_BRAND, { value: true });
    for (const p of policies) this.add(p);
  }

  /** Adds a policy defined with `definePolicy` (from `yibao-rules/define`). A later one for the same county and year replaces the earlier. */
  add(policy: Policy): this {
    const cp = compilePolicy(policy);
    this.compiled.set(policy, cp);
    const c = policy.county;
    const key = c.code ?? c.pinyin; // a text that does not name its county has no code: keyed by its pinyin
    let years = this.byCode.get(key);
    if (!years) this.byCode.set(key, (years = new Map()));
    years.set(policy.coverageYear.year, cp);
    const names = [c.name, c.shortName, c.pinyin, key];
    if (c.prefecture) names.push(`${c.prefecture.name}${c.name}`);
    if (c.prefecture && c.province) names.push(`${c.province.name}${c.prefecture.name}${c.name}`);
    for (const a of names) {
      const other = this.alias.get(a);
      const both = this.shared.get(a);
      if (both) both.add(key);
      else if (other !== undefined && other !== key) {
        // A name two counties share names neither: never silently the last one added.
        this.shared.set(a, new Set([other, key]));
        this.alias.delete(a);
      } else this.alias.set(a, key);
    }
    return this;
  }

  /** The GB/T 2260 code of a county named any accepted way, or undefined. */
  countyCode(county: string): string | undefined {
    if (typeof county !== 'string') return undefined;
    return this.alias.get(county) ?? this.alias.get(county.trim().toLowerCase().replace(/\s+/g, ''));
  }

  /**
   * The compiled policy, or the error that explains why there is none.
   * @internal (the compiled form is the engine's; use {@link PolicyRegistry.get})
   */
  lookup(county: string, year: number): CompiledPolicy | YibaoError {
    const code = this.countyCode(county);
    const years = code === undefined ? undefined : this.byCode.get(code);
    if (!years) {
      const both = typeof county === 'string' ? (this.shared.get(county) ?? this.shared.get(county.trim().toLowerCase().replace(/\s+/g, ''))) : undefined;
      if (both) {
        const which = [...both].join('、');
        return yibaoError('unknown_county', ['county'], `县名“${preview(county)}”不止指一个县，请用代码：${which}`, `the county name "${preview(county)}" names more than one county; give its code: ${[...both].join(', ')}`);
      }
      const list = this.list();
      const zh = [...new Set(list.map((p) => `${p.county}（${p.pinyin}${p.code ? `，${p.code}` : ''}）`))];
      const en = [...new Set(list.map((p) => `${p.pinyin} (${p.county}${p.code ? `, ${p.code}` : ''})`))];
      return yibaoError('unknown_county', ['county'], `未知的县：${preview(county)}。可用：${zh.join('、')}`, `unknown county: ${preview(county)}. Available: ${en.join('; ')}`);
    }
    const cp = years.get(year);
    if (!cp) {
      const ys = [...years.keys()].sort().join(', ');
      const name = [...years.values()][0]!.policy.county.name;
      return yibaoError('no_policy_for_year', ['coverageYear'], `${name}没有 ${year} 年度的政策。可用年度：${ys}`, `no policy for ${preview(county)} in coverage year ${year}. Available: ${ys}`);
    }
    return cp;
  }

  /**
   * The compiled form of a policy in this registry (or compiles it).
   * @internal (the compiled form is the engine's)
   */
  compiledOf(policy: Policy): CompiledPolicy {
    let cp = this.compiled.get(policy);
    if (!cp) this.compiled.set(policy, (cp = compilePolicy(policy)));
    return cp;
  }

  /** Every policy, by county code then year. */
  list(): PolicySummary[] {
    const out: PolicySummary[] = [];
    for (const years of this.byCode.values())
      for (const { policy: p } of years.values())
        out.push({
          id: p.id,
          county: p.county.name,
          pinyin: p.county.pinyin,
          code: p.county.code ?? p.county.pinyin,
          coverageYear: p.coverageYear.year,
          collectionYear: p.collectionYear?.year ?? null,
          document: p.document.number ?? null,
          issuedOn: p.document.issuedOn ?? null,
          standard: p.standard?.amount ?? null,
        });
    return out.sort((a, b) => a.code.localeCompare(b.code) || a.coverageYear - b.coverageYear);
  }

  /** The policy with this id (`kelan-2022`), or undefined. */
  byId(id: string): Policy | undefined {
    for (const years of this.byCode.values()) for (const cp of years.values()) if (cp.policy.id === id) return cp.policy;
    return undefined;
  }

  /** The policy for a county and coverage year. Throws `unknown_county` or `no_policy_for_year`. */
  get(county: string, year: number): Policy {
    const r = this.lookup(county, year);
    if ('policy' in r) return r.policy;
    throw r;
  }
}

export { BUILTIN_POLICIES };

/** The registry of the built-in policies. */
export const builtinRegistry = /* @__PURE__ */ new PolicyRegistry(BUILTIN_POLICIES);

/**
 * Creates a registry; pass it to `quote` to quote against your own policies.
 * Two policies for the same county and coverage year are an error
 * (`duplicate_policy`): which one is meant cannot be told. (`registry.add`
 * replaces on purpose.) A county name two counties share (each of
 * different code) names neither of them: quote those counties by code.
 *
 * @example
 * ```ts
 * const registry = createRegistry([...BUILTIN_POLICIES, myCountyPolicy]);
 * quote({ county: '竹山县', coverageYear: 2021 }, registry);
 * ```
 */
export function createRegistry(policies: Iterable<Policy>): PolicyRegistry {
  const list = [...policies];
  const seen = new Map<string, Policy>();
  for (const p of list) {
    const k = `${p.county.code ?? p.county.pinyin}\u0000${p.coverageYear.year}`;
    const before = seen.get(k);
    if (before)
      throw yibaoError(
        'duplicate_policy',
        [],
        `两个政策是同一县、同一待遇年度（${p.county.name} ${p.coverageYear.year}）：${before.id}、${p.id}`,
        `two policies are for the same county and coverage year (${p.county.name}, ${p.coverageYear.year}): ${before.id}, ${p.id}`,
      );
    seen.set(k, p);
  }
  return new PolicyRegistry(list);
}

/**
 * The built-in policies, one line each.
 *
 * @example
 * ```ts
 * listPolicies().map((p) => p.id)
 * // ['qinshui-2025', 'lingchuan-2023', 'kelan-2022', 'xiangning-2023', 'minquan-2024'] (by county code)
 * ```
 */
export function listPolicies(registry: PolicyRegistry = builtinRegistry): PolicySummary[] {
  return registry.list();
}

/**
 * The policy of a county for a coverage year (待遇年度). The county may be
 * given as 岢岚县, 岢岚, kelan or 140929.
 *
 * @example
 * ```ts
 * getPolicy('岢岚', 2022).standard.amount // '320.00'
 * ```
 */
export function getPolicy(county: string, coverageYear: number, registry: PolicyRegistry = builtinRegistry): Policy {
  return registry.get(county, coverageYear);
}
