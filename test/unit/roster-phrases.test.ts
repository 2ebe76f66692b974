import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('the roster speaks every warning in short words', () => {
  it('every warning code the engine and quote can give has a phrase in the 提示 column', () => {
    const codes = new Set<string>();
    for (const f of ['src/engine.ts', 'src/quote.ts'])
      for (const m of readFileSync(`${ROOT}${f}`, 'utf8').matchAll(/code: '([a-z-]+)'/g)) codes.add(m[1]!);
    const phrases = readFileSync(`${ROOT}src/cli/roster/decisions.ts`, 'utf8');
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter((c) => !phrases.includes(`'${c}': [`) && !phrases.includes(`  ${c}: [`));
    expect(missing).toEqual([]);
  });
});
