/** The built-ins ship as frozen data, validated here and at build time rather than at import. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '../../src/index.js';
import { definePolicy } from '../../src/define.js';
import { NOTICES } from '../../src/policies/index.js';

describe('the built-in policies', () => {
  it.each(BUILTIN_POLICIES.map((p, i) => [p.id, p, NOTICES[i]!] as const))('%s passes definePolicy unchanged', (_, shipped, notice) => {
    // definePolicy adds nothing (no default, no transform): what ships is what it validates and audits.
    expect(definePolicy(notice)).toEqual(shipped);
    expect(JSON.parse(JSON.stringify(definePolicy(notice)))).toEqual(JSON.parse(JSON.stringify(shipped)));
  });

  it('are deeply frozen', () => {
    const unfrozen = (v: unknown, path: string): string[] =>
      v !== null && typeof v === 'object' ? (Object.isFrozen(v) ? Object.entries(v).flatMap(([k, x]) => unfrozen(x, `${path}.${k}`)) : [path]) : [];
    expect(BUILTIN_POLICIES.flatMap((p) => unfrozen(p, p.id))).toEqual([]);
  });
});
