/**
 * 沁水县 2025 年度 — 沁政办发〔2024〕32号, 2024-11-06.
 * Source: notices/qinshui-2025.txt. Data only, in the notice's order.
 * @module
 */
import type { PolicyInput } from '../schema.js';
import { HIGHEST_SINGLE_ASSUMED, ROUNDING_ASSUMED } from './assumptions.js';

const 二三 = (n: number, quote: string) => ({ clause: `二、(三) ${n}`, quote });
/**
 * "对已缴费的…进行退补" names no date. Read as "paid before the notice was issued" (落款 2024-11-06):
 * a payment on 11-06 itself is treated as made under the notice (reduced at payment, no refund), with a warning.
 */
const 退补截止 = {
  reasoning:
    '通知未写明“已缴费”的截止日期，按发文日期（落款 2024年11月6日）推断：此前已按全额缴费者退补；当日缴费视为按本通知缴费（缴费时减免，不退补）。 The notice gives no date for "already paid"; read as paid before its date of issue (2024-11-06). A payment on that day counts as made under the notice (reduced at payment, no refund).',
  basis: [{ clause: '落款', quote: '沁水县人民政府办公室 2024年11月6日' }],
};

export const qinshui2025 = {
  id: 'qinshui-2025',
  county: {
    name: '沁水县',
    shortName: '沁水',
    pinyin: 'qinshui',
    code: '140521',
    prefecture: { name: '晋城市', code: '140500' },
    province: { name: '山西省', code: '140000' },
    cite: { clause: '文头', quote: '沁水县人民政府办公室文件' },
    codeSource: 'GB/T 2260',
  },
  document: {
    number: '沁政办发〔2024〕32号',
    title: '沁水县人民政府办公室关于做好2025年度城乡居民基本医疗保险参保缴费工作的通知',
    issuer: '沁水县人民政府办公室',
    issuedOn: '2024-11-06',
    cite: { clause: '文头、落款', quote: '沁政办发〔2024〕32号' },
    issuedOnCite: { clause: '落款', quote: '沁水县人民政府办公室 2024年11月6日' },
  },

  // 二、缴费对象、标准与目标
  collection: {
    start: { date: '2024-09-01', cite: { clause: '三', quote: '集中缴费期从2024年9月至2025年2月底，集中征缴期间每月1-25日可办理缴费。' } },
    end: { date: '2025-02-28', cite: { clause: '三', quote: '集中缴费期从2024年9月至2025年2月底' } },
    daysOfMonth: { from: 1, to: 25, cite: { clause: '三', quote: '集中征缴期间每月1-25日可办理缴费。' } },
    suspensions: [],
    phases: [
      {
        id: 'centralised',
        name: { zh: '集中缴费期', en: 'centralised payment period' },
        start: '2024-09-01',
        end: '2025-02-28',
        cite: { clause: '三', quote: '集中缴费期从2024年9月至2025年2月底' },
      },
    ],
    deadlines: [],
    specialWindows: [
      {
        kind: 'newborn',
        withinMonthsOfBirth: 6,
        coverage: 'current-year',
        late: 'refused',
        cite: {
          clause: '二、(一) 6',
          quote:
            '错过集中缴费期的新生儿自出生之日起六个月之内，凭居民户口簿、出生证等到县医保经办机构办理城乡居民基本医疗保险参保缴费手续，参保后方可享受当年度城乡居民基本医疗保险待遇，逾期不予办理；',
        },
      },
    ],
  },
  coverageYear: { year: 2025, cite: { clause: '二、(二)', quote: '2024 年预收 2025 年度居民医保个人缴费部分' } },
  collectionYear: { year: 2024, cite: { clause: '二、(二)', quote: '2024 年预收 2025 年度居民医保个人缴费部分' } },
  coverage: {
    start: '2025-01-01',
    end: '2025-12-31',
    cite: { clause: '三', quote: '城乡居民基本医疗保险实行按自然年度缴纳' },
  },
  standard: { amount: '400.00', cite: { clause: '二、(二)', quote: '缴费标准为 400 元/人，由参保人员按年度一次性缴纳。' } },

  eligibility: [
    {
      text: { zh: '具有本县户籍且不属于职工医保参保范围的城乡居民', en: 'residents registered in the county who are not covered by employee medical insurance' },
      cite: { clause: '二、(一) 1', quote: '具有本县户籍且不属于城镇职工基本医疗保险参保范围的城乡居民，均可依法参加本县城乡居民基本医疗保险；' },
    },
  ],

  // 二、(三) 资助缴费
  groups: [
    {
      name: '监测对象',
      members: ['unstable-out-of-poverty', 'marginal-at-risk', 'sudden-severe-hardship'],
      cite: 二三(1, '纳入乡村振兴部门监测范围的**监测对象**（包括脱贫不稳定人口、边缘易致贫人口和突发严重困难人口'),
    },
  ],
  categories: [
    {
      categories: ['unstable-out-of-poverty', 'marginal-at-risk', 'sudden-severe-hardship'],
      names: ['监测对象', '脱贫不稳定人口', '边缘易致贫人口', '突发严重困难人口'],
      subsidy: {
        kind: 'fixed',
        amount: '280.00',
        cite: 二三(1, '医疗救助基金按 280 元的标准给予定额资助，个人另需缴费 120 元。'),
      },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 二三(1, '医疗救助基金按 280 元的标准给予定额资助') }],
      mechanism: { kind: 'reduced-at-payment', cite: 二三(1, '给予定额资助，个人另需缴费 120 元。') },
      exclusions: { categories: ['minimum-living-allowance', 'extreme-poverty'], cite: 二三(1, '不含已纳入低保、特困供养范围人员') },
      stated: { individual: { amount: '120.00', cite: 二三(1, '个人另需缴费 120 元。') } },
    },
    {
      categories: ['returned-to-poverty'],
      names: ['返贫致贫人口'],
      subsidy: { kind: 'percentage', rate: '0.90', cite: 二三(2, '**返贫致贫人口**按个人缴费标准 90%的比例由医疗救助基金给予定额资助，即资助 360 元，个人另需缴费 40 元。') },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 二三(2, '由医疗救助基金给予定额资助') }],
      mechanism: { kind: 'reduced-at-payment', cite: 二三(2, '给予定额资助，即资助 360 元，个人另需缴费 40 元。') },
      stated: {
        subsidy: { amount: '360.00', cite: 二三(2, '即资助 360 元') },
        individual: { amount: '40.00', cite: 二三(2, '个人另需缴费 40 元。') },
      },
    },
    {
      categories: ['minimum-living-allowance'],
      names: ['低保对象'],
      subsidy: { kind: 'percentage', rate: '0.80', cite: 二三(3, '**低保对象**按个人缴费标准 80%的比例由医疗救助基金给予定额资助，即资助 320 元，个人另需缴费 80 元。') },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 二三(3, '由医疗救助基金给予定额资助') }],
      mechanism: { kind: 'reduced-at-payment', cite: 二三(3, '给予定额资助，即资助 320 元，个人另需缴费 80 元。') },
      stated: {
        subsidy: { amount: '320.00', cite: 二三(3, '即资助 320 元') },
        individual: { amount: '80.00', cite: 二三(3, '个人另需缴费 80 元。') },
      },
    },
    {
      categories: ['extreme-poverty'],
      names: ['特困人员', '城市“三无”人员', '农村五保户', '孤儿', '事实无人抚养儿童', '特困供养范围人员'],
      subsidy: { kind: 'full', cite: 二三(4, '特困人员（城市“三无”人员、农村五保户、孤儿、事实无人抚养儿童等）个人缴费部分由医疗救助基金全额资助，即资助400元，个人不需缴费。') },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 二三(4, '个人缴费部分由医疗救助基金全额资助') }],
      mechanism: { kind: 'full-proxy', cite: 二三(4, '全额资助，即资助400元，个人不需缴费。') },
      stated: {
        subsidy: { amount: '400.00', cite: 二三(4, '即资助400元') },
        individual: { amount: '0.00', cite: 二三(4, '个人不需缴费。') },
      },
    },
    {
      categories: ['special-care', 'severe-disability'],
      names: ['在乡重点优抚对象', '重度残疾人（Ⅰ级、Ⅱ级）', '重度残疾人'],
      subsidy: { kind: 'unspecified', cite: 二三(5, '在乡重点优抚对象、重度残疾人（Ⅰ级、Ⅱ级）等困难群众继续执行原有的参保资助政策。') },
      funders: [],
    },
    {
      categories: ['stably-out-of-poverty'],
      names: ['稳定脱贫人口'],
      subsidy: { kind: 'percentage', rate: '0.50', cite: 二三(6, '稳定脱贫人口由县级财政按个人缴费标准50%的比例给予资助200元，个人另需缴费200元。') },
      funders: [{ funder: 'county-finance', role: 'pays', cite: 二三(6, '稳定脱贫人口由县级财政按个人缴费标准50%的比例给予资助200元') }],
      mechanism: { kind: 'reduced-at-payment', cite: 二三(6, '给予资助200元，个人另需缴费200元。') },
      mechanismVariants: [
        {
          paidBefore: '2024-11-06',
          kind: 'refund-after-window',
          inferred: 退补截止,
          cite: 二三(6, '（对已缴费的稳定脱贫人口，在集中征缴期结束后，按照财政补贴标准进行退补。）'),
        },
      ],
      stated: {
        subsidy: { amount: '200.00', cite: 二三(6, '给予资助200元') },
        individual: { amount: '200.00', cite: 二三(6, '个人另需缴费200元。') },
      },
    },
    {
      categories: ['ordinary'],
      names: ['普通城乡居民'],
      subsidy: { kind: 'percentage', rate: '0.20', cite: 二三(7, '普通城乡居民由县级财政按个人缴费标准20%的比例给予资助80元，个人另需缴费320元。') },
      funders: [{ funder: 'county-finance', role: 'pays', cite: 二三(7, '普通城乡居民由县级财政按个人缴费标准20%的比例给予资助80元') }],
      mechanism: { kind: 'reduced-at-payment', cite: 二三(7, '给予资助80元，个人另需缴费320元。') },
      mechanismVariants: [
        {
          paidBefore: '2024-11-06',
          kind: 'refund-after-window',
          inferred: 退补截止,
          cite: 二三(7, '（对已缴费的城乡居民，在集中征缴期结束后，按照财政补贴标准进行退补。）'),
        },
      ],
      stated: {
        subsidy: { amount: '80.00', cite: 二三(7, '给予资助80元') },
        individual: { amount: '320.00', cite: 二三(7, '个人另需缴费320元。') },
      },
    },
  ],
  otherCategories: {
    status: 'silent',
    mayBeCoveredBy: 二三(5, '在乡重点优抚对象、重度残疾人（Ⅰ级、Ⅱ级）等困难群众继续执行原有的参保资助政策。'),
  },

  // 二、(四) 缴费目标
  targets: [
    {
      description: { zh: '参保人数占城乡居民总人口数', en: 'enrolment as a share of the resident population' },
      rate: '0.995',
      cite: { clause: '二、(四)', quote: '2025年全县参加城乡居民医保的人数要稳定达到城乡居民总人口数的99.5%以上' },
    },
  ],

  // 五、参保登记和缴费方式
  channels: [
    { name: '微信、支付宝、协作银行手机 APP', cite: { clause: '五、(二)', quote: '可以通过微信、支付宝、协作银行手机 APP 等渠道办理缴费' } },
    { name: '协作银行网点柜台', cite: { clause: '五、(二)', quote: '也可以到协作银行网点柜台办理缴费' } },
    { name: '村（居）委会、商业银行等协办人员集中代收', cite: { clause: '五、(三)', quote: '缴费人选择由村（居）委会、商业银行等协办人员集中代收的' } },
    { name: '家庭共济账户', cite: { clause: '五、(四)', quote: '参加职工医保的参保人员可以通过家庭共济账户为家庭成员中参加居民医保的人员缴纳城乡居民医保费。' } },
  ],

  rounding: ROUNDING_ASSUMED,
  combination: HIGHEST_SINGLE_ASSUMED,
  figures: [],

  // 附件
  tables: [
    {
      id: 'township-targets',
      title: '沁水县2025年度城乡居民征缴目标任务分解表',
      cite: { clause: '附件', quote: '沁水县 2025 年度城乡居民征缴 目标任务分解表' },
      columns: ['户籍人数', '已参加职工医保人数', '2025 年城乡居民应参保总人数'],
      rows: [
        { name: '龙港镇', values: [56569, 14746, 41823] },
        { name: '中村镇', values: [12585, 1431, 11154] },
        { name: '土沃乡', values: [6352, 400, 5952] },
        { name: '张村乡', values: [3883, 288, 3595] },
        { name: '郑庄镇', values: [18041, 1057, 16984] },
        { name: '端氏镇', values: [23172, 3999, 19173] },
        { name: '嘉峰镇', values: [22942, 3963, 18979] },
        { name: '郑村镇', values: [15008, 1663, 13345] },
        { name: '胡底乡', values: [9820, 488, 9332] },
        { name: '固县乡', values: [6852, 391, 6461] },
        { name: '柿庄镇', values: [10571, 619, 9952] },
        { name: '十里乡', values: [9516, 438, 9078] },
      ],
      total: [195311, 29483, 165828],
    },
  ],
} satisfies PolicyInput;
