/** The built package loads the way users load it: require, import, the JSON Schema subpath. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const node = (...args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }).trim();

describe('the package', () => {
  it("loads with require('yibao-rules')", () => {
    expect(node('-e', "const y=require('yibao-rules'); console.log(y.quote({county:'岢岚',coverageYear:2022,categories:['低保对象']}).individual)")).toBe('40.00');
  });
  it("loads with import('yibao-rules')", () => {
    expect(node('--input-type=module', '-e', "const y=await import('yibao-rules'); console.log(y.listPolicies().length)")).toBe('5');
  });
  it('ships the JSON Schema as yibao-rules/schema/policy.json', () => {
    expect(node('-e', "console.log(require('yibao-rules/schema/policy.json').type)")).toBe('object');
  });
  it('ships the quote-input JSON Schema as yibao-rules/schema/quote-input.json', () => {
    expect(node('-e', "console.log(require('yibao-rules/schema/quote-input.json').required.join())")).toBe('county,coverageYear');
  });
});

describe('one identity across the built dist/index.js and dist/index.cjs', () => {
  it('a YibaoError of either build is instanceof, and YibaoError.is, in the other; registries cross too', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "const esm = await import('./dist/index.js');",
      "const cjs = createRequire(import.meta.url)('./dist/index.cjs');",
      'const out = [];',
      'for (const [a, b] of [[esm, cjs], [cjs, esm]]) {',
      "  const r = a.safeQuote({ county: '不存在', coverageYear: 2022 }, b.builtinRegistry);",
      "  const e = (() => { try { b.quote({ county: 'kelan', coverageYear: 1999 }) } catch (x) { return x } })();",
      "  out.push(r.error.code, r.error instanceof b.YibaoError, b.YibaoError.is(r.error), e instanceof a.YibaoError, e.code,",
      "    a.quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' }, b.createRegistry(a.BUILTIN_POLICIES)).individual,",
      '    b.builtinRegistry instanceof a.PolicyRegistry, a.PolicyRegistry.is(b.builtinRegistry));',
      '}',
      'console.log(out.join(" "));',
    ].join('\n');
    const row = 'unknown_county true true true no_policy_for_year 40.00 true true';
    expect(node('--input-type=module', '-e', script)).toBe(`${row} ${row}`);
    // And an object that merely looks like one is not.
    expect(node('--input-type=module', '-e', "const y = await import('./dist/index.js'); console.log(y.YibaoError.is({ code: 'x' }), ({}) instanceof y.YibaoError, y.YibaoError.is(null))")).toBe('false false false');
  });
});

describe('yibao-rules --version', () => {
  it("prints the package's own version, not the calling project's (npm_package_version)", () => {
    const own = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;
    const elsewhere = mkdtempSync(`${tmpdir()}/yibao-version-`);
    const v = execFileSync(process.execPath, [`${ROOT}dist/cli.js`, '--version'], { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, npm_package_version: '9.9.9' } }).trim();
    expect(v).toBe(own);
  });
});
