/**
 * The quote result ({@link Quote}) as a zod schema, for the service's OpenAPI
 * document and for callers in other languages. Every field is described in
 * Chinese and English. `quote` never parses its own output: this schema only
 * documents it, and a test checks that real quotes validate against it and
 * that it names every field of `Quote` (and nothing else).
 *
 * @module
 */
import { z } from 'zod';
import type { Quote } from './engine.js';
import { CATEGORY_CODES, FUNDER_CODES, MECHANISM_CODES } from './vocabulary.js';
import type { WindowReason } from './window.js';

/** "中文 / English": one description in both languages. */
const d = (zh: string, en: string) => `${zh} / ${en}`;

const WINDOW_REASONS = ['open', 'before-start', 'after-end', 'day-of-month', 'suspended', 'newborn-special-window'] as const satisfies readonly WindowReason[];
const MONEY = /^\d+\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const money = (zh: string, en: string) => z.string().regex(MONEY).describe(d(`${zh}（元，两位小数的字符串）`, `${en} (yuan, a string with two decimals)`));
const date = (zh: string, en: string) => z.string().regex(DATE).describe(d(`${zh}（中国民用日期 YYYY-MM-DD）`, `${en} (civil date in China, YYYY-MM-DD)`));
const zhText = z.string().describe(d('中文说明', 'the text in Chinese'));
const enText = z.string().describe(d('英文说明', 'the text in English'));

/** Where a step comes from in the notice. */
export const QuoteCitationSchema = z
  .strictObject({
    clause: z.string().min(1).describe(d('条款编号，如“二、(三) 3”“附件1”“文头”', 'the clause, e.g. "二、(三) 3", "附件1", "文头"')),
    quote: z.string().min(1).describe(d('通知原文（逐字，含原文的笔误）', 'the sentence of the notice, verbatim (transcription defects included)')),
  })
  .describe(d('依据的通知条款及原文', 'the clause of the notice a value rests on, with its text'));

/** One step of the reasoning. */
export const ExplainStepSchema = z
  .strictObject({
    step: z
      .string()
      .describe(d('该步骤决定的内容：standard、rule、exclusion、combination、funders、route、mechanism、precondition、window、coverage', 'what the step decides: standard, rule, exclusion, combination, funders, route, mechanism, precondition, window, coverage')),
    cite: QuoteCitationSchema.nullable().describe(d('依据条款；为 null 时该步骤依据本库明示的假定', 'the clause; null where the step rests on a stated assumption of the library')),
    zh: zhText,
    en: enText,
  })
  .describe(d('计算依据的一步及其条款', 'one step of the reasoning, with its clause'));

/** Something the caller should know. */
export const QuoteWarningSchema = z
  .strictObject({
    code: z
      .string()
      .describe(
        d(
          '提示代码：highest-single、tie、unspecified-might-give-more、silent-category、precondition-assumed、depends-on-payment-date、no-funder-named、outside-window、rounding-assumed',
          'warning code: highest-single, tie, unspecified-might-give-more, silent-category, precondition-assumed, depends-on-payment-date, no-funder-named, outside-window, rounding-assumed',
        ),
      ),
    zh: zhText,
    en: enText,
  })
  .describe(d('调用方应知道的情况：假定、通知未规定之处、并列', 'something the caller should know: an assumption, a silence of the notice, a tie'));

/** Why a category the person holds did not decide. */
export const NotAppliedSchema = z
  .strictObject({
    category: z.enum(CATEGORY_CODES).describe(d('未适用的身份类别代码', 'the category code that did not decide')),
    reason: z
      .string()
      .describe(d('原因：lower、tie、same-rule、excluded、unspecified、silent、precondition', 'why: lower, tie, same-rule, excluded, unspecified, silent, precondition')),
    zh: zhText,
    en: enText,
  })
  .describe(d('本人具有但未据以计算的身份类别及原因', 'a category the person holds that did not decide, and why'));

/** Whether the payment date is inside the collection window. */
export const WindowResultSchema = z
  .strictObject({
    open: z.boolean().describe(d('该日期可否缴费', 'whether payment is accepted on that date')),
    reason: z.enum(WINDOW_REASONS).describe(d('原因：open 可缴费、before-start 未开始、after-end 已结束、day-of-month 不在每月缴费日、suspended 暂停、newborn-special-window 新生儿特别缴费期', 'why: open, before-start, after-end, day-of-month, suspended, newborn-special-window')),
    nextPayableOn: date('下一个可缴费日期（有时才给出）', 'the next date on which payment is accepted, when there is one').optional(),
  })
  .describe(d('缴费日期是否在征缴期内；未提供缴费日期时为 null', 'whether the payment date is inside the collection window; null when no payment date was given'));

/** The coverage period bought. */
export const CoverageSchema = z
  .strictObject({
    start: date('待遇享受期开始', 'first day of coverage'),
    end: date('待遇享受期结束', 'last day of coverage'),
  })
  .describe(d('所购买的待遇享受期；缴费日期不在征缴期内时为 null', 'the coverage period bought; null when the payment date is outside the window'));

/**
 * The answer for one resident, exactly as `quote()` returns it.
 *
 * @example
 * ```ts
 * QuoteResultSchema.parse(quote({ county: '岢岚', coverageYear: 2022 })).standard // '320.00'
 * ```
 */
export const QuoteResultSchema = z
  .strictObject({
    policyId: z.string().describe(d('所依据的政策编号，如 kelan-2022', 'the policy used, e.g. kelan-2022')),
    status: z
      .enum(['determined', 'unspecified'])
      .describe(d('determined：金额已确定；unspecified：通知未给出该类别的数额（金额为 null）', 'determined: the amounts are known; unspecified: the notice states no figure for the category (amounts are null)')),
    standard: money('个人缴费标准', 'the standard individual contribution'),
    individual: money('个人实际负担', 'what the person bears').nullable(),
    subsidy: money('资助金额', 'the subsidy').nullable(),
    dueAtPayment: money('缴费时应缴', 'what is paid at the counter').nullable(),
    reimbursedLater: money('事后补退金额', 'what is paid back later').nullable(),
    mechanism: z.enum(MECHANISM_CODES).nullable().describe(d('资助方式代码；未确定时为 null', 'how the subsidy reaches the contribution; null when undetermined')),
    funders: z.array(z.enum(FUNDER_CODES)).describe(d('资助资金来源代码（无资助时为空）', 'the funders of the subsidy (empty when there is none)')),
    route: z
      .array(
        z
          .strictObject({
            from: z.string().describe(d('资金拨出方', 'where the money comes from')),
            to: z.string().describe(d('资金拨入方', 'where the money goes')),
          })
          .describe(d('资金拨付的一段路径', 'one leg of the money’s route')),
      )
      .describe(d('通知写明的资金拨付路径', 'the route the money takes, as the notice states it')),
    appliedCategory: z.enum(CATEGORY_CODES).nullable().describe(d('据以计算的身份类别代码', 'the category that decided')),
    notApplied: z.array(NotAppliedSchema).describe(d('未适用的身份类别', 'categories held that did not decide')),
    window: WindowResultSchema.nullable(),
    coverage: CoverageSchema.nullable(),
    explain: z.array(ExplainStepSchema).describe(d('计算依据，每步附条款', 'the reasoning, each step with its clause')),
    warnings: z.array(QuoteWarningSchema).describe(d('提示', 'warnings')),
  })
  .describe(d('一位居民的计算结果：金额为元（字符串），日期为 YYYY-MM-DD', 'the answer for one resident: money as yuan strings, dates as YYYY-MM-DD'));

type Writable<T> = T extends ReadonlyArray<infer U> ? Array<Writable<U>> : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that the schema describes `Quote`, field for field (fails to type-check otherwise). */
export const QUOTE_SCHEMA_MATCHES_TYPE: Same<Writable<Quote>, z.output<typeof QuoteResultSchema>> = true;
