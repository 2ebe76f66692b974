/**
 * `yibao-rules serve`, end to end: the built CLI started on a free port,
 * called with fetch. Every answer is checked against the library and against
 * the service's own OpenAPI document.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, QUOTE_LIMITS, quote, YibaoError } from '../../src/index.js';
import { quoteOrError } from '../../src/quote.js';
import { goldenFiles, ROOT } from '../helpers.js';

const CLI = join(ROOT, 'dist/cli.js');
const SAMPLE = join(ROOT, 'fixtures/rosters/sample.csv');
const dir = mkdtempSync(join(tmpdir(), 'yibao-serve-e2e-'));

interface Running {
  proc: ChildProcess;
  url: string;
  log: () => string[];
  exited: Promise<number | null>;
}

/** Starts the built CLI's `serve` on a free port and waits for its "listening" line. */
function start(args: string[] = [], env: Record<string, string> = {}): Promise<Running> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let err = '';
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (s: string) => {
      err += s;
      const m = /"url":"(http:\/\/[^"]+)"/.exec(err);
      if (m) resolve({ proc, url: m[1]!, log: () => err.trimEnd().split('\n'), exited });
    });
    proc.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}

// ------------------------------------------------------------------ inputs

const OK = { county: '岢岚', coverageYear: 2022 };
/** The inputs written in the library's acceptance tests (test/unit/quote.test.ts), as object literals. */
function acceptanceInputs(): unknown[] {
  const src = readFileSync(join(ROOT, 'test/unit/quote.test.ts'), 'utf8');
  const found = new Map<string, unknown>();
  for (const m of src.matchAll(/\{[^{}]*\b(?:county|\.\.\.ok)\b[^{}]*\}/g)) {
    if (m[0].includes('new ') || m[0].includes('p.county')) continue;
    try {
      const v = new Function('ok', 'c', `return (${m[0]});`)(OK, '岢岚') as unknown;
      found.set(JSON.stringify(v), v);
    } catch {
      /* not a literal */
    }
  }
  return [...found.values(), 'x', null, [], 42];
}
/** Every quote input of the golden fixtures, with its policy's county and year. */
function goldenInputs(): unknown[] {
  return goldenFiles().flatMap((f) => {
    const p = BUILTIN_POLICIES.find((x) => x.id === f.policy)!;
    return f.cases.filter((c) => c.quote_input).map((c) => ({ county: p.county.name, coverageYear: p.coverageYear.year, ...c.quote_input }));
  });
}
/** The library's answer as the service must give it. */
function expected(input: unknown): { status: number; body: unknown } {
  const r = quoteOrError(input);
  if (r instanceof YibaoError) return { status: r.code === 'unknown_county' || r.code === 'no_policy_for_year' ? 404 : 400, body: { error: { code: r.code, zh: r.zh, en: r.en, path: r.path } } };
  return { status: 200, body: JSON.parse(JSON.stringify(r)) };
}
const item = (input: unknown) => {
  const e = expected(input);
  return e.status === 200 ? { ok: true, quote: e.body } : { ok: false, error: (e.body as { error: unknown }).error };
};

// ------------------------------------------------------------------ the document and response checking

let doc: any;
/** Each server's document, by base URL, added to ajv as urn:yibao:<port>. */
const docs = new Map<string, { doc: any; id: string }>();
async function loadDoc(base: string) {
  const d = (await (await fetch(`${base}/openapi.json`)).json()) as any;
  const id = `urn:yibao:${new URL(base).port}`;
  ajv.addSchema({ ...d, $id: id });
  docs.set(base, { doc: d, id });
  return d;
}
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
let checked = 0;
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
/** Validates a JSON value against the document's schema for this operation, status and media type. */
function conforms(base: string, method: string, template: string, status: number, media: string, value: unknown) {
  const { doc, id } = docs.get(base)!;
  const op = doc.paths[template]?.[method.toLowerCase()];
  expect(op, `${method} ${template} is documented`).toBeTruthy();
  expect(op.responses[String(status)], `${method} ${template} documents ${status}`).toBeTruthy();
  const ptr = `${id}#/paths/${esc(template)}/${method.toLowerCase()}/responses/${status}/content/${esc(media)}/schema`;
  const resolved = op.responses[String(status)].content?.[media] ? ptr : undefined;
  expect(resolved, `${method} ${template} ${status} documents ${media}`).toBeTruthy();
  const v = ajv.getSchema(ptr) ?? ajv.compile({ $ref: ptr });
  const ok = v(value);
  expect(ok, `${method} ${template} ${status}: ${JSON.stringify(v.errors?.slice(0, 3))}`).toBe(true);
  checked++;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}
/** Calls the service and checks the answer against the document (when the route is documented). */
async function call(base: string, method: string, path: string, body?: RequestInit["body"], headers: Record<string, string> = {}, template?: string): Promise<Answer> {
  const res = await fetch(base + path, { method, body, headers });
  const text = await res.text();
  const media = (res.headers.get('content-type') ?? '').split(';')[0]!;
  let json: any;
  if (media === 'application/json') json = JSON.parse(text);
  if (res.status >= 400) {
    expect(Object.keys(json.error).sort()).toEqual(['code', 'en', 'path', 'zh']);
    expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/); // never a stack
  }
  const t = template ?? path.split('?')[0]!;
  const doc = docs.get(base)?.doc;
  if (doc?.paths[t] && doc.paths[t][method.toLowerCase()]) {
    if (media === 'application/json') conforms(base, method, t, res.status, media, json);
    else if (media === 'application/x-ndjson')
      for (const line of text.trimEnd().split('\n')) ajv.validate({ $ref: `${docs.get(base)!.id}#/components/schemas/BatchItem` }, JSON.parse(line)) || expect.fail(JSON.stringify(ajv.errors));
  }
  return { status: res.status, headers: res.headers, text, json };
}
const post = (base: string, path: string, body: unknown, type = 'application/json', headers: Record<string, string> = {}) =>
  call(base, 'POST', path, typeof body === 'string' || body instanceof Uint8Array ? (body as RequestInit["body"]) : JSON.stringify(body), { 'content-type': type, ...headers });

// ------------------------------------------------------------------ the tests

let main: Running;
const serverTmp = join(dir, 'server-tmp');
beforeAll(async () => {
  mkdirSync(serverTmp);
  main = await start([], { TMPDIR: serverTmp });
  doc = await loadDoc(main.url);
});
afterAll(() => {
  main?.proc.kill('SIGTERM');
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (standard validator)', async () => {
    const r = await new Validator().validate(doc);
    expect(r.errors ?? []).toEqual([]);
    expect(r.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });
  it('describes every field of the quote in Chinese and English, with examples from the built-in notices', () => {
    const q = doc.components.schemas.Quote;
    expect(Object.keys(q.properties).sort()).toEqual(Object.keys(quote({ county: '岢岚', coverageYear: 2022 })).sort());
    for (const [k, s] of Object.entries<any>(q.properties)) {
      const text = s.description ?? s.anyOf?.find((x: any) => x.description)?.description ?? '';
      expect(text, k).toMatch(/[\u4e00-\u9fa5].* \/ ["A-Za-z]/);
    }
    for (const [k, s] of Object.entries<any>(doc.components.schemas.QuoteInput.properties)) expect(s.description, k).toMatch(/[\u4e00-\u9fa5].* \/ [A-Za-z]/);
    const ex = doc.paths['/v1/quote'].post.responses['200'].content['application/json'].examples;
    expect(Object.keys(ex).sort()).toEqual(BUILTIN_POLICIES.map((p) => p.id).sort());
    const reqEx = doc.paths['/v1/quote'].post.requestBody.content['application/json'].examples;
    for (const id of Object.keys(ex)) expect(ex[id].value).toEqual(expected(reqEx[id].value).body);
    // The schemas bite: a quote with a field too many, or a money amount as a number, does not validate.
    const sample = ex["kelan-2022"].value;
    const isQuote = (v: unknown) => ajv.validate({ $ref: `${docs.get(main.url)!.id}#/components/schemas/Quote` }, v);
    expect(isQuote(sample)).toBe(true);
    expect(isQuote({ ...sample, extra: 1 })).toBe(false);
    expect(isQuote({ ...sample, subsidy: 280 })).toBe(false);
    expect(doc.components.schemas.Error.properties.error.$ref).toBe('#/components/schemas/ErrorDetail');
  });
});

describe('POST /v1/quote gives the library’s JSON', () => {
  const inputs = [...acceptanceInputs(), ...goldenInputs()];
  it(`for every acceptance case and golden fixture (${inputs.length} inputs)`, async () => {
    expect(inputs.length).toBeGreaterThan(90);
    for (const input of inputs) {
      const r = await post(main.url, '/v1/quote', JSON.stringify(input));
      const e = expected(input);
      expect([r.status, r.json], JSON.stringify(input)).toEqual([e.status, e.body]);
    }
  });
  it('a batch (JSON array) equals the per-item quotes, one bad item never failing the others', async () => {
    const r = await post(main.url, '/v1/quotes', inputs);
    expect(r.status).toBe(200);
    expect(r.json).toEqual(inputs.map(item));
  });
  it('NDJSON equals the per-item quotes, one line each, in order; bad lines are items', async () => {
    const lines = [...inputs.map((i) => JSON.stringify(i)), 'not json', '', '  ', `{"county":"${'岢'.repeat(30_000)}"}`, JSON.stringify(OK)];
    const r = await post(main.url, '/v1/quotes', `${lines.join('\r\n')}\n`, 'application/x-ndjson');
    expect(r.status).toBe(200);
    const got = r.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(got.slice(0, inputs.length)).toEqual(inputs.map(item));
    expect(got.slice(inputs.length).map((x) => x.ok || x.error.code)).toEqual(['invalid_json', 'payload_too_large', true]);
  });
  it('streams a large NDJSON batch with flat memory, slowly read by the client', async () => {
    const rssOf = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${main.proc.pid}/status`, 'utf8'))![1]) / 1024;
    const lines = goldenInputs().map((i) => `${JSON.stringify(i)}\n`);
    const n = 60_000;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        let s = '';
        for (let k = 0; k < 500 && sent < n; k++, sent++) s += lines[sent % lines.length];
        if (s) c.enqueue(new TextEncoder().encode(s));
        else c.close();
      },
    });
    const before = rssOf();
    const res = await fetch(`${main.url}/v1/quotes`, { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson' }, duplex: 'half' } as RequestInit);
    const want = lines.map((l) => `${JSON.stringify(item(JSON.parse(l)))}\n`);
    let got = 0;
    let carry = '';
    let peak = 0;
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      const parts = (carry + decoder.decode(chunk, { stream: true })).split('\n');
      carry = parts.pop()!;
      for (const p of parts) expect(`${p}\n`).toBe(want[got++ % want.length]);
      if (got % 5000 < 50) {
        peak = Math.max(peak, rssOf());
        await new Promise((r) => setTimeout(r, 2)); // a slow reader: the server must wait, not buffer
      }
    }
    expect(got).toBe(n);
    expect(sent).toBe(n);
    // ~160 MB went out; a server that buffered would grow by that much.
    expect(peak - before).toBeLessThan(60);
  });
});

describe('POST /v1/roster returns the CLI’s bytes', () => {
  const cli = (out: string) => {
    const r = spawnSync(process.execPath, [CLI, 'roster', SAMPLE, '--out', out, '--json'], { encoding: 'utf8' });
    const { output: _, ...summary } = JSON.parse(r.stdout);
    return { bytes: readFileSync(out), summary };
  };
  it.each(['csv', 'json'])('as %s, with the CLI’s summary in X-Yibao-Summary, leaving no temporary file', async (format) => {
    const want = cli(join(dir, `cli.yibao.${format}`));
    const res = await fetch(`${main.url}/v1/roster?format=${format}`, { method: 'POST', body: readFileSync(SAMPLE), headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(want.bytes)).toBe(true);
    expect(JSON.parse(res.headers.get('x-yibao-summary')!)).toEqual(want.summary);
    expect(readdirSync(serverTmp).filter((f) => f.startsWith('yibao-serve-'))).toEqual([]);
  });
  it('an XLSX upload is read as the CLI reads it', async () => {
    // The sample roster as a workbook: its cells, as text, in one sheet.
    const xlsx = join(dir, 'sample.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('花名册').addRows(parse(readFileSync(SAMPLE, 'utf8'), { bom: true }) as string[][]);
    await wb.xlsx.writeFile(xlsx);
    const viaCli = spawnSync(process.execPath, [CLI, 'roster', xlsx, '--out', join(dir, 'x2.yibao.csv'), '--json'], { encoding: 'utf8' });
    const res = await fetch(`${main.url}/v1/roster`, {
      method: 'POST',
      body: readFileSync(xlsx),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dir, 'x2.yibao.csv')))).toBe(true);
    const { output: _, ...summary } = JSON.parse(viaCli.stdout);
    expect(JSON.parse(res.headers.get('x-yibao-summary')!)).toEqual(summary);
  });
  it('an unusable file is a 400 with the job’s message', async () => {
    const r = await post(main.url, '/v1/roster', '', 'text/csv');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_roster');
    expect(readdirSync(serverTmp).filter((f) => f.startsWith('yibao-serve-'))).toEqual([]);
  });
});

describe('GET endpoints', () => {
  it('/v1/policies lists the registry, /v1/policies/{id} gives a policy usable as a --policy file', async () => {
    const list = await call(main.url, 'GET', '/v1/policies');
    expect(list.json.map((p: any) => p.id).sort()).toEqual(BUILTIN_POLICIES.map((p) => p.id).sort());
    for (const p of BUILTIN_POLICIES) {
      const one = await call(main.url, 'GET', `/v1/policies/${p.id}`, undefined, {}, '/v1/policies/{id}');
      expect(one.json).toEqual(JSON.parse(JSON.stringify(p)));
    }
  });
  it('/healthz and /readyz', async () => {
    expect((await call(main.url, 'GET', '/healthz')).json).toEqual({ status: 'ok' });
    expect((await call(main.url, 'GET', '/readyz')).json).toEqual({ status: 'ready', policies: 5 });
  });
});

describe('errors: typed, bilingual, the right status, never a stack', () => {
  it.each([
    ['400 invalid_type', '/v1/quote', { county: '岢岚', coverageYear: '2022' }, 400, 'invalid_type'],
    ['400 unknown_field', '/v1/quote', { ...OK, name: '张三' }, 400, 'unknown_field'],
    ['400 invalid_json', '/v1/quote', '{"county":', 400, 'invalid_json'],
    ['404 unknown county', '/v1/quote', { county: '太原', coverageYear: 2022 }, 404, 'unknown_county'],
    ['404 unknown year', '/v1/quote', { county: '岢岚', coverageYear: 2030 }, 404, 'no_policy_for_year'],
    ['400 a batch not an array', '/v1/quotes', { county: '岢岚' }, 400, 'invalid_json'],
    ['400 too_large (a field too long; the body is within its limit)', '/v1/quote', { ...OK, county: '岢'.repeat(QUOTE_LIMITS.text + 1) }, 400, 'too_large'],
    ['400 too_large (too many categories)', '/v1/quote', { ...OK, categories: Array(QUOTE_LIMITS.categories + 1).fill('低保对象') }, 400, 'too_large'],
  ] as const)('%s', async (_, path, body, status, code) => {
    const r = await post(main.url, path, body);
    expect([r.status, r.json.error.code]).toEqual([status, code]);
    expect(r.json.error.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.json.error.en).toMatch(/[a-z]/);
  });
  it('404 for an unknown path or policy, 405 with Allow for a wrong method', async () => {
    expect((await call(main.url, 'GET', '/v2/quote')).json.error.code).toBe('not_found');
    const p = await call(main.url, 'GET', '/v1/policies/nowhere-2022', undefined, {}, '/v1/policies/{id}');
    expect([p.status, p.json.error.code]).toEqual([404, 'unknown_policy']);
    const m = await call(main.url, 'GET', '/v1/quote');
    expect([m.status, m.json.error.code, m.headers.get('allow')]).toEqual([405, 'method_not_allowed', 'POST']);
  });
  it('415 for a wrong content type', async () => {
    const r = await post(main.url, '/v1/quote', JSON.stringify(OK), 'text/plain');
    expect([r.status, r.json.error.code]).toEqual([415, 'unsupported_media_type']);
    const u = await post(main.url, '/v1/roster', 'a,b', 'application/json');
    expect(u.status).toBe(415);
  });
  it('hostile bodies (random JSON, mutated inputs) get the library’s answer, a 4xx and never a 500', async () => {
    const valid = goldenInputs();
    const mutated = fc.tuple(fc.constantFrom(...valid), fc.constantFrom('county', 'coverageYear', 'categories', 'paidOn', 'birthDate', 'x'), fc.jsonValue()).map(([v, k, x]) => ({ ...(v as object), [k]: x }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), mutated), async (input) => {
        const r = await post(main.url, '/v1/quote', JSON.stringify(input));
        const e = expected(JSON.parse(JSON.stringify(input)));
        expect([r.status, r.json]).toEqual([e.status, e.body]);
      }),
      { numRuns: 300 },
    );
    for (const raw of ['', '{', '\u0000', '[1,2', '"\ud800"', '1e999', '{"county":"岢岚","coverageYear":2022,"__proto__":{"x":1}}']) {
      const r = await post(main.url, '/v1/quote', raw);
      expect([400, 404]).toContain(r.status);
    }
  });
  it('431 for headers over the limit', async () => {
    const r = await fetch(`${main.url}/healthz`, { headers: { 'x-big': 'a'.repeat(20_000) } });
    expect(r.status).toBe(431);
  });
  it('no CORS headers unless --cors is given', async () => {
    const r = await fetch(`${main.url}/v1/quote`, { method: 'OPTIONS', headers: { origin: 'http://example.test' } });
    expect(r.status).toBe(405);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('limits, token, CORS, --policy', () => {
  let s: Running;
  const token = 'secret-token-for-tests';
  beforeAll(async () => {
    writeFileSync(join(dir, 'token'), `${token}\n`);
    const kelan = JSON.parse(JSON.stringify(BUILTIN_POLICIES.find((p) => p.id === 'kelan-2022')));
    writeFileSync(join(dir, 'kelan-local.json'), JSON.stringify({ ...kelan, document: { ...kelan.document, number: '本地测试〔2022〕1号' } }));
    s = await start(['--token-file', join(dir, 'token'), '--cors', 'http://portal.test', '--max-body', '4096', '--max-items', '3', '--max-upload', '1000', '--policy', join(dir, 'kelan-local.json')]);
    await loadDoc(s.url);
  });
  afterAll(() => s?.proc.kill('SIGTERM'));
  const auth = { authorization: `Bearer ${token}` };

  it('401 without the token or with a wrong one; health probes stay open', async () => {
    const none = await post(s.url, '/v1/quote', OK);
    expect([none.status, none.json.error.code, none.headers.get('www-authenticate')]).toEqual([401, 'unauthorized', 'Bearer']);
    expect((await post(s.url, '/v1/quote', OK, 'application/json', { authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await post(s.url, '/v1/quote', OK, 'application/json', { authorization: token })).status).toBe(401);
    expect((await call(s.url, 'GET', '/v1/policies')).status).toBe(401);
    expect((await call(s.url, 'GET', '/healthz')).status).toBe(200);
    expect((await post(s.url, '/v1/quote', OK, 'application/json', auth)).status).toBe(200);
  });
  it('a --policy file overrides the built-in policy of its county and year', async () => {
    const list = await call(s.url, 'GET', '/v1/policies', undefined, auth);
    const kelan = list.json.filter((p: any) => p.pinyin === 'kelan');
    expect(kelan.map((p: any) => p.document)).toEqual(['本地测试〔2022〕1号']);
    expect(list.json).toHaveLength(5);
    const one = await call(s.url, 'GET', '/v1/policies/kelan-2022', undefined, auth, '/v1/policies/{id}');
    expect(one.json.document.number).toBe('本地测试〔2022〕1号');
    const r = await post(s.url, '/v1/quote', OK, 'application/json', auth);
    expect(r.json).toEqual(expected(OK).body); // same rules, so the same quote
  });
  it('413 for a body, a batch or an upload over its limit', async () => {
    const big = await post(s.url, '/v1/quote', { ...OK, county: 'x'.repeat(5000) }, 'application/json', auth);
    expect([big.status, big.json.error.code]).toEqual([413, 'payload_too_large']);
    const many = await post(s.url, '/v1/quotes', [OK, OK, OK, OK], 'application/json', auth);
    expect([many.status, many.json.error.code]).toEqual([413, 'too_many_items']);
    const up = await post(s.url, '/v1/roster', readFileSync(SAMPLE), 'text/csv', auth);
    expect([up.status, up.json.error.code]).toEqual([413, 'payload_too_large']);
    // Without a declared length too (chunked).
    const chunks = new ReadableStream({ start(c) { c.enqueue(new Uint8Array(3000).fill(65)); c.enqueue(new Uint8Array(3000).fill(65)); c.close(); } });
    const res = await fetch(`${s.url}/v1/quote`, { method: 'POST', body: chunks, headers: { 'content-type': 'application/json', ...auth }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });
  it('CORS only for the origin given', async () => {
    const pre = await fetch(`${s.url}/v1/quote`, { method: 'OPTIONS', headers: { origin: 'http://portal.test', 'access-control-request-method': 'POST' } });
    expect([pre.status, pre.headers.get('access-control-allow-origin')]).toEqual([204, 'http://portal.test']);
    const r = await fetch(`${s.url}/v1/quote`, { method: 'POST', body: JSON.stringify(OK), headers: { 'content-type': 'application/json', origin: 'http://portal.test', ...auth } });
    expect(r.headers.get('access-control-allow-origin')).toBe('http://portal.test');
    const other = await fetch(`${s.url}/v1/quote`, { method: 'POST', body: JSON.stringify(OK), headers: { 'content-type': 'application/json', origin: 'http://evil.test', ...auth } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
  it('the document requires the bearer token on /v1 when a token is set', async () => {
    const d = docs.get(s.url)!.doc;
    expect(d.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(d.paths['/v1/quote'].post.responses['401']).toBeTruthy();
    expect((await new Validator().validate(d)).valid).toBe(true);
  });
});

describe('access logs', () => {
  it('are JSON lines with method, path, status and duration, and never hold an ID number or a body', async () => {
    const lines = main.log();
    const recs = lines.map((l) => JSON.parse(l));
    const req = recs.filter((r) => r.msg === 'request');
    expect(req.length).toBeGreaterThan(100);
    for (const r of req) expect(Object.keys(r)).toEqual(['t', 'level', 'msg', 'method', 'path', 'status', 'ms', 'bytesIn', 'bytesOut']);
    const all = lines.join('\n');
    expect(all).not.toMatch(/\d{17}[\dXx]/);
    expect(all).not.toContain('低保对象');
    expect(all).not.toContain('张三');
  });
});

describe('SIGTERM drains', () => {
  it('under load, loses no accepted request and exits 0', async () => {
    const s = await start();
    const lines = goldenInputs().map((i) => `${JSON.stringify(i)}\n`);
    const want = lines.map((l) => JSON.stringify(item(JSON.parse(l)))).join('\n');
    // Ten slow NDJSON uploads, still sending when the signal comes.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = Array.from({ length: 10 }, () => {
      let step = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          if (step === 1) await gate;
          if (step < 2) c.enqueue(new TextEncoder().encode(lines.slice(step * 30, step ? undefined : 30).join('')));
          else c.close();
          step++;
        },
      });
      return fetch(`${s.url}/v1/quotes`, { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson' }, duplex: 'half' } as RequestInit);
    });
    // And a stream of single quotes.
    let stop = false;
    let answered = 0;
    const wantOne = JSON.stringify(expected(OK).body);
    const load = Array.from({ length: 8 }, async () => {
      while (!stop) {
        let res: Response;
        try {
          res = await fetch(`${s.url}/v1/quote`, { method: 'POST', body: JSON.stringify(OK), headers: { 'content-type': 'application/json' } });
        } catch {
          continue; // not accepted: refused or closed before the request was read
        }
        const text = await res.text(); // an accepted request is answered in full
        expect([res.status, text]).toEqual([200, wantOne]);
        answered++;
      }
    });
    // The ten uploads are accepted (their answers have begun) and the load runs: now the signal.
    const accepted = await Promise.all(slow);
    while (answered < 20) await new Promise((r) => setTimeout(r, 10));
    s.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    release();
    for (const res of accepted) expect([res.status, (await res.text()).trimEnd()]).toEqual([200, want]);
    const code = await s.exited;
    stop = true;
    await Promise.all(load);
    expect(code).toBe(0);
    expect(answered).toBeGreaterThan(0);
    const served = s.log().filter((l) => l.includes('"path":"/v1/quote"')).length;
    expect(served).toBe(answered); // every request the server answered, the client got
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
  });
});

describe('every response above', () => {
  it('was checked against the OpenAPI document', () => {
    expect(checked).toBeGreaterThanOrEqual(120);
  });
});

describe('--policy: the shared loader, for quotes and the roster', () => {
  const yangqu = join(ROOT, 'fixtures/policies/yangqu-2022.json');
  let s: Running;
  beforeAll(async () => {
    s = await start(['--policy', yangqu]);
  });
  afterAll(() => s?.proc.kill('SIGTERM'));

  it('a county only a --policy file knows is quoted, listed, and computed in /v1/roster as the CLI computes it with --policy', async () => {
    const q = { county: '阳曲', coverageYear: 2022, categories: ['脱贫不稳定人口'] };
    const r = await post(s.url, '/v1/quote', q);
    expect(r.status).toBe(200);
    expect(r.json.policyId).toBe('yangqu-2022');
    expect((await call(s.url, 'GET', '/v1/policies/yangqu-2022', undefined, {}, '/v1/policies/{id}')).json.id).toBe('yangqu-2022');
    const csv = join(dir, 'yangqu.csv');
    writeFileSync(csv, '身份证号,县,待遇年度,类别\n141029195001100001,阳曲县,2022,脱贫不稳定人口\n141029195102110014,阳曲县,2022,\n');
    const out = join(dir, 'yangqu.yibao.csv');
    const viaCli = spawnSync(process.execPath, [CLI, 'roster', csv, '--out', out, '--json', '--policy', yangqu], { encoding: 'utf8' });
    const { output: _, ...summary } = JSON.parse(viaCli.stdout);
    const res = await fetch(`${s.url}/v1/roster`, { method: 'POST', body: readFileSync(csv), headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(out))).toBe(true);
    const got = JSON.parse(res.headers.get('x-yibao-summary')!);
    expect(got).toEqual(summary);
    expect(JSON.stringify(got)).not.toContain('unknown_county');
  });

  it.each([
    ['a missing file', () => [join(dir, 'no-such-policy.json')], 'policy_file'],
    ['a file that is not JSON', () => (writeFileSync(join(dir, 'bad.json'), '{'), [join(dir, 'bad.json')]), 'policy_file'],
    ['two files for the same county and year', () => [yangqu, yangqu], 'duplicate_policy'],
  ] as const)('%s: the service does not start (exit 1, the error in Chinese and English)', async (_, files, code) => {
    const r = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', ...files().flatMap((f) => ['--policy', f])], { encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).toMatch(/[\u4e00-\u9fa5]/);
  });
});
