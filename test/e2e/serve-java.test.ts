/**
 * The Java client of the README (examples/java/YibaoClient.java), compiled with
 * javac and run against the real service: its output must match the library.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quote, safeQuote } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'yibao-java-'));
let proc: ReturnType<typeof spawn>;
let url = '';

beforeAll(async () => {
  proc = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  url = await new Promise<string>((resolve) => {
    let err = '';
    proc.stderr!.setEncoding('utf8').on('data', (s: string) => {
      err += s;
      const m = /"url":"(http:\/\/[^"]+)"/.exec(err);
      if (m) resolve(m[1]!);
    });
  });
});
afterAll(() => proc?.kill('SIGTERM'));

describe('the Java client (java.net.http, Java 17)', () => {
  it('compiles and gets the library’s answers over HTTP', () => {
    const javac = spawnSync('javac', ['-encoding', 'UTF-8', '-d', dir, join(ROOT, 'examples/java/YibaoClient.java')], { encoding: 'utf8' });
    expect(javac.status, javac.stderr).toBe(0);
    const run = spawnSync('java', ['-Dfile.encoding=UTF-8', '-Dstdout.encoding=UTF-8', '-cp', dir, 'YibaoClient', url], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const k = quote({ county: '岢岚县', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' });
    const q = quote({ county: '沁水', coverageYear: 2025, categories: ['稳定脱贫人口', '返贫致贫人口'] });
    const e = safeQuote({ county: '岢岚', coverageYear: 2030 });
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `quote ${k.policyId} individual=${k.individual} subsidy=${k.subsidy} mechanism=${k.mechanism} funders=[${k.funders.join(', ')}]`,
      `batch ok ${q.policyId} subsidy=${q.subsidy} applied=${q.appliedCategory}`,
      'batch error unknown_county',
      `error 404 no_policy_for_year ${e.success ? '' : e.error.zh}`,
    ]);
  });
});
