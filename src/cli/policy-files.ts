/**
 * `--policy FILE` (repeatable) for every command: a county's own policy files,
 * loaded beside the built-ins. A loaded policy is found by its county names and
 * year like a built-in; one with the same county and coverage year as a
 * built-in replaces it (with a note), and two files for the same county and
 * year are an error: which one was meant cannot be guessed.
 */
import { readFileSync } from 'node:fs';
import { YibaoError, yibaoError, type YibaoIssue } from '../errors.js';
import { safeDefinePolicy, type Policy } from '../policy.js';
import { BUILTIN_POLICIES, createRegistry, type PolicyRegistry } from '../registry.js';

/** What `--policy` loading gives: the registry to quote against and notes for stderr. */
export interface LoadedPolicies {
  readonly registry: PolicyRegistry;
  /** The user's policies, in the order given. */
  readonly loaded: readonly Policy[];
  /** One note per built-in that a file replaced. */
  readonly notes: ReadonlyArray<{ readonly zh: string; readonly en: string }>;
}

/**
 * Reads and defines one policy file. Throws a {@link YibaoError} whose every
 * issue names the file: `policy_file` when it cannot be read or is not JSON,
 * otherwise the issues of `definePolicy` (schema and audit).
 */
export function readPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? ['找不到文件', 'file not found'] : ['无法读取', 'cannot be read'];
    throw yibaoError('policy_file', [], `政策文件${why[0]}：${file}`, `policy file ${why[1]}: ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw yibaoError('policy_file', [], `政策文件不是有效的 JSON：${file}（${(e as Error).message}）`, `policy file is not valid JSON: ${file} (${(e as Error).message})`);
  }
  const r = safeDefinePolicy(json);
  if (r.success) return r.data;
  throw new YibaoError(r.error.issues.map((i): YibaoIssue => ({ ...i, zh: `${file}：${i.zh}`, en: `${file}: ${i.en}` })));
}

const key = (p: Policy) => `${p.county.code}/${p.coverageYear.year}`;

/**
 * The built-in policies plus the given files. With no files, the built-ins.
 *
 * @example
 * ```ts
 * const { registry, notes } = loadPolicyFiles(['fixtures/policies/yangqu-2022.json']);
 * quote({ county: '阳曲', coverageYear: 2022 }, registry).standard // '320.00'
 * ```
 */
export function loadPolicyFiles(files: readonly string[] = []): LoadedPolicies {
  const loaded = files.map(readPolicyFile);
  const seen = new Map<string, number>();
  loaded.forEach((p, i) => {
    const k = key(p);
    const j = seen.get(k);
    if (j !== undefined)
      throw yibaoError(
        'duplicate_policy',
        [],
        `两个政策文件是同一县、同一待遇年度（${p.county.name} ${p.coverageYear.year}）：${files[j]}、${files[i]}`,
        `two policy files are for the same county and coverage year (${p.county.name} ${p.coverageYear.year}): ${files[j]}, ${files[i]}`,
      );
    seen.set(k, i);
  });
  const notes: Array<{ zh: string; en: string }> = [];
  const kept = BUILTIN_POLICIES.filter((b) => {
    const i = seen.get(key(b));
    if (i === undefined) return true;
    notes.push({
      zh: `注意：${files[i]} 替换了内置政策 ${b.id}（${b.county.name} ${b.coverageYear.year} 年度）`,
      en: `note: ${files[i]} replaces the built-in policy ${b.id} (${b.county.name}, coverage year ${b.coverageYear.year})`,
    });
    return false;
  });
  return { registry: createRegistry([...kept, ...loaded]), loaded, notes };
}
