/**
 * The result of `quote` as a zod schema, for the JSON Schema
 * `yibao-rules/schema/quote-result.json` and the service's OpenAPI document
 * (services in other languages read quotes as JSON). Every field is described
 * in Chinese and English. `quote` never parses with it; a test checks that its
 * type is exactly `Quote` and that every quote of every built-in policy and of
 * the example policy files matches it.
 *
 * @example
 * ```ts
 * QuoteResultSchema.parse(quote({ county: '岢岚', coverageYear: 2022 })).standard // '320.00'
 * ```
 * @module
 */
import { z } from 'zod';
import { MONEY_PATTERN, RATE_PATTERN } from './money.js';
import { EXPLAIN_STEPS, NOT_APPLIED_REASONS, QUOTE_WARNING_CODES } from './quote-codes.js';
import { MECHANISM_CODES } from './vocabulary.js';

/** "中文 / English": one description in both languages. */
const d = (zh: string, en: string) => `${zh} / ${en}`;

const money = z.string().regex(/^\d+\.\d{2}$/).describe(d('元，两位小数的字符串，如 "280.00"', 'Yuan with two decimals, e.g. "280.00".'));
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe(d('中国民用日期 YYYY-MM-DD', 'A civil date in China, "YYYY-MM-DD".'));
const id = z.string().regex(/^[a-z][a-z0-9-]*$/);
const categoryId = id.describe(d('身份类别编号：内置政策用共用代码（CATEGORY_CODES），或政策自己声明的编号', 'A category id: a shared code (CATEGORY_CODES) for the built-ins, or one the policy declares.'));
const bilingual = { zh: z.string().describe(d('中文', 'In Chinese.')), en: z.string().describe(d('英文', 'In English.')) };
const name = z.strictObject(bilingual).describe(d('该类别在本政策中的名称', "The category's display name in this policy."));
const citation = z
  .strictObject({
    clause: z.string().describe(d('条款编号，如“二、(三) 3”“附件1”“文头”', 'the clause, e.g. "二、(三) 3", "附件1", "文头"')),
    quote: z.string().describe(d('通知原文（逐字，含原文的笔误）', 'the sentence of the notice, verbatim (transcription defects included)')),
  })
  .describe(d('依据的条款及原文（逐字）', 'The clause and its sentence, verbatim.'));

/** Why a payment date is or is not inside the window (`WindowReason`). */
const WINDOW_REASONS = [
  'open',
  'before-start',
  'after-end',
  'day-of-month',
  'suspended',
  'newborn-special-window',
  'group-extension',
  'newborn-refused',
  'not-stated',
] as const;

/** Government levels of a funder the policy declares. */
const LEVELS = ['central', 'provincial', 'prefectural', 'county', 'township', 'not-stated'] as const;

export const QuoteResultSchema = z
  .strictObject({
    policyId: z.string().describe(d('所依据的政策编号，如 "kelan-2022"', 'e.g. "kelan-2022".')),
    status: z
      .enum(['determined', 'unspecified'])
      .describe(d('通知对决定性的类别未给出数额时为 "unspecified"', '"unspecified" when the notice defers for the category that decides.')),
    standard: money.nullable().describe(d('个人缴费标准；通知未规定时为 null', 'The standard individual contribution; null when the notice states none.')),
    individual: money.nullable().describe(d('个人最终负担；未规定时为 null', 'What the person bears in the end; null when unspecified.')),
    subsidy: money.nullable().describe(d('资助金额；未规定时为 null', 'The public subsidy; null when unspecified.')),
    dueAtPayment: money.nullable().describe(d('缴费时应缴；资助方式未规定时为 null', 'What is collected when paying; null when the mechanism is not stated.')),
    reimbursedLater: money.nullable().describe(d('事后补退金额；无法确定时为 null', 'What is paid back later; null when it cannot be told.')),
    mechanism: z
      .enum(MECHANISM_CODES)
      .nullable()
      .describe(d('资助方式代码；未规定或未确定时为 null', 'How the subsidy reaches the person; null when unspecified or not stated.')),
    funders: z
      .array(id)
      .describe(d('资助资金来源编号（共用代码或政策自己的）；funding 为 "one-of" 时为择一', 'Funder ids (shared codes or the policy\'s own); with funding "one-of" they are alternatives.')),
    funderDetails: z
      .array(
        z.strictObject({
          id: id.describe(d('资金来源编号', 'The funder id.')),
          ...bilingual,
          role: z.enum(['pays', 'covers-shortfall']).describe(d('"covers-shortfall"：承担其他来源不足部分', '"covers-shortfall": pays what the others do not ("不足部分").')),
          level: z.enum(LEVELS).optional().describe(d('政府层级（政策声明时给出）', 'The government level, for a funder the policy declares with one.')),
          amount: z.string().regex(MONEY_PATTERN).optional().describe(d('该来源承担的金额（元），按通知所写', 'The amount this funder pays, as the notice states it (yuan).')),
          share: z.string().regex(RATE_PATTERN).optional().describe(d('该来源承担的比例（写明时）', 'The share this funder pays, where stated.')),
        }),
      )
      .describe(d('资金来源的名称、角色及承担部分', 'The funders with display names, roles and parts.')),
    funding: z
      .enum(['all-of', 'one-of'])
      .nullable()
      .describe(
        d(
          '"all-of"：共同承担；"one-of"：择一，通知未说明由谁；null：未写明来源或无资助',
          '"all-of": together; "one-of": either, the notice does not say which; null: no funder named or no subsidy.',
        ),
      ),
    route: z
      .array(
        z.strictObject({
          from: z.string().describe(d('资金拨出方', 'where the money comes from')),
          to: z.string().describe(d('资金拨入方', 'where the money goes')),
        }),
      )
      .describe(d('通知写明的资金拨付路径', 'The route the money takes, where the notice gives one.')),
    appliedCategory: categoryId.nullable().describe(d('据以计算的身份类别', 'The category whose rule decided.')),
    appliedCategoryName: name.nullable().describe(d('其在本政策中的名称', 'Its display name in this policy.')),
    notApplied: z
      .array(
        z.strictObject({
          category: categoryId,
          name,
          reason: z.enum(NOT_APPLIED_REASONS).describe(d('原因代码，如 lower、tie、same-rule、excluded、unspecified、silent、precondition', 'why, e.g. lower, tie, same-rule, excluded, unspecified, silent, precondition')),
          ...bilingual,
        }),
      )
      .describe(d('本人的其他身份类别及未据以计算的原因', "The person's other categories and why each did not decide.")),
    window: z
      .strictObject({
        open: z.boolean().nullable().describe(d('该日期可否缴费；通知未规定征缴期时为 null', 'whether payment is accepted on that date; null when the notice states no window')),
        reason: z.enum(WINDOW_REASONS).describe(d('原因', 'why')),
        nextPayableOn: civilDate.optional(),
      })
      .nullable()
      .describe(
        d(
          '缴费日期是否在征缴期内（open 为 null：通知未规定征缴期）；未提供缴费日期时为 null',
          'Whether the payment date is inside the collection window (open null: the notice states no window); null without a payment date.',
        ),
      ),
    coverage: z
      .strictObject({ start: civilDate, end: civilDate })
      .nullable()
      .describe(d('所购买的待遇享受期；不在征缴期内或未规定时为 null', 'The period the payment buys; null outside the window or when not stated.')),
    explain: z
      .array(
        z.strictObject({
          step: z.enum(EXPLAIN_STEPS).describe(d('该步骤决定的内容，如 standard、rule、funders、window、coverage', 'what the step decides, e.g. standard, rule, funders, window, coverage')),
          cite: citation.nullable(),
          ...bilingual,
        }),
      )
      .describe(d('计算依据，每步附条款', 'The steps, each with its clause.')),
    warnings: z
      .array(z.strictObject({ code: z.enum(QUOTE_WARNING_CODES).describe(d('提示代码', 'warning code')), ...bilingual }))
      .describe(d('假定与通知未规定之处', 'Assumptions and silences.')),
  })
  .describe(d('一位居民的 quote 结果', 'The answer of `quote` for one resident.'));
