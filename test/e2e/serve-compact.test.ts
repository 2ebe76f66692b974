/**
 * The compact batch (`POST /v1/quotes/compact`) and the OpenAPI 3.0.3 rendering (`GET /openapi-3.0.json`),
 * end to end against the built service: every compact item is the projection of the full `quote()`, field by
 * field, for a large realistic batch; the 3.0.3 document is valid, describes the same operations and schemas as
 * the 3.1 one, and accepts and refuses exactly the same values.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realisticLines } from '../../bench/realistic-batch.js';
import { BUILTIN_POLICIES, YibaoError } from '../../src/index.js';
import { quoteOrError } from '../../src/quote.js';
import { COMPACT_FIELDS, compactQuote } from '../../src/serve/compact.js';
import { ROOT } from '../helpers.js';

let proc: ChildProcess;
let url = '';
let doc31: any;
let doc30: any;

beforeAll(async () => {
  proc = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let err = '';
    proc.stderr!.setEncoding('utf8').on('data', (s: string) => {
      err += s;
      const m = /"url":"(http:\/\/[^"]+)"/.exec(err);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (c) => reject(new Error(`serve exited ${c}: ${err}`)));
  });
  doc31 = await (await fetch(`${url}/openapi.json`)).json();
  doc30 = await (await fetch(`${url}/openapi-3.0.json`)).json();
});
afterAll(() => proc?.kill('SIGTERM'));

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as any;
/** The item the service must give for one NDJSON line, in a view. */
function expectedItem(line: string, compact: boolean): unknown {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { ok: false, error: { code: 'invalid_json', zh: '该行不是有效的 JSON', en: 'the line is not valid JSON', path: [] } };
  }
  const r = quoteOrError(input);
  if (r instanceof YibaoError) return { ok: false, error: { code: r.code, zh: r.zh, en: r.en, path: r.path } };
  return { ok: true, quote: plain(compact ? compactQuote(r) : r) };
}

async function ndjson(path: string, lines: string[]): Promise<any[]> {
  const res = await fetch(`${url}${path}`, { method: 'POST', body: `${lines.join('\n')}\n`, headers: { 'content-type': 'application/x-ndjson' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  return (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l));
}

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
const ref = (docId: string, schema: string) => ({ $ref: `${docId}#/components/schemas/${schema}` });

describe('POST /v1/quotes/compact', () => {
  const lines = realisticLines(40_000, 7);

  it(`gives, for ${lines.length.toLocaleString('en')} realistic lines, exactly the projection of the full quote() of each`, async () => {
    const got = await ndjson('/v1/quotes/compact', lines);
    expect(got.length).toBe(lines.length);
    let ok = 0;
    for (let i = 0; i < lines.length; i++) {
      expect(got[i], lines[i]).toEqual(expectedItem(lines[i]!, true));
      if (got[i].ok) ok++;
    }
    // The batch is realistic: mostly quotes, some errors, windows open and closed.
    expect(ok).toBeGreaterThan(lines.length * 0.95);
    expect(ok).toBeLessThan(lines.length);
    const reasons = new Set(got.filter((x) => x.ok && x.quote.window).map((x) => x.quote.window.reason));
    expect([...reasons]).toEqual(expect.arrayContaining(['open', 'before-start', 'after-end']));
    ajv.addSchema({ ...doc31, $id: 'urn:yibao:compact31' });
    const isItem = ajv.compile(ref('urn:yibao:compact31', 'CompactBatchItem'));
    for (const x of got.slice(0, 2000)) expect(isItem(x), JSON.stringify(isItem.errors)).toBe(true);
  });

  it('field by field, each compact field is the full answer’s own (warnings: their codes), for the same lines over NDJSON', async () => {
    const sample = lines.slice(0, 5000);
    const [full, compact] = await Promise.all([ndjson('/v1/quotes', sample), ndjson('/v1/quotes/compact', sample)]);
    for (let i = 0; i < sample.length; i++) {
      expect(compact[i].ok).toBe(full[i].ok);
      if (!full[i].ok) {
        expect(compact[i].error).toEqual(full[i].error);
        continue;
      }
      const f = full[i].quote;
      const c = compact[i].quote;
      expect(Object.keys(c)).toEqual([...COMPACT_FIELDS, 'warnings']);
      for (const k of COMPACT_FIELDS) expect(c[k], k).toEqual(f[k]);
      expect(c.warnings).toEqual(f.warnings.map((w: { code: string }) => w.code));
    }
  });

  it('as a JSON array, item for item as over NDJSON', async () => {
    const inputs = lines.slice(0, 3000).filter((l) => {
      try {
        JSON.parse(l);
        return true;
      } catch {
        return false;
      }
    });
    const res = await fetch(`${url}/v1/quotes/compact`, { method: 'POST', body: `[${inputs.join(',')}]`, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(inputs.map((l) => expectedItem(l, true)));
  });

  it('is documented with its own schema, every field the Quote’s own schema', () => {
    const s = doc31.components.schemas;
    expect(doc31.paths['/v1/quotes/compact'].post.operationId).toBe('quoteBatchCompact');
    expect(doc31.paths['/v1/quotes/compact'].post.responses['200'].content['application/json'].schema.items.$ref).toBe('#/components/schemas/CompactBatchItem');
    expect(Object.keys(s.CompactQuote.properties)).toEqual([...COMPACT_FIELDS, 'warnings']);
    for (const k of COMPACT_FIELDS) expect(s.CompactQuote.properties[k], k).toEqual(s.Quote.properties[k]);
    expect(s.CompactQuote.properties.warnings.items).toEqual(s.Quote.properties.warnings.items.properties.code);
    expect(s.CompactQuote.description).toMatch(/[\u4e00-\u9fa5].* \/ [A-Za-z]/);
    expect(s.CompactQuote.properties.warnings.description).toMatch(/[\u4e00-\u9fa5].* \/ [A-Za-z]/);
    expect(s.CompactQuote.additionalProperties).toBe(false);
  });

  it('415 and 413 as /v1/quotes', async () => {
    const bad = await fetch(`${url}/v1/quotes/compact`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(bad.status).toBe(415);
    expect(((await bad.json()) as any).error.code).toBe('unsupported_media_type');
    const many = await fetch(`${url}/v1/quotes/compact`, { method: 'POST', body: JSON.stringify(Array(10_001).fill({})), headers: { 'content-type': 'application/json' } });
    expect(many.status).toBe(413);
  });
});

/** A 3.0 schema read as JSON Schema: `nullable: true` allows null besides what the schema allows. */
function from30(s: unknown, docId: string): unknown {
  if (Array.isArray(s)) return s.map((x) => from30(x, docId));
  if (!s || typeof s !== 'object') return s;
  const { nullable, ...rest } = s as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (k === '$ref') out.$ref = (v as string).replace('#/', `${docId}#/`);
    else if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v as object).map(([p, x]) => [p, from30(x, docId)]));
    else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(k)) out[k] = from30(v, docId);
    else out[k] = v;
  }
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

describe('GET /openapi-3.0.json', () => {
  it('is a valid OpenAPI 3.0.3 document (standard validator)', async () => {
    expect(doc30.openapi).toBe('3.0.3');
    const r = await new Validator().validate(doc30);
    expect(r.errors ?? []).toEqual([]);
    expect(r.valid).toBe(true);
    expect(JSON.stringify(doc30)).not.toMatch(/"const"|"type":\[|"contentMediaType"/);
  });

  it('describes the same operations (paths, methods, ids, parameters, bodies, statuses, media types) and schemas', () => {
    const ops = (d: any) =>
      Object.entries<any>(d.paths).flatMap(([p, item]) =>
        Object.entries<any>(item).map(([m, op]) => ({
          p,
          m,
          id: op.operationId,
          params: (op.parameters ?? []).map((x: any) => `${x.in}:${x.name}:${x.required}`),
          body: Object.keys(op.requestBody?.content ?? {}),
          responses: Object.fromEntries(Object.entries<any>(op.responses).map(([s, r]) => [s, Object.keys(r.content ?? {})])),
        })),
      );
    expect(ops(doc30)).toEqual(ops(doc31));
    expect(Object.keys(doc30.components.schemas)).toEqual(Object.keys(doc31.components.schemas));
    // The same properties, required fields, types and enums at every depth (through anyOf, oneOf and allOf).
    const facts = (s: any, at: string, out: Set<string>): Set<string> => {
      if (Array.isArray(s)) s.forEach((x) => facts(x, at, out));
      if (!s || typeof s !== 'object' || s.type === 'null') return out;
      if (s.$ref) out.add(`${at} -> ${s.$ref}`);
      if (s.type) out.add(`${at} : ${[s.type].flat().filter((t: string) => t !== 'null')}`);
      const values = s.enum ?? ('const' in s ? [s.const] : undefined);
      if (values) out.add(`${at} in ${JSON.stringify(values.filter((v: unknown) => v !== null))}`);
      if (s.required) out.add(`${at} ! ${[...s.required].sort()}`);
      for (const [k, v] of Object.entries<any>(s.properties ?? {})) facts(v, `${at}.${k}`, out);
      if (s.items) facts(s.items, `${at}[]`, out);
      for (const k of ['anyOf', 'oneOf', 'allOf']) if (s[k]) facts(s[k], at, out);
      return out;
    };
    for (const id of Object.keys(doc31.components.schemas)) {
      const [a, b] = [facts(doc30.components.schemas[id], id, new Set()), facts(doc31.components.schemas[id], id, new Set())];
      expect([...a].sort(), id).toEqual([...b].sort());
      expect(a.size, id).toBeGreaterThan(0);
    }
  });

  it('accepts and refuses exactly the values the 3.1 document does', async () => {
    ajv.addSchema({ ...doc31, $id: 'urn:yibao:eq31' });
    ajv.addSchema({ components: { schemas: Object.fromEntries(Object.entries(doc30.components.schemas).map(([id, s]) => [id, from30(s, 'urn:yibao:eq30')])) }, $id: 'urn:yibao:eq30' });
    const lines = realisticLines(3000, 3);
    const full = await ndjson('/v1/quotes', lines);
    const compact = await ndjson('/v1/quotes/compact', lines);
    const samples: Array<[string, unknown]> = [];
    for (const x of [...full, ...compact]) {
      const kind = x.ok && 'explain' in x.quote ? 'Quote' : 'CompactQuote';
      samples.push([x.ok ? kind : 'ErrorDetail', x.ok ? x.quote : x.error]);
    }
    for (const x of full) samples.push(['BatchItem', x]);
    for (const x of compact) samples.push(['CompactBatchItem', x]);
    for (const p of BUILTIN_POLICIES) samples.push(['Policy', plain(p)]);
    // Hostile variants: a field too many, money as a number, a wrong code, a null where none may be, a field missing.
    const variants = (v: any): any[] => {
      if (!v || typeof v !== 'object') return [];
      const keys = Object.keys(v);
      return [
        { ...v, extra: 1 },
        ...keys.slice(0, 6).map((k) => ({ ...v, [k]: typeof v[k] === 'string' ? 280 : 'x' })),
        ...keys.slice(0, 6).map((k) => ({ ...v, [k]: null })),
        ...keys.slice(0, 3).map((k) => Object.fromEntries(Object.entries(v).filter(([j]) => j !== k))),
      ];
    };
    const base = samples.slice(0, 400);
    for (const [schema, v] of base) for (const w of variants(v)) samples.push([schema, w]);
    const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
    const check = (doc: string, schema: string) => {
      const key = `${doc}/${schema}`;
      if (!compiled.has(key)) compiled.set(key, ajv.compile(ref(doc, schema)));
      return compiled.get(key)!;
    };
    let accepted = 0;
    let refused = 0;
    for (const [schema, v] of samples) {
      const a = check('urn:yibao:eq31', schema)(v);
      const v30 = check('urn:yibao:eq30', schema);
      expect(v30(v), `${schema} ${JSON.stringify(v).slice(0, 300)} ${JSON.stringify(v30.errors?.slice(0, 3))}`).toBe(a);
      if (a) accepted++;
      else refused++;
    }
    expect(accepted).toBeGreaterThan(5000);
    expect(refused).toBeGreaterThan(1000);
  });
});
