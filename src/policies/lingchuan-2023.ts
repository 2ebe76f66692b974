/**
 * 陵川县 2023 年度 — 陵政办发〔2022〕41号, 2022-09-23.
 * Source: notices/lingchuan-2023.txt. Data only, in the notice's order.
 * Attachment 2 (named officials and phone numbers) is personal data and is not encoded.
 * @module
 */
import type { PolicyInput } from '../schema.js';
import { HIGHEST_SINGLE_ASSUMED, ROUNDING_ASSUMED } from './assumptions.js';

const 六 = (quote: string) => ({ clause: '六', quote });
const 资助方式 = 六('给予困难群众资助参保，个人缴费部分由医疗救助或财政补助予以全额或定额资助。');

export const lingchuan2023 = {
  id: 'lingchuan-2023',
  county: {
    name: '陵川县',
    shortName: '陵川',
    pinyin: 'lingchuan',
    code: '140524',
    prefecture: { name: '晋城市', code: '140500' },
    province: { name: '山西省', code: '140000' },
    cite: { clause: '落款', quote: '陵川县人民政府办公室' },
    codeSource: 'GB/T 2260',
  },
  document: {
    number: '陵政办发〔2022〕41号',
    title: '陵川县人民政府办公室关于做好2023年度城乡居民基本医疗保险参保缴费工作的通知',
    issuer: '陵川县人民政府办公室',
    issuedOn: '2022-09-23',
    cite: { clause: '文头、落款', quote: '陵政办发〔2022〕41号' },
    issuedOnCite: { clause: '印发', quote: '2022年9月23日印发' },
  },

  // 一、工作目标
  targets: [
    {
      description: { zh: '城乡居民参保率', en: 'enrolment rate of residents' },
      rate: '0.97',
      cite: { clause: '一', quote: '城乡居民参保率稳定在 97%以上' },
    },
    {
      description: { zh: '困难群众纳入覆盖范围', en: 'enrolment of hardship groups' },
      rate: '1.00',
      cite: { clause: '一', quote: '确保困难群众纳入城乡居民基本医疗保险制度覆盖范围，达到 100%的目标。' },
    },
  ],

  // 三、个人缴费标准
  coverageYear: { year: 2023, cite: { clause: '三', quote: '2023 年度城乡居民基本医疗保险个人缴费标准为 350 元/人' } },
  standard: { amount: '350.00', cite: { clause: '三', quote: '2023 年度城乡居民基本医疗保险个人缴费标准为 350 元/人，由参保人员按年度一次性足额缴纳。' } },
  coverage: {
    start: '2023-01-01',
    end: '2023-12-31',
    inferred: {
      reasoning: '通知未写明待遇享受期，由“2023 年度”推断为 2023-01-01 至 2023-12-31。 The notice states no coverage dates; read from "2023 年度" as 2023-01-01 to 2023-12-31.',
      basis: [{ clause: '三', quote: '2023 年度城乡居民基本医疗保险个人缴费标准为 350 元/人，由参保人员按年度一次性足额缴纳。' }],
    },
  },

  // 四、参保缴费时间
  collectionYear: { year: 2022, cite: { clause: '四', quote: '2023 年度集中参保缴费期为 2022 年 9 月 1 日至 12 月 25 日。' } },
  collection: {
    start: { date: '2022-09-01', cite: { clause: '四', quote: '2023 年度集中参保缴费期为 2022 年 9 月 1 日至 12 月 25 日。' } },
    end: { date: '2022-12-25', cite: { clause: '四', quote: '2023 年度集中参保缴费期为 2022 年 9 月 1 日至 12 月 25 日。' } },
    daysOfMonth: { from: 1, to: 25, cite: { clause: '四', quote: '集中征缴期间每月 1-25 日可办理缴费。' } },
    suspensions: [],
    phases: [
      {
        id: 'centralised',
        name: { zh: '集中参保缴费期', en: 'centralised enrolment and payment period' },
        start: '2022-09-01',
        end: '2022-12-25',
        cite: { clause: '四', quote: '2023 年度集中参保缴费期为 2022 年 9 月 1 日至 12 月 25 日。' },
      },
    ],
    deadlines: [],
    specialWindows: [],
  },

  // 五、参保登记和缴费方式
  channels: [{ name: '微信、手机 APP 等渠道自主缴费', cite: { clause: '五、(二)', quote: '缴费人可以通过微信、手机 APP 等渠道自主缴费' } }],

  // 六、困难群众参保资助标准
  groups: [
    {
      name: '易返贫致贫人口',
      members: ['unstable-out-of-poverty', 'marginal-at-risk'],
      cite: 六('易返贫致贫人口(包括脱贫不稳定人口和边缘易致贫人口'),
    },
  ],
  categories: [
    {
      categories: ['ordinary'],
      names: ['城乡居民'],
      subsidy: { kind: 'none', cite: { clause: '三', quote: '个人缴费标准为 350 元/人，由参保人员按年度一次性足额缴纳。' } },
      funders: [],
    },
    {
      categories: ['unstable-out-of-poverty', 'marginal-at-risk'],
      names: ['易返贫致贫人口', '脱贫不稳定人口', '边缘易致贫人口'],
      subsidy: {
        kind: 'fixed',
        amount: '280.00',
        cite: 六('易返贫致贫人口(包括脱贫不稳定人口和边缘易致贫人口，不含已纳入城乡低保对象、特困人员范围人员)，个人缴费标准按每人每年280元的标准由医疗救助基金定额资助；'),
      },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 六('个人缴费标准按每人每年280元的标准由医疗救助基金定额资助；') }],
      mechanism: { kind: 'reduced-at-payment', cite: 资助方式 },
      exclusions: {
        categories: ['minimum-living-allowance', 'extreme-poverty'],
        cite: 六('不含已纳入城乡低保对象、特困人员范围人员'),
      },
    },
    {
      categories: ['returned-to-poverty'],
      names: ['返贫致贫人口'],
      subsidy: { kind: 'percentage', rate: '0.90', cite: 六('返贫致贫人口按个人缴费部分90%的比例由医疗救助基金给予定额资助，即每人每年资助315元；') },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 六('返贫致贫人口按个人缴费部分90%的比例由医疗救助基金给予定额资助') }],
      mechanism: { kind: 'reduced-at-payment', cite: 资助方式 },
      stated: { subsidy: { amount: '315.00', cite: 六('即每人每年资助315元；') } },
    },
    {
      categories: ['extreme-poverty'],
      names: ['特困人员', '城市“三无人员”', '农村五保户', '孤儿', '事实无人抚养儿童'],
      subsidy: { kind: 'full', cite: 六('特困人员(城市“三无人员”、农村五保户、孤儿、事实无人抚养儿童等)个人缴费部分由医疗救助基金全额资助，即每人每年资助350元；') },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 六('个人缴费部分由医疗救助基金全额资助，即每人每年资助350元；') }],
      mechanism: { kind: 'full-proxy', cite: 六('个人缴费部分由医疗救助基金全额资助') },
      stated: { subsidy: { amount: '350.00', cite: 六('即每人每年资助350元；') } },
    },
    {
      categories: ['minimum-living-allowance'],
      names: ['城乡低保对象'],
      subsidy: { kind: 'percentage', rate: '0.80', cite: 六('城乡低保对象按个人缴费部分80%的比例由医疗救助基金给予定额资助，即每人每年资助280元。') },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 六('城乡低保对象按个人缴费部分80%的比例由医疗救助基金给予定额资助') }],
      mechanism: { kind: 'reduced-at-payment', cite: 资助方式 },
      stated: { subsidy: { amount: '280.00', cite: 六('即每人每年资助280元。') } },
    },
    {
      categories: ['special-care', 'severe-disability'],
      names: ['在乡重点优抚对象', '重度残疾人'],
      subsidy: { kind: 'unspecified', cite: 六('在乡重点优抚对象、重度残疾人等困难群众继续执行原有的参保资助政策。') },
      funders: [],
    },
  ],
  // "等困难群众": the list is open-ended; other hardship groups may fall under it (a warning, no figure).
  otherCategories: { status: 'silent', mayBeCoveredBy: 六('在乡重点优抚对象、重度残疾人等困难群众继续执行原有的参保资助政策。') },

  rounding: ROUNDING_ASSUMED,
  combination: HIGHEST_SINGLE_ASSUMED,
  figures: [],

  // 附件1
  tables: [
    {
      id: 'township-tasks',
      title: '2023 年城乡居民医保参保任务分解表',
      cite: { clause: '附件1', quote: '2023 年城乡居民医保参保任务分解表' },
      columns: ['2022 年参保人数', '2023 年任务数'],
      rows: [
        { name: '崇文镇', values: [51886, 52405] },
        { name: '礼义镇', values: [25769, 26027] },
        { name: '附城镇', values: [25554, 25810] },
        { name: '平城镇', values: [31710, 32027] },
        { name: '西河底镇', values: [16848, 17016] },
        { name: '杨村镇', values: [14288, 14431] },
        { name: '潞城镇', values: [12877, 13006] },
        { name: '夺火乡', values: [4198, 4240] },
        { name: '马圪当乡', values: [5326, 5379] },
        { name: '古郊乡', values: [7915, 7994] },
        { name: '六泉乡', values: [9891, 9990] },
      ],
      total: [206262, 208325],
    },
  ],
} satisfies PolicyInput;
