import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, builtinRegistry, createRegistry, getPolicy, policyGaps, quote, safeQuote } from '../../src/index.js';
import { definePolicy, safeDefinePolicy } from '../../src/define.js';

const codes = (q: { warnings: readonly { code: string }[] }) => q.warnings.map((w) => w.code);
const errorCode = (input: Parameters<typeof safeQuote>[0], reg?: Parameters<typeof safeQuote>[1]) => {
  const r = safeQuote(input, reg ?? builtinRegistry);
  return r.success ? 'ok' : r.error.code;
};

describe('a policy owns its words (issue 9, item 1)', () => {
  it('never takes a name from another notice', () => {
    // Minquan defines 特困 only as 集中/分散供养五保; Kelan and Lingchuan never use 监测对象.
    for (const n of ['孤儿', '事实无人抚养儿童', '城市“三无”人员']) expect(errorCode({ county: '民权', coverageYear: 2024, categories: [n] }), n).toBe('unknown_category');
    expect(errorCode({ county: '岢岚', coverageYear: 2022, categories: ['监测对象'] })).toBe('unknown_category');
    expect(errorCode({ county: '陵川', coverageYear: 2023, categories: ['监测对象'] })).toBe('unknown_category');
    expect(quote({ county: '沁水', coverageYear: 2025, categories: ['监测对象'] }).subsidy).toBe('280.00');
  });

  it('resolves the short forms of the one table where the notice gives them that meaning', () => {
    expect(quote({ county: '岢岚', coverageYear: 2022, categories: ['低保'] }).individual).toBe('40.00');
    expect(quote({ county: '陵川', coverageYear: 2023, categories: ['低保'] }).subsidy).toBe('280.00');
    expect(quote({ county: '岢岚', coverageYear: 2022, categories: ['特困'] }).individual).toBe('0.00');
    expect(quote({ county: '岢岚', coverageYear: 2022, categories: ['特困供养范围人员'] }).appliedCategory).toBe('extreme-poverty');
    expect(quote({ county: '沁水', coverageYear: 2025, categories: ['特困供养范围人员'] }).subsidy).toBe('400.00');
    expect(quote({ county: '民权', coverageYear: 2024, categories: ['五保'] }).subsidy).toBe('380.00');
    expect(quote({ county: '沁水', coverageYear: 2025, categories: ['五保'] }).subsidy).toBe('400.00');
    expect(quote({ county: '沁水', coverageYear: 2025, categories: ['三无人员'] }).subsidy).toBe('400.00');
    expect(quote({ county: '陵川', coverageYear: 2023, categories: ['三无人员'] }).subsidy).toBe('350.00');
    // 五保 is not a word Kelan uses: no short form without the notice's full name.
    expect(errorCode({ county: '岢岚', coverageYear: 2022, categories: ['五保'] })).toBe('unknown_category');
  });

  it('does not turn a group whose members get different answers into one member’s answer', () => {
    // 脱贫人口 is in no BuiltinCategoryName (no built-in takes it unambiguously): an open input.
    const r = safeQuote({ county: '民权', coverageYear: 2024, categories: ['脱贫人口'] }, builtinRegistry);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe('ambiguous_category');
      expect(r.error.path).toEqual(['categories', 0]);
      expect(r.error.zh).toContain('稳定脱贫人口');
    }
  });

  it('warns when a broader word (优抚对象) takes the notice’s narrower group', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['优抚对象'] });
    expect(q.subsidy).toBe('280.00');
    expect(codes(q)).toContain('broader-name');
  });

  it('gives the applied category’s display name, and per-funder names', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['享受抚恤和生活补助的优抚对象'] });
    expect(q.appliedCategoryName).toEqual({ zh: '优抚对象', en: 'special-care (preferential treatment) recipient' });
    expect(q.funderDetails.map((f) => [f.id, f.role])).toEqual([['veterans-affairs', 'pays'], ['county-finance', 'covers-shortfall']]);
    expect(q.funding).toBe('all-of');
  });
});

describe('fixes from the audits of the five (issue 9, item 6)', () => {
  it('Qinshui 二、(一) 6: a newborn within six months is covered from payment to year end, one answer citing 二、(一) 6', () => {
    const q = quote({ county: '沁水', coverageYear: 2025, paidOn: '2025-05-10', birthDate: '2025-03-10' });
    expect(q.window).toEqual({ open: true, reason: 'newborn-special-window' });
    expect(q.coverage).toEqual({ start: '2025-05-10', end: '2025-12-31' });
    const cov = q.explain.filter((s) => s.step === 'coverage');
    expect(cov).toHaveLength(1);
    expect(cov[0]!.cite!.clause).toBe('二、(一) 6');
    expect(cov[0]!.zh).toContain('2025-05-10 至 2025-12-31');
  });

  it('Qinshui 二、(一) 6: a newborn enrolling after six months is refused ("逾期不予办理"), not given a window reason from 三', () => {
    const q = quote({ county: '沁水', coverageYear: 2025, paidOn: '2025-10-10', birthDate: '2025-03-10' });
    expect(q.window).toEqual({ open: false, reason: 'newborn-refused' });
    expect(q.coverage).toBeNull();
    expect(codes(q)).toContain('newborn-refused');
    expect(q.explain.find((s) => s.step === 'window')!.cite!.clause).toBe('二、(一) 6');
  });

  it('Qinshui 二、(三) 6–7: the 退补 cutoff is an inference; a payment on 11-06 is under the notice; outside the window no refund is promised', () => {
    const before = quote({ county: '沁水', coverageYear: 2025, paidOn: '2024-11-05' });
    expect(before).toMatchObject({ mechanism: 'refund-after-window', reimbursedLater: '80.00' });
    expect(codes(before)).toContain('inferred-cutoff');
    const onDay = quote({ county: '沁水', coverageYear: 2025, paidOn: '2024-11-06' });
    expect(onDay).toMatchObject({ mechanism: 'reduced-at-payment', dueAtPayment: '320.00', reimbursedLater: '0.00' });
    expect(codes(onDay)).toContain('inferred-cutoff');
    expect(getPolicy('沁水', 2025).categories.find((r) => r.mechanismVariants)!.mechanismVariants![0]!.inferred!.reasoning).toContain('2024-11-06');
    for (const paidOn of ['2024-10-26', '2024-08-20']) {
      const q = quote({ county: '沁水', coverageYear: 2025, paidOn }, builtinRegistry);
      expect(q.window!.open, paidOn).toBe(false);
      expect(q.coverage).toBeNull();
      expect(q.reimbursedLater, paidOn).toBeNull();
      expect(codes(q)).toContain('no-refund-outside-window');
    }
  });

  it('Minquan 四: 重度残疾人 is named without a figure; 二、(二) 2 比对去重 is cited; the hedge 一般 stays on both mechanisms', () => {
    const q = quote({ county: '民权', coverageYear: 2024, categories: ['低保对象'] });
    const pre = q.explain.find((s) => s.step === 'precondition' && s.cite!.quote.includes('比对去重'));
    expect(pre!.cite!.clause).toBe('二、(二) 2');
    expect(codes(q)).toContain('mechanism-hedged');
    expect(codes(quote({ county: '民权', coverageYear: 2024, categories: ['特困人员'] }))).toContain('mechanism-hedged');
    expect(getPolicy('民权', 2024).categories.filter((r) => r.mechanism).every((r) => r.mechanism!.hedge === '一般')).toBe(true);
  });

  it('Kelan 五、(一): newborns "按规定" — unspecified with the clause, not silence', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022, paidOn: '2022-03-01', birthDate: '2022-02-01' });
    expect(q.window!.open).toBe(false);
    const w = q.warnings.find((x) => x.code === 'newborn-deferred')!;
    expect(w.zh).toContain('五、(一)');
  });

  it('Kelan 七: refunds recorded; 八、三是: the 12-20 deadline warns hardship groups paying after it', () => {
    expect(getPolicy('岢岚', 2022).refunds![0]!.cite.clause).toBe('七');
    expect(codes(quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-22' }))).toContain('group-deadline-passed');
    expect(codes(quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-15' }))).not.toContain('group-deadline-passed');
    expect(codes(quote({ county: '岢岚', coverageYear: 2022, paidOn: '2021-12-22' }))).not.toContain('group-deadline-passed');
  });

  it('Kelan: a category the notice names without a subsidy says "no subsidy stated", not "not mentioned"', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['稳定脱贫人口'] });
    expect(codes(q)).toContain('no-subsidy-stated');
    expect(codes(q)).not.toContain('silent-category');
    expect(q.individual).toBe('320.00');
  });

  it('Lingchuan 三: the coverage dates are an inference from "2023 年度", with a warning; 六 "等" may cover other hardship groups', () => {
    const p = getPolicy('陵川', 2023);
    expect(p.coverage!.cite).toBeUndefined();
    expect(p.coverage!.inferred!.basis![0]!.clause).toBe('三');
    expect(codes(quote({ county: '陵川', coverageYear: 2023 }))).toContain('coverage-inferred');
    expect(policyGaps(p).filter((g) => g.kind === 'inferred').map((g) => g.path)).toEqual(['coverage']);
    const q = quote({ county: '陵川', coverageYear: 2023, categories: ['sudden-severe-hardship'] });
    expect(codes(q)).toEqual(expect.arrayContaining(['silent-category', 'may-be-covered']));
  });

  it('dates are cited where they stand (落款, 印发)', () => {
    for (const p of BUILTIN_POLICIES) {
      expect(p.document.issuedOnCite, p.id).toBeDefined();
      const [y, m, d] = p.document.issuedOn!.split('-').map(Number);
      expect(p.document.issuedOnCite!.quote.replace(/\s+/g, ''), p.id).toContain(`${y}年${m}月${d}日`);
    }
  });
});

/** Kelan as a user's JSON file, to edit. */
const kelan = () => JSON.parse(JSON.stringify(getPolicy('岢岚', 2022)));
const cite = { clause: '二', quote: '2022年度城乡居民基本医疗保险个人缴费标准为320元/人。' };

describe('nothing has to be invented (issue 9, item 2)', () => {
  it('a policy without `collection` loads and quotes window.open null, reason not-stated, with a warning', () => {
    const j = kelan();
    delete j.collection;
    delete j.collectionYear;
    j.categories.forEach((r: { preconditions?: unknown[] }) => delete r.preconditions);
    j.specialWindows = undefined;
    delete j.specialWindows;
    const p = definePolicy(j);
    const reg = createRegistry([p]);
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' }, reg);
    expect(q.window).toEqual({ open: null, reason: 'not-stated' });
    expect(codes(q)).toContain('window-not-stated');
    expect(q.individual).toBe('40.00');
    expect(policyGaps(p).map((g) => `${g.kind} ${g.path}`)).toEqual(expect.arrayContaining(['not-stated collection', 'not-stated collectionYear']));
  });

  it('a missing standard, mechanism or document number is "not stated", listed by policyGaps, never a number', () => {
    const j = kelan();
    delete j.standard;
    delete j.document.number;
    delete j.categories[2].mechanism;
    delete j.categories[2].stated;
    j.notStated = [{ fact: 'standard', note: '通知未写明个人缴费标准' }];
    const p = definePolicy(j);
    const gaps = policyGaps(p);
    expect(gaps.find((g) => g.path === 'standard')).toMatchObject({ kind: 'not-stated', note: '通知未写明个人缴费标准' });
    expect(gaps.map((g) => g.path)).toEqual(expect.arrayContaining(['document.number', 'categories[2].mechanism']));
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'] }, createRegistry([p]));
    expect(q).toMatchObject({ status: 'unspecified', standard: null, individual: null, subsidy: null });
    expect(codes(q)).toContain('standard-not-stated');
  });
});

describe('rules real notices use (issue 9, item 3)', () => {
  const withOwn = () => {
    const j = kelan();
    j.funderDefinitions = [{ id: 'finance', name: { zh: '财政', en: 'public finance' }, level: 'not-stated', cite }];
    j.categoryDefinitions = [
      ...j.categoryDefinitions,
      { id: 'elderly-low-income', names: ['低收入家庭六十周岁以上的老年人'], cite },
      { id: 'dibao-class-1', names: ['农村一、二类低保'], standardCode: 'minimum-living-allowance', classOf: 'minimum-living-allowance', cite },
      { id: 'migrant-worker', names: ['外出务工人员'], cite },
    ];
    j.categories.push(
      { categories: ['elderly-low-income'], names: ['低收入家庭六十周岁以上的老年人'], subsidy: { kind: 'percentage', rate: '0.50', cap: '150.00', cite }, funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite }, { funder: 'finance', role: 'pays', cite }], funding: 'one-of', mechanism: { kind: 'reduced-at-payment', cite } },
      { categories: ['dibao-class-1'], names: ['农村一、二类低保'], subsidy: { kind: 'fixed', amount: '250.00', cite }, funders: [], mechanism: { kind: 'reduced-at-payment', cite } },
    );
    j.collection.specialWindows.push({ kind: 'extension', categories: ['migrant-worker'], until: '2022-02-28', cite });
    j.publicSubsidy = { total: { amount: '580.00', cite }, parts: [{ level: 'central', amount: '348.00', cite }, { level: 'provincial', amount: '116.00', cite }, { level: 'prefectural', amount: '58.00', cite }, { level: 'county', amount: '58.00', cite }] };
    return createRegistry([definePolicy(j)]);
  };

  it('a category of the policy’s own, percentage with a cap, funders one-of ("或": either, never both)', () => {
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['低收入家庭六十周岁以上的老年人'] }, withOwn());
    expect(q).toMatchObject({ subsidy: '150.00', individual: '170.00', appliedCategory: 'elderly-low-income', funding: 'one-of' });
    expect(q.appliedCategoryName!.zh).toBe('低收入家庭六十周岁以上的老年人');
    expect(q.funderDetails.map((f) => f.zh)).toEqual(['医疗救助基金', '财政']);
    expect(q.funderDetails[1]!.level).toBe('not-stated');
    expect(codes(q)).toContain('either-funder');
  });

  it('a shared code linked to tiers whose answers differ is ambiguous, not one tier’s answer', () => {
    const reg = withOwn();
    expect(quote({ county: '岢岚', coverageYear: 2022, categories: ['农村一、二类低保'] }, reg).subsidy).toBe('250.00');
    // Kelan keeps its own 低保对象 rule, so the shared code still means that rule here.
    expect(quote({ county: '岢岚', coverageYear: 2022, categories: ['minimum-living-allowance'] }, reg).subsidy).toBe('280.00');
    // Without it, the shared code (and its display name) stands for the tiers linked to it, which differ.
    const j = kelan();
    j.categories.splice(2, 1);
    j.categoryDefinitions.push(
      { id: 'dibao-a', names: ['一类低保'], standardCode: 'minimum-living-allowance', cite },
      { id: 'dibao-b', names: ['三类低保'], standardCode: 'minimum-living-allowance', cite },
    );
    j.categories.push(
      { categories: ['dibao-a'], names: ['一类低保'], subsidy: { kind: 'fixed', amount: '250.00', cite }, funders: [], mechanism: { kind: 'reduced-at-payment', cite } },
      { categories: ['dibao-b'], names: ['三类低保'], subsidy: { kind: 'fixed', amount: '190.00', cite }, funders: [], mechanism: { kind: 'reduced-at-payment', cite } },
    );
    const tiers = createRegistry([definePolicy(j)]);
    expect(quote({ county: '岢岚', coverageYear: 2022, categories: ['三类低保'] }, tiers).subsidy).toBe('190.00');
    for (const n of ['minimum-living-allowance', '低保对象']) expect(errorCode({ county: '岢岚', coverageYear: 2022, categories: [n] }, tiers), n).toBe('ambiguous_category');
  });

  it('an extension of the window for a named group, beside the newborn window', () => {
    const reg = withOwn();
    const q = quote({ county: '岢岚', coverageYear: 2022, categories: ['外出务工人员'], paidOn: '2022-02-10' }, reg);
    expect(q.window).toEqual({ open: true, reason: 'group-extension' });
    expect(q.coverage).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(quote({ county: '岢岚', coverageYear: 2022, paidOn: '2022-02-10' }, reg).window!.open).toBe(false);
    expect(quote({ county: '岢岚', coverageYear: 2022, categories: ['外出务工人员'], paidOn: '2022-03-01' }, reg).window!.open).toBe(false);
  });

  it('keeps the ten shared codes at bits 0–9 and the policy’s own after them', () => {
    const cp = withOwn().lookup('岢岚', 2022);
    if (!('categoryIds' in cp)) throw cp;
    expect(cp.categoryIds.slice(0, 3)).toEqual(['ordinary', 'extreme-poverty', 'minimum-living-allowance']);
    expect(cp.categoryIds.slice(10)).toEqual(['elderly-low-income', 'dibao-class-1', 'migrant-worker']);
    expect(cp.aliases.get('外出务工人员')).toBe(1 << 12);
  });

  it('a funder or category id written in Chinese names the right code, once', () => {
    const j = kelan();
    j.categories[2].funders[0].funder = '政府';
    j.categories[3].categories = ['见义勇为者'];
    const r = safeDefinePolicy(j);
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues.map((i) => `${i.code} ${i.path.join('.')}`).sort()).toEqual(['unknown_category categories.3.categories.0', 'unknown_funder categories.2.funders.0.funder']);
  });

  it('a bad funder is unknown_funder, not unknown_category', () => {
    const j = kelan();
    j.categories[2].funders[0].funder = 'government';
    const r = safeDefinePolicy(j);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.code)).toEqual(['unknown_funder']);
  });
});
