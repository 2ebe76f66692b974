/**
 * 乡宁县 2023 年度 — 乡政办发〔2022〕65号, 2022-09-27.
 * Source: notices/xiangning-2023.txt. Data only, in the notice's order.
 * The notice states no subsidy figure: "特殊人群资助按相关政策规定执行".
 * @module
 */
import type { PolicyInput } from '../schema.js';
import { HIGHEST_SINGLE_ASSUMED, ROUNDING_ASSUMED } from './assumptions.js';

export const xiangning2023 = {
  id: 'xiangning-2023',
  county: {
    name: '乡宁县',
    shortName: '乡宁',
    pinyin: 'xiangning',
    code: '141029',
    prefecture: { name: '临汾市', code: '141000' },
    province: { name: '山西省', code: '140000' },
    cite: { clause: '文头', quote: '乡宁县人民政府办公室文件' },
    codeSource: 'GB/T 2260',
  },
  document: {
    number: '乡政办发〔2022〕65号',
    title: '乡宁县人民政府办公室关于开展2023年度城乡居民基本医疗保险费征缴工作的通知',
    issuer: '乡宁县人民政府办公室',
    issuedOn: '2022-09-27',
    cite: { clause: '文头、落款', quote: '乡政办发〔2022〕65号' },
    issuedOnCite: { clause: '印发', quote: '2022年9月27日印发' },
    transcriptionNotes: ['One passage after 六、(五) is scanning noise with no meaning; it carries no rule.'],
  },

  // 二、缴费标准
  coverageYear: { year: 2023, cite: { clause: '二', quote: '2023年度城乡居民基本医疗保险费个人缴费标准为每人每年350元。' } },
  standard: { amount: '350.00', cite: { clause: '二', quote: '2023年度城乡居民基本医疗保险费个人缴费标准为每人每年350元。' } },
  groups: [],
  categories: [
    {
      categories: ['ordinary'],
      names: ['城乡居民'],
      subsidy: { kind: 'none', cite: { clause: '二', quote: '个人缴费标准为每人每年350元。' } },
      funders: [],
    },
  ],
  otherCategories: { status: 'unspecified', cite: { clause: '二', quote: '特殊人群资助按相关政策规定执行。' } },

  // 三、缴费期限
  collectionYear: { year: 2022, cite: { clause: '三', quote: '征期截止2022年12月25日（节假日不顺延）。' } },
  collection: {
    start: { date: '2022-09-01', cite: { clause: '三', quote: '9月至11月为集中征缴期' } },
    end: { date: '2022-12-25', cite: { clause: '三', quote: '征期截止2022年12月25日（节假日不顺延）。' } },
    daysOfMonth: { from: 1, to: 25, cite: { clause: '三', quote: '每月1日至25日可进行缴费' } },
    suspensions: [],
    phases: [
      {
        id: 'centralised',
        name: { zh: '集中征缴期', en: 'centralised collection period' },
        start: '2022-09-01',
        end: '2022-11-30',
        cite: { clause: '三', quote: '9月至11月为集中征缴期' },
      },
      {
        id: 'sweep-up',
        name: { zh: '攻坚扫尾期', en: 'sweep-up period' },
        start: '2022-12-01',
        end: '2022-12-25',
        cite: { clause: '三', quote: '12月为攻坚扫尾期' },
      },
    ],
    deadlines: [],
    holidayRule: { extendsOnHoliday: false, cite: { clause: '三', quote: '（节假日不顺延）' } },
    specialWindows: [],
  },
  coverage: {
    start: '2023-01-01',
    end: '2023-12-31',
    cite: { clause: '三', quote: '城乡居民在规定时间内缴纳医疗保险费的，下一年享受城乡居民医疗保险待遇。' },
  },

  // 四、缴费渠道及流程
  channels: [
    { name: '微信', cite: { clause: '四、方式一', quote: '城乡居民可通过登录微信' } },
    { name: '支付宝', cite: { clause: '四、方式二', quote: '城乡居民可通过登录支付宝' } },
    { name: '云闪付', cite: { clause: '四、方式三', quote: '城乡居民可通过登录云闪付' } },
    { name: '扫码缴费', cite: { clause: '四、方式四', quote: '城乡居民可通过微信、支付宝、云闪付中【扫一扫】功能扫码进入缴费界面' } },
    {
      name: '农村商业银行“晋享生活”、中国银行、农业银行手机银行 APP 及营业网点柜台',
      cite: { clause: '四、方式五', quote: '城乡居民可通过农村商业银行“晋享生活”、中国银行、农业银行的手机银行 APP 自行完成缴费，或通过其营业网点的柜台办理缴费。' },
    },
  ],

  // 五、缴费证明打印
  proofOfPayment: { workingDays: 5, cite: { clause: '五', quote: '城乡居民通过各种渠道完成缴费的，五个工作日后，可登录微信' } },

  targets: [],
  rounding: ROUNDING_ASSUMED,
  combination: HIGHEST_SINGLE_ASSUMED,
  figures: [],
  tables: [],
} satisfies PolicyInput;
