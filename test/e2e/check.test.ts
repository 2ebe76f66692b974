/** `check` and `--policy`, run as a user runs them (the built CLI). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '../../src/index.js';
import { NOTICES_DIR, ROOT } from '../helpers.js';

const CLI = join(ROOT, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'yibao-check-'));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('yibao-rules check', () => {
  it.each(BUILTIN_POLICIES.map((p) => [p.id] as const))('%s: `policy --json` output passes check against its notice', (id) => {
    const [county, year] = id.split('-') as [string, string];
    const printed = run('policy', county, year, '--json');
    expect(printed.code).toBe(0);
    const file = join(dir, `${id}.json`);
    writeFileSync(file, printed.out);
    const r = run('check', file, '--notice', `${NOTICES_DIR}${id}.txt`);
    expect(r.err).toBe('');
    expect(r.out).toContain('结构、审计与引文：均通过');
    expect(r.out).toContain('个人缴费'); // the category table
    expect(r.code).toBe(0);
  });

  it('lists every problem with its code, path and both languages, and exits 1', () => {
    const p = JSON.parse(run('policy', '岢岚', '2022', '--json').out);
    p.standard.cite.quote = '每人每年九百元';
    p.coverageYear.year = 'two thousand';
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(p));
    const r = run('check', file, '--notice', `${NOTICES_DIR}kelan-2022.txt`, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain('[quote_not_in_notice]');
    expect(r.out).toContain('standard.cite.quote');
    expect(r.out).toContain('coverageYear.year');
    expect(r.out).toContain('引文在通知原文中找不到'); // the other language beside each problem
    const j = run('check', file, '--json');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out).problems.length).toBeGreaterThanOrEqual(1);
  });

  it('a file that is not JSON is a problem, not a crash', () => {
    const file = join(dir, 'not.json');
    writeFileSync(file, 'id: kelan-2022');
    const r = run('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[policy_file]');
  });
});

describe('--policy on every command', () => {
  const file = join(dir, 'kelan.json');
  writeFileSync(file, run('policy', 'kelan', '2022', '--json').out);

  it('quote: a file for a built-in county and year replaces it, with a note on stderr, and quotes the same', () => {
    const args = ['quote', '--county', '岢岚', '--year', '2022', '--category', '低保对象', '--paid-on', '2021-12-01', '--json'];
    const plain = run(...args);
    const withFile = run(...args, '--policy', file);
    expect(withFile.code).toBe(0);
    expect(withFile.err).toContain('kelan-2022');
    expect(JSON.parse(withFile.out)).toEqual(JSON.parse(plain.out));
  });

  it('policies and policy list and show a loaded policy', () => {
    const p = JSON.parse(readFileSync(file, 'utf8'));
    p.county = { ...p.county, name: '试验县', shortName: '试验', pinyin: 'shiyan', code: '999999' };
    p.id = `shiyan-${p.coverageYear.year}`;
    const mine = join(dir, 'shiyan.json');
    writeFileSync(mine, JSON.stringify(p));
    const list = run('policies', '--policy', mine);
    expect(list.code).toBe(0);
    expect(list.out).toContain('试验县');
    expect(list.out).toContain('岢岚县');
    const one = run('policy', '试验', '2022', '--policy', mine);
    expect(one.code).toBe(0);
    expect(one.out).toContain('试验县');
    const q = run('quote', '--county', 'shiyan', '--year', '2022', '--policy', mine, '--json');
    expect(JSON.parse(q.out).policyId).toBe('shiyan-2022');
  });

  it('a bad file stops the command with every issue named by file', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"id":"x"}');
    const r = run('quote', '--county', '岢岚', '--year', '2022', '--policy', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.json');
    expect(r.err.split('错误 error').length).toBeGreaterThan(3);
  });
});

describe('check: the three example policies against their texts', () => {
  it.each(['yangqu-2022', 'zhushan-2021', 'xiejiachacun-2023'])('%s passes, and lists what its text does not state', (id) => {
    const r = run('check', join(ROOT, `fixtures/policies/${id}.json`), '--notice', `${NOTICES_DIR}extra/${id}.txt`);
    expect(r.err).toBe('');
    expect(r.out).toContain('结构、审计与引文：均通过');
    expect(r.out).toContain('通知未写明');
    expect(r.code).toBe(0);
  });
  it('a user policy quotes through --policy', () => {
    const r = run('quote', '--policy', join(ROOT, 'fixtures/policies/zhushan-2021.json'), '--county', '竹山', '--year', '2021', '--paid-on', '2021-02-28', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).policyId).toBe('zhushan-2021');
  });
});

describe('roster --policy', () => {
  it('computes rows of a county that only a policy file knows, and says so per policy', () => {
    const roster = join(dir, 'yangqu.csv');
    writeFileSync(roster, '姓名,县,待遇年度,类别,缴费日期\r\n甲,阳曲,2022,,\r\n乙,阳曲县,2022,低保对象,\r\n丙,岢岚,2022,低保对象,2021-12-01\r\n');
    const out = join(dir, 'yangqu.out.json');
    const plain = run('roster', roster, '--out', out, '--no-id-check', '--json');
    expect(plain.code).toBe(2); // 阳曲 is unknown without the file
    const r = run('roster', roster, '--out', out, '--no-id-check', '--json', '--policy', join(ROOT, 'fixtures/policies/yangqu-2022.json'));
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.rows).toBe(3);
    expect(summary.errors).toBe(0);
    expect(summary.byPolicy.map((p: { county: string }) => p.county).sort()).toEqual(['岢岚县', '阳曲县']);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(3);
  });
});
