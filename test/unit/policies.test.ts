import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { auditPolicy, BUILTIN_POLICIES, definePolicy } from '../../src/index.js';
import { citations, HAVE_NOTICES, NOTICES_DIR, ROOT, squash } from '../helpers.js';

/** The notice with white space removed and nothing else: bold markers (**) stay, so quotes keep them. */
const strict = (file: string) => readFileSync(`${NOTICES_DIR}${file}`, 'utf8').replace(/\s+/g, '');
const ws = (s: string) => s.replace(/\s+/g, '');

const files: Record<string, string> = {
  'xiangning-2023': 'xiangning-2023.txt',
  'lingchuan-2023': 'lingchuan-2023.txt',
  'kelan-2022': 'kelan-2022.txt',
  'minquan-2024': 'minquan-2024.txt',
  'qinshui-2025': 'qinshui-2025.txt',
};

describe('the five built-in policies', () => {
  it('are the five notices, keyed by county and coverage year', () => {
    expect(BUILTIN_POLICIES.map((p) => p.id).sort()).toEqual(Object.keys(files).sort());
  });

  for (const p of BUILTIN_POLICIES) {
    describe(p.id, () => {
      it('agrees with itself: every stated result re-derives from its rule (audit)', () => {
        expect(auditPolicy(p)).toEqual([]);
      });

      it('is deeply frozen', () => {
        expect(Object.isFrozen(p)).toBe(true);
        expect(Object.isFrozen(p.categories[0]!.subsidy.cite)).toBe(true);
      });

      it('round-trips through JSON and definePolicy', () => {
        expect(definePolicy(JSON.parse(JSON.stringify(p)))).toEqual(p);
      });

      it.skipIf(!HAVE_NOTICES)('quotes the notice verbatim in every citation (white space aside; bold markers kept)', () => {
        const text = strict(files[p.id]!);
        const cites = citations(p);
        expect(cites.length).toBeGreaterThan(10);
        const missing = cites.filter((c) => !text.includes(ws(c.quote)));
        expect(missing).toEqual([]);
      });

      it.skipIf(!HAVE_NOTICES)('owns its words: every name it accepts for a category or group occurs in its notice', () => {
        const text = squash(strict(files[p.id]!));
        const names = [
          ...p.categories.flatMap((r) => r.names),
          ...(p.categoryDefinitions ?? []).flatMap((d) => d.names),
          ...p.groups.map((g) => g.name),
        ];
        expect(names.filter((n) => !text.includes(squash(n)))).toEqual([]);
      });
    });
  }
});

describe('no personal data ships', () => {
  const shipped = () =>
    execFileSync('git', ['ls-files', 'src', 'fixtures', 'docs', 'README.md', 'schema'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => readFileSync(`${ROOT}${f}`, 'utf8'))
      .join('\n');

  it('has no mobile phone number', () => {
    expect(shipped().match(/(^|\D)1[3-9]\d{9}(\D|$)/g)).toBeNull();
  });

  it.skipIf(!HAVE_NOTICES)('has none of the names in the notices’ contact lists', () => {
    // The people listed in Lingchuan's attachment 2 and Minquan's attachment.
    const names = new Set<string>();
    const raw = readFileSync(`${NOTICES_DIR}lingchuan-2023.txt`, 'utf8').split('附件 2')[1] ?? '';
    for (const m of raw.matchAll(/\t([\u4e00-\u9fa5][\u4e00-\u9fa5 ]{1,3})(?=\t)/g)) names.add(m[1]!);
    for (const m of raw.matchAll(/[：:]\s*([\u4e00-\u9fa5][\u4e00-\u9fa5 ]{1,2}[\u4e00-\u9fa5])\s+1/g)) names.add(m[1]!);
    const mq = readFileSync(`${NOTICES_DIR}minquan-2024.txt`, 'utf8').split('成员名单')[2] ?? '';
    for (const m of mq.matchAll(/\t([\u4e00-\u9fa5][\u4e00-\u9fa5 ]{1,2}[\u4e00-\u9fa5]?)(?=\t)/g)) names.add(m[1]!);
    const people = [...names].filter((n) => !/[镇乡]$/.test(n.trim()) && !['经办人', '分管领导', '联系电话', '备注'].includes(n));
    expect(people.length).toBeGreaterThan(20);
    const text = squash(shipped());
    expect(people.filter((n) => text.includes(squash(n)))).toEqual([]);
  });
});
