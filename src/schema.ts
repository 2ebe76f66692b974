/**
 * The policy model: a zod schema that can state everything a county's resident
 * medical insurance notice says, and the TypeScript types inferred from it.
 *
 * Every value carries a {@link Citation}: the clause of the notice and the
 * sentence quoted from it. A value without a citation does not validate.
 * Where a notice is silent or defers, the model says so (`unspecified`, with
 * the deferring clause) instead of holding a number.
 *
 * @module
 */
import { z } from 'zod';
import { parseCivilDate } from './civil-date.js';
import { MONEY_PATTERN, RATE_PATTERN, ROUNDING_MODES } from './money.js';
import { CATEGORY_CODES, FUNDER_CODES, MECHANISM_CODES } from './vocabulary.js';

/** Where a value comes from: the clause of the notice and the sentence quoted from it. */
export const CitationSchema = z
  .strictObject({
    clause: z.string().min(1).describe('The clause, e.g. "二、(三) 3", "附件1", "文头".'),
    quote: z.string().min(1).describe('The sentence of the notice, verbatim (transcription defects included).'),
  })
  .describe('Where a value comes from in the notice.');
const cite = CitationSchema;

/** Both languages of a short text. */
export const BilingualSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** A civil date in China, "YYYY-MM-DD". */
export const CivilDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => parseCivilDate(s) !== undefined, {
    message: 'not a calendar date (YYYY-MM-DD)',
    params: { zh: '不是有效的日期（YYYY-MM-DD）', code: 'invalid_date' },
  })
  .describe('A civil date in China, YYYY-MM-DD.');

/** A non-negative amount in yuan with at most two decimals, as a string: "280.00". */
export const MoneySchema = z
  .string()
  .regex(MONEY_PATTERN)
  .describe('Yuan, a decimal string with at most two places, e.g. "280.00".');

/** A rate between 0 and 1 as a decimal string: "0.80". */
export const RateSchema = z
  .string()
  .regex(RATE_PATTERN)
  .describe('A rate between 0 and 1, e.g. "0.80" for 80%.');

const Category = z.enum(CATEGORY_CODES).describe('A hardship category code.');
const Funder = z.enum(FUNDER_CODES).describe('A funder code.');
const Mechanism = z.enum(MECHANISM_CODES).describe('A mechanism code.');
const Year = z.int().min(2000).max(2100);
const Region = z.strictObject({ name: z.string().min(1), code: z.string().regex(/^\d{6}$/) });

/** The county the notice governs. */
export const CountySchema = z.strictObject({
  name: z.string().min(1).describe('Full Chinese name, e.g. 岢岚县.'),
  shortName: z.string().min(1).describe('Name without the suffix, e.g. 岢岚.'),
  pinyin: z.string().regex(/^[a-z]+$/).describe('Lower-case pinyin, e.g. kelan.'),
  code: z.string().regex(/^\d{6}$/).describe('GB/T 2260 administrative division code.'),
  prefecture: Region,
  province: Region,
  cite,
  codeSource: z.string().min(1).describe('Where the codes come from, e.g. "GB/T 2260".'),
});

/** The notice as a document. */
export const DocumentSchema = z.strictObject({
  number: z.string().min(1).describe('Document number, e.g. 岢政办发〔2021〕67号.'),
  title: z.string().min(1),
  issuer: z.string().min(1),
  issuedOn: CivilDateSchema,
  cite,
  transcriptionNotes: z.array(z.string().min(1)).optional().describe('Known defects of the transcription.'),
});

const DatedSchema = z.strictObject({ date: CivilDateSchema, cite });

/** When payment is accepted: the collection window and its parts. */
export const CollectionSchema = z.strictObject({
  start: DatedSchema.describe('First day on which payment is accepted.'),
  end: DatedSchema.describe('Last day of the window as the notice states it.'),
  daysOfMonth: z
    .strictObject({ from: z.int().min(1).max(31), to: z.int().min(1).max(31), cite })
    .optional()
    .describe('Days of each month on which payment is accepted ("每月1-25日").'),
  suspensions: z
    .array(z.strictObject({ from: CivilDateSchema, resumesOn: CivilDateSchema, cite }))
    .describe('Periods in which payment is suspended: from `from` up to the day before `resumesOn`.'),
  phases: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        name: BilingualSchema,
        start: CivilDateSchema,
        end: CivilDateSchema,
        cite,
      }),
    )
    .describe('Named phases of the collection (集中征缴期, 攻坚扫尾期, 宣传发动阶段…).'),
  deadlines: z
    .array(
      z.strictObject({
        date: CivilDateSchema,
        task: BilingualSchema,
        categories: z.array(Category).optional().describe('Whom it concerns; absent: everyone.'),
        cite,
      }),
    )
    .describe('Deadlines the notice sets for the collection work.'),
  holidayRule: z
    .strictObject({ extendsOnHoliday: z.boolean(), cite })
    .optional()
    .describe('Whether the end is extended when it falls on a holiday ("节假日不顺延": false).'),
  specialWindows: z
    .array(
      z.strictObject({
        kind: z.literal('newborn'),
        withinMonthsOfBirth: z.int().min(1).max(24),
        coverage: z.literal('current-year'),
        cite,
      }),
    )
    .describe('Windows outside the collection period, e.g. newborns within six months of birth.'),
});

/** How a category's subsidy is determined. */
export const SubsidyRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none'), cite }).describe('No subsidy: the person pays the standard.'),
  z.strictObject({ kind: z.literal('full'), cite }).describe('The whole standard is subsidised.'),
  z
    .strictObject({ kind: z.literal('percentage'), rate: RateSchema, floor: MoneySchema.optional(), cite })
    .describe('rate × standard, at least `floor`, at most the standard.'),
  z.strictObject({ kind: z.literal('fixed'), amount: MoneySchema, cite }).describe('A fixed amount, at most the standard.'),
  z
    .strictObject({ kind: z.literal('unspecified'), cite })
    .describe('The notice defers ("继续执行原有的参保资助政策", "按相关政策规定执行"): no figure.'),
]);

/** A body that funds the subsidy, and its role. */
export const FunderRefSchema = z.strictObject({
  funder: Funder,
  role: z.enum(['pays', 'covers-shortfall']).describe('`covers-shortfall`: pays what the first funder does not ("不足部分").'),
  cite,
});

/** A condition the subsidy depends on. */
export const PreconditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('individual-part-paid-first'), cite }),
  z.strictObject({ kind: z.literal('paid-within-phase'), phase: z.string().min(1), cite }),
  z.strictObject({ kind: z.literal('enrolled-where-certified'), cite }),
]);

/** One category's rule, as one clause of the notice states it. */
export const CategoryRuleSchema = z.strictObject({
  categories: z.array(Category).min(1).describe('The categories this clause governs.'),
  names: z.array(z.string().min(1)).min(1).describe('The words the notice uses for them; accepted as input.'),
  subsidy: SubsidyRuleSchema,
  funders: z.array(FunderRefSchema).describe('Who funds the subsidy; empty where the notice names no fund.'),
  mechanism: z.strictObject({ kind: Mechanism, cite }).optional().describe('How the subsidy reaches the contribution.'),
  mechanismVariants: z
    .array(z.strictObject({ paidBefore: CivilDateSchema, kind: Mechanism, cite }))
    .optional()
    .describe('A different mechanism for payments made before a date (Qinshui: 已缴费的…退补).'),
  route: z
    .array(z.strictObject({ from: z.string().min(1), to: z.string().min(1), cite }))
    .optional()
    .describe('The route the money takes, where the notice gives one.'),
  preconditions: z.array(PreconditionSchema).optional(),
  exclusions: z
    .strictObject({ categories: z.array(Category).min(1), cite })
    .optional()
    .describe('Holders of these categories are outside this rule ("不含已纳入低保…").'),
  stated: z
    .strictObject({
      subsidy: z.strictObject({ amount: MoneySchema, cite }).optional(),
      individual: z.strictObject({ amount: MoneySchema, cite }).optional(),
    })
    .optional()
    .describe('Results the notice itself states ("即每人每年资助315元"); audited against the rule.'),
});

/** A table of an attachment, e.g. a township task table. */
export const TableSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  cite,
  columns: z.array(z.string().min(1)).min(1),
  rows: z.array(z.strictObject({ name: z.string().min(1), values: z.array(z.int().min(0)) })).min(1),
  total: z.array(z.int().min(0)),
});

/** A policy: one county's notice for one coverage year. */
export const PolicySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z]+-\d{4}$/).describe('`<pinyin>-<coverage year>`, e.g. kelan-2022.'),
    county: CountySchema,
    document: DocumentSchema,
    coverageYear: z.strictObject({ year: Year, cite }).describe('待遇年度: the year the contribution buys.'),
    collectionYear: z.strictObject({ year: Year, cite }).describe('The year in which the contribution is collected.'),
    coverage: z.strictObject({ start: CivilDateSchema, end: CivilDateSchema, cite }).describe('待遇享受期.'),
    collection: CollectionSchema,
    standard: z.strictObject({ amount: MoneySchema, cite }).describe('个人缴费标准.'),
    rounding: z
      .strictObject({ scale: z.int().min(0).max(2), mode: z.enum(ROUNDING_MODES), cite: cite.optional(), assumption: z.string().min(1).optional() })
      .describe('How a percentage of the standard is rounded; cited, or an assumption stated as such.'),
    combination: z
      .strictObject({ rule: z.literal('highest-single'), cite: cite.optional(), assumption: z.string().min(1).optional() })
      .describe('How several identities combine; cited, or an assumption stated as such.'),
    groups: z
      .array(z.strictObject({ name: z.string().min(1), members: z.array(Category).min(2), cite }))
      .describe('Group names the notice defines (易返贫致贫人口, 监测对象) and their members.'),
    categories: z.array(CategoryRuleSchema).min(1),
    otherCategories: z
      .discriminatedUnion('status', [
        z.strictObject({ status: z.literal('silent') }),
        z.strictObject({ status: z.literal('unspecified'), cite }),
      ])
      .describe('Categories no rule names: the notice is silent, or defers for all of them.'),
    proofOfPayment: z.strictObject({ workingDays: z.int().min(1).max(60), cite }).optional(),
    channels: z.array(z.strictObject({ name: z.string().min(1), cite })),
    targets: z.array(
      z.strictObject({
        description: BilingualSchema,
        rate: RateSchema.optional(),
        date: CivilDateSchema.optional(),
        categories: z.array(Category).optional(),
        cite,
      }),
    ),
    figures: z
      .array(z.strictObject({ label: BilingualSchema, value: z.string().min(1), unit: z.enum(['yuan', 'percent', 'people', 'months', 'days']), cite }))
      .describe('Other figures the notice states that no rule above carries.'),
    tables: z.array(TableSchema),
  })
  .superRefine((p, ctx) => {
    const issue = (path: (string | number)[], en: string, zh: string, code = 'invalid_policy') =>
      ctx.addIssue({ code: 'custom', path, message: en, params: { zh, code } });
    const d = (s: string) => parseCivilDate(s) ?? NaN;
    const order = (path: (string | number)[], a: string, b: string, strict = false) => {
      if (strict ? !(d(a) < d(b)) : !(d(a) <= d(b)))
        issue(path, `${b} is before ${a}: the end is before the start`, `结束日期 ${b} 早于开始日期 ${a}`);
    };
    order(['coverage', 'end'], p.coverage.start, p.coverage.end);
    order(['collection', 'end', 'date'], p.collection.start.date, p.collection.end.date);
    p.collection.suspensions.forEach((s, i) => order(['collection', 'suspensions', i, 'resumesOn'], s.from, s.resumesOn, true));
    p.collection.phases.forEach((s, i) => order(['collection', 'phases', i, 'end'], s.start, s.end));
    const dom = p.collection.daysOfMonth;
    if (dom && dom.from > dom.to) issue(['collection', 'daysOfMonth', 'to'], 'days of month: `to` before `from`', '每月缴费日：结束日早于开始日');
    if (Number(p.coverage.start.slice(0, 4)) !== p.coverageYear.year)
      issue(['coverageYear', 'year'], 'the coverage period does not start in the coverage year', '待遇享受期不在待遇年度内');
    if (p.id !== `${p.county.pinyin}-${p.coverageYear.year}`)
      issue(['id'], `id must be "${p.county.pinyin}-${p.coverageYear.year}"`, `id 应为 "${p.county.pinyin}-${p.coverageYear.year}"`);

    const seen = new Map<string, number>();
    p.categories.forEach((r, i) =>
      r.categories.forEach((c, j) => {
        if (seen.has(c)) issue(['categories', i, 'categories', j], `category ${c} has two rules`, `类别 ${c} 有两条规则`);
        seen.set(c, i);
      }),
    );
    if (!seen.has('ordinary')) issue(['categories'], 'no rule for ordinary residents', '缺少普通城乡居民的规则');
    const phases = new Set(p.collection.phases.map((x) => x.id));
    p.categories.forEach((r, i) => {
      const at = (...rest: (string | number)[]) => ['categories', i, ...rest];
      const k = r.subsidy.kind;
      if (k === 'unspecified' || k === 'none') {
        if (r.funders.length) issue(at('funders'), `a rule of kind "${k}" names no funder`, `“${k}”规则不应有资助来源`);
        if (r.mechanism) issue(at('mechanism'), `a rule of kind "${k}" has no mechanism`, `“${k}”规则不应有资助方式`);
        if (k === 'unspecified' && r.stated) issue(at('stated'), 'an unspecified rule states no result', '未明确的规则不应有结果数字');
      } else if (!r.mechanism) issue(at('mechanism'), 'a subsidy needs its mechanism, cited', '资助规则须注明资助方式及出处');
      if (r.categories.includes('ordinary') && r.exclusions)
        issue(at('exclusions'), 'the ordinary rule has no exclusions', '普通城乡居民规则不应有排除条件');
      r.preconditions?.forEach((c, j) => {
        if (c.kind === 'paid-within-phase' && !phases.has(c.phase))
          issue(at('preconditions', j, 'phase'), `unknown phase "${c.phase}"`, `未定义的阶段 “${c.phase}”`);
      });
    });
    const rr = p.rounding;
    if (!rr.cite && !rr.assumption) issue(['rounding'], 'rounding needs a citation or a stated assumption', '取整规则须注明出处或假设');
    const cb = p.combination;
    if (!cb.cite && !cb.assumption) issue(['combination'], 'the combination rule needs a citation or a stated assumption', '多重身份规则须注明出处或假设');
    p.tables.forEach((t, i) => {
      if (t.total.length !== t.columns.length) issue(['tables', i, 'total'], 'total has the wrong number of columns', '合计列数不符');
      t.rows.forEach((r, j) => {
        if (r.values.length !== t.columns.length) issue(['tables', i, 'rows', j, 'values'], 'row has the wrong number of columns', '行的列数不符');
      });
    });
  });

/** A policy as written by its author (JSON or a TypeScript object literal). */
export type PolicyInput = z.input<typeof PolicySchema>;
/** A validated policy's data. */
export type PolicyData = z.output<typeof PolicySchema>;
/** A citation. */
export type Citation = z.output<typeof CitationSchema>;
/** One category's rule. */
export type CategoryRule = z.output<typeof CategoryRuleSchema>;
/** A subsidy rule. */
export type SubsidyRule = z.output<typeof SubsidyRuleSchema>;
/** A precondition. */
export type Precondition = z.output<typeof PreconditionSchema>;
/** A funder reference. */
export type FunderRef = z.output<typeof FunderRefSchema>;
/** A table of an attachment. */
export type PolicyTable = z.output<typeof TableSchema>;
