/**
 * JSON Schemas generated from the zod schemas, for services in other
 * languages. Shipped as `yibao-rules/schema/policy.json`,
 * `yibao-rules/schema/quote-input.json` and `yibao-rules/schema/quote-result.json`. Cross-field rules (an end before its
 * start, one rule per category) are checked by `definePolicy`, not by the JSON
 * Schema.
 * @module
 */
import { z } from 'zod';
import { QuoteInputSchema } from './quote-input-schema.js';
import { QuoteResultSchema } from './quote-result-schema.js';
import { PolicySchema } from './schema.js';

/** Field names → [Chinese, English]: every property of the shipped policy schema is described in both languages. */
const FIELD_DOCS: Record<string, readonly [string, string]> = {
  id: ['标识', 'Identifier'],
  county: ['通知所辖的县', 'The county the notice governs'],
  name: ['名称', 'Name'],
  shortName: ['简称（去掉“县”）', 'Name without the suffix, e.g. 岢岚'],
  pinyin: ['拼音（小写）', 'Lower-case pinyin, e.g. kelan'],
  code: ['行政区划代码（GB/T 2260）', 'GB/T 2260 administrative division code'],
  prefecture: ['所属地级市', 'The prefecture'],
  province: ['所属省', 'The province'],
  cite: ['出处：条款与原文', 'Where the value comes from: clause and verbatim quote'],
  clause: ['条款，如“二、(三) 3”“附件1”“落款”', 'The clause, e.g. "二、(三) 3", "附件1", "落款"'],
  quote: ['通知原文（逐字，含转录瑕疵）', 'The sentence of the notice, verbatim (transcription defects included)'],
  codeSource: ['代码来源', 'Where the codes come from, e.g. "GB/T 2260"'],
  document: ['通知文件', 'The notice as a document'],
  title: ['标题', 'Title'],
  transcriptionNotes: ['转录瑕疵说明', 'Known defects of the transcription'],
  coverageYear: ['待遇年度', 'The coverage year the contribution buys'],
  year: ['年份', 'Year'],
  collectionYear: ['征缴年度', 'The year in which the contribution is collected'],
  coverage: ['待遇享受期', 'The coverage period'],
  start: ['开始日期（YYYY-MM-DD）', 'First day (YYYY-MM-DD)'],
  end: ['结束日期（YYYY-MM-DD）', 'Last day (YYYY-MM-DD)'],
  date: ['日期（YYYY-MM-DD）', 'Date (YYYY-MM-DD)'],
  inferred: ['推断（非通知明文）', 'An inference, not stated by the notice'],
  reasoning: ['推断理由', 'How the value was derived'],
  basis: ['推断依据的条款原文', 'The clauses the inference rests on'],
  daysOfMonth: ['每月可缴费日', 'Days of each month on which payment is accepted'],
  from: ['自', 'From'],
  to: ['至', 'To'],
  suspensions: ['暂停缴费期间', 'Periods in which payment is suspended'],
  resumesOn: ['恢复缴费之日', 'The day payment resumes'],
  phases: ['征缴阶段（集中征缴期、攻坚扫尾期…）', 'Named phases of the collection'],
  deadlines: ['工作时限', 'Deadlines the notice sets for the collection work'],
  task: ['任务', 'The task'],
  categories: ['类别', 'Categories'],
  holidayRule: ['节假日是否顺延', 'Whether the end is extended over a holiday'],
  extendsOnHoliday: ['节假日顺延（“不顺延”为 false）', 'Extended on a holiday ("不顺延": false)'],
  specialWindows: ['特殊缴费窗口', 'Special windows'],
  kind: ['种类', 'Kind'],
  withinMonthsOfBirth: ['出生后月数', 'Months after birth'],
  late: ['逾期处理', 'What happens when late'],
  until: ['延长至', 'Extended until'],
  standard: ['个人缴费标准', 'The standard individual contribution'],
  amount: ['金额（元，两位小数以内的字符串）', 'Yuan, a decimal string with at most two places, e.g. "280.00"'],
  categoryDefinitions: ['本通知的类别', "The notice's own categories"],
  names: ['通知使用的名称', 'The names the notice uses'],
  standardCode: ['对应的共享类别代码', 'The shared category code it corresponds to'],
  classOf: ['所属上级类别（档次）', 'The category it is a tier of'],
  certifiedBy: ['认定部门', 'The certifying department'],
  department: ['部门', 'Department'],
  funderDefinitions: ['本通知的资金来源', "The notice's own funders"],
  level: ['政府层级', 'Government level'],
  eligibility: ['参保范围', 'Who may enrol'],
  text: ['内容（中英文）', 'The content, in Chinese and English'],
  refunds: ['退费规定', 'Refund rules'],
  publicSubsidy: ['财政补助及各级分担', 'The public subsidy and its split by level'],
  total: ['合计', 'Total'],
  parts: ['各部分', 'Parts'],
  notStated: ['通知未写明的事项', 'Facts the notice does not state'],
  fact: ['事项（如 collection、standard、document.number）', 'The fact, e.g. collection, standard, document.number'],
  note: ['说明', 'Note'],
  rounding: ['取整规则', 'How a percentage of the standard is rounded'],
  scale: ['保留小数位数', 'Decimal places kept'],
  mode: ['取整方式', 'Rounding mode'],
  assumption: ['本库的假设（通知未规定时）', "The library's assumption where the notice is silent"],
  combination: ['多重身份的处理', 'How several identities combine'],
  rule: ['规则', 'Rule'],
  groups: ['通知定义的群体名称', 'Group names the notice defines'],
  members: ['成员类别', 'Member categories'],
  subsidy: ['资助规则', 'The subsidy rule'],
  rate: ['比例（0 到 1 的小数字符串）', 'A rate between 0 and 1, e.g. "0.80"'],
  floor: ['最低资助额', 'Minimum subsidy'],
  cap: ['最高资助额', 'Maximum subsidy'],
  funders: ['资金来源', 'Who funds the subsidy'],
  funder: ['资金来源 id', 'Funder id'],
  role: ['角色', 'Role'],
  share: ['承担比例', 'Share'],
  funding: ['多个来源的组合方式', 'How several funders combine'],
  mechanism: ['资助方式', 'How the subsidy reaches the contribution'],
  hedge: ['限定语（如“一般”）', 'Hedge, e.g. 一般'],
  mechanismVariants: ['按缴费日期区分的资助方式', 'A different mechanism by payment date'],
  paidBefore: ['在此日期之前缴费', 'Paid before this date'],
  route: ['资金拨付路径', 'The route the money takes'],
  preconditions: ['享受资助的条件', 'Conditions of the subsidy'],
  phase: ['阶段 id', 'Phase id'],
  exclusions: ['排除条件', 'Exclusions'],
  stated: ['通知写明的结果（审计用）', 'Results the notice states (audited)'],
  individual: ['个人缴费', 'The individual share'],
  otherCategories: ['其他类别：通知未提及或统一另行规定', 'Categories no rule names'],
  status: ['状态', 'Status'],
  mayBeCoveredBy: ['可能涵盖其他人群的开放式条款', 'An open-ended clause that may cover others'],
  proofOfPayment: ['缴费证明打印时间', 'When proof of payment is available'],
  workingDays: ['工作日数（“五个工作日后”为 5：第 5 个工作日可打印）', 'Working days ("五个工作日后" is 5: available on the 5th working day after payment)'],
  channels: ['缴费渠道', 'Payment channels'],
  targets: ['工作目标', 'Targets'],
  description: ['说明', 'Description'],
  figures: ['通知中的其他数字', 'Other figures the notice states'],
  label: ['标签', 'Label'],
  value: ['数值', 'Value'],
  unit: ['单位', 'Unit'],
  tables: ['附件表格', 'Tables of the attachments'],
  columns: ['列名', 'Column names'],
  rows: ['行', 'Rows'],
  values: ['数值', 'Values'],
  zh: ['中文', 'Chinese'],
  en: ['英文', 'English'],
};
const HAN = /[\u4e00-\u9fa5]/;

/** Gives every property a description in Chinese and English. */
function describeAll(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describeAll);
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  const props = o.properties as Record<string, Record<string, unknown>> | undefined;
  if (props)
    for (const [k, v] of Object.entries(props)) {
      const d = typeof v.description === 'string' ? v.description : '';
      const doc = FIELD_DOCS[k];
      if (HAN.test(d) && /[a-z]{2}/i.test(d)) continue;
      if (!doc) throw new Error(`no description for the field "${k}"`);
      v.description = d ? `${doc[0]} / ${d}` : `${doc[0]} / ${doc[1]}`;
    }
  for (const v of Object.values(o)) describeAll(v);
}

/** Objects that take `cite` or `inferred` need one of them (as `definePolicy` requires). */
function citeOrInferred(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(citeOrInferred);
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  const props = o.properties as Record<string, unknown> | undefined;
  const req = (o.required as string[] | undefined) ?? [];
  if (props && 'cite' in props && 'inferred' in props && !req.includes('cite')) o.anyOf = [{ required: ['cite'] }, { required: ['inferred'] }];
  for (const v of Object.values(o)) citeOrInferred(v);
}

/** The JSON Schemas by file name. */
export function jsonSchemas(): Record<'policy' | 'quote-input' | 'quote-result', Record<string, unknown>> {
  const meta = (id: string, title: string) => ({ $id: `https://unpkg.com/yibao-rules/schema/${id}.json`, title });
  return {
    policy: (() => {
      const s = { ...meta('policy', 'yibao-rules policy (one county notice, one coverage year)'), ...z.toJSONSchema(PolicySchema, { io: 'input' }) };
      citeOrInferred(s);
      describeAll(s);
      return s;
    })(),
    'quote-input': { ...meta('quote-input', 'yibao-rules quote input'), ...z.toJSONSchema(QuoteInputSchema, { io: 'input' }) },
    'quote-result': { ...meta('quote-result', 'yibao-rules quote result'), ...z.toJSONSchema(QuoteResultSchema, { io: 'output' }) },
  };
}
