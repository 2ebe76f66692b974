/**
 * The packed tarball, installed the way a library user installs it, into
 * scratch ESM, CommonJS, TypeScript (nodenext and bundler, strict, without
 * skipLibCheck) and esbuild projects. Prints each measured figure beside its
 * target. Needs `npm run build` first (npm test builds).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** Targets of issue 11. */
const TARGET = { packages: 3, bundleGzipBytes: 40 * 1024 } as const;

const NPM_CACHE = join(ROOT, 'node_modules/.cache/yibao-tarball-npm');
let dir = '';
let tarball = '';

const run = (cmd: string, args: string[], cwd = dir) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).trim();
const node = (args: string[], cwd = dir) => run(process.execPath, args, cwd);
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
/** Runs tsc; returns its output (empty when it compiles). Asynchronous, so that the three projects compile at once. */
async function tsc(project: string): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yibao-tarball-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT)) as Array<{ filename: string }>;
  tarball = join(dir, packed[0]!.filename);
  write('package.json', JSON.stringify({ name: 'scratch', version: '1.0.0', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--cache', NPM_CACHE, tarball]);
}, 120_000);

describe('the packed tarball, installed', () => {
  it(`installs at most ${TARGET.packages} packages (yibao-rules, zod, decimal.js) and nothing into @types`, () => {
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages).filter((k) => k.startsWith('node_modules/')).map((k) => k.slice('node_modules/'.length)).sort();
    console.log(`[tarball] packages installed: ${installed.length} (${installed.join(', ')}); target ≤ ${TARGET.packages}`);
    expect(installed).toEqual(['decimal.js', 'yibao-rules', 'zod']);
    expect(existsSync(join(dir, 'node_modules/@types'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules/exceljs'))).toBe(false);
  });

  it('ships no text that points at files users do not have', () => {
    const files = run('tar', ['-tzf', tarball]).split('\n').filter((f) => /\.(js|cjs|ts|cts|json|md|map)$/.test(f));
    const offenders = files.filter((f) => /shared\/|DOMAIN\.md/.test(run('tar', ['-xzOf', tarball, f])));
    expect(offenders).toEqual([]);
  });

  it('imports and quotes from ESM and CommonJS, define included', () => {
    const q = "({county:'岢岚',coverageYear:2022,categories:['低保对象'],paidOn:'2021-12-01'})";
    expect(node(['--input-type=module', '-e', `import { quote } from 'yibao-rules'; console.log(quote${q}.individual)`])).toBe('40.00');
    expect(node(['--input-type=commonjs', '-e', `console.log(require('yibao-rules').quote${q}.subsidy)`])).toBe('280.00');
    expect(node(['--input-type=module', '-e', "import { definePolicy } from 'yibao-rules/define'; import { BUILTIN_POLICIES } from 'yibao-rules'; console.log(definePolicy(JSON.parse(JSON.stringify(BUILTIN_POLICIES[0]))).id)"])).toBe('xiangning-2023');
    expect(node(['--input-type=commonjs', '-e', "console.log(require('yibao-rules/define').safeDefinePolicy({}).error.code)"])).toBe('missing_field');
  });

  it('quotes without zod: `import { quote }` loads no schema library (zod removed from node_modules)', () => {
    renameSync(join(dir, 'node_modules/zod'), join(dir, 'node_modules/.zod-away'));
    try {
      expect(node(['--input-type=module', '-e', "import { quote } from 'yibao-rules'; console.log(quote({county:'沁水',coverageYear:2025}).standard)"])).toBe('400.00');
      expect(node(['--input-type=commonjs', '-e', "console.log(require('yibao-rules').listPolicies().length)"])).toBe('5');
      // …while the define entry does need it.
      expect(() => node(['--input-type=module', '-e', "await import('yibao-rules/define')"])).toThrow(/zod/);
    } finally {
      renameSync(join(dir, 'node_modules/.zod-away'), join(dir, 'node_modules/zod'));
    }
  });

  it('the CLI works without exceljs, and asks for it (in both languages) only for XLSX', () => {
    const cli = join(dir, 'node_modules/.bin/yibao-rules');
    expect(run(cli, ['quote', '--county', '岢岚', '--year', '2022', '--category', '低保对象', '--json'])).toContain('"individual": "40.00"');
    write('roster.csv', '姓名,县,待遇年度,类别\n甲,岢岚,2022,低保对象\n');
    run(cli, ['roster', 'roster.csv', '--out', 'roster.out.csv', '--no-id-check']);
    expect(readFileSync(join(dir, 'roster.out.csv'), 'utf8')).toContain('40.00');
    let stderr = '';
    try {
      run(cli, ['workbook', '--county', '岢岚', '--year', '2022', '--out', 'x.xlsx']);
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toMatch(/需要 exceljs.*needs exceljs/s);
    expect(stderr).toContain('npx -p yibao-rules -p exceljs yibao-rules workbook');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('exports the JSON Schemas and the global build', () => {
    const out = node([
      '--input-type=commonjs',
      '-e',
      [
        "const p = require('yibao-rules/schema/policy.json'), q = require('yibao-rules/schema/quote-input.json'), r = require('yibao-rules/schema/quote-result.json');",
        "const vm = require('node:vm'), fs = require('node:fs'); const ctx = {}; vm.createContext(ctx);",
        "vm.runInContext(fs.readFileSync(require.resolve('yibao-rules/global'), 'utf8'), ctx);",
        "console.log([p.type, q.type, Object.keys(q.properties).sort().join(), r.required.length, vm.runInContext(\"YibaoRules.quote({county:'岢岚',coverageYear:2022,categories:['特困人员']}).individual\", ctx)].join(' '))",
      ].join('\n'),
    ]);
    expect(out).toBe('object object birthDate,categories,county,coverageYear,paidOn 19 0.00'); // 19: every field of a Quote is required (null where nothing is stated)
  });

  it('mixes its ESM and CommonJS builds: errors and registries are recognised across them', () => {
    const out = node([
      '--input-type=module',
      '-e',
      [
        "import { createRequire } from 'node:module'; import * as esm from 'yibao-rules';",
        "const cjs = createRequire(import.meta.url)('yibao-rules');",
        "const r = esm.safeQuote({ county: '不存在', coverageYear: 2022 }, cjs.builtinRegistry);",
        "const ok = esm.quote({ county: '岢岚', coverageYear: 2022 }, cjs.createRegistry(esm.BUILTIN_POLICIES)).individual;",
        "console.log([r.error.code, r.error instanceof cjs.YibaoError, cjs.YibaoError.is(r.error), cjs.builtinRegistry instanceof esm.PolicyRegistry, ok].join(' '))",
      ].join('\n'),
    ]);
    expect(out).toBe('unknown_county true true true 320.00');
  });

  it('exports no internal helper from its main entry (ESM or CommonJS)', () => {
    const internal = ['quoteOrError', 'quoteStrings', 'compilePolicy', 'evaluateRule', 'funderNames', 'dayNumberFromSerial', 'normaliseDateText', 'splitCategories', 'coverageYearFromText'];
    const names = (input: string) => node([`--input-type=${input}`, '-e', input === 'module' ? "import * as m from 'yibao-rules'; console.log(Object.keys(m).join())" : "console.log(Object.keys(require('yibao-rules')).join())"]).split(',');
    for (const input of ['module', 'commonjs']) {
      const exported = names(input);
      expect(exported).toContain('safeQuoteUnknown');
      expect(exported.filter((n) => internal.includes(n))).toEqual([]);
    }
  });
});

describe('TypeScript, strict, without skipLibCheck', () => {
  const ok = [
    "import { builtinRegistry, createRegistry, isCivilDate, quote, safeQuote, safeQuoteUnknown, YibaoError, type BuiltinQuoteInput, type Quote, type QuoteInput } from 'yibao-rules';",
    "import { definePolicy, type PolicyInput } from 'yibao-rules/define';",
    "const input: BuiltinQuoteInput = { county: '岢岚', coverageYear: 2022, categories: ['低保对象', 'extreme-poverty'], paidOn: '2021-12-01' };",
    'const q: Quote = quote(input);',
    'const r = safeQuote(input);',
    'export const out: string | null = r.success ? r.data.individual : r.error.code;',
    'export const isErr: boolean = YibaoError.is(r);',
    'export const f = (p: PolicyInput) => definePolicy(p);',
    'export const first = q.explain[0];',
    "export const narrowed: string = q.status === 'determined' ? q.individual : '';",
    // Names typed string: with a registry (your own policies, or the built-ins').
    "declare const row: { county: string; categories: string[]; paidOn: string };",
    'const open: QuoteInput = { county: row.county, coverageYear: 2022, categories: row.categories, paidOn: row.paidOn };',
    'export const a = quote(open, builtinRegistry);',
    "export const b = safeQuote({ county: '示例', coverageYear: 2026, categories: ['本县自有类别'] }, createRegistry([]));",
    // Untrusted data: unknown goes to safeQuoteUnknown; JSON.parse's any fits quote as it is.
    "declare const body: unknown;",
    'export const c = safeQuoteUnknown(body);',
    "export const d = safeQuote(JSON.parse('{}'));",
    "export const e = isCivilDate(row.paidOn) ? quote({ county: 'kelan', coverageYear: 2022, paidOn: row.paidOn }) : null;",
  ].join('\n');
  // The typos of issue 11, and the internal helpers no longer in the entry.
  const typos = [
    "import { quote, safeQuote } from 'yibao-rules';",
    "const county = '岢岚';",
    '// @ts-expect-error — coverageYaer is not a field',
    "quote({ county: '岢岚', coverageYaer: 2022 });",
    '// @ts-expect-error — coverageYaer is not a field',
    'safeQuote({ county, coverageYaer: 2022 });',
    '// @ts-expect-error — coverageYear is a number',
    "quote({ county: '岢岚', coverageYear: '2022' });",
    "// @ts-expect-error — 'alowance'",
    "quote({ county, coverageYear: 2022, categories: ['minimum-living-alowance'] });",
    '// @ts-expect-error — a date is YYYY-MM-DD',
    "quote({ county, coverageYear: 2022, paidOn: '2021/12/01' });",
    '// @ts-expect-error — no such county among the built-ins',
    "quote({ county: '岢兰', coverageYear: 2022 });",
    '// @ts-expect-error — internal, not exported',
    "import { evaluateRule, quoteOrError, normaliseDateText } from 'yibao-rules';",
  ].join('\n');
  const strict = { strict: true, noEmit: true, skipLibCheck: false, types: [] as string[], lib: ['es2022', 'dom'], noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true };

  it.concurrent.each([
    ['nodenext (ESM)', { module: 'nodenext', moduleResolution: 'nodenext' }, 'ts-esm', 'module'],
    ['nodenext (CommonJS)', { module: 'nodenext', moduleResolution: 'nodenext' }, 'ts-cjs', 'commonjs'],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'ts-bundler', 'module'],
  ] as const)('%s: compiles a consumer, and the typos fail to compile', async (_, options, sub, type) => {
    write(`${sub}/package.json`, JSON.stringify({ type }));
    write(`${sub}/ok.ts`, ok);
    write(`${sub}/typos.ts`, typos);
    write(`${sub}/tsconfig.json`, JSON.stringify({ compilerOptions: { ...strict, ...options }, files: ['ok.ts', 'typos.ts'] }));
    expect(await tsc(join(dir, sub))).toBe('');
  });
});

describe('esbuild: a browser bundle of one quote() call', () => {
  it(`is at most ${TARGET.bundleGzipBytes / 1024} kB gzipped and holds no zod`, () => {
    write('bundle/entry.js', "import { quote } from 'yibao-rules';\nconsole.log(quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'] }).individual);\n");
    const esbuild = join(ROOT, 'node_modules/.bin/esbuild');
    run(esbuild, ['bundle/entry.js', '--bundle', '--minify', '--platform=browser', '--format=esm', '--outfile=bundle/out.js', '--metafile=bundle/meta.json', '--log-level=error']);
    const bytes = readFileSync(join(dir, 'bundle/out.js'));
    const gz = gzipSync(bytes, { level: 9 }).length;
    const inputs = Object.keys((JSON.parse(readFileSync(join(dir, 'bundle/meta.json'), 'utf8')) as { inputs: object }).inputs);
    console.log(`[tarball] esbuild bundle of quote(): ${(bytes.length / 1024).toFixed(1)} kB minified, ${(gz / 1024).toFixed(1)} kB gzipped; target ≤ ${TARGET.bundleGzipBytes / 1024} kB gzipped`);
    expect(inputs.filter((f) => f.includes('node_modules/zod'))).toEqual([]);
    expect(gz).toBeLessThanOrEqual(TARGET.bundleGzipBytes);
    // The bundle runs.
    expect(node(['bundle/out.js'])).toBe('40.00');
    expect(readdirSync(join(dir, 'bundle'))).toContain('out.js');
  });
});
