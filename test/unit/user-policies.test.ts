import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createRegistry, policyGaps, quote, safeQuote, YibaoError, type Policy } from '../../src/index.js';
import { definePolicy } from '../../src/define.js';
import { citations, NOTICES_DIR, ROOT, squash } from '../helpers.js';

/** The example user policies: JSON files loaded as a clerk's tool would, with `definePolicy(JSON.parse(text))`. */
const load = (id: string): Policy => definePolicy(JSON.parse(readFileSync(`${ROOT}fixtures/policies/${id}.json`, 'utf8')));
const files = { 'yangqu-2022': 'yangqu-2022.txt', 'zhushan-2021': 'zhushan-2021.txt', 'xiejiachacun-2023': 'xiejiachacun-2023.txt' } as const;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(`${ROOT}schema/policy.json`, 'utf8')));
const codes = (q: { warnings: readonly { code: string }[] }) => q.warnings.map((w) => w.code);

describe.each(Object.entries(files))('the example policy %s', (id, file) => {
  const p = load(id);
  const text = () => readFileSync(`${NOTICES_DIR}extra/${file}`, 'utf8').replace(/\s+/g, '');

  it('validates against the shipped JSON Schema and round-trips through JSON', () => {
    const json = JSON.parse(readFileSync(`${ROOT}fixtures/policies/${id}.json`, 'utf8'));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(definePolicy(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('quotes the text verbatim in every citation (white space aside)', () => {
    const cites = citations(p);
    expect(cites.length).toBeGreaterThan(5);
    expect(cites.filter((c) => !text().includes(c.quote.replace(/\s+/g, '')))).toEqual([]);
  });

  it('owns its words: every name it accepts occurs in the text', () => {
    const names = [...p.categories.flatMap((r) => r.names), ...(p.categoryDefinitions ?? []).flatMap((d) => d.names), ...p.groups.map((g) => g.name)];
    expect(names.filter((n) => !squash(text()).includes(squash(n)))).toEqual([]);
  });
});

describe('阳曲县 2022 (a third-party restatement)', () => {
  const reg = createRegistry([load('yangqu-2022')]);
  const q = (categories: string[], paidOn?: string) => quote({ county: '阳曲', coverageYear: 2022, categories, ...(paidOn ? { paidOn } : {}) }, reg);

  it('the 160-yuan group: 50% of 320, a category no other notice has', () => {
    const r = q(['低收入家庭六十周岁以上的老年人和未成年人']);
    expect(r).toMatchObject({ subsidy: '160.00', individual: '160.00', appliedCategory: 'low-income-elderly-minor', funders: ['medical-assistance-fund'] });
    expect(r.appliedCategoryName!.zh).toBe('低收入家庭六十周岁以上的老年人和未成年人');
  });

  it('80% with a 280 floor for 低保, 重点优抚对象, 见义勇为者 and 享受40%救济对象 alike', () => {
    for (const c of ['城乡低保对象', '低保', '见义勇为者', '享受40%救济对象', '在乡不享受公费医疗待遇的重点优抚对象']) expect(q([c]).subsidy, c).toBe('280.00');
  });

  it('重度残疾人: full, by 财政 whose level is not stated; mechanisms are not stated, so what is due at payment is unknown', () => {
    const r = q(['重度残疾人']);
    expect(r).toMatchObject({ subsidy: '320.00', individual: '0.00', mechanism: null, dueAtPayment: null, funding: 'all-of' });
    expect(r.funderDetails).toEqual([{ id: 'finance', zh: '财政（未写明层级）', en: 'public finance (level not stated)', level: 'not-stated', role: 'pays' }]);
    expect(codes(r)).toContain('mechanism-not-stated');
  });

  it('稳定脱贫人口 explicitly none; 计划生育特殊困难家庭成员 defers to the original policy', () => {
    expect(q(['稳定脱贫人口'])).toMatchObject({ subsidy: '0.00', individual: '320.00' });
    expect(q(['计划生育特殊困难家庭成员'])).toMatchObject({ status: 'unspecified', subsidy: null });
  });

  it('states no window: a payment date gives window.open null, reason not-stated, with a warning', () => {
    const r = q(['低保'], '2021-12-01');
    expect(r.window).toEqual({ open: null, reason: 'not-stated' });
    expect(codes(r)).toContain('window-not-stated');
  });

  it('lists what the page does not state and what was inferred', () => {
    const gaps = policyGaps(load('yangqu-2022'));
    expect(gaps.filter((g) => g.kind === 'inferred').map((g) => g.path)).toEqual(['coverage']);
    expect(gaps.find((g) => g.path === 'collection')!.note).toContain('缴费期');
    expect(gaps.map((g) => g.path)).toEqual(expect.arrayContaining(['document.number', 'document.issuer', 'document.issuedOn', 'categories[1].funders']));
  });
});

describe('竹山县 2021 (an announcement with a window extended for 外出务工)', () => {
  const reg = createRegistry([load('zhushan-2021')]);
  const q = (categories: string[], paidOn: string) => quote({ county: '竹山', coverageYear: 2021, categories, paidOn }, reg);

  it('extends the window to 2021-02-28 for 外出务工 and 其他特殊人员, not for others', () => {
    for (const c of ['外出务工', 'migrant-worker', '其他特殊人员']) {
      const r = q([c], '2021-02-10');
      expect(r.window, c).toEqual({ open: true, reason: 'group-extension' });
      expect(r.coverage).toEqual({ start: '2021-01-01', end: '2021-12-31' });
      expect(r.explain.find((s) => s.step === 'window')!.cite!.quote).toContain('可延长至2021年2月28日');
    }
    expect(q([], '2021-02-10').window).toMatchObject({ open: false, reason: 'after-end' });
    expect(q(['外出务工'], '2021-03-01').window).toMatchObject({ open: false, reason: 'after-end' });
  });

  it('280 yuan, no subsidy rule at all; the coverage year is inferred, with a warning', () => {
    const r = q([], '2020-10-01');
    expect(r).toMatchObject({ standard: '280.00', individual: '280.00', subsidy: '0.00', window: { open: true, reason: 'open' } });
    expect(codes(r)).toContain('coverage-inferred');
  });
});

describe('谢家岔村 2023 (a village notice; its county is not named)', () => {
  const reg = createRegistry([load('xiejiachacun-2023')]);
  const q = (categories: string[], paidOn?: string) => quote({ county: '谢家岔村', coverageYear: 2023, categories, ...(paidOn ? { paidOn } : {}) }, reg);

  it('the tiered 低保: classes 1–2 and full support 250, classes 3–4 and shortfall support 190', () => {
    for (const c of ['农村一、二类低保', '城市低保全额保障对象']) expect(q([c]), c).toMatchObject({ subsidy: '250.00', individual: '100.00', appliedCategory: 'dibao-full' });
    for (const c of ['农村三、四类低保', '城市低保差额保障对象']) expect(q([c]), c).toMatchObject({ subsidy: '190.00', individual: '160.00', appliedCategory: 'dibao-partial' });
  });

  it('does not collapse 城乡低保对象, 低保, 低保对象 or the shared code into one tier’s answer', () => {
    for (const c of ['城乡低保对象', '低保', '低保对象', 'minimum-living-allowance']) {
      const r = safeQuote({ county: '谢家岔村', coverageYear: 2023, categories: [c] }, reg);
      expect(r.success, c).toBe(false);
      if (!r.success) expect(r.error.code, c).toBe('ambiguous_category');
    }
  });

  it('孤儿 full, 已脱贫人口 100, funders and mechanisms not stated', () => {
    expect(q(['孤儿'])).toMatchObject({ subsidy: '350.00', individual: '0.00', appliedCategory: 'orphan', mechanism: null, funders: [] });
    expect(codes(q(['已脱贫人口']))).toEqual(expect.arrayContaining(['no-funder-named', 'mechanism-not-stated']));
    expect(q(['已脱贫人口']).subsidy).toBe('100.00');
  });

  it('its window and coverage, printed without 年/月, are inferences, and quotes say so', () => {
    const r = q([], '2022-09-01');
    expect(r.window).toEqual({ open: true, reason: 'open' });
    expect(codes(r)).toEqual(expect.arrayContaining(['window-inferred', 'coverage-inferred']));
    const early = q([], '2022-08-23');
    expect(early.window!.open).toBe(false);
    // Outside an inferred window is outside: no coverage, both warnings.
    expect(early.coverage).toBeNull();
    expect(codes(early)).toEqual(expect.arrayContaining(['window-inferred', 'outside-window']));
    const gaps = policyGaps(load('xiejiachacun-2023'));
    expect(gaps.filter((g) => g.kind === 'inferred').map((g) => g.path).sort()).toEqual(['collection.end', 'collection.start', 'collectionYear', 'coverage']);
    expect(gaps.map((g) => g.path)).toEqual(expect.arrayContaining(['county.code', 'county.province', 'document.number']));
  });
});

describe('the README’s worked example', () => {
  it('is the fixture file, as written', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const file = readFileSync(`${ROOT}fixtures/policies/zhushan-2021.json`, 'utf8').trim();
    expect(readme).toContain(`\`\`\`json\n${file}\n\`\`\``);
  });
});

describe('a registry of several user policies', () => {
  const zhushan = load('zhushan-2021');
  it('two policies for the same county and coverage year are duplicate_policy, never the last one silently', () => {
    const other = definePolicy({ ...JSON.parse(JSON.stringify(zhushan)), id: 'zhushan-2021' });
    const r = (() => {
      try {
        createRegistry([zhushan, other]);
      } catch (e) {
        return e;
      }
    })();
    expect(YibaoError.is(r) && r.code).toBe('duplicate_policy');
    expect((r as YibaoError).zh).toMatch(/竹山县 2021/);
  });
  it('a county name two counties share names neither: quoted by code, never the other county', () => {
    // A second county that also calls itself 竹山县 (another code, another pinyin).
    const json = JSON.parse(JSON.stringify(zhushan));
    const twin = definePolicy({ ...json, id: 'zhushanx-2021', county: { ...json.county, code: '999999', pinyin: 'zhushanx' } });
    const reg = createRegistry([zhushan, twin]);
    const e = safeQuote({ county: '竹山县', coverageYear: 2021 }, reg);
    expect(e.success).toBe(false);
    if (!e.success) expect([e.error.code, e.error.zh]).toEqual(['unknown_county', expect.stringMatching(/不止指一个县/)]);
    expect(quote({ county: zhushan.county.code ?? 'zhushan', coverageYear: 2021 }, reg).policyId).toBe('zhushan-2021');
    expect(quote({ county: '999999', coverageYear: 2021 }, reg).policyId).toBe('zhushanx-2021');
  });
});
