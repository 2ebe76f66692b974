/**
 * The spreadsheet's 提示 column: every warning code `quote` can give has a short
 * Chinese text (a code without one would print the full sentence, quotations
 * and all, into a narrow column).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHORT_WARNINGS, shortWarnings } from '../../src/sheet/warnings.js';
import type { QuoteWarningCode } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const codesIn = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/code: '([a-z-]+)'/g)].map((m) => m[1]!);

describe('short warnings', () => {
  it('cover every warning code the engine and quote give', () => {
    const codes = new Set([...codesIn('src/engine.ts'), ...codesIn('src/quote.ts')]);
    expect(codes.size).toBeGreaterThan(20);
    for (const code of codes) expect(SHORT_WARNINGS[code], code).toBeTruthy();
  });

  it('are short, distinct, and joined once each', () => {
    const texts = Object.values(SHORT_WARNINGS);
    for (const t of texts) expect(t.length, t).toBeLessThanOrEqual(24);
    expect(new Set(texts).size).toBe(texts.length);
    const w = (code: string) => ({ code: code as QuoteWarningCode, zh: `long ${code}`, en: code }); // an unknown code too: the sheet must not break on a newer library
    expect(shortWarnings([w('broader-name'), w('outside-window'), w('broader-name')])).toBe(`${SHORT_WARNINGS['broader-name']}；${SHORT_WARNINGS['outside-window']}`);
    expect(shortWarnings([w('some-new-code')])).toBe('long some-new-code');
  });
});
