/** The layers of `draftPolicy`, each on its own: normalisation, structure, numbers, dates, names, rules, calendar. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clauseLabel, structure } from '../../src/draft/clauses.js';
import { findDates, resolveDate } from '../../src/draft/dates.js';
import { draftPolicy, verifyQuotes } from '../../src/draft/index.js';
import { categoryOf, findFunders } from '../../src/draft/lexicon.js';
import { canonicalChar, normalise, quoteOf, squash } from '../../src/draft/normalise.js';
import { chineseNumber, findMoney, toRate } from '../../src/draft/numbers.js';
import { splitNames } from '../../src/draft/categories.js';

describe('normalise', () => {
  it('makes digits and punctuation canonical and drops stray spaces', () => {
    expect(normalise('缴费标准为 ３２０ 元／人，每月１－２５日').text).toBe('缴费标准为320元/人，每月1-25日');
    expect(canonicalChar('（')).toBe('(');
    expect(canonicalChar(',')).toBe('，');
    expect(canonicalChar('\u3000')).toBe('');
  });

  it('joins a line broken in mid-sentence, keeps headings and numbered clauses apart', () => {
    const n = normalise('二、缴费标准\n\n城乡居民个人缴费标准为每人每年三百五十元，由参保人员按年度\n\n一次性缴纳。\n三、缴费期限');
    expect(n.text.split('\n')).toEqual(['二、缴费标准', '城乡居民个人缴费标准为每人每年三百五十元，由参保人员按年度一次性缴纳。', '三、缴费期限']);
  });

  it('drops page furniture: page numbers, 抄送 (with its continuation), 共印N份, Markdown rules', () => {
    const n = normalise('一、正文。\n\n— 3 —\n\n---\n\n抄送：县委办公室，\n县法院。\n\n县人民政府办公室\n\n共印 20 份');
    expect(n.text).toBe('一、正文。\n县人民政府办公室');
  });

  it('maps every character back: quotes are cut from the input verbatim', () => {
    const input = '**2.** 低保对象按个人缴费标准 80%的比例\n\n给予定额资助（低于 280 元按 280 元资助）。';
    const n = normalise(input);
    const i = n.text.indexOf('低保');
    const q = quoteOf(n, i, n.text.length);
    expect(q).toBe('低保对象按个人缴费标准 80%的比例给予定额资助（低于 280 元按 280 元资助）。');
    expect(squash(input)).toContain(squash(q));
  });

  it('reads traditional characters as simplified and quotes the traditional text', () => {
    const d = draftPolicy('二、繳費標準\n2023年度城鄉居民基本醫療保險個人繳費標準為每人每年350元。');
    expect(d.findings.standard?.value).toBe('350.00');
    expect(d.findings.standard?.cite.quote).toBe('2023年度城鄉居民基本醫療保險個人繳費標準為每人每年350元。');
    expect(d.findings.calendar.coverageYear?.value).toBe(2023);
  });
});

describe('structure', () => {
  it('reads every common numbering', () => {
    expect(clauseLabel('一、参保范围')?.label).toBe('一');
    expect(clauseLabel('(三)资助参保。')?.label).toBe('(三)');
    expect(clauseLabel('1.普通居民')?.label).toBe('1');
    expect(clauseLabel('1、普通居民')?.label).toBe('1');
    expect(clauseLabel('(2)通过支付宝')?.label).toBe('(2)');
    expect(clauseLabel('①线上')?.label).toBe('①');
    expect(clauseLabel('二是多渠道')?.label).toBe('二是');
    expect(clauseLabel('2023年度')).toBeUndefined();
    expect(clauseLabel('1.5倍')).toBeUndefined();
  });

  it('labels sentences the way the built-ins cite them', () => {
    const n = normalise('二、政策\n（二）标准\n1. 缴费标准。甲。\n2、乙；丙。\n三、时间\n一是早。\n附件 1\n表');
    const { sentences } = structure(n);
    expect(sentences.map((s) => `${s.clause}:${s.text}`)).toEqual([
      '二:二、政策',
      '二、(二):(二)标准',
      '二、(二) 1:1.缴费标准。',
      '二、(二) 1:甲。',
      '二、(二) 2:2、乙；',
      '二、(二) 2:丙。',
      '三:三、时间',
      '三、一是:一是早。',
      '附件1:附件1',
      '附件1:表',
    ]);
  });
});

describe('numbers', () => {
  it('reads Chinese numerals', () => {
    expect(chineseNumber('三百五十')).toBe(350);
    expect(chineseNumber('十五')).toBe(15);
    expect(chineseNumber('两千零八')).toBe(2008);
    expect(chineseNumber('六')).toBe(6);
    expect(chineseNumber('二〇二二')).toBe(2022);
    expect(chineseNumber('元')).toBeUndefined();
  });

  it('finds money in Arabic and Chinese digits, and nothing in 万元 after digits', () => {
    expect(findMoney('个人缴费40元，资助三百一十元，共500万元').map((m) => m.amount)).toEqual(['40.00', '310.00']);
    expect(toRate('80')).toBe('0.80');
    expect(toRate('99.5')).toBe('0.995');
    expect(toRate('100')).toBe('1.00');
    expect(toRate('120')).toBeUndefined();
  });

  it('property: every whole number below 100000 written in Chinese reads back', () => {
    const D = '零一二三四五六七八九';
    const write = (n: number): string => {
      if (n === 0) return '零';
      const units = ['', '十', '百', '千', '万'];
      const ds = String(n).split('').map(Number);
      let s = '';
      let zero = false;
      ds.forEach((d, i) => {
        const u = units[ds.length - 1 - i]!;
        if (d === 0) zero = true;
        else {
          if (zero && s) s += '零';
          zero = false;
          s += D[d]! + u;
        }
      });
      return s;
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 99999 }), (n) => chineseNumber(write(n)) === n));
  });
});

describe('dates', () => {
  it('reads full, partial and Chinese dates', () => {
    const ds = findDates('2022年9月1日至12月25日，2025年2月底，九月一日');
    expect(ds.map((d) => [d.y, d.m, d.d, d.monthEnd ?? false])).toEqual([
      [2022, 9, 1, false],
      [undefined, 12, 25, false],
      [2025, 2, undefined, true],
      [undefined, 9, 1, false],
    ]);
  });

  it('reads lost 年/月 markers as inferences, with the reasoning', () => {
    const [a, b] = findDates('参保缴费期为2022824日至1231日');
    expect([a!.y, a!.m, a!.d]).toEqual([2022, 8, 24]);
    expect(a!.inferred).toMatch(/唯一有效读法/);
    expect([b!.m, b!.d]).toEqual([12, 31]);
    expect(resolveDate(b!, 'end', undefined, { y: 2022, m: 8 })?.date).toBe('2022-12-31');
  });

  it('a digit run that reads two ways is ambiguous: no date is picked', () => {
    const [a] = findDates('2022111日');
    expect(a!.readings).toEqual(['2022-1-11', '2022-11-1']);
    expect(resolveDate(a!, 'start')).toBeUndefined();
  });

  it('fills a missing year only with a stated reason, and a month-only end with its last day', () => {
    const [m] = findDates('9月');
    expect(resolveDate(m!, 'start')).toBeUndefined();
    expect(resolveDate(m!, 'end', { value: 2024, reason: '年 / year' })).toEqual({ date: '2024-09-30', inferred: '年 / year' });
    const [feb] = findDates('2月底');
    expect(resolveDate(feb!, 'end', undefined, { y: 2024, m: 9 })?.date).toBe('2025-02-28');
  });
});

describe('names and funders', () => {
  it('maps the genre’s names to today’s codes, and keeps unknown names unmapped', () => {
    expect(categoryOf('城乡低保对象')).toBe('minimum-living-allowance');
    expect(categoryOf('在乡重点优抚对象')).toBe('special-care');
    expect(categoryOf('突发严重困难户家庭成员')).toBe('sudden-severe-hardship');
    expect(categoryOf('易返贫致贫人口')).toBeUndefined();
    expect(categoryOf('低保边缘户')).toBeUndefined();
    expect(categoryOf('见义勇为者')).toBeUndefined();
  });

  it('splits "和" only between known names', () => {
    expect(splitNames('脱贫不稳定人口和边缘易致贫人口')).toEqual(['脱贫不稳定人口', '边缘易致贫人口']);
    expect(splitNames('享受抚恤和生活补助的优抚对象、重度残疾人等')).toEqual(['享受抚恤和生活补助的优抚对象', '重度残疾人']);
  });

  it('tells funders apart, and keeps "财政" of no stated level apart', () => {
    expect(findFunders('由医疗救助基金负担，不足部分由县级财政给予资助').map((f) => f.funder)).toEqual(['medical-assistance-fund', 'county-finance']);
    expect(findFunders('由财政按政策给予全额资助').map((f) => f.funder)).toEqual(['unqualified-finance']);
  });
});

/** A notice of the genre, made up (not one of the eight texts). */
const MADE_UP = [
  '某某县人民政府办公室文件',
  '某政办发〔2030〕7号',
  '某某县人民政府办公室关于做好2031年度城乡居民基本医疗保险参保缴费工作的通知',
  '一、缴费标准',
  '2031年度城乡居民基本医疗保险个人缴费标准为每人每年五百元。',
  '二、资助标准',
  '1. 特困人员全额资助，个人不需缴费。',
  '2. 低保对象按个人缴费标准70%的比例由医疗救助基金给予定额资助，即资助350元，个人另需缴费150元。',
  '3. 监测对象（包括脱贫不稳定人口和边缘易致贫人口，不含已纳入低保、特困供养范围人员）按每人每年300元的标准定额资助。',
  '4. 重度残疾人继续执行原有的参保资助政策。',
  '三、缴费时间',
  '集中征缴期为2030年9月1日至12月20日，每月1日至20日可缴费（节假日不顺延）。缴费系统自10月1日起暂停，至10月8日恢复。',
  '参保缴费后，待遇享受期为2031年1月1日至2031年12月31日。',
  '城乡居民缴费成功三个工作日后可打印缴费证明。',
  '某某县人民政府办公室',
  '2030年8月20日',
].join('\n');

describe('a notice of the genre, end to end', () => {
  const d = draftPolicy(MADE_UP);
  const p = d.policy as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('finds figures, dates, rules, funders, exclusions, groups and the window', () => {
    expect(p.standard.amount).toBe('500.00');
    expect(p.coverageYear.year).toBe(2031);
    expect(p.collectionYear.year).toBe(2030);
    expect(p.document).toMatchObject({ number: '某政办发〔2030〕7号', issuedOn: '2030-08-20', issuer: '某某县人民政府办公室' });
    const byCode = (c: string) => p.categories.find((r: { categories: string[] }) => r.categories.includes(c));
    expect(byCode('extreme-poverty').subsidy.kind).toBe('full');
    expect(byCode('minimum-living-allowance').subsidy).toMatchObject({ kind: 'percentage', rate: '0.70' });
    expect(byCode('minimum-living-allowance').stated).toMatchObject({ subsidy: { amount: '350.00' }, individual: { amount: '150.00' } });
    expect(byCode('minimum-living-allowance').funders.map((f: { funder: string }) => f.funder)).toEqual(['medical-assistance-fund']);
    expect(byCode('marginal-at-risk').subsidy).toMatchObject({ kind: 'fixed', amount: '300.00' });
    expect(byCode('marginal-at-risk').exclusions.categories).toEqual(['minimum-living-allowance', 'extreme-poverty']);
    expect(byCode('severe-disability').subsidy.kind).toBe('unspecified');
    expect(p.groups[0]).toMatchObject({ name: '监测对象', members: ['unstable-out-of-poverty', 'marginal-at-risk'] });
    expect(p.collection.start.date).toBe('2030-09-01');
    expect(p.collection.end.date).toBe('2030-12-20');
    expect(p.collection.daysOfMonth).toMatchObject({ from: 1, to: 20 });
    expect(p.collection.holidayRule.extendsOnHoliday).toBe(false);
    expect(p.collection.suspensions[0]).toMatchObject({ from: '2030-10-01', resumesOn: '2030-10-08' });
    expect(p.coverage).toMatchObject({ start: '2031-01-01', end: '2031-12-31' });
    expect(p.proofOfPayment.workingDays).toBe(3);
  });

  it('is checked: the audit agrees (500 × 70% = 350), every quote verified; no county code is invented for an unknown county', () => {
    expect(d.quoteProblems).toEqual([]);
    expect(d.issues.filter((i) => i.code === 'audit_mismatch')).toEqual([]);
    expect(d.valid).toBe(false);
    expect(d.notStated.map((n) => n.field)).toContain('county');
    expect(d.report).toMatch(/未写明 Not stated/);
  });

  it('a stated result the rule does not give is an audit finding in the report', () => {
    const bad = draftPolicy(MADE_UP.replace('即资助350元', '即资助360元'));
    expect(bad.issues.some((i) => i.code === 'audit_mismatch')).toBe(true);
    expect(bad.report).toMatch(/audit_mismatch/);
  });

  it('a quote that is not in the notice is caught', () => {
    expect(verifyQuotes({ cite: { clause: '一', quote: '不存在的句子' } }, MADE_UP)).toHaveLength(1);
    expect(verifyQuotes(p, MADE_UP)).toEqual([]);
  });

  it('property: any text gives a draft, never an exception, and every quote it cites is in the text', () => {
    const piece = fc.constantFrom('一、', '(二)', '1.', '元', '300', '80%的比例', '全额资助', '低保对象', '2030年9月1日', '至', '12月', '每月1-25日', '，', '。', '\n', ' ', '截止', '集中征缴期为', '2022111日');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const r = draftPolicy(text);
        return typeof r.valid === 'boolean' && r.quoteProblems.every((q) => !/occur/.test(q.en));
      }),
      { numRuns: 300 },
    );
  });
});

describe('other ways the genre writes the same things', () => {
  const base = (body: string) => draftPolicy(`一、缴费标准\n2032年度居民个人缴费标准提高到每人每年420元。\n二、资助\n${body}\n三、缴费时间\n缴费时间自2031年9月1日起至2031年12月31日止。`);

  it('"提高到" states the standard; "起至…止" is a range', () => {
    const d = base('1. 特困人员全额资助。');
    expect(d.findings.standard?.value).toBe('420.00');
    expect(d.findings.calendar.start?.value).toBe('2031-09-01');
    expect(d.findings.calendar.end?.value).toBe('2031-12-31');
  });

  it('"低于280元的按280元资助", "个人只需缴纳", "先缴后补"', () => {
    const d = base('1. 低保对象按个人缴费标准60%的比例给予资助（低于280元的按280元资助），个人只需缴纳140元，采取先缴后补的方式。');
    const r = d.findings.categories.rules.find((x) => x.codes.includes('minimum-living-allowance'))!;
    expect(r.rule).toEqual({ kind: 'percentage', rate: '0.60', floor: '280.00' });
    expect(r.stated.individual?.value).toBe('140.00');
    expect(r.mechanism?.kind).toBe('collect-then-reimburse');
    expect(d.issues.filter((i) => i.code === 'audit_mismatch')).toEqual([]);
  });

  it('"分别" is left to the reviewer, never paired by guess', () => {
    const d = base('1. 低保对象、返贫致贫人口分别给予每人每年300元、200元资助。');
    expect(d.findings.categories.rules.filter((x) => x.codes.includes('minimum-living-allowance'))).toEqual([]);
    expect(d.ambiguities.map((a) => a.en).join()).toMatch(/respectively/);
  });
});

describe('two rules in one sentence, and a category’s own payment', () => {
  it('splits "特困人员全额资助，低保对象按…" into two rules, each with its own figures', () => {
    const d = draftPolicy('一、标准\n2033年度个人缴费标准为每人每年400元。\n二、资助\n特困人员全额资助，低保对象按个人缴费标准的70%给予定额资助，即资助280元。');
    const rules = d.findings.categories.rules;
    const full = rules.find((r) => r.codes.includes('extreme-poverty'))!;
    const low = rules.find((r) => r.codes.includes('minimum-living-allowance'))!;
    expect(full.rule.kind).toBe('full');
    expect(full.stated.subsidy).toBeUndefined();
    expect(low.rule).toEqual({ kind: 'percentage', rate: '0.70' });
    expect(low.stated.subsidy?.value).toBe('280.00');
    expect(d.quoteProblems).toEqual([]);
    expect(d.issues.filter((i) => i.code === 'audit_mismatch')).toEqual([]);
  });

  it('"低保对象个人缴费标准为每人每年80元" is not the standard', () => {
    const d = draftPolicy('二、资助\n低保对象个人缴费标准为每人每年80元。\n三、标准\n个人缴费标准为每人每年400元。');
    expect(d.findings.standard?.value).toBe('400.00');
  });
});

describe('a second style of the genre (made up): issued by bureaus, full-width digits, (一) items, a blanket funding sentence', () => {
  const text = [
    '某某县医疗保障局 某某县财政局 国家税务总局某某县税务局',
    '关于做好2034年度城乡居民基本医疗保险参保缴费工作的通知',
    '一、缴费标准',
    '２０３４年度城乡居民医保个人缴费标准为每人每年３８０元。中央和地方财政补助标准为每人每年不低于６４０元。',
    '二、资助参保',
    '（一）特困人员参保个人缴费部分给予全额资助；',
    '（二）低保对象按照个人缴费标准的80%给予资助，即每人资助304元，个人缴纳76元；',
    '（三）脱贫不稳定人口、边缘易致贫人口和突发严重困难人口按照每人每年280元的标准给予定额资助，个人缴纳100元。',
    '资助资金由医疗救助基金列支。',
    '三、缴费时间',
    '集中缴费期：2033年9月1日至2033年12月31日。参保人员待遇享受期为2034年1月1日至2034年12月31日。',
    '联系人：王某 13800000000',
    '某某县医疗保障局',
    '2033年8月25日',
  ].join('\n');
  const d = draftPolicy(text);
  const p = d.policy as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const byCode = (c: string) => p.categories.find((r: { categories: string[] }) => r.categories.includes(c));

  it('reads the figures, the window and the coverage', () => {
    expect(p.standard.amount).toBe('380.00');
    expect(p.coverage).toMatchObject({ start: '2034-01-01', end: '2034-12-31' });
    expect(p.collection.start.date).toBe('2033-09-01');
    expect(p.collection.end.date).toBe('2033-12-31');
    expect(byCode('minimum-living-allowance').stated).toMatchObject({ subsidy: { amount: '304.00' }, individual: { amount: '76.00' } });
    expect(byCode('sudden-severe-hardship').subsidy).toMatchObject({ kind: 'fixed', amount: '280.00' });
    expect(d.issues.filter((i) => i.code === 'audit_mismatch')).toEqual([]);
  });

  it('the blanket funding sentence funds every subsidy of its clause, as a listed inference', () => {
    for (const c of ['extreme-poverty', 'minimum-living-allowance', 'marginal-at-risk']) expect(byCode(c).funders.map((f: { funder: string }) => f.funder)).toEqual(['medical-assistance-fund']);
    expect(d.inferences.some((n) => n.field === 'categories.funders')).toBe(true);
  });

  it('no document number is invented; the contact line is never copied', () => {
    expect(d.notStated.map((n) => n.field)).toEqual(['county', 'document.number', 'proofOfPayment']);
    expect(JSON.stringify(d.policy) + d.report).not.toMatch(/13800000000|王某/);
  });
});

describe('inferences', () => {
  it('keep each language apart when reasons are joined', async () => {
    const { joinReasons } = await import('../../src/draft/dates.js');
    expect(joinReasons(['甲 / a', undefined, '乙 / b', '甲 / a'])).toBe('甲；乙 / a; b');
    expect(joinReasons([])).toBeUndefined();
  });
});

describe('more inferences of the genre', () => {
  it('dates without a year take the notice’s year when it is the year before the coverage year (an inference)', () => {
    const d = draftPolicy('关于做好2036年度城乡居民基本医疗保险参保缴费工作的通知\n一、标准\n2036年度个人缴费标准为每人每年400元。\n二、时间\n集中征缴期为9月1日至12月31日。\n某某县医疗保障局\n2035年8月1日');
    expect(d.findings.calendar.start?.value).toBe('2035-09-01');
    expect(d.findings.calendar.end?.value).toBe('2035-12-31');
    expect(d.inferences.some((n) => n.field === 'collection.start' && /成文于 2035-08-01/.test(n.zh))).toBe(true);
  });

  it('without such evidence no year is guessed', () => {
    const d = draftPolicy('一、标准\n个人缴费标准为每人每年400元。\n二、时间\n集中征缴期为9月1日至12月31日。');
    expect(d.findings.calendar.start).toBeUndefined();
    expect(d.notStated.map((n) => n.field)).toContain('collection.start');
  });

  it('"个人缴费部分给予70%的资助" is a percentage rule', () => {
    const d = draftPolicy('二、资助\n低保对象个人缴费部分给予70%的资助。');
    expect(d.findings.categories.rules.find((r) => r.codes.includes('minimum-living-allowance'))?.rule).toEqual({ kind: 'percentage', rate: '0.70' });
  });
});

describe('a percentage that is not a rate of the contribution', () => {
  it('"参保率达到100%" in a category sentence is no rule', () => {
    const d = draftPolicy('二、资助\n低保对象参保率达到100%，个人缴费部分由医疗救助基金资助。');
    expect(d.findings.categories.rules.filter((r) => r.codes.includes('minimum-living-allowance'))).toEqual([]);
  });
});

describe('a cap on the subsidy', () => {
  it('bounds a percentage (percentage.cap), never read as a stated subsidy', () => {
    const d = draftPolicy('二、资助\n重度残疾人按个人缴费标准80%的比例给予资助，最高不超过300元。');
    const r = d.findings.categories.rules.find((x) => x.codes.includes('severe-disability'))!;
    expect(r.rule).toEqual({ kind: 'percentage', rate: '0.80', cap: '300.00' });
    expect(r.stated.subsidy).toBeUndefined();
    const rule = (d.policy.categories as Array<{ categories: string[]; subsidy: unknown }>).find((x) => x.categories.includes('severe-disability'))!;
    expect(rule.subsidy).toMatchObject({ kind: 'percentage', rate: '0.80', cap: '300.00' });
  });

  it('on a fixed amount is left to the reviewer', () => {
    const d = draftPolicy('二、资助\n重度残疾人给予定额资助200元，最高不超过300元。');
    expect(d.ambiguities.map((n) => n.en).join()).toMatch(/cap on the subsidy \(300\.00\)/);
  });
});

describe('funders in the open model', () => {
  it('"A或B" is one-of: either, the notice does not say which', () => {
    const d = draftPolicy('二、资助\n特困人员个人缴费部分由医疗救助基金或县财政全额资助。');
    const rule = (d.policy.categories as Array<Record<string, unknown>>).find((x) => (x.categories as string[]).includes('extreme-poverty'))!;
    expect(rule.funding).toBe('one-of');
    expect((rule.funders as Array<{ funder: string }>).map((f) => f.funder)).toEqual(['medical-assistance-fund', 'county-finance']);
  });

  it('"财政" without a level is a funder of level not-stated', () => {
    const d = draftPolicy('二、资助\n重度残疾人由财政按政策给予全额资助。');
    expect(d.policy.funderDefinitions).toEqual([expect.objectContaining({ id: 'finance', level: 'not-stated' })]);
    const rule = (d.policy.categories as Array<Record<string, unknown>>).find((x) => (x.categories as string[]).includes('severe-disability'))!;
    expect((rule.funders as Array<{ funder: string }>).map((f) => f.funder)).toEqual(['finance']);
  });
});

describe('categories the vocabulary does not know', () => {
  it('become the policy\'s own categories, with ids from their pinyin and the notice\'s names', () => {
    const d = draftPolicy('二、资助\n见义勇为者按个人缴费标准50%的比例给予资助。');
    expect(d.policy.categoryDefinitions).toEqual([{ id: 'jyywz', names: ['见义勇为者'] }]);
    const rule = (d.policy.categories as Array<Record<string, unknown>>).find((x) => (x.categories as string[]).includes('jyywz'))!;
    expect(rule.subsidy).toMatchObject({ kind: 'percentage', rate: '0.50' });
  });
});

describe('the county', () => {
  it('is found by its name in the division table, districts and county-level cities included', async () => {
    const { countyNamesIn } = await import('../../src/draft/header.js');
    expect(countyNamesIn('关于开展竹山县2021年城乡居民基本医疗保险参保缴费的公告')).toEqual(['竹山县']);
    expect(countyNamesIn('介休市人民政府办公室')).toEqual(['介休市']);
    expect(countyNamesIn('忻州市医疗保障局')).toEqual([]);
  });

  it('a name two prefectures share, with neither named, is two readings: none is picked', () => {
    const d = draftPolicy('城区人民政府办公室文件\n关于做好2030年度城乡居民基本医疗保险参保缴费工作的通知');
    expect(d.findings.county).toBeUndefined();
    expect(d.ambiguities.map((a) => a.field)).toContain('county');
  });
});

describe('mechanisms', () => {
  const ruleOf = (text: string) => (draftPolicy(text).policy.categories as Array<Record<string, any>>).find((x) => x.categories.includes('extreme-poverty'))!; // eslint-disable-line @typescript-eslint/no-explicit-any
  it('"全额资助" alone is an inference with its reasoning, never a cited mechanism', () => {
    const m = ruleOf('二、资助\n特困人员给予全额资助。').mechanism;
    expect(m.kind).toBe('full-proxy');
    expect(m.cite).toBeUndefined();
    expect(m.inferred.reasoning).toMatch(/通知未写明资助方式/);
  });
  it('is cited where the notice states what the person pays', () => {
    const m = ruleOf('二、资助\n特困人员全额资助，个人不需缴费。').mechanism;
    expect(m).toMatchObject({ kind: 'full-proxy', cite: { clause: '二' } });
    expect(m.inferred).toBeUndefined();
  });
});
