/**
 * The measure of `draftPolicy`: the drafts of the eight texts in shared/notices
 * compared field by field with the hand-written policies (the five built-ins)
 * and with the figures listed in shared/notices/extra/README.md (the three
 * extras). Prints precision and recall; asserts precision 100% on figures and
 * dates (nothing the notice does not state) and the recall actually reached.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/cn2t';
import { draftPolicy, type Draft } from '../../src/draft/index.js';
import { NOTICES } from '../../src/policies/index.js';
import { HAVE_NOTICES, NOTICES_DIR } from '../helpers.js';
import { draftFacts, policyFacts, score, type Fact, type FactKind } from './draft-facts.js';

const f = (key: string, value: string, kind: FactKind): Fact => ({ key, value, kind });

/** The extras' reference: only what extra/README.md lists for each text. */
const EXTRAS: Record<string, Fact[]> = {
  'extra/yangqu-2022.txt': [
    f('standard', '320.00', 'figure'),
    f('coverageYear', '2022', 'date'),
    f('county.code', '140122', 'document'),
    f('cat.ordinary.kind', 'none', 'category'),
    f('cat.stably-out-of-poverty.kind', 'none', 'category'),
    ...['unstable-out-of-poverty', 'marginal-at-risk'].flatMap((c) => [f(`cat.${c}.kind`, 'fixed', 'category'), f(`cat.${c}.amount`, '280.00', 'figure')]),
    f('group.易返致贫人口', 'marginal-at-risk,unstable-out-of-poverty', 'category'),
    f('cat.returned-to-poverty.kind', 'percentage', 'category'),
    f('cat.returned-to-poverty.rate', '0.90', 'figure'),
    f('cat.returned-to-poverty.stated.subsidy', '288.00', 'figure'),
    f('cat.extreme-poverty.kind', 'full', 'category'),
    ...['minimum-living-allowance', 'special-care'].flatMap((c) => [
      f(`cat.${c}.kind`, 'percentage', 'category'),
      f(`cat.${c}.rate`, '0.80', 'figure'),
      f(`cat.${c}.floor`, '280.00', 'figure'),
    ]),
    ...['见义勇为者', '享受40%救济对象'].flatMap((n) => [f(`name.${n}.kind`, 'percentage', 'category'), f(`name.${n}.rate`, '0.80', 'figure'), f(`name.${n}.floor`, '280.00', 'figure')]),
    f('name.低收入家庭六十周岁以上的老年人和未成年人.kind', 'percentage', 'category'),
    f('name.低收入家庭六十周岁以上的老年人和未成年人.rate', '0.50', 'figure'),
    f('name.低收入家庭六十周岁以上的老年人和未成年人.stated.subsidy', '160.00', 'figure'),
    f('cat.severe-disability.kind', 'full', 'category'),
    f('name.计划生育特殊困难家庭成员.kind', 'unspecified', 'category'),
    f('otherCategories', 'silent', 'category'),
    // Stated in the text though the README's summary leaves them out: the exclusion, and the
    // mechanisms the genre's words name (定额资助: reduced at payment; 全额资助: paid in full), as the built-ins read them.
    ...['unstable-out-of-poverty', 'marginal-at-risk'].map((c) => f(`cat.${c}.exclusions`, 'extreme-poverty,minimum-living-allowance', 'category')),
    ...['unstable-out-of-poverty', 'marginal-at-risk', 'returned-to-poverty', 'minimum-living-allowance', 'special-care'].map((c) => f(`cat.${c}.mechanism`, 'reduced-at-payment', 'mechanism')),
    ...['extreme-poverty', 'severe-disability'].map((c) => f(`cat.${c}.mechanism`, 'full-proxy', 'mechanism')),
  ],
  'extra/zhushan-2021.txt': [
    f('standard', '280.00', 'figure'),
    f('coverageYear', '2021', 'date'),
    f('collectionYear', '2020', 'date'),
    f('county.code', '420323', 'document'),
    f('document.issuedOn', '2020-09-01', 'date'),
    f('collection.start', '2020-09-01', 'date'),
    f('collection.end', '2020-12-31', 'date'),
    f('extension.2021-02-28', '外出务工及其他特殊人员', 'date'),
    f('cat.ordinary.kind', 'none', 'category'),
    f('otherCategories', 'silent', 'category'),
  ],
  'extra/xiejiachacun-2023.txt': [
    f('standard', '350.00', 'figure'),
    f('coverageYear', '2023', 'date'),
    f('collectionYear', '2022', 'date'),
    f('document.issuedOn', '2022-11-11', 'date'),
    f('collection.start', '2022-08-24', 'date'),
    f('collection.end', '2022-12-31', 'date'),
    f('coverage.start', '2023-01-01', 'date'),
    f('coverage.end', '2023-12-31', 'date'),
    f('cat.ordinary.kind', 'none', 'category'),
    f('cat.extreme-poverty.kind', 'full', 'category'),
    f('cat.minimum-living-allowance.tiers', '190.00,250.00', 'figure'),
    f('cat.returned-to-poverty.kind', 'fixed', 'category'),
    f('cat.returned-to-poverty.amount', '190.00', 'figure'),
    f('name.农村易返贫致贫人口.kind', 'fixed', 'category'),
    f('name.农村易返贫致贫人口.amount', '150.00', 'figure'),
    f('name.已脱贫人口.kind', 'fixed', 'category'),
    f('name.已脱贫人口.amount', '100.00', 'figure'),
    f('otherCategories', 'silent', 'category'),
    f('cat.extreme-poverty.mechanism', 'full-proxy', 'mechanism'),
    f('cat.returned-to-poverty.mechanism', 'reduced-at-payment', 'mechanism'),
  ],
};

const BUILTIN_FILES = ['xiangning-2023.txt', 'lingchuan-2023.txt', 'kelan-2022.txt', 'minquan-2024.txt', 'qinshui-2025.txt'];

/** Recall floors actually reached (figures and dates; all kinds), per text. */
const RECALL_FLOOR: Record<string, { figuresDates: number; all: number }> = {
  'xiangning-2023.txt': { figuresDates: 1, all: 1 },
  // Lingchuan states no coverage dates (the hand encoding infers them): 27/29, 50/52.
  'lingchuan-2023.txt': { figuresDates: 0.93, all: 0.96 },
  // Kelan's 12-20 deadline concerns "困难群众": left to the reviewer (28/29, 62/63).
  'kelan-2022.txt': { figuresDates: 0.96, all: 0.98 },
  'minquan-2024.txt': { figuresDates: 1, all: 1 },
  'qinshui-2025.txt': { figuresDates: 1, all: 1 },
  'extra/yangqu-2022.txt': { figuresDates: 1, all: 1 },
  'extra/zhushan-2021.txt': { figuresDates: 1, all: 1 },
  'extra/xiejiachacun-2023.txt': { figuresDates: 1, all: 1 },
};

const drafts = new Map<string, Draft>();
function draftOf(file: string): Draft {
  let d = drafts.get(file);
  if (!d) drafts.set(file, (d = draftPolicy(readFileSync(`${NOTICES_DIR}${file}`, 'utf8'))));
  return d;
}

function expectedOf(file: string): Fact[] {
  const i = BUILTIN_FILES.indexOf(file);
  return i >= 0 ? policyFacts(NOTICES[i]! as unknown as Record<string, unknown>) : EXTRAS[file]!;
}

const FILES = [...BUILTIN_FILES, ...Object.keys(EXTRAS)];
const FD: FactKind[] = ['figure', 'date'];
const ALL: FactKind[] = ['figure', 'date', 'category', 'funder', 'mechanism', 'window'];

describe.runIf(HAVE_NOTICES)('draftPolicy on the eight texts, field by field', () => {
  it('the built-ins are in the order of their files', () => {
    expect(NOTICES.map((p) => `${p.id}.txt`)).toEqual(BUILTIN_FILES);
  });

  const rows: string[] = [];
  for (const file of FILES) {
    it(`${file}: no figure or date the text does not state; recall at least the floor`, () => {
      const d = draftOf(file);
      const got = draftFacts(d);
      const exp = expectedOf(file);
      const fd = score(got, exp, FD);
      const all = score(got, exp, ALL);
      rows.push(
        `${file.padEnd(28)} figures+dates P ${(fd.precision * 100).toFixed(0)}% R ${(fd.recall * 100).toFixed(0)}% (${fd.tp}/${fd.expected}) · all fields P ${(all.precision * 100).toFixed(0)}% R ${(all.recall * 100).toFixed(0)}% (${all.tp}/${all.expected}) · same clause ${exp.some((x) => x.clause) ? `${(all.clauseAgree * 100).toFixed(0)}%` : 'n/a'}` +
          (all.missed.length ? `\n    missed: ${all.missed.join('; ')}` : '') +
          (all.wrong.length ? `\n    differs: ${all.wrong.join('; ')}` : ''),
      );
      expect(fd.wrong, 'figures and dates the reference does not have').toEqual([]);
      expect(fd.precision).toBe(1);
      expect(fd.recall).toBeGreaterThanOrEqual(RECALL_FLOOR[file]!.figuresDates);
      expect(all.recall).toBeGreaterThanOrEqual(RECALL_FLOOR[file]!.all);
    });
  }

  it('prints the scores', () => {
    console.log(`\ndraftPolicy: precision and recall per text\n${rows.join('\n')}`);
    expect(rows.length).toBe(FILES.length);
  });

  it('every quote of every draft occurs in its notice (white space ignored)', () => {
    for (const file of FILES) expect(draftOf(file).quoteProblems, file).toEqual([]);
  });

  it('drafts that the texts allow are valid: Kelan, Minquan, Qinshui, Xiangning (Lingchuan states no coverage dates)', () => {
    for (const file of ['kelan-2022.txt', 'minquan-2024.txt', 'qinshui-2025.txt', 'xiangning-2023.txt']) expect(draftOf(file).valid, file).toBe(true);
    const l = draftOf('lingchuan-2023.txt');
    expect(l.valid).toBe(false);
    expect(l.notStated.map((n) => n.field)).toEqual(['coverage']);
  });

  it('a traditional-character rendering drafts the same figures and dates, quoted in traditional characters', () => {
    for (const file of ['qinshui-2025.txt', 'kelan-2022.txt']) {
      const simplified = readFileSync(`${NOTICES_DIR}${file}`, 'utf8');
      const traditional = Converter({ from: 'cn', to: 'tw' })(simplified);
      expect(traditional).not.toBe(simplified);
      const t = draftPolicy(traditional);
      const s = draftOf(file);
      const facts = (d: Draft) => draftFacts(d).filter((x) => x.kind === 'figure' || x.kind === 'date').map((x) => `${x.key}=${x.value}`).sort();
      expect(facts(t)).toEqual(facts(s));
      expect(t.quoteProblems).toEqual([]);
      expect((t.policy as { standard: { cite: { quote: string } } }).standard.cite.quote).toMatch(/繳費標準/);
    }
  });

  it('the same text always gives the same draft', () => {
    const t = readFileSync(`${NOTICES_DIR}kelan-2022.txt`, 'utf8');
    expect(JSON.stringify(draftPolicy(t))).toBe(JSON.stringify(draftPolicy(t)));
  });
});

describe.runIf(HAVE_NOTICES)('no personal data from contact lists', () => {
  /** Names in the attachments' lists: cells of 2–4 Han characters on lines that list people. */
  function personalNames(text: string): string[] {
    const names = new Set<string>();
    const lines = text.split('\n');
    const start = lines.findIndex((l) => /(人员|成员)名单/.test(l) && !/附件：/.test(l));
    for (const line of start >= 0 ? lines.slice(start) : []) {
      for (const cell of line.split(/\t|：/)) {
        const c = cell.replace(/[\s\u3000]/g, '');
        if (/^[\u4e00-\u9fa5]{2,3}$/.test(c) && !/[镇乡县局区市委会长员组任号计注导人话]$/.test(c)) names.add(c);
      }
    }
    for (const m of text.matchAll(/(负责人|协调员)：\s*([\u4e00-\u9fa5][\u4e00-\u9fa5\s]{1,3})\s+1\d{10}/g)) names.add(m[2]!.replace(/\s/g, ''));
    return [...names];
  }

  for (const file of BUILTIN_FILES) {
    it(`${file}: no phone number and no listed name in the draft or its report`, () => {
      const text = readFileSync(`${NOTICES_DIR}${file}`, 'utf8');
      const d = draftOf(file);
      const out = JSON.stringify(d.policy) + d.report;
      expect(out).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      const names = personalNames(text);
      if (file === 'lingchuan-2023.txt' || file === 'minquan-2024.txt') expect(names.length).toBeGreaterThan(5);
      for (const n of names) expect(out.includes(n), `${file}: ${n}`).toBe(false);
    });
  }
});
