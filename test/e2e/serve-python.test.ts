/**
 * A Python client generated from the running service's document, used against it: openapi-generator
 * 4.3.1 (the JAR bundled in the pinned devDependency @openapitools/openapi-generator-cli) reads
 * GET /openapi-3.0.json, writes the `python` client into a temporary directory, Python compiles it, and
 * examples/python/yibao_demo.py calls quote, both batches and an error case. Every answer must equal the
 * library's. Needs java and a Python 3 with urllib3, six, python-dateutil and certifi (Debian:
 * scripts/setup-python-client.sh); skipped with a message where they are missing, except on CI, where
 * their absence fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YibaoError } from '../../src/index.js';
import { quoteOrError } from '../../src/quote.js';
import { compactQuote } from '../../src/serve/compact.js';
import { ROOT } from '../helpers.js';

const JAR = join(ROOT, 'node_modules/@openapitools/openapi-generator-cli/bin/openapi-generator.jar');
const hasJava = spawnSync('java', ['-version']).status === 0;
/** The first Python 3 that has what the generated client imports (Debian's first). */
const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import urllib3, six, dateutil, certifi']).status === 0);
const missing = [!existsSync(JAR) && 'the generator JAR (npm ci)', !hasJava && 'java', !python && 'python3 with urllib3, six, dateutil, certifi'].filter(Boolean);
if (missing.length) console.warn(`serve-python: skipped, missing ${missing.join(', ')} (scripts/setup-python-client.sh installs them)`);

const dir = mkdtempSync(join(tmpdir(), 'yibao-python-'));
let proc: ReturnType<typeof spawn> | undefined;
let url = '';

/** JSON as a model of the generated client gives it back: object fields that are null are left out. */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, withoutNulls(x)]));
  return v;
}
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
const item = (input: unknown, compact: boolean) => {
  const r = quoteOrError(input);
  return r instanceof YibaoError ? { ok: false, error: { code: r.code, zh: r.zh, en: r.en, path: r.path } } : { ok: true, quote: plain(compact ? compactQuote(r) : r) };
};

// CI installs java and the Python packages (.ci/run): there their absence fails the run instead of skipping.
describe.skipIf(missing.length > 0 && !process.env.CI)('a Python client generated from /openapi-3.0.json (openapi-generator 4.3.1)', () => {
  beforeAll(async () => {
    expect(missing, 'what the generated client needs').toEqual([]);
    proc = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    url = await new Promise<string>((resolve) => {
      let err = '';
      proc!.stderr!.setEncoding('utf8').on('data', (s: string) => {
        err += s;
        const m = /"url":"(http:\/\/[^"]+)"/.exec(err);
        if (m) resolve(m[1]!);
      });
    });
  });
  afterAll(() => proc?.kill('SIGTERM'));

  it('is generated from the running service’s document, compiles, and gets the library’s answers', async () => {
    const docFile = join(dir, 'openapi-3.0.json');
    writeFileSync(docFile, await (await fetch(`${url}/openapi-3.0.json`)).text());
    const out = join(dir, 'client');
    const gen = spawnSync('java', ['-jar', JAR, 'generate', '-i', docFile, '-g', 'python', '-o', out, '--package-name', 'yibao_client'], { encoding: 'utf8' });
    expect(gen.status, gen.stderr + gen.stdout.slice(-2000)).toBe(0);
    const compile = spawnSync(python!, ['-m', 'compileall', '-q', join(out, 'yibao_client')], { encoding: 'utf8' });
    expect(compile.status, compile.stdout + compile.stderr).toBe(0);

    const run = spawnSync(python!, [join(ROOT, 'examples/python/yibao_demo.py'), url], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: out, PYTHONIOENCODING: 'utf-8' } });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const answer = (label: string) => {
      const line = lines.find((l) => l.startsWith(`${label} `));
      expect(line, `${label} in ${run.stdout}`).toBeTruthy();
      return line!.slice(label.length + 1);
    };
    const kelan = { county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' };
    const batch = [kelan, { county: '沁水', coverageYear: 2025, categories: ['稳定脱贫人口', '返贫致贫人口'] }, { county: '不存在县', coverageYear: 2022 }];
    expect(JSON.parse(answer('quote'))).toEqual(withoutNulls(item(kelan, false).quote));
    expect(JSON.parse(answer('batch'))).toEqual(batch.map((i) => item(i, false)));
    expect(JSON.parse(answer('compact'))).toEqual(batch.map((i) => item(i, true)));
    const [status, body] = [answer('error').split(' ', 1)[0], answer('error').replace(/^\d+ /, '')];
    const e = item({ county: '岢岚', coverageYear: 2030 }, false);
    expect([status, JSON.parse(body)]).toEqual(['404', { error: e.error }]);
  }, 120_000);
});
