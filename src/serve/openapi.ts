/**
 * The OpenAPI 3.1 document of the service, generated from the library's zod
 * schemas with zod 4's `z.toJSONSchema` (the quote input, the quote result,
 * the policy), every field described in Chinese and English, with examples
 * computed from the built-in notices and the error shape.
 *
 * @module
 */
import { z } from 'zod';
import { quoteStrings as quote } from '../quote.js';
import { QuoteInputSchema } from '../quote-input-schema.js';
import { QuoteResultSchema } from '../quote-result-schema.js';
import { BUILTIN_POLICIES, type PolicyRegistry } from '../registry.js';
import { PolicySchema } from '../schema.js';
import { CompactQuoteSchema } from './compact.js';
import { ALL_ERROR_CODES } from './errors.js';
import type { QuoteLimits } from './quotes.js';
import { CSV, OUTPUT_TYPES, XLSX } from './roster.js';

const d = (zh: string, en: string) => `${zh} / ${en}`;
const I = QuoteInputSchema.shape;

/** The quote input, as `quote()` takes it, described. */
export const QuoteInputDoc = z
  .strictObject({
    county: I.county.describe(d('县：全称、简称、拼音或区划代码，如 岢岚县、岢岚、kelan、140929', 'county: full or short Chinese name, pinyin or GB/T 2260 code, e.g. 岢岚县, 岢岚, kelan, 140929')),
    coverageYear: I.coverageYear.describe(d('待遇年度（缴费所购买的年度）', 'coverage year: the year the contribution buys')),
    categories: I.categories.describe(d('身份类别：代码或中文名称；缺省或空为普通城乡居民', 'hardship categories: codes or Chinese names; absent or empty: an ordinary resident')),
    paidOn: I.paidOn.describe(d('缴费日期（中国民用日期 YYYY-MM-DD）', 'payment date (civil date in China, YYYY-MM-DD)')),
    birthDate: I.birthDate.describe(d('出生日期（YYYY-MM-DD），用于新生儿规则', 'birth date (YYYY-MM-DD), for the newborn rules')),
  })
  .describe(d('一位居民的计算输入，与库的 quote() 相同', 'the input for one resident, the same as the library’s quote()'));

const ErrorDetail = z
  .strictObject({
    code: z.enum(ALL_ERROR_CODES).describe(d('稳定的错误代码', 'stable error code')),
    zh: z.string().describe(d('中文说明', 'the message in Chinese')),
    en: z.string().describe(d('英文说明', 'the message in English')),
    path: z.array(z.union([z.string(), z.int()])).describe(d('出错字段的路径（对象键与数组下标）', 'the path of the offending field (keys and indices)')),
  })
  .describe(d('一个错误', 'one error'));

const ErrorResponse = z.strictObject({ error: ErrorDetail }).describe(d('错误响应（从不含堆栈）', 'an error response (never a stack trace)'));

const BatchItem = z
  .union([
    z.strictObject({ ok: z.literal(true).describe(d('已计算', 'computed')), quote: QuoteResultSchema }),
    z.strictObject({ ok: z.literal(false).describe(d('该项有错误', 'this item has an error')), error: ErrorDetail }),
  ])
  .describe(d('批量中的一项：结果或错误；一项出错不影响其他项', 'one item of a batch: a result or an error; one bad item never fails the others'));

const CompactBatchItem = z
  .union([
    z.strictObject({ ok: z.literal(true).describe(d('已计算', 'computed')), quote: CompactQuoteSchema }),
    z.strictObject({ ok: z.literal(false).describe(d('该项有错误', 'this item has an error')), error: ErrorDetail }),
  ])
  .describe(d('精简批量中的一项：精简结果或错误（与 BatchItem 的错误相同）', 'one item of a compact batch: a compact quote or an error (the same error as in BatchItem)'));

const PolicySummary = z
  .strictObject({
    id: z.string().describe(d('政策编号', 'policy id')),
    county: z.string().describe(d('县全称', 'county, full Chinese name')),
    pinyin: z.string().describe(d('县名拼音', 'county in pinyin')),
    code: z.string().describe(d('行政区划代码（GB/T 2260）', 'GB/T 2260 county code')),
    coverageYear: z.int().describe(d('待遇年度', 'coverage year')),
    collectionYear: z.int().describe(d('征缴年度', 'collection year')),
    document: z.string().describe(d('文号', 'document number')),
    issuedOn: z.string().describe(d('发文日期 YYYY-MM-DD', 'date of issue, YYYY-MM-DD')),
    standard: z.string().describe(d('个人缴费标准（元）', 'standard individual contribution (yuan)')),
  })
  .describe(d('一项政策的概要', 'one policy in one line'));

const Health = z.strictObject({ status: z.literal('ok').describe(d('进程存活', 'the process is alive')) });
const Ready = z.strictObject({
  status: z.literal('ready').describe(d('政策已加载，可以服务', 'policies loaded, serving')),
  policies: z.int().describe(d('已加载的政策数', 'number of policies loaded')),
});

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** The components' schemas, from zod. */
function componentSchemas(): Record<string, unknown> {
  const reg = z.registry<{ id: string }>();
  reg.add(QuoteInputDoc, { id: 'QuoteInput' });
  reg.add(QuoteResultSchema, { id: 'Quote' });
  reg.add(ErrorDetail, { id: 'ErrorDetail' });
  reg.add(ErrorResponse, { id: 'Error' });
  reg.add(BatchItem, { id: 'BatchItem' });
  reg.add(CompactQuoteSchema, { id: 'CompactQuote' });
  reg.add(CompactBatchItem, { id: 'CompactBatchItem' });
  reg.add(PolicySummary, { id: 'PolicySummary' });
  reg.add(PolicySchema, { id: 'Policy' });
  reg.add(Health, { id: 'Health' });
  reg.add(Ready, { id: 'Ready' });
  const { schemas } = z.toJSONSchema(reg, { target: 'draft-2020-12', io: 'output', uri: (id) => `#/components/schemas/${id}` });
  const out: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(schemas)) {
    const { $schema: _, $id: __, ...rest } = s as Record<string, unknown>;
    out[id] = rest;
  }
  return out;
}

/** One example per built-in notice: its first category by its Chinese name, paid on the first day of its window. */
function examples() {
  const ins: Record<string, { summary: string; value: Record<string, unknown> }> = {};
  const outs: Record<string, { summary: string; value: unknown }> = {};
  for (const p of BUILTIN_POLICIES) {
    const rule = p.categories.find((r) => !r.categories.includes('ordinary')) ?? p.categories[0]!;
    const paidOn = p.collection?.start.date;
    const value = { county: p.county.name, coverageYear: p.coverageYear.year, categories: [rule.names[0]!], ...(paidOn ? { paidOn } : {}) };
    const summary = `${p.county.name} ${p.coverageYear.year} ${rule.names[0]} (${p.document.number})`;
    ins[p.id] = { summary, value };
    outs[p.id] = { summary, value: quote(value) };
  }
  return { ins, outs };
}

const json = (schema: unknown, extra: Record<string, unknown> = {}) => ({ 'application/json': { schema, ...extra } });
const err = (zh: string, en: string) => ({ description: d(zh, en), content: json(ref('Error')) });

/** The document for a service with this registry and these settings. */
export function openApiDocument(o: { registry: PolicyRegistry; token: boolean; limits: QuoteLimits & { maxUpload: number } }): Record<string, unknown> {
  const { ins, outs } = examples();
  const firstId = o.registry.list()[0]?.id ?? 'kelan-2022';
  const common = { '405': err('方法不允许', 'method not allowed'), '500': err('意外错误（响应只含错误编号，详情见服务日志）', 'unexpected error (the body has an error id; details are in the service log)') };
  const v1 = o.token ? { '401': err('需要访问令牌（Authorization: Bearer …）', 'a token is required (Authorization: Bearer …)') } : {};
  const bad = err('输入有误', 'bad input');
  const tooLarge = err('请求体过大', 'the body is too large');
  const media = err('内容类型不支持', 'unsupported content type');
  const batchPath = (operationId: string, item: string, summary: string, what: string) => ({
    post: {
      operationId,
      summary,
      description: `${what} ${d(
        `application/json：输入数组，最多 ${o.limits.maxItems} 项、${o.limits.maxBody} 字节，返回同样长度的数组。application/x-ndjson：每行一个输入（空行跳过，每行最多 ${o.limits.maxLine} 字节），流式返回，每行一项，顺序相同。`,
        `application/json: an array of at most ${o.limits.maxItems} inputs and ${o.limits.maxBody} bytes; answered with an array of the same length. application/x-ndjson: one input a line (empty lines skipped, at most ${o.limits.maxLine} bytes a line), streamed back one item a line, in order.`,
      )}`,
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'array', maxItems: o.limits.maxItems, items: ref('QuoteInput') }, example: Object.values(ins).map((e) => e.value) },
          'application/x-ndjson': { schema: { type: 'string', description: d('每行一个 QuoteInput JSON', 'one QuoteInput JSON a line') } },
        },
      },
      responses: {
        '200': {
          description: d('每个输入一项，顺序相同', 'one item per input, in order'),
          content: {
            'application/json': { schema: { type: 'array', items: ref(item) } },
            'application/x-ndjson': { schema: { type: 'string', description: d(`每行一个 ${item} JSON`, `one ${item} JSON a line`) } },
          },
        },
        '400': bad,
        ...v1,
        '413': err('请求体过大或项数超过上限', 'the body is too large or has too many items'),
        '415': media,
        ...common,
      },
    },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'yibao-rules',
      version: String(process.env.npm_package_version ?? '0.1.0'),
      description: d(
        '城乡居民基本医疗保险缴费计算服务：与库的 quote() 相同的引擎与 JSON。金额为元（两位小数的字符串），日期为 YYYY-MM-DD。',
        'Resident medical insurance contributions: the same engine and JSON as the library’s quote(). Money as yuan strings with two decimals, dates as YYYY-MM-DD.',
      ),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    ...(o.token ? { security: [{ bearer: [] }] } : {}),
    paths: {
      '/v1/quote': {
        post: {
          operationId: 'quote',
          summary: d('计算一位居民', 'quote one resident'),
          requestBody: { required: true, content: json(ref('QuoteInput'), { examples: ins }) },
          responses: {
            '200': { description: d('计算结果', 'the quote'), content: json(ref('Quote'), { examples: outs }) },
            '400': bad,
            ...v1,
            '404': err('未知的县或年度', 'unknown county or coverage year'),
            '413': tooLarge,
            '415': media,
            ...common,
          },
        },
      },
      '/v1/quotes': batchPath('quoteBatch', 'BatchItem', d('批量计算', 'quote many residents'), d('每项为完整结果（与 /v1/quote 相同）。', 'Each item carries the full quote (as /v1/quote).')),
      '/v1/quotes/compact': batchPath(
        'quoteBatchCompact',
        'CompactBatchItem',
        d('批量计算（精简结果）', 'quote many residents, compact answers'),
        d(
          '与 /v1/quotes 相同，但每项为精简结果（CompactQuote）：完整结果的 policyId、status、各金额、mechanism、funders、appliedCategory、window、coverage 原样照搬，warnings 只保留代码；不含名称、说明与条款。适合大批量后台处理。',
          'As /v1/quotes, but each item carries the compact answer (CompactQuote): the full quote’s policyId, status, amounts, mechanism, funders, appliedCategory, window and coverage unchanged, and its warnings’ codes; no display names, explanations or clauses. For bulk work in backends.',
        ),
      ),
      '/v1/roster': {
        post: {
          operationId: 'roster',
          summary: d('计算花名册（与命令行 roster 相同的输出文件）', 'compute a roster (the same output file as the CLI’s roster)'),
          parameters: [
            { name: 'county', in: 'query', required: false, schema: { type: 'string' }, description: d('表中无“县”列时使用', 'county for rows without one') },
            { name: 'year', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{4}$' }, description: d('表中无“待遇年度”列时使用', 'coverage year for rows without one') },
            { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['zh', 'en'], default: 'zh' }, description: d('输出语言', 'language of the output') },
            { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: Object.keys(OUTPUT_TYPES), default: 'csv' }, description: d('输出文件格式', 'format of the output file') },
          ],
          requestBody: {
            required: true,
            description: d(`花名册文件，最多 ${o.limits.maxUpload} 字节`, `the roster file, at most ${o.limits.maxUpload} bytes`),
            content: { [CSV]: { schema: { type: 'string', contentMediaType: CSV } }, [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } },
          },
          responses: {
            '200': {
              description: d('输出文件（与命令行写出的字节相同）；汇总见 X-Yibao-Summary', 'the output file (the bytes the CLI writes); the summary is in X-Yibao-Summary'),
              headers: {
                'X-Yibao-Summary': {
                  required: true,
                  description: d('汇总（与命令行 --json 相同，不含 output），JSON，非 ASCII 字符以 \\u 转义', 'the summary (as the CLI’s --json, without output), JSON with non-ASCII characters \\u-escaped'),
                  schema: { type: 'string' },
                },
              },
              content: Object.fromEntries(Object.values(OUTPUT_TYPES).map((t) => [t.split(';')[0]!, { schema: { type: 'string' } }])),
            },
            '400': err('文件无法使用或参数有误', 'unusable file or bad parameter'),
            ...v1,
            '404': err('未知的县或年度', 'unknown county or coverage year'),
            '413': tooLarge,
            '415': media,
            ...common,
          },
        },
      },
      '/v1/policies': {
        get: {
          operationId: 'listPolicies',
          summary: d('已加载的政策', 'the policies loaded'),
          responses: { '200': { description: d('政策列表', 'the policies'), content: json({ type: 'array', items: ref('PolicySummary') }) }, ...v1, ...common },
        },
      },
      '/v1/policies/{id}': {
        get: {
          operationId: 'getPolicy',
          summary: d('一项政策（可作为 --policy 文件）', 'one policy (usable as a --policy file)'),
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: firstId, description: d('政策编号', 'policy id') }],
          responses: { '200': { description: d('政策', 'the policy'), content: json(ref('Policy')) }, ...v1, '404': err('没有这项政策', 'no such policy'), ...common },
        },
      },
      '/openapi.json': {
        get: { operationId: 'openapi', summary: d('本文档', 'this document'), security: [], responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) }, ...common } },
      },
      '/openapi-3.0.json': {
        get: {
          operationId: 'openapi30',
          summary: d('本文档的 OpenAPI 3.0.3 版本（供只读 3.0 的客户端生成器使用）', 'this document as OpenAPI 3.0.3 (for client generators that read 3.0 only)'),
          security: [],
          responses: { '200': { description: 'OpenAPI 3.0.3', content: json({ type: 'object' }) }, ...common },
        },
      },
      '/healthz': {
        get: { operationId: 'healthz', summary: d('进程存活', 'liveness'), security: [], responses: { '200': { description: 'ok', content: json(ref('Health')) }, ...common } },
      },
      '/readyz': {
        get: {
          operationId: 'readyz',
          summary: d('就绪（政策已加载）', 'readiness (policies loaded)'),
          security: [],
          responses: { '200': { description: 'ready', content: json(ref('Ready')) }, '503': err('正在停止', 'shutting down'), ...common },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      ...(o.token ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: d('--token-file 中的令牌', 'the token of --token-file') } } } : {}),
    },
  };
}
