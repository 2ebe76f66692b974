/** The built CLI, run as a user runs it (child process). `npm test` builds first. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/cli/csv.js';
import { builtinRegistry, quote } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const CLI = join(ROOT, 'dist/cli.js');
const SAMPLE = join(ROOT, 'fixtures/rosters/sample.csv');
const dir = mkdtempSync(join(tmpdir(), 'yibao-e2e-'));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const sampleText = readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, '');
const sampleRows = sampleText.trimEnd().split('\r\n').length - 1;

type Row = Record<string, string | null>;
const roster = (input: string, out: string, ...more: string[]) => {
  const r = run('roster', input, '--out', out, '--json', '--lang', 'en', ...more);
  return { ...r, summary: r.out ? JSON.parse(r.out) : undefined };
};

describe('yibao-rules roster', () => {
  let rows: Row[];
  let summary: any;
  beforeAll(() => {
    const r = roster(SAMPLE, join(dir, 'sample.json'));
    expect(r.code).toBe(2); // done, but some rows had errors (on purpose)
    summary = r.summary;
    rows = JSON.parse(readFileSync(join(dir, 'sample.json'), 'utf8'));
  });

  it('gives N rows out for N rows in, in the same order', () => {
    expect(rows).toHaveLength(sampleRows);
    expect(summary.rows).toBe(sampleRows);
    const names = sampleText.split('\r\n').slice(1, -1).map((l) => l.split(',')[0]);
    expect(rows.map((r) => r['姓名'])).toEqual(names);
  });

  it('flags both rows of a duplicated ID, and wrong check characters and impossible birth dates', () => {
    const dup = rows.filter((r) => r.errorCode === 'duplicate_id');
    expect(dup).toHaveLength(2);
    expect(dup[0]!['身份证号']).toBe(dup[1]!['身份证号']);
    // A flagged row shows no amounts (they are not in the totals either).
    expect(dup.every((r) => r.subsidy === null && r.individual === null && r.standard === null)).toBe(true);
    const bad = rows.filter((r) => r.errorCode === 'invalid_id');
    expect(bad.map((r) => r['姓名'])).toEqual(['吴错一', '吴错二']);
  });

  it('keeps ID numbers as text, digit for digit', () => {
    expect(rows.every((r) => typeof r['身份证号'] === 'string' && /^\d{17}[\dX]$/.test(r['身份证号']!))).toBe(true);
  });

  it('its totals equal the sum of the per-row quotes of the library', () => {
    let subsidy = 0;
    let due = 0;
    let n = 0;
    for (const r of rows) {
      if (r.errorCode || r.status !== 'determined') continue;
      const date = r['缴费日期']!.replace(/^(\d{4})[/年](\d{1,2})[/月](\d{1,2})日?$/, (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
      const birth = `${r['身份证号']!.slice(6, 10)}-${r['身份证号']!.slice(10, 12)}-${r['身份证号']!.slice(12, 14)}`;
      const cats = r['类别'] ? r['类别'].split(/[、;/](?![^（]*）)/) : [];
      const q = quote({ county: r['县']!, coverageYear: Number(r['待遇年度']), categories: cats, paidOn: date, birthDate: birth }, builtinRegistry);
      expect(q.subsidy, r['姓名']!).toBe(r.subsidy);
      subsidy += Math.round(Number(q.subsidy) * 100);
      due += Math.round(Number(q.dueAtPayment) * 100);
      n++;
    }
    expect(n).toBeGreaterThan(80);
    expect(summary.totals.subsidy).toBe((subsidy / 100).toFixed(2));
    expect(summary.totals.dueAtPayment).toBe((due / 100).toFixed(2));
    const byFunder = summary.byFunder.reduce((s: number, f: any) => s + Math.round(Number(f.subsidy) * 100), 0);
    expect(byFunder).toBe(subsidy);
  });

  it('reads UTF-8 without BOM and GB18030 alike, and writes CSV and XLSX', async () => {
    const plain = join(dir, 'plain.csv');
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(plain, sampleText);
    writeFileSync(gbk, iconv.encode(sampleText, 'gb18030'));
    for (const f of [plain, gbk]) {
      const r = roster(f, join(dir, 'o.csv'));
      expect(r.code).toBe(2);
      expect(r.summary.totals).toEqual(summary.totals);
      const out = readFileSync(join(dir, 'o.csv'), 'utf8');
      expect(out.trimEnd().split('\r\n')).toHaveLength(sampleRows + 1);
      expect(out).toContain('沁水');
    }
    const rx = roster(SAMPLE, join(dir, 'o.xlsx'));
    expect(rx.code).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'o.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(sampleRows + 1);
    expect(typeof ws.getRow(2).getCell(2).value).toBe('string'); // the ID stays text
  });

  it('reads XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    for (const line of sampleText.trimEnd().split('\r\n')) ws.addRow(line.split(','));
    ws.getCell(sampleRows + 3, 1).value = '末行'; // row sampleRows + 2 left empty: kept, and reported
    const f = join(dir, 'in.xlsx');
    await wb.xlsx.writeFile(f);
    const r = roster(f, join(dir, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.summary.rows).toBe(sampleRows + 2);
    expect(r.summary.errorsByCode.empty_row).toBe(1);
    expect(r.summary.totals).toEqual(summary.totals);
    const out = JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')) as Row[];
    expect(out.slice(-2).map((x) => [x['姓名'], x.errorCode])).toEqual([['', 'empty_row'], ['末行', 'missing_id']]);
  });

  it('exits 0 when every row is good, and takes county and year from flags', () => {
    const f = join(dir, 'good.csv');
    writeFileSync(f, '姓名,类别\n甲,低保对象\n乙,\n');
    const r = roster(f, join(dir, 'good.out.csv'), '--county', '岢岚', '--year', '2022', '--no-id-check');
    expect(r.code).toBe(0);
    expect(r.summary.totals.subsidy).toBe('280.00');
  });

  it.each([
    ['an empty file', '', /空|empty/],
    ['binary garbage', Buffer.from([0, 1, 2, 255, 254, 0, 3, 0x89, 0x50, 0x4e, 0x47]), /二进制|binary/],
    ['a header without the needed columns', 'foo,bar\n1,2\n', /缺少必要的列|lacks the needed columns/],
    ['no header (data only)', '张三,140929197001010011,岢岚,2022\n', /缺少必要的列|lacks the needed columns/],
  ])('%s: a clear message and exit 1', (_, content, msg) => {
    const f = join(dir, 'bad.csv');
    writeFileSync(f, content);
    const r = run('roster', f, '--out', join(dir, 'bad.out.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(msg);
  });

  it('creates the output folder', () => {
    const r = roster(SAMPLE, join(dir, 'new', 'folder', 'out.csv'));
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'new', 'folder', 'out.csv'), 'utf8').length).toBeGreaterThan(1000);
  });

  it('writes CSV, JSON and XLSX that agree row for row; rows not flagged keep their bytes; no working file is left', async () => {
    const csv = roster(SAMPLE, join(dir, 'agree.csv'));
    const json = roster(SAMPLE, join(dir, 'agree.json'));
    const xlsx = roster(SAMPLE, join(dir, 'agree.xlsx'));
    expect([csv.code, json.code, xlsx.code]).toEqual([2, 2, 2]);
    expect(csv.summary.totals).toEqual(json.summary.totals);
    const [head, ...body] = parseCsv(readFileSync(join(dir, 'agree.csv')));
    const fromJson = JSON.parse(readFileSync(join(dir, 'agree.json'), 'utf8')) as Row[];
    const keys = Object.keys(fromJson[0]!);
    const original = head!.length - 17;
    const listKeys = new Set(['funders', 'warnings', 'warningCodes']);
    const typed = (k: string, v: string) => (k === 'windowOpen' ? (v === '' ? null : v === 'yes') : listKeys.has(k) ? (v === '' ? [] : v.split(k === 'warningCodes' ? ';' : '; ')) : v === '' ? null : v);
    expect(body.map((r) => Object.fromEntries(r.map((v, i) => (i < original ? [head![i], v] : [keys[i], typed(keys[i]!, v)]))))).toEqual(fromJson);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'agree.xlsx'));
    const codes: unknown[] = [];
    const subsidies: unknown[] = [];
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n === 1) return;
      codes.push((row.values as unknown[])[head!.length - 1] ?? null); // values are 1-based
      subsidies.push((row.values as unknown[])[original + 3] ?? null);
    });
    expect(codes).toEqual(fromJson.map((r) => r.errorCode));
    // Money as numbers (0.00 format), blanks blank.
    expect(subsidies).toEqual(fromJson.map((r) => (r.subsidy === null ? null : Number(r.subsidy))));
    expect(wb.worksheets[0]!.getRow(2).getCell(original + 3).numFmt).toBe('0.00');
    // The duplicates are flagged after the pass; every other line starts with the input line as it was.
    const inLines = sampleText.split('\r\n').slice(1, -1);
    const outLines = readFileSync(join(dir, 'agree.csv'), 'utf8').split('\r\n').slice(1, -1);
    outLines.forEach((l, i) => expect(l.startsWith(`${inLines[i]},`)).toBe(true));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('may write over its own input', () => {
    const f = join(dir, 'inplace.csv');
    copyFileSync(SAMPLE, f);
    const r = roster(f, f);
    expect(r.code).toBe(2);
    const out = parseCsv(readFileSync(f));
    expect(out).toHaveLength(sampleRows + 1);
    expect(out[0]).toContain('subsidy');
  });

  it('a missing file: exit 1', () => {
    const r = run('roster', join(dir, 'nope.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/找不到文件|not found/);
  });
});

describe('yibao-rules quote, policies, policy, help', () => {
  it('quote prints the table with the explanation, or JSON', () => {
    const r = run('quote', '--county', '岢岚', '--year', '2022', '--category', '低保对象', '--paid-on', '2021-12-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/个人缴费: 40\.00/);
    expect(r.out).toMatch(/二、3/);
    const j = JSON.parse(run('quote', '--county', 'kelan', '--year', '2022', '--category', '低保对象', '--json').out);
    expect(j.subsidy).toBe('280.00');
    expect(run('quote', '--county', 'kelan', '--year', '2022', '--lang', 'en').out).toMatch(/individual: 320\.00/);
  });
  it('quote reads dates as offices write them, with the roster\'s reader', () => {
    const iso = JSON.parse(run('quote', '--county', '岢岚', '--year', '2022', '--paid-on', '2021-12-01', '--json').out);
    for (const d of ['2021/12/1', '2021年12月1日', '20211201', '44531']) {
      const r = run('quote', '--county', '岢岚', '--year', '2022', '--paid-on', d, '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toEqual(iso);
    }
  });
  it('npm start: the summary has a table per policy, all five counties by name', () => {
    const r = run('roster', SAMPLE, '--out', join(dir, 'start.csv'));
    expect(r.code).toBe(2);
    for (const c of ['乡宁县', '陵川县', '岢岚县', '民权县', '沁水县']) expect(r.out).toContain(c);
    expect(r.out).toMatch(/编码: UTF-8/);
  });
  it('a bad quote is exit 1 with the typed error', () => {
    const r = run('quote', '--county', '岢岚', '--year', '2022', '--paid-on', '2021-02-30');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/invalid_date/);
  });
  it('policies and policy', () => {
    expect(run('policies').out).toMatch(/kelan-2022/);
    const p = run('policy', '沁水', '2025', '--json');
    expect(JSON.parse(p.out).standard.amount).toBe('400.00');
    expect(run('policy', '沁水', '2025').out).toMatch(/99\.5%/);
  });
  it.each(['quote', 'policies', 'policy', 'roster'])('%s --help is bilingual', (c) => {
    const r = run(c, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.out).toMatch(/[a-z]{4}/);
  });
  it('an unknown command is exit 1', () => expect(run('frobnicate').code).toBe(1));
});
