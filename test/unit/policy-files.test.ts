import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyFiles, readPolicyFile } from '../../src/cli/policy-files.js';
import { BUILTIN_POLICIES, builtinRegistry, safeQuote, YibaoError, type Policy } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'yibao-policy-files-'));
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const thrown = (f: () => unknown): YibaoError => {
  try {
    f();
  } catch (e) {
    if (e instanceof YibaoError) return e;
    throw e;
  }
  throw new Error('did not throw');
};

/** Every name a policy's rules accept, alone and in pairs, × payment dates around its window. */
function inputs(p: Policy) {
  const names = p.categories.flatMap((r) => r.names);
  const sets: string[][] = [[], ...names.map((n) => [n]), ...names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b]))];
  const c = (p as { collection?: { start: { date: string }; end: { date: string } } }).collection;
  const dates: Array<string | undefined> = [undefined, ...(c ? [c.start.date, c.end.date, '2000-01-01'] : [])];
  return sets.flatMap((categories) => dates.map((paidOn) => ({ county: p.county.name, coverageYear: p.coverageYear.year, categories, paidOn })));
}

describe('--policy files', () => {
  it.each(BUILTIN_POLICIES.map((p) => [p.id, p] as const))('%s printed as JSON loads back with identical quotes, and replaces the built-in with a note', (id, p) => {
    const f = write(`${id}.json`, JSON.stringify(p, null, 2));
    const { registry, loaded, notes } = loadPolicyFiles([f]);
    expect(loaded[0]).toEqual(p);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.zh).toContain(id);
    expect(registry.list().map((s) => s.id).sort()).toEqual(BUILTIN_POLICIES.map((b) => b.id).sort());
    const cases = inputs(p);
    expect(cases.length).toBeGreaterThanOrEqual(4);
    for (const input of cases) expect(safeQuote(input, registry)).toEqual(safeQuote(input, builtinRegistry));
  });

  it('with no files gives the built-ins', () => {
    const { registry, loaded, notes } = loadPolicyFiles();
    expect(loaded).toEqual([]);
    expect(notes).toEqual([]);
    expect(registry.list()).toEqual(builtinRegistry.list());
  });

  it('refuses two files for the same county and year', () => {
    const p = BUILTIN_POLICIES[0]!;
    const a = write('a.json', JSON.stringify(p));
    const b = write('b.json', JSON.stringify(p));
    const e = thrown(() => loadPolicyFiles([a, b]));
    expect(e.code).toBe('duplicate_policy');
    expect(e.zh).toContain('a.json');
    expect(e.en).toContain('b.json');
  });

  it('names the file in every error: missing, not JSON, not a policy', () => {
    expect(thrown(() => readPolicyFile(join(dir, 'nope.json')))).toMatchObject({ code: 'policy_file' });
    const bad = write('bad.json', '{ "id": ');
    const e1 = thrown(() => readPolicyFile(bad));
    expect(e1.code).toBe('policy_file');
    expect(e1.en).toContain('bad.json');
    const p = JSON.parse(JSON.stringify(BUILTIN_POLICIES[0]!));
    p.standard.amount = '-5';
    delete p.county;
    const e2 = thrown(() => readPolicyFile(write('wrong.json', JSON.stringify(p))));
    expect(e2.issues.length).toBeGreaterThanOrEqual(2);
    for (const i of e2.issues) expect(i.zh.startsWith(join(dir, 'wrong.json'))).toBe(true);
    expect(e2.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['standard.amount', 'county']));
  });

  it('reads a file saved with a byte-order mark', () => {
    const p = BUILTIN_POLICIES[1]!;
    expect(readPolicyFile(write('bom.json', `\uFEFF${JSON.stringify(p)}`))).toEqual(p);
  });
});
