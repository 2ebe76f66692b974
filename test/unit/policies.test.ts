import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '../../src/index.js';
import { auditPolicy, definePolicy } from '../../src/define.js';
import { citations, NAME_REMOVED, NOTICES_DIR, PHONE_REMOVED, ROOT, squash } from '../helpers.js';

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

      it('quotes the notice verbatim in every citation (white space aside; bold markers kept)', () => {
        const text = strict(files[p.id]!);
        const cites = citations(p);
        expect(cites.length).toBeGreaterThan(10);
        const missing = cites.filter((c) => !text.includes(ws(c.quote)));
        expect(missing).toEqual([]);
      });

      it('owns its words: every name it accepts for a category or group occurs in its notice', () => {
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

  it('has none of the names in the notices’ contact lists: the copies the citations are checked against have them removed', () => {
    // Lingchuan's attachment 2 (11 leaders and 15 staff, 2 more after it) and Minquan's attachment (13 members, 1 more after it).
    const count = (s: string, mark: string) => s.split(mark).length - 1;
    const ling = readFileSync(`${NOTICES_DIR}lingchuan-2023.txt`, 'utf8').split('附件 2')[1] ?? '';
    const mq = readFileSync(`${NOTICES_DIR}minquan-2024.txt`, 'utf8').split('成员名单')[2] ?? '';
    expect(count(ling, NAME_REMOVED)).toBe(28);
    expect(count(ling, PHONE_REMOVED)).toBe(17);
    expect(count(mq, NAME_REMOVED)).toBe(14);
    // Whatever is left in those lists is a post, a township or a heading, never a name.
    for (const m of ling.matchAll(/\t([\u4e00-\u9fa5][\u4e00-\u9fa5 ]{1,3})(?=\t)/g)) expect(m[1]).toMatch(/[镇乡]$|^(经办人|分管领导|联系电话|备注|乡镇)$/);
    const members = mq.split('\n').filter((l) => l.includes('\t'));
    expect(members).toHaveLength(13);
    for (const l of members) expect(l).toMatch(/^(组 长：|成 员：)?\t〔姓名已删除〕\t\S.*(局长|主任|书记|理事长)\s*$/);
    // Every citation is verbatim in these copies (above), so no cited text carries a removed name.
    for (const f of readdirSync(NOTICES_DIR, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')))
      expect(readFileSync(`${NOTICES_DIR}${f}`, 'utf8').match(/(^|\D)1[3-9]\d{9}(\D|$)/g), f).toBeNull();
  });
});
