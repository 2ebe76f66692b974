/**
 * A user's policy for the spreadsheet functions: JSON text in one cell, or in
 * a range of cells (a sheet holding the JSON a line a row), validated and
 * audited by `safeDefinePolicy` (the same as `definePolicy` in Node). The
 * functions then quote against the built-in policies plus this one (it
 * replaces a built-in one of the same county and year).
 *
 * The validator needs zod, which the small global build leaves out: the Excel
 * and WPS functions carry it, and in Google Sheets the extra file
 * YibaoDefine.gs (dist/yibao-rules.define.global.js) installs it with
 * {@link setPolicyDefiner}.
 *
 * @module
 */
import type { SafeResult } from '../errors.js';
import type { Policy } from '../policy.js';
import { BUILTIN_POLICIES, builtinRegistry, createRegistry, type PolicyRegistry } from '../registry.js';

/** Validates and audits a policy: `safeDefinePolicy`. */
export type PolicyDefiner = (json: unknown) => SafeResult<Policy>;
let definer: PolicyDefiner | undefined;

/** Installs the validator the policy argument goes through (`safeDefinePolicy`). */
export function setPolicyDefiner(f: PolicyDefiner): void {
  definer = f;
  cache.clear();
}

/** What a policy argument can hold: a cell, or a range of cells. */
type PolicyArg = string | number | boolean | Date | null | undefined | ReadonlyArray<ReadonlyArray<unknown>>;

/** A problem with a policy argument: code and message (Chinese / English). */
export interface PolicyTextError {
  readonly code: string;
  readonly message: string;
}

const CACHE_LIMIT = 8;
/** Registries by policy text: a sheet recalculates every cell with the same text. */
const cache = new Map<string, PolicyRegistry | PolicyTextError>();

/** The JSON text of a policy argument: a cell's text, or a range's non-empty cells, one line each. */
export function policyText(arg: PolicyArg): string {
  if (Array.isArray(arg))
    return arg
      .map((row: ReadonlyArray<unknown>) => row.filter((c) => c !== null && c !== undefined && c !== '').map(String).join(''))
      .filter((line: string) => line !== '')
      .join('\n');
  return arg === null || arg === undefined ? '' : String(arg);
}

/**
 * The registry a function quotes against: the built-ins when the argument is
 * empty, else the built-ins plus the policy the text defines, or the error
 * that explains why the text is not a policy.
 *
 * @example
 * ```ts
 * registryFromText(undefined) === builtinRegistry // true
 * ```
 */
export function registryFromText(arg: PolicyArg): PolicyRegistry | PolicyTextError {
  const text = policyText(arg).trim();
  if (!text) return builtinRegistry;
  const hit = cache.get(text);
  if (hit) return hit;
  let result: PolicyRegistry | PolicyTextError;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    json = undefined;
    result = { code: 'invalid_policy', message: `政策不是有效的 JSON：${(e as Error).message} / the policy is not valid JSON` };
  }
  if (json !== undefined && !definer)
    result = { code: 'invalid_policy', message: '本环境未加载政策校验：Google 表格请加入 YibaoDefine.gs / no policy validator here: in Google Sheets add YibaoDefine.gs' };
  else if (json !== undefined) {
    const r = definer!(json);
    result = r.success
      ? // A policy for a built-in's county and year replaces it, as `--policy` does on the command line.
        createRegistry([...BUILTIN_POLICIES.filter((b) => (b.county.code ?? b.county.pinyin) !== (r.data.county.code ?? r.data.county.pinyin) || b.coverageYear.year !== r.data.coverageYear.year), r.data])
      : { code: r.error.code, message: `政策无效：${r.error.format('zh').split('\n')[0]} / invalid policy: ${r.error.format('en').split('\n')[0]}` };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, result!);
  return result!;
}
