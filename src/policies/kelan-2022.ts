/**
 * 岢岚县 2022 年度 — 岢政办发〔2021〕67号, 2021-11-30.
 * Source: notices/kelan-2022.txt. Data only, in the notice's order.
 * The scan renders 岢岚 as 崞岚 or 崂崂; quotes keep the scan's text.
 * @module
 */
import type { PolicyInput } from '../schema.js';
import { HIGHEST_SINGLE_ASSUMED, ROUNDING_ASSUMED } from './assumptions.js';

const 五三资金 = {
  clause: '五、(三)',
  quote:
    '资助参保所需资金，享受抚恤和生活补助的优抚对象由退役军人事务部门通过享受抚恤和生活补助的优抚对象医疗补助资金资助，不足部分由县级财政给予资助；重度残疾人由县财政负担；其余人员由医疗救助基金负担。',
};
const 四三先缴 = {
  clause: '四、(三)',
  quote: '低保对象、返贫致贫人口、易返贫致贫人口、享受抚恤和生活补助的优抚对象、重度残疾人等资助对象需先缴纳个人缴费部分, 其余部分才可享受资助政策。',
};

export const kelan2022 = {
  id: 'kelan-2022',
  county: {
    name: '岢岚县',
    shortName: '岢岚',
    pinyin: 'kelan',
    code: '140929',
    prefecture: { name: '忻州市', code: '140900' },
    province: { name: '山西省', code: '140000' },
    cite: { clause: '落款', quote: '岢岚县人民政府办公室' },
    codeSource: 'GB/T 2260',
  },
  document: {
    number: '岢政办发〔2021〕67号',
    title: '岢岚县人民政府办公室关于做好2022年度城乡居民基本医疗保险参保工作的通知',
    issuer: '岢岚县人民政府办公室',
    issuedOn: '2021-11-30',
    cite: { clause: '文头、落款', quote: '崞政办发〔2021〕67号' },
    issuedOnCite: { clause: '落款', quote: '岢岚县人民政府办公室 2021年11月30日' },
    transcriptionNotes: ['The scan renders 岢岚 as 崞岚 or 崂崂 and the number as 崞政办发〔2021〕67号; the county is 岢岚县 and the number 岢政办发〔2021〕67号.'],
  },

  // 二、缴费标准
  coverageYear: { year: 2022, cite: { clause: '二', quote: '2022年度城乡居民基本医疗保险个人缴费标准为320元/人。' } },
  standard: { amount: '320.00', cite: { clause: '二', quote: '2022年度城乡居民基本医疗保险个人缴费标准为320元/人。' } },
  groups: [
    {
      name: '易返贫致贫人口',
      members: ['unstable-out-of-poverty', 'marginal-at-risk'],
      cite: { clause: '二、5', quote: '易返贫致贫人口(包括脱贫不稳定人口和边缘易致贫人口' },
    },
  ],
  categories: [
    {
      categories: ['ordinary'],
      names: ['普通城乡居民'],
      subsidy: { kind: 'none', cite: { clause: '二、1', quote: '1.普通城乡居民个人缴费标准为320元/人。' } },
      funders: [],
    },
    {
      categories: ['extreme-poverty'],
      names: ['特困人员', '孤儿', '事实无人抚养儿童', '特困供养范围人员'],
      subsidy: { kind: 'full', cite: { clause: '二、2', quote: '2.特困人员(含孤儿和事实无人抚养儿童)全额资助,个人不需缴费。' } },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 五三资金 }],
      mechanism: { kind: 'full-proxy', cite: { clause: '二、2', quote: '全额资助,个人不需缴费。' } },
      stated: { individual: { amount: '0.00', cite: { clause: '二、2', quote: '个人不需缴费。' } } },
    },
    {
      categories: ['minimum-living-allowance'],
      names: ['低保对象'],
      subsidy: {
        kind: 'percentage',
        rate: '0.80',
        floor: '280.00',
        cite: { clause: '二、3', quote: '3.低保对象按个人缴费标准80%的比例给予定额资助(低于280元按280元资助),个人缴费40元。' },
      },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 五三资金 }],
      mechanism: { kind: 'reduced-at-payment', cite: { clause: '二、3', quote: '给予定额资助(低于280元按280元资助),个人缴费40元。' } },
      preconditions: [{ kind: 'individual-part-paid-first', cite: 四三先缴 }],
      stated: { individual: { amount: '40.00', cite: { clause: '二、3', quote: '个人缴费40元。' } } },
    },
    {
      categories: ['returned-to-poverty'],
      names: ['返贫致贫人口'],
      subsidy: { kind: 'percentage', rate: '0.90', cite: { clause: '二、4', quote: '4.返贫致贫人口按个人缴费标准90%的比例给予定额资助,个人缴费32元。' } },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 五三资金 }],
      mechanism: { kind: 'reduced-at-payment', cite: { clause: '二、4', quote: '给予定额资助,个人缴费32元。' } },
      preconditions: [{ kind: 'individual-part-paid-first', cite: 四三先缴 }],
      stated: { individual: { amount: '32.00', cite: { clause: '二、4', quote: '个人缴费32元。' } } },
    },
    {
      categories: ['unstable-out-of-poverty', 'marginal-at-risk'],
      names: ['易返贫致贫人口', '脱贫不稳定人口', '边缘易致贫人口'],
      subsidy: {
        kind: 'fixed',
        amount: '280.00',
        cite: {
          clause: '二、5',
          quote:
            '5.易返贫致贫人口(包括脱贫不稳定人口和边缘易致贫人口,不含已纳入低保、享受抚恤和生活补助的优抚对象、重度残疾人、特困供养范围人员)按每人每年280元的标准定额资助,个人缴费40元。',
        },
      },
      funders: [{ funder: 'medical-assistance-fund', role: 'pays', cite: 五三资金 }],
      mechanism: { kind: 'reduced-at-payment', cite: { clause: '二、5', quote: '按每人每年280元的标准定额资助,个人缴费40元。' } },
      preconditions: [{ kind: 'individual-part-paid-first', cite: 四三先缴 }],
      exclusions: {
        categories: ['minimum-living-allowance', 'special-care', 'severe-disability', 'extreme-poverty'],
        cite: { clause: '二、5', quote: '不含已纳入低保、享受抚恤和生活补助的优抚对象、重度残疾人、特困供养范围人员' },
      },
      stated: { individual: { amount: '40.00', cite: { clause: '二、5', quote: '个人缴费40元。' } } },
    },
    {
      categories: ['special-care'],
      names: ['享受抚恤和生活补助的优抚对象'],
      subsidy: {
        kind: 'percentage',
        rate: '0.80',
        floor: '280.00',
        cite: { clause: '二、6', quote: '6.享受抚恤和生活补助的优抚对象按个人缴费标准80%的比例给予定额资助(低于280元按280元资助),个人缴费40元。' },
      },
      funders: [
        { funder: 'veterans-affairs', role: 'pays', cite: 五三资金 },
        { funder: 'county-finance', role: 'covers-shortfall', cite: 五三资金 },
      ],
      mechanism: { kind: 'reduced-at-payment', cite: { clause: '二、6', quote: '给予定额资助(低于280元按280元资助),个人缴费40元。' } },
      preconditions: [{ kind: 'individual-part-paid-first', cite: 四三先缴 }],
      stated: { individual: { amount: '40.00', cite: { clause: '二、6', quote: '个人缴费40元。' } } },
    },
    {
      categories: ['severe-disability'],
      names: ['重度残疾人'],
      subsidy: {
        kind: 'percentage',
        rate: '0.80',
        floor: '280.00',
        cite: { clause: '二、7', quote: '7.重度残疾人按个人缴费标准80%的比例给予定额资助(低于 280 元按 280 元资助), 个人缴费 40 元。' },
      },
      funders: [{ funder: 'county-finance', role: 'pays', cite: 五三资金 }],
      mechanism: { kind: 'reduced-at-payment', cite: { clause: '二、7', quote: '给予定额资助(低于 280 元按 280 元资助), 个人缴费 40 元。' } },
      preconditions: [{ kind: 'individual-part-paid-first', cite: 四三先缴 }],
      stated: { individual: { amount: '40.00', cite: { clause: '二、7', quote: '个人缴费 40 元。' } } },
    },
  ],
  otherCategories: { status: 'silent' },
  // Named by the notice, with no subsidy stated for them.
  categoryDefinitions: [
    {
      id: 'sudden-severe-hardship',
      names: ['突发严重困难人员'],
      cite: { clause: '五、(二)', quote: '重点做好脱贫人口、特困人员、低保对象、返贫致贫人口、易返贫致贫人口和突发严重困难人员、享受抚恤和生活补助的优抚对象、重度残疾人的身份认定' },
    },
    {
      id: 'stably-out-of-poverty',
      names: ['稳定脱贫人口'],
      cite: { clause: '八、三是', quote: '12月20日前完成困难群众（包括稳定脱贫人口）的征缴任务' },
    },
  ],
  // 七、退费办理
  refunds: [
    {
      text: {
        zh: '符合退费政策的，由缴费人在集中征缴期内向县医保局申请退费，经核验确认后退还；不能退费的当场告知原因',
        en: 'where the refund rules allow, the payer applies to the county medical security bureau within the centralised period; refunded after verification, or told at once why not',
      },
      cite: { clause: '七', quote: '符合退费政策需要办理退费的，由缴费人自行向县医保局提出退费申请，且必须要在集中征缴期内及时申请，由其进行核验确认。' },
    },
  ],

  // 三、征收期限
  collectionYear: { year: 2021, cite: { clause: '三', quote: '当期缴纳下期参保费, 集中征缴期为每年 9 月至 12 月' } },
  collection: {
    start: { date: '2021-09-01', cite: { clause: '三', quote: '集中征缴期为每年 9 月至 12 月, 每月 1-25 日可办理缴费。' } },
    end: { date: '2021-12-25', cite: { clause: '三', quote: '征收期截止 12 月 25 日。' } },
    daysOfMonth: { from: 1, to: 25, cite: { clause: '三', quote: '每月 1-25 日可办理缴费。' } },
    suspensions: [
      {
        from: '2021-10-08',
        resumesOn: '2021-11-15',
        cite: { clause: '八、一是', quote: '由于医保部门新系统上线工作需要，今年的缴费自10月8日起暂停，至11月15日恢复' },
      },
    ],
    phases: [
      {
        id: 'centralised',
        name: { zh: '集中征缴期', en: 'centralised collection period' },
        start: '2021-09-01',
        end: '2021-12-25',
        cite: { clause: '三', quote: '征收期截止 12 月 25 日。' },
      },
    ],
    deadlines: [
      {
        date: '2021-12-20',
        task: { zh: '完成困难群众（包括稳定脱贫人口）的征缴任务', en: 'collection from hardship groups (stably-out-of-poverty included) complete' },
        categories: [
          'extreme-poverty',
          'minimum-living-allowance',
          'returned-to-poverty',
          'unstable-out-of-poverty',
          'marginal-at-risk',
          'sudden-severe-hardship',
          'special-care',
          'severe-disability',
          'stably-out-of-poverty',
        ],
        cite: { clause: '八、三是', quote: '12月20日前完成困难群众（包括稳定脱贫人口）的征缴任务' },
      },
      {
        date: '2021-12-25',
        task: { zh: '完成全部城乡居民征缴任务', en: 'collection from all residents complete' },
        cite: { clause: '八、三是', quote: '12月25日前完成全部城乡居民征缴任务。' },
      },
    ],
    specialWindows: [
      {
        kind: 'newborn',
        cite: { clause: '五、(一)', quote: '新生儿出生当年，凭新生儿户籍或其父母户籍证明材料，在医保经办机构按规定办理参保登记手续。' },
      },
    ],
  },
  coverage: {
    start: '2022-01-01',
    end: '2022-12-31',
    cite: { clause: '三', quote: '基本医疗保险待遇享受期限为 2022 年 1 月 1 日至 2022 年 12 月 31 日。' },
  },

  // 四、缴费方式
  channels: [
    { name: '村委会集中代收', cite: { clause: '四、(一)', quote: '农村居民以村为单位, 由村委会负责收取, 同时做好缴费登记。' } },
    { name: '信用社“晋享生活”APP', cite: { clause: '四、(二)', quote: '缴费人也可使用手机通过信用社“晋享生活”APP、微信“支付-城市服务-社保”功能自行缴纳' } },
    { name: '微信“支付-城市服务-社保”', cite: { clause: '四、(二)', quote: '缴费人也可使用手机通过信用社“晋享生活”APP、微信“支付-城市服务-社保”功能自行缴纳' } },
    { name: '信用社网点、政务大厅税务窗口', cite: { clause: '四、(二)', quote: '或到信用社各网点和政务大厅税务窗口缴纳。' } },
  ],

  // 五、组织动员
  targets: [
    {
      description: { zh: '属地户籍人口参保率', en: 'enrolment of the registered population' },
      rate: '1.00',
      cite: { clause: '五、(一)', quote: '确保属地户籍人口 100% 参保。' },
    },
  ],

  // 六、缴费证明打印
  proofOfPayment: {
    workingDays: 5,
    cite: { clause: '六', quote: '《社会保险费缴费记录》和《社会保险费缴费证明》的开具时间一般为缴费成功的5个工作日后。' },
  },

  rounding: ROUNDING_ASSUMED,
  combination: HIGHEST_SINGLE_ASSUMED,
  figures: [],
  tables: [],
} satisfies PolicyInput;
