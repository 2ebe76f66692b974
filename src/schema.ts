/**
 * The policy model: a zod schema that can state everything a county's resident
 * medical insurance notice says, and the TypeScript types inferred from it.
 *
 * Design (issue 9: an open model in which nothing has to be invented):
 *
 * - Three kinds of fact. A *cited* fact carries a {@link Citation} (clause +
 *   verbatim quote). An *inferred* fact carries `inferred: { reasoning, basis? }`
 *   instead of (or beside) a citation: a value the author derived ("2023年度" →
 *   coverage 2023-01-01..12-31). A *not stated* fact is simply absent; the
 *   optional facts are `collection`, `coverage`, `standard`, `document.number`,
 *   `document.issuer`, `document.issuedOn`, a rule's `mechanism` and its
 *   funders, `proofOfPayment`… `notStated: [{ fact, note? }]` may say why.
 *   `policyGaps(policy)` lists both kinds.
 * - The policy owns its words. Category ids are strings. The ten shared codes
 *   of `CATEGORY_CODES` are every policy's categories 0–9 (bit i of a set);
 *   a notice's own categories (见义勇为者, 农村一、二类低保…) are declared in
 *   `categoryDefinitions` with their names, an optional `standardCode` linking
 *   them to a shared code for cross-county totals and an optional `classOf`
 *   (a tier of another category); they take bits 10–29 (at most 20, else
 *   `policy_too_large`). Names resolve only from this policy: its rules'
 *   `names`, its definitions' `names`, its `groups`, the ids, the English names
 *   of the shared codes, and the one documented table of short forms
 *   (`SHORT_FORMS` in vocabulary.ts) where the full name is this notice's.
 * - Funders are ids: the shared `FUNDER_CODES` or the policy's own
 *   `funderDefinitions` (财政 with a `level`, 政府…). A rule's funders combine
 *   `all-of` (default; `amount`/`share` where given, `covers-shortfall`) or
 *   `one-of` ("或": either, the notice does not say which).
 * - Windows: `collection` (absent: not stated → `window.open: null`), its
 *   `specialWindows`: the newborn window (months, or deferred with its clause,
 *   and what happens when late) and `extension`s for named categories.
 * - Everything else a notice states is recorded with its clause: eligibility,
 *   conditions a quote reports as assumptions (`preconditions` of kind
 *   `condition`), the certifying department of a category, refunds, group
 *   deadlines, channels, the proof rule, the public subsidy by level.
 *
 * @module
 */
import { z } from 'zod';
import { parseCivilDate } from './civil-date.js';
import { MONEY_PATTERN, RATE_PATTERN, ROUNDING_MODES } from './money.js';
import { CATEGORY_CODES, FUNDER_CODES, MAX_CONDITIONS, MAX_OWN_CATEGORIES, MECHANISM_CODES } from './vocabulary.js';

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

const Id = z.string().regex(/^[a-z][a-z0-9-]*$/);
const Category = Id.describe('类别 id：共享代码（CATEGORY_CODES）或本政策 categoryDefinitions 中声明的 id / A category id: a shared code (CATEGORY_CODES) or an id declared in categoryDefinitions.');
const Funder = Id.describe('资金来源 id：共享代码（FUNDER_CODES）或本政策 funderDefinitions 中声明的 id / A funder id: a shared code (FUNDER_CODES) or one declared in funderDefinitions.');
const Mechanism = z.enum(MECHANISM_CODES).describe('资助方式代码 / A mechanism code.');

/** A value the author derived, not stated by the notice: the reasoning, and the clauses it rests on. */
export const InferenceSchema = z
  .strictObject({
    reasoning: z.string().min(1).describe('推断理由 / How the value was derived, e.g. "“2023年度”即 2023-01-01 至 2023-12-31".'),
    basis: z.array(CitationSchema).optional().describe('推断依据的条款原文 / The clauses the inference rests on, quoted.'),
  })
  .describe('推断而非通知明文的值 / A value inferred by the author, not stated by the notice.');
const inferred = InferenceSchema.optional();
const Year = z.int().min(2000).max(2100);
const Region = z.strictObject({ name: z.string().min(1), code: z.string().regex(/^\d{6}$/) });

/** The county the notice governs. */
export const CountySchema = z.strictObject({
  name: z.string().min(1).describe('Full Chinese name, e.g. 岢岚县.'),
  shortName: z.string().min(1).describe('Name without the suffix, e.g. 岢岚.'),
  pinyin: z.string().regex(/^[a-z]+$/).describe('Lower-case pinyin, e.g. kelan.'),
  code: z.string().regex(/^\d{6}$/).optional().describe('GB/T 2260 administrative division code; absent when the text does not name the county.'),
  prefecture: Region.optional().describe('The prefecture; absent when not stated.'),
  province: Region.optional().describe('The province; absent when not stated.'),
  cite,
  codeSource: z.string().min(1).describe('Where the codes come from, e.g. "GB/T 2260".'),
});

/** The notice as a document. */
export const DocumentSchema = z.strictObject({
  number: z.string().min(1).optional().describe('文号（通知未写明时省略）/ Document number, e.g. 岢政办发〔2021〕67号; absent when not stated.'),
  title: z.string().min(1).describe('标题 / Title.'),
  issuer: z.string().min(1).optional().describe('发文机关（未写明时省略）/ Issuer; absent when not stated.'),
  issuedOn: CivilDateSchema.optional().describe('成文或印发日期（未写明时省略）/ Date of issue; absent when not stated.'),
  issuedOnCite: cite.optional().describe('日期所在之处（落款、印发）/ Where the date stands (落款, 印发).'),
  cite: cite.optional().describe('文号或标题所在之处 / Where the number or title stands.'),
  transcriptionNotes: z.array(z.string().min(1)).optional().describe('Known defects of the transcription.'),
});

const DatedSchema = z.strictObject({ date: CivilDateSchema, cite: cite.optional(), inferred });

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
      z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('newborn'),
          withinMonthsOfBirth: z.int().min(1).max(24).optional().describe('出生后几个月内（通知“按规定”时省略）/ Months after birth; absent where the notice defers.'),
          coverage: z.literal('current-year').optional().describe('参保后享受当年度待遇 / Covered for the current year once enrolled.'),
          late: z.literal('refused').optional().describe('逾期不予办理 / A late enrolment is refused.'),
          cite,
        }),
        z.strictObject({
          kind: z.literal('extension'),
          categories: z.array(Category).min(1).describe('适用的类别 / The categories the extension is for.'),
          until: CivilDateSchema.describe('延长至 / The last day of the extension.'),
          cite,
        }),
      ]),
    )
    .describe('征缴期外的特殊窗口：新生儿、特定人群延长 / Windows outside the collection period: newborns, extensions for named groups.'),
});

/** How a category's subsidy is determined. */
export const SubsidyRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none'), cite }).describe('No subsidy: the person pays the standard.'),
  z.strictObject({ kind: z.literal('full'), cite }).describe('The whole standard is subsidised.'),
  z
    .strictObject({ kind: z.literal('percentage'), rate: RateSchema, floor: MoneySchema.optional(), cap: MoneySchema.optional(), cite })
    .describe('按比例：比例 × 标准，不低于 floor，不高于 cap 与标准 / rate × standard, at least `floor`, at most `cap` and the standard.'),
  z.strictObject({ kind: z.literal('fixed'), amount: MoneySchema, cite }).describe('A fixed amount, at most the standard.'),
  z
    .strictObject({ kind: z.literal('unspecified'), cite })
    .describe('The notice defers ("继续执行原有的参保资助政策", "按相关政策规定执行"): no figure.'),
]);

/** A body that funds the subsidy, and its role. */
export const FunderRefSchema = z.strictObject({
  funder: Funder,
  role: z.enum(['pays', 'covers-shortfall']).describe('出资或兜底不足部分 / `covers-shortfall`: pays what the others do not ("不足部分").'),
  amount: MoneySchema.optional().describe('该来源承担的金额（通知写明时）/ The amount this funder pays, where stated.'),
  share: RateSchema.optional().describe('该来源承担的比例（通知写明时）/ The share this funder pays, where stated.'),
  cite,
});

/** A funder the policy declares (beyond the shared codes). */
export const FunderDefinitionSchema = z.strictObject({
  id: Id.describe('本政策内的资金来源 id / The funder id within this policy.'),
  name: BilingualSchema.describe('名称 / Display name.'),
  level: z
    .enum(['central', 'provincial', 'prefectural', 'county', 'township', 'not-stated'])
    .optional()
    .describe('政府层级（“财政”未写明层级时为 not-stated）/ Government level; `not-stated` for a bare 财政.'),
  cite,
});

/** A category the policy declares: its id, the names the notice uses, an optional link to a shared code. */
export const CategoryDefinitionSchema = z.strictObject({
  id: Category,
  names: z.array(z.string().min(1)).describe('通知对该类别使用的名称（可作为输入）/ The names the notice uses; accepted as input.'),
  name: BilingualSchema.optional().describe('显示名称（默认为 names[0]）/ Display name (default: names[0]).'),
  standardCode: z.enum(CATEGORY_CODES).optional().describe('对应的共享类别代码，用于跨县汇总 / The shared code it corresponds to, for cross-county totals.'),
  classOf: Category.optional().describe('为某类别中的一档（如农村一、二类低保）/ A tier or class of another category.'),
  certifiedBy: z
    .strictObject({ department: z.string().min(1), cite })
    .optional()
    .describe('认定部门 / The department that certifies the category.'),
  cite: cite.optional().describe('通知提及该类别之处（无资助规则时必填）/ Where the notice names it (required when no rule covers it).'),
});

/** A condition the subsidy depends on. */
export const PreconditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('individual-part-paid-first'), cite }),
  z.strictObject({ kind: z.literal('paid-within-phase'), phase: z.string().min(1), cite }),
  z.strictObject({ kind: z.literal('enrolled-where-certified'), cite }),
  z
    .strictObject({ kind: z.literal('condition'), text: BilingualSchema, cite })
    .describe('本库无法核实、报价时列为假设的条件（户籍、认定地、动态新增、比对去重…）/ A condition a quote reports as an assumption it cannot check.'),
]);

/** One category's rule, as one clause of the notice states it. */
export const CategoryRuleSchema = z.strictObject({
  categories: z.array(Category).min(1).describe('The categories this clause governs.'),
  names: z.array(z.string().min(1)).min(1).describe('The words the notice uses for them; accepted as input.'),
  subsidy: SubsidyRuleSchema,
  funders: z.array(FunderRefSchema).describe('资金来源；通知未写明时为空 / Who funds the subsidy; empty where the notice names no fund.'),
  funding: z
    .enum(['all-of', 'one-of'])
    .optional()
    .describe('all-of：共同负担（默认）；one-of：“或”，通知未说明哪一方 / `all-of` (default): together; `one-of` ("或"): either, the notice does not say which.'),
  mechanism: z
    .strictObject({
      kind: Mechanism,
      hedge: z.string().min(1).optional().describe('通知的限定语，如“一般” / The notice\'s hedge, e.g. 一般.'),
      cite: cite.optional(),
      inferred,
    })
    .optional()
    .describe('资助方式（未写明时省略）/ How the subsidy reaches the contribution; absent when not stated.'),
  mechanismVariants: z
    .array(z.strictObject({ paidBefore: CivilDateSchema, kind: Mechanism, cite, inferred: inferred.describe('截止日期为推断时 / When the cutoff date is an inference.') }))
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
    coverageYear: z.strictObject({ year: Year, cite: cite.optional(), inferred }).describe('待遇年度 / The year the contribution buys.'),
    collectionYear: z.strictObject({ year: Year, cite: cite.optional(), inferred }).optional().describe('征缴年度（未写明时省略）/ The year in which the contribution is collected.'),
    coverage: z
      .strictObject({ start: CivilDateSchema, end: CivilDateSchema, cite: cite.optional(), inferred })
      .optional()
      .describe('待遇享受期（未写明时省略）/ The coverage period; absent when not stated.'),
    collection: CollectionSchema.optional().describe('征缴期（未写明时省略：报价的 window.open 为 null）/ The collection window; absent when not stated (quotes give window.open null).'),
    standard: z
      .strictObject({ amount: MoneySchema, cite: cite.optional(), inferred })
      .optional()
      .describe('个人缴费标准（未写明时省略）/ The individual contribution; absent when not stated.'),
    categoryDefinitions: z
      .array(CategoryDefinitionSchema)
      .optional()
      .describe('本通知自己的类别（共享代码以外的，或为共享代码补充名称、认定部门）/ The notice\'s own categories, or names and certifying departments for shared codes.'),
    funderDefinitions: z.array(FunderDefinitionSchema).optional().describe('本通知的资金来源 / The notice\'s own funders.'),
    eligibility: z
      .array(z.strictObject({ text: BilingualSchema, cite }))
      .optional()
      .describe('参保范围 / Who may enrol.'),
    refunds: z
      .array(z.strictObject({ text: BilingualSchema, cite }))
      .optional()
      .describe('退费规定 / Refund rules.'),
    publicSubsidy: z
      .strictObject({
        total: z.strictObject({ amount: MoneySchema, cite }),
        parts: z.array(z.strictObject({ level: z.enum(['central', 'provincial', 'prefectural', 'county']), amount: MoneySchema, cite })).min(1),
      })
      .optional()
      .describe('财政补助按政府层级分担，审计其合计 / The public subsidy split by level; the audit checks the parts add up.'),
    notStated: z
      .array(z.strictObject({ fact: z.string().min(1), note: z.string().min(1).optional() }))
      .optional()
      .describe('通知未写明的事项及说明 / Facts the notice does not state, with an optional note.'),
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
        z.strictObject({
          status: z.literal('silent'),
          mayBeCoveredBy: cite.optional().describe('可能涵盖其他困难群众的开放式条款（“……等困难群众”）/ An open-ended clause ("…等困难群众") that may cover others.'),
        }),
        z.strictObject({ status: z.literal('unspecified'), cite }),
      ])
      .describe('Categories no rule names: the notice is silent, or defers for all of them.'),
    proofOfPayment: z
      .strictObject({ workingDays: z.int().min(1).max(60), cite })
      .optional()
      .describe('缴费证明：缴费成功若干个工作日后可打印 / Proof of payment: available after so many working days.'),
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
    const sourced = (path: (string | number)[], v: { cite?: unknown; inferred?: unknown } | undefined) => {
      if (v && !v.cite && !v.inferred) issue([...path, 'cite'], 'needs a citation (cite) or an inference (inferred)', '须注明出处（cite）或推断理由（inferred）', 'missing_field');
    };
    sourced(['coverageYear'], p.coverageYear);
    sourced(['collectionYear'], p.collectionYear);
    sourced(['coverage'], p.coverage);
    sourced(['standard'], p.standard);
    if (p.coverage) {
      order(['coverage', 'end'], p.coverage.start, p.coverage.end);
      if (Number(p.coverage.start.slice(0, 4)) !== p.coverageYear.year)
        issue(['coverageYear', 'year'], 'the coverage period does not start in the coverage year', '待遇享受期不在待遇年度内');
    }
    const c = p.collection;
    if (c) {
      sourced(['collection', 'start'], c.start);
      sourced(['collection', 'end'], c.end);
      order(['collection', 'end', 'date'], c.start.date, c.end.date);
      c.suspensions.forEach((s, i) => order(['collection', 'suspensions', i, 'resumesOn'], s.from, s.resumesOn, true));
      c.phases.forEach((s, i) => order(['collection', 'phases', i, 'end'], s.start, s.end));
      const dom = c.daysOfMonth;
      if (dom && dom.from > dom.to) issue(['collection', 'daysOfMonth', 'to'], 'days of month: `to` before `from`', '每月缴费日：结束日早于开始日');
      c.specialWindows.forEach((w, i) => {
        if (w.kind === 'extension' && !(d(w.until) > d(c.end.date)))
          issue(['collection', 'specialWindows', i, 'until'], 'an extension must end after the window', '延长期须晚于征缴期截止日');
      });
      if (c.specialWindows.filter((w) => w.kind === 'newborn').length > 1)
        issue(['collection', 'specialWindows'], 'at most one newborn window', '新生儿窗口至多一个');
    }
    if (p.id !== `${p.county.pinyin}-${p.coverageYear.year}`)
      issue(['id'], `id must be "${p.county.pinyin}-${p.coverageYear.year}"`, `id 应为 "${p.county.pinyin}-${p.coverageYear.year}"`);

    // Category ids: the shared codes and the policy's own.
    const shared = new Set<string>(CATEGORY_CODES);
    const known = new Set<string>(CATEGORY_CODES);
    let own = 0;
    (p.categoryDefinitions ?? []).forEach((def, i) => {
      if (known.has(def.id) && !shared.has(def.id)) issue(['categoryDefinitions', i, 'id'], `category ${def.id} is declared twice`, `类别 ${def.id} 重复声明`);
      if (!shared.has(def.id)) own++;
      known.add(def.id);
      if (def.standardCode && shared.has(def.id) && def.standardCode !== def.id)
        issue(['categoryDefinitions', i, 'standardCode'], 'a shared code links to itself only', '共享代码只能对应其自身');
    });
    if (own > MAX_OWN_CATEGORIES)
      issue(['categoryDefinitions'], `at most ${MAX_OWN_CATEGORIES} categories of the policy's own (besides the ${CATEGORY_CODES.length} shared codes)`, `本政策自有类别至多 ${MAX_OWN_CATEGORIES} 个（另有 ${CATEGORY_CODES.length} 个共享代码）`, 'policy_too_large');
    const cat = (path: (string | number)[], id: string) => {
      if (!known.has(id)) issue(path, `unknown category "${id}": not a shared code nor declared in categoryDefinitions`, `未知的类别 “${id}”：既非共享代码，也未在 categoryDefinitions 中声明`, 'unknown_category');
    };
    (p.categoryDefinitions ?? []).forEach((def, i) => def.classOf !== undefined && cat(['categoryDefinitions', i, 'classOf'], def.classOf));
    p.groups.forEach((g, i) => g.members.forEach((m, j) => cat(['groups', i, 'members', j], m)));
    c?.deadlines.forEach((dl, i) => dl.categories?.forEach((m, j) => cat(['collection', 'deadlines', i, 'categories', j], m)));
    c?.specialWindows.forEach((w, i) => w.kind === 'extension' && w.categories.forEach((m, j) => cat(['collection', 'specialWindows', i, 'categories', j], m)));
    const funders = new Set<string>(FUNDER_CODES);
    (p.funderDefinitions ?? []).forEach((f, i) => {
      if (funders.has(f.id)) issue(['funderDefinitions', i, 'id'], `funder ${f.id} is declared twice or is a shared code`, `资金来源 ${f.id} 重复声明或与共享代码相同`);
      funders.add(f.id);
    });

    const seen = new Map<string, number>();
    p.categories.forEach((r, i) =>
      r.categories.forEach((id, j) => {
        cat(['categories', i, 'categories', j], id);
        if (seen.has(id)) issue(['categories', i, 'categories', j], `category ${id} has two rules`, `类别 ${id} 有两条规则`);
        seen.set(id, i);
      }),
    );
    if (!seen.has('ordinary')) issue(['categories'], 'no rule for ordinary residents', '缺少普通城乡居民的规则');
    (p.categoryDefinitions ?? []).forEach((def, i) => {
      if (!seen.has(def.id) && !def.cite)
        issue(['categoryDefinitions', i, 'cite'], 'a category no rule covers needs the clause that names it', '无资助规则的类别须注明通知提及之处', 'missing_field');
    });
    const phases = new Set((c?.phases ?? []).map((x) => x.id));
    p.categories.forEach((r, i) => {
      const at = (...rest: (string | number)[]) => ['categories', i, ...rest];
      const k = r.subsidy.kind;
      r.funders.forEach((f, j) => {
        if (!funders.has(f.funder))
          issue(at('funders', j, 'funder'), `unknown funder "${f.funder}": not a shared code nor declared in funderDefinitions`, `未知的资金来源 “${f.funder}”：既非共享代码，也未在 funderDefinitions 中声明`, 'unknown_funder');
      });
      if (r.funding === 'one-of' && r.funders.length < 2) issue(at('funding'), '"one-of" needs at least two funders', '“或”须至少两个资金来源');
      if (k === 'unspecified' || k === 'none') {
        if (r.funders.length) issue(at('funders'), `a rule of kind "${k}" names no funder`, `“${k}”规则不应有资助来源`);
        if (r.mechanism) issue(at('mechanism'), `a rule of kind "${k}" has no mechanism`, `“${k}”规则不应有资助方式`);
        if (k === 'unspecified' && r.stated) issue(at('stated'), 'an unspecified rule states no result', '未明确的规则不应有结果数字');
      }
      sourced(at('mechanism'), r.mechanism);
      if (r.categories.includes('ordinary') && r.exclusions)
        issue(at('exclusions'), 'the ordinary rule has no exclusions', '普通城乡居民规则不应有排除条件');
      r.exclusions?.categories.forEach((id, j) => cat(at('exclusions', 'categories', j), id));
      r.preconditions?.forEach((pc, j) => {
        if (pc.kind === 'paid-within-phase' && !phases.has(pc.phase))
          issue(at('preconditions', j, 'phase'), `unknown phase "${pc.phase}"`, `未定义的阶段 “${pc.phase}”`);
      });
      if (r.mechanismVariants?.length && !p.collection) issue(at('mechanismVariants'), 'a variant by payment date needs the collection window', '按缴费日期区分的资助方式须有征缴期');
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
    const absent: Record<string, boolean> = {
      'county.code': !p.county.code,
      'county.prefecture': !p.county.prefecture,
      'county.province': !p.county.province,
      collection: !p.collection,
      coverage: !p.coverage,
      standard: !p.standard,
      collectionYear: !p.collectionYear,
      'document.number': !p.document.number,
      'document.issuer': !p.document.issuer,
      'document.issuedOn': !p.document.issuedOn,
      proofOfPayment: !p.proofOfPayment,
    };
    (p.notStated ?? []).forEach((n, i) => {
      if (n.fact in absent && !absent[n.fact]) issue(['notStated', i, 'fact'], `"${n.fact}" is marked not stated but has a value`, `“${n.fact}”标为未写明，却有取值`);
    });
  });

export { MAX_CONDITIONS, MAX_OWN_CATEGORIES };

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
/** An inference: a value the author derived, with its reasoning. */
export type Inference = z.output<typeof InferenceSchema>;
/** A category the policy declares. */
export type CategoryDefinition = z.output<typeof CategoryDefinitionSchema>;
/** A funder the policy declares. */
export type FunderDefinition = z.output<typeof FunderDefinitionSchema>;
