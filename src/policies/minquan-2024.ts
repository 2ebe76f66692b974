/**
 * 民权县 2024 年度 (the notice's "2023年" collection) — 民政办〔2023〕39号, 2023-12-07.
 * Source: notices/minquan-2024.txt. Data only, in the notice's order.
 * The notice names no fund: it gives the route the money takes instead.
 * The attachment (named officials) is personal data and is not encoded.
 * @module
 */
import type { PolicyInput } from '../schema.js';
import { HIGHEST_SINGLE_ASSUMED, ROUNDING_ASSUMED } from './assumptions.js';

const 二二2 = (quote: string) => ({ clause: '二、(二) 2', quote });
const 定额资助 = 二二2(
  '对民政部门认定的低保对象、乡村振兴部门认定的返贫致贫人口、边缘易致贫户、脱贫不稳定户、突发严重困难户家庭成员集中参保缴费期参加居民基本医疗保险给予每人每年 80 元资助，一般采取先征后补的方式实施。',
);
const 认定地 = 二二2('以上资助参保对象原则上在其困难身份认定地参加基本医疗保险方可享受资助。');
/** The notice's own rule for the 80-yuan groups: one person on two lists is subsidised once. */
const 比对去重 = {
  kind: 'condition',
  text: {
    zh: '低保对象与监测对象名单由县医疗保障局比对去重，同一人只资助一次',
    en: 'the county medical security bureau de-duplicates the lists of 低保 and monitored persons: one person is subsidised once',
  },
  cite: 二二2('统一由县医疗保障局按规定比对去重后反馈给相关单位。'),
} as const;
const 四职责 = { clause: '四', quote: '民政部门、乡村振兴部门和残联负责提供特困人员、低保对象人员信息、全县脱贫人口、农村易返贫致贫人口信息，重度残疾人信息并配合做好参保动员工作。' };

export const minquan2024 = {
  id: 'minquan-2024',
  county: {
    name: '民权县',
    shortName: '民权',
    pinyin: 'minquan',
    code: '411421',
    prefecture: { name: '商丘市', code: '411400' },
    province: { name: '河南省', code: '410000' },
    cite: { clause: '文头', quote: '民权县人民政府办公室文件' },
    codeSource: 'GB/T 2260',
  },
  document: {
    number: '民政办〔2023〕39号',
    title: '民权县人民政府办公室关于印发民权县2023年城乡居民基本医疗保险保险费征缴工作实施方案的通知',
    issuer: '民权县人民政府办公室',
    issuedOn: '2023-12-07',
    cite: { clause: '文头、落款', quote: '民政办〔2023〕39号' },
    issuedOnCite: { clause: '落款', quote: '2023年12月7日印发' },
  },
  eligibility: [
    {
      text: { zh: '不在职工医保覆盖范围的民权县籍城乡居民，及按规定可在本县参保的其他人员', en: 'residents registered in Minquan outside employee medical insurance, and others allowed by the rules to enrol in the county' },
      cite: { clause: '二、(一)', quote: '不在职工基本医疗保险覆盖范围的民权县籍城乡居民,以及按照国家及省有关规定可以在本县参加城乡居民基本医疗保险的其他人员。' },
    },
  ],
  collectionYear: { year: 2023, cite: { clause: '实施方案标题', quote: '民权县 2023 年城乡居民基本医疗保险费 征缴工作实施方案' } },

  // 二、相关政策 (二) 征缴标准
  figures: [
    {
      label: { zh: '人均财政补助标准新增', en: 'increase of the per-capita government subsidy' },
      value: '30',
      unit: 'yuan',
      cite: { clause: '二、(二) 1', quote: '2023 年城乡居民基本医疗保险人均财政补助标准新增 30 元' },
    },
    {
      label: { zh: '人均财政补助标准（不低于）', en: 'per-capita government subsidy (at least)' },
      value: '640',
      unit: 'yuan',
      cite: { clause: '二、(二) 1', quote: '达到每人每年不低于640 元' },
    },
    {
      label: { zh: '个人缴费标准提高', en: 'increase of the individual contribution' },
      value: '30',
      unit: 'yuan',
      cite: { clause: '二、(二) 1', quote: '同步提高个人缴费标准 30 元，达到每人每年 380 元。' },
    },
  ],
  standard: { amount: '380.00', cite: { clause: '二、(二) 1', quote: '同步提高个人缴费标准 30 元，达到每人每年 380 元。' } },
  groups: [
    { name: '脱贫人口', members: ['stably-out-of-poverty', 'unstable-out-of-poverty'], cite: 四职责 },
    {
      name: '监测对象',
      members: ['returned-to-poverty', 'marginal-at-risk', 'unstable-out-of-poverty', 'sudden-severe-hardship'],
      cite: 二二2('监测对象中的返贫致贫人口、边缘易致贫户、脱贫不稳定户、突发严重困难户家庭成员由乡村振兴部门提供具体名单'),
    },
  ],
  categories: [
    {
      categories: ['ordinary'],
      names: ['城乡居民'],
      subsidy: { kind: 'none', cite: { clause: '二、(二) 1', quote: '同步提高个人缴费标准 30 元，达到每人每年 380 元。' } },
      funders: [],
    },
    {
      categories: ['extreme-poverty'],
      names: ['特困人员', '集中供养五保', '分散供养五保'],
      subsidy: { kind: 'full', cite: 二二2('对民政部门认定的特困人员（包括集中供养五保、分散供养五保）给予每人每年 380 元全额资助，一般采取全额代缴的方式实施。') },
      funders: [],
      mechanism: { kind: 'full-proxy', hedge: '一般', cite: 二二2('一般采取全额代缴的方式实施。') },
      route: [
        { from: '县医疗保障局', to: '县民政局（代缴参保费）', cite: 二二2('县医疗保障局按照比对后名单将应资助资金拨付至县民政局代缴参保费。') },
      ],
      preconditions: [{ kind: 'enrolled-where-certified', cite: 认定地 }],
      stated: { subsidy: { amount: '380.00', cite: 二二2('给予每人每年 380 元全额资助') } },
    },
    {
      categories: ['minimum-living-allowance'],
      names: ['低保对象'],
      subsidy: { kind: 'fixed', amount: '80.00', cite: 定额资助 },
      funders: [],
      mechanism: { kind: 'collect-then-reimburse', hedge: '一般', cite: 二二2('一般采取先征后补的方式实施。') },
      route: [
        { from: '县医疗保障局', to: '县民政部门账户', cite: 二二2('低保对象资助资金由县医疗保障局划转县民政部门账户，县民政部门将资助资金拨付低保对象个人账户。') },
        { from: '县民政部门', to: '低保对象个人账户', cite: 二二2('县民政部门将资助资金拨付低保对象个人账户。') },
      ],
      preconditions: [
        { kind: 'paid-within-phase', phase: 'centralised', cite: 二二2('集中参保缴费期参加居民基本医疗保险给予每人每年 80 元资助') },
        { kind: 'enrolled-where-certified', cite: 认定地 },
        比对去重,
      ],
    },
    {
      categories: ['returned-to-poverty', 'marginal-at-risk', 'unstable-out-of-poverty', 'sudden-severe-hardship'],
      names: ['返贫致贫人口', '边缘易致贫户', '脱贫不稳定户', '突发严重困难户家庭成员', '监测对象'],
      subsidy: { kind: 'fixed', amount: '80.00', cite: 定额资助 },
      funders: [],
      mechanism: { kind: 'collect-then-reimburse', hedge: '一般', cite: 二二2('一般采取先征后补的方式实施。') },
      route: [
        { from: '县医疗保障局', to: '乡镇政府', cite: 二二2('符合资助的监测对象资助资金，由县医疗保障局划转乡镇政府') },
        { from: '乡镇政府、街道办事处', to: '监测对象个人银行账户', cite: 二二2('各乡镇政府、街道办事处负责将资助资金拨付监测对象个人银行账户。') },
      ],
      preconditions: [
        { kind: 'paid-within-phase', phase: 'centralised', cite: 二二2('集中参保缴费期参加居民基本医疗保险给予每人每年 80 元资助') },
        { kind: 'enrolled-where-certified', cite: 认定地 },
        比对去重,
      ],
    },
  ],
  otherCategories: { status: 'silent' },
  // Named in 四 (职责分工) with no subsidy stated for them.
  categoryDefinitions: [
    { id: 'severe-disability', names: ['重度残疾人'], cite: 四职责 },
    { id: 'stably-out-of-poverty', names: [], cite: 四职责 },
  ],

  // 二、(三) 缴费方式
  channels: [
    { name: '“河南税务”微信公众号', cite: { clause: '二、(三) 1', quote: '通过“河南税务”微信公众号缴费。' } },
    { name: '支付宝', cite: { clause: '二、(三) 1', quote: '通过“支付宝”缴费。' } },
    { name: '“豫事办”', cite: { clause: '二、(三) 1', quote: '通过“豫事办”缴费。' } },
    { name: '“河南税务”APP', cite: { clause: '二、(三) 1', quote: '通过“河南税务”APP缴费。' } },
    { name: '国家税务总局河南省电子税务局', cite: { clause: '二、(三) 1', quote: '通过“国家税务总局河南省电子税务局”缴费。' } },
    { name: '学校集中缴费（大中专学生）', cite: { clause: '二、(三) 2', quote: '大中专学生原则上通过学校集中缴费。' } },
    { name: '乡镇（街道）、村（社区）集中代办点', cite: { clause: '二、(三) 2', quote: '持有效身份证件到所属乡镇（街道）、村（社区）的集中代办点通过河南税务社保费管理客户端办理缴费。' } },
    { name: '商业银行网点、银联', cite: { clause: '二、(三) 2', quote: '偏好银行缴费的居民也可以持有效身份证件就近到有代收资质的商业银行网点' } },
    { name: '便民服务中心、县行政服务中心税务窗口', cite: { clause: '二、(三) 2', quote: '还可以持有效身份证件到各乡镇（街道）便民服务中心或县行政服务中心税务窗口办理缴费。' } },
  ],

  // 二、(四) 缴费期限
  collection: {
    start: { date: '2023-09-10', cite: { clause: '二、(四)', quote: '集中缴费期为2023年9月10日至2023年12月31日。' } },
    end: { date: '2023-12-31', cite: { clause: '二、(四)', quote: '集中缴费期为2023年9月10日至2023年12月31日。' } },
    suspensions: [],
    // 三、工作步骤
    phases: [
      {
        id: 'centralised',
        name: { zh: '集中缴费期', en: 'centralised payment period' },
        start: '2023-09-10',
        end: '2023-12-31',
        cite: { clause: '二、(四)', quote: '集中缴费期为2023年9月10日至2023年12月31日。' },
      },
      {
        id: 'publicity',
        name: { zh: '宣传发动阶段', en: 'publicity phase' },
        start: '2023-09-10',
        end: '2023-09-30',
        cite: { clause: '三、(一)', quote: '宣传发动阶段（2023年9月10日至9月30日）' },
      },
      {
        id: 'review',
        name: { zh: '检查考评阶段', en: 'inspection and evaluation phase' },
        start: '2024-01-01',
        end: '2024-01-31',
        cite: { clause: '三、(三)', quote: '检查考评阶段（2024年1月1日至31日）' },
      },
    ],
    deadlines: [
      {
        date: '2023-11-30',
        task: { zh: '完成任务的80%', en: '80% of the task complete' },
        cite: { clause: '三、(二)', quote: '确保11月底前完成任务的80%' },
      },
      {
        date: '2023-12-31',
        task: { zh: '完成剩余的20%扫尾工作', en: 'remaining 20% complete' },
        cite: { clause: '三、(二)', quote: '12月底前完成剩余的20%扫尾工作。' },
      },
    ],
    specialWindows: [],
  },
  coverageYear: { year: 2024, cite: { clause: '二、(四)', quote: '享受医疗保障待遇时间为2024年1月1日至2024年12月31日。' } },
  coverage: {
    start: '2024-01-01',
    end: '2024-12-31',
    cite: { clause: '二、(四)', quote: '在此期间缴纳城乡居民基本医疗保险费的，享受医疗保障待遇时间为2024年1月1日至2024年12月31日。' },
  },

  targets: [
    {
      description: { zh: '宣传发动：力争覆盖面', en: 'coverage aimed for' },
      rate: '1.00',
      cite: { clause: '三、(一)', quote: '力争覆盖面达到100%。' },
    },
    {
      description: { zh: '11月底前完成任务的比例', en: 'share of the task done by the end of November' },
      rate: '0.80',
      date: '2023-11-30',
      cite: { clause: '三、(二)', quote: '确保11月底前完成任务的80%' },
    },
    {
      description: { zh: '困难群众参保率', en: 'enrolment of hardship groups' },
      rate: '1.00',
      cite: { clause: '三、(二)', quote: '确保困难群众参保率达到100%。' },
    },
  ],

  rounding: ROUNDING_ASSUMED,
  combination: HIGHEST_SINGLE_ASSUMED,
  tables: [],
} satisfies PolicyInput;
