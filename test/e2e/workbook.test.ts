/**
 * The self-calculating workbook, filled with rows of every kind and recalculated
 * by a real spreadsheet program (LibreOffice Calc, headless). Every computed
 * cell must equal what `quote` gives for the row read the way the roster job
 * reads it; a row `quote` rejects must show its error code and no amount.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCivilDate, parseCivilDate } from '../../src/civil-date.js';
import { csvRow, parseCsv } from '../../src/cli/csv.js';
import { checkIdNumber } from '../../src/cli/id-number.js';
import { runRoster } from '../../src/cli/roster.js';
import { makeId } from '../../scripts/fake-id.js';
import { buildWorkbook, dropDownNames, exampleRows, noticeCategoryNames, ROSTER_ROWS, sheetFunders, type InputCell, type InputRow } from '../../src/cli/workbook.js';
import { loadPolicyFiles } from '../../src/cli/policy-files.js';
import type { CompiledPolicy } from '../../src/engine.js';
import { YibaoError } from '../../src/errors.js';
import { normaliseDateText } from '../../src/input-text.js';
import { BUILTIN_POLICIES, MECHANISM_NAMES, type Policy, type Quote } from '../../src/index.js';
import { quoteOrError } from '../../src/quote.js';
import { builtinRegistry } from '../../src/registry.js';
import { shortWarnings } from '../../src/sheet/warnings.js';
import { ROOT } from '../helpers.js';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!soffice) console.warn('[yibao-rules tests] LibreOffice (soffice) is not installed: the workbook recalculation test is SKIPPED. Install it with `bash scripts/setup-libreoffice.sh` (.ci/run does).');

const dir = mkdtempSync(join(tmpdir(), 'yibao-wb-'));
/** A private LibreOffice profile that recalculates every formula when a file is loaded. */
function profile(): string {
  const p = join(dir, 'profile');
  mkdirSync(join(p, 'user'), { recursive: true });
  const item = (name: string) => `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(join(p, 'user', 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item('OOXMLRecalcMode')}${item('ODFRecalcMode')}</oor:items>\n`);
  return `file://${p}`;
}

const SERIAL = 25569;
const serial = (day: number) => day + SERIAL;

/** A date cell in the ways people fill one; `day` is the civil day meant. */
function dateForms(day: number): InputCell[] {
  const [y, m, d] = formatCivilDate(day).split('-') as [string, string, string];
  const M = String(Number(m));
  const D = String(Number(d));
  return [serial(day), serial(day) + 0.4375, serial(day) + 0.999, `${y}-${m}-${d}`, `${y}/${M}/${D}`, `${y}.${M}.${D}`, `${y}年${M}月${D}日`, `${y}${m}${d}`, Number(`${y}${m}${d}`), ` ${y}-${m}-${d}\u3000`, `\u00a0${y}/${M}/${D}\t`];
}

/** Dates that are not dates, or not ones the roster reads. */
const BAD_DATES: InputCell[] = ['2022-02-30', '2021-13-01', '2021/2/29', '20210230', '2021-12-01 10:30', '2021年12月1号', '2021月12年1日', '12/01/2021', 'abc', '2021-1-1-1', '2200-01-01', 5, 3_000_000, 20211301, '２０２１-12-01'];

/** What the roster job reads from a date cell: a civil date, undefined for none, or the text quote will reject. */
function readDate(v: InputCell): string | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'number') {
    if (v >= 10_000_000 && Number.isInteger(v)) return normaliseDateText(String(v));
    const whole = Math.floor(v);
    if (whole < 61) return `serial ${v}`;
    return formatCivilDate(whole - SERIAL);
  }
  const t = normaliseDateText(v);
  return t === '' ? undefined : t;
}

/** The built-ins and two user policies (own categories, tiers, a 50% group, an inferred window, no stated window). */
const USER_FILES = ['yangqu-2022.json', 'xiejiachacun-2023.json'].map((f) => join(ROOT, 'fixtures', 'policies', f));
const { registry, loaded } = loadPolicyFiles(USER_FILES);
const compiled = (p: Policy): CompiledPolicy => registry.lookup(p.county.pinyin, p.coverageYear.year) as CompiledPolicy;

/** Every kind of row for one policy. */
function rowsFor(cp: CompiledPolicy): InputRow[] {
  const names = noticeCategoryNames(cp);
  // Xiangning's notice names no category: the vocabulary's names still read (as categories the notice is silent about).
  const first = names[0] ?? '低保对象';
  const second = names[1] ?? first;
  // Without a stated window: the coverage period's first month stands in for it.
  const start = cp.window?.start ?? parseCivilDate(cp.coverage!.start)!;
  const end = cp.window?.end ?? start + 30;
  const rows: InputRow[] = [];
  const add = (c: [InputCell, InputCell, InputCell], paid: InputCell, birth: InputCell = null) => rows.push([`测试${rows.length + 1}`, null, c[0], c[1], c[2], paid, birth]);
  // Days where a decision changes: the window's edges, each condition's edges, suspensions, days of the month.
  const days = new Set<number>([start - 1, start, start + 1, end - 1, end, end + 1]);
  for (const [lo, hi] of cp.conditions) for (const d of [lo - 1, lo, hi, hi + 1]) if (d > start - 400 && d < end + 400) days.add(d);
  for (const s of cp.policy.collection?.suspensions ?? []) for (const d of [parseCivilDate(s.from)! - 1, parseCivilDate(s.from)!, parseCivilDate(s.resumesOn)! - 1, parseCivilDate(s.resumesOn)!]) days.add(d);
  const w = cp.window;
  if (w) for (let d = start; d <= end; d++) if (w.days[d - start]!.open !== w.days[d - start - 1]?.open) days.add(d);
  // Every category on every such day, as a date cell; a few categories in every form of date.
  for (const name of ['', ...names, 'minimum-living-allowance']) for (const d of days) add([name, null, null], serial(d));
  for (const d of [start, end, ...[...days].slice(6, 10)]) for (const form of dateForms(d)) add([second, null, null], form);
  for (const form of dateForms(end)) add([first, null, null], form);
  // No payment date; several categories; stray spaces; unknown categories.
  for (const name of ['', ...names]) add([name, null, null], null);
  for (let i = 0; i + 2 < names.length; i++) add([names[i]!, names[i + 1]!, names[i + 2]!], serial(start + 3));
  add([first, names.at(-1) ?? second, null], serial(end));
  for (const sp of [' ', '\u3000', '\u00a0', '\t']) add([`${second}${sp}`, `${sp}${first}`, null], serial(start + 5));
  for (const bad of ['公务员', '低保*', '低保?象', 'MINIMUM-LIVING-ALLOWANCE', '低保  对象', '1']) add([first, bad, null], serial(start + 5));
  add(['\u3000', '', ' '], serial(start + 5));
  // Names whose members the notice treats differently (ambiguous_category), and short forms broader than the notice's name (a warning).
  for (const name of [...cp.ambiguous.keys()].slice(0, 4)) add([first, name, null], serial(start + 5));
  for (const name of [...cp.broader.keys()].slice(0, 4)) for (const paid of [serial(start + 5), null, serial(end + 3)]) add([name, null, null], paid);
  // Dates that are not dates, in either column; birth after payment; newborns.
  for (const bad of BAD_DATES) add([first, null, null], bad);
  for (const bad of BAD_DATES.slice(0, 5)) add([first, null, null], serial(start + 5), bad);
  add([first, null, null], serial(start + 5), serial(start + 6));
  add([first, null, null], `${formatCivilDate(start + 5)}`, formatCivilDate(start + 5));
  add(['', null, null], null, serial(start + 6));
  for (const [b, p] of [[end + 10, end + 40], [end + 10, end + 200], [end + 10, end + 10], [end + 10, end + 9], [end - 30, end + 20], [start - 400, end + 20]] as const) {
    add(['', null, null], serial(p), serial(b));
    add([first, null, null], formatCivilDate(p).replace(/-/g, '/'), `${formatCivilDate(b)} `);
  }
  // Made-up ID numbers (valid check characters, never real people): most rows one of their own.
  rows.forEach((r, i) => (r[1] = makeId('149900', '1980-01-01', i + 1)));
  // The birth date from the ID when none is given: a newborn by the ID, a birth after payment by the ID.
  for (const [b, p] of [[end + 10, end + 40], [end + 10, end + 9]] as const) {
    add(['', null, null], serial(p));
    rows.at(-1)![1] = makeId('149900', formatCivilDate(b), 1);
  }
  // ID problems: missing, wrong length, wrong check character, a date that does not exist, duplicates, spaces, a lower-case x.
  const withId = (id: InputCell) => {
    add([first, null, null], serial(start + 5));
    rows.at(-1)![1] = id;
  };
  const good = makeId('149900', '1975-06-30', 7);
  withId(null);
  withId('　');
  withId('14990019750630007');
  withId(`${good.slice(0, 17)}${good.endsWith('1') ? '2' : '1'}`);
  withId(makeId('149900', '1975-02-30', 7));
  withId(makeId('149900', '1975-06-30', 8));
  withId(` ${makeId('149900', '1975-06-30', 8)}　`);
  withId(good);
  const x = Array.from({ length: 200 }, (_, i) => makeId('149900', '1990-01-01', i)).find((v) => v.endsWith('X'))!;
  withId(x.toLowerCase());
  return rows;
}

/** The values a row must show: from quote, or the error; a blank birth date is the ID's, as in the roster job. */
function expected(p: Policy, row: InputRow): Quote | YibaoError {
  const categories = [row[2], row[3], row[4]].map((c) => (c === null ? '' : String(c).trim())).filter(Boolean);
  const paidOn = readDate(row[5]);
  const id = row[1] === null ? undefined : checkIdNumber(String(row[1]));
  const birthDate = readDate(row[6]) ?? (id?.ok ? id.birthDate : undefined);
  return quoteOrError({ county: p.county.pinyin, coverageYear: p.coverageYear.year, categories, paidOn, birthDate }, registry);
}

/** A row as the roster job reads the same roster from a CSV file: dates as the text a date cell exports. */
function csvOf(p: Policy, row: InputRow): string[] {
  const text = (v: InputCell) => (v === null ? '' : String(v));
  const date = (v: InputCell) => (typeof v === 'number' && v < 10_000_000 ? (v >= 61 && v < 109_575 ? formatCivilDate(Math.floor(v) - SERIAL) : `serial ${v}`) : text(v));
  const categories = [row[2], row[3], row[4]].map(text).join('、');
  return [text(row[0]), text(row[1]), p.county.name, String(p.coverageYear.year), categories, date(row[5]), date(row[6])];
}

/**
 * The code the roster job gives each row, for policies it cannot load (it takes no --policy): an
 * identity problem first (duplicates among valid IDs, then missing, then invalid), then quote's.
 */
function rosterCodesOf(p: Policy, rows: readonly InputRow[]): string[] {
  const ids = rows.map((r) => (r[1] === null || String(r[1]).trim() === '' ? undefined : checkIdNumber(String(r[1]))));
  const count = new Map<number, number>();
  for (const id of ids) if (id?.ok) count.set(id.key, (count.get(id.key) ?? 0) + 1);
  return rows.map((r, i) => {
    const id = ids[i];
    if (id === undefined) return 'missing_id';
    if (!id.ok) return id.code;
    if (count.get(id.key)! > 1) return 'duplicate_id';
    const q = expected(p, r);
    return q instanceof YibaoError ? q.code : '';
  });
}

const CASES = [...BUILTIN_POLICIES, ...loaded].map((p) => ({ p, user: loaded.includes(p), rows: rowsFor(compiled(p)) }));

// CI installs LibreOffice (.ci/run): there a missing soffice fails the run instead of skipping.
describe.skipIf(!soffice && !process.env.CI)('yibao-rules workbook, filled with every kind of row and recalculated by LibreOffice Calc', () => {
  const sheets = new Map<string, string[][]>();
  const rosterCodes = new Map<string, string[]>();
  beforeAll(async () => {
    const files: string[] = [];
    for (const { p, user, rows } of CASES) {
      const file = join(dir, `${p.id}.xlsx`);
      await buildWorkbook({ county: p.county.pinyin, year: p.coverageYear.year, out: file, rows, registry });
      files.push(file);
      const cp = compiled(p);
      const all: InputRow[] = [...exampleRows(cp).map((e): InputRow => [e[0], null, e[1] || null, e[2] || null, e[3] || null, e[4] || null, e[5] || null]), ...rows];
      if (user) {
        rosterCodes.set(p.id, rosterCodesOf(p, all));
        continue;
      }
      // The same rows through the roster job (CSV in, CSV out): its error code for each row.
      const csv = join(dir, `${p.id}.roster.csv`);
      writeFileSync(csv, ['姓名,身份证号,县,待遇年度,类别,缴费日期,出生日期\r\n', ...all.map((r) => csvRow(csvOf(p, r)))].join(''));
      await runRoster({ input: csv, out: join(dir, `${p.id}.roster.out.csv`), lang: 'zh' });
      const [head, ...out] = parseCsv(readFileSync(join(dir, `${p.id}.roster.out.csv`), 'utf8').replace(/^\uFEFF/, ''));
      rosterCodes.set(p.id, out.map((r) => r[head!.indexOf('错误代码')]!));
    }
    // One LibreOffice run for all five workbooks: every sheet to CSV, after a full recalculation.
    execFileSync(soffice, [`-env:UserInstallation=${profile()}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, ...files], { stdio: 'pipe', timeout: 240_000 });
    for (const { p } of CASES) sheets.set(p.id, parseCsv(readFileSync(join(dir, `${p.id}-花名册.csv`))));
  }, 300_000);

  it.each(CASES.map((c) => [c.p.id, c] as const))('%s: every computed cell equals quote; rejected rows show their code and no amount', (id, { p, rows }) => {
    const [head, ...data] = sheets.get(id)!;
    const col = (name: string) => {
      const i = head!.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    const cp = compiled(p);
    const inputs: InputRow[] = [...exampleRows(cp).map((e): InputRow => [e[0], null, e[1] || null, e[2] || null, e[3] || null, e[4] || null, e[5] || null]), ...rows];
    expect(data.length).toBeGreaterThanOrEqual(ROSTER_ROWS);
    let rejected = 0;
    let flaggedNone = 0;
    const codes = rosterCodes.get(id)!;
    inputs.forEach((row, i) => {
      const r = data[i]!;
      const q = expected(p, row);
      const where = `${id} row ${i + 2}: ${JSON.stringify(row.slice(1))} quote: ${q instanceof YibaoError ? q.code : 'ok'}, roster: ${codes[i]}, workbook: ${r[col('错误代码')]} ${r[col('提示')]}`;
      const cell = (name: string) => r[col(name)];
      // Flagged as the roster job flags the same row (identity problems first).
      expect(cell('错误代码'), where).toBe(codes[i]);
      if (q instanceof YibaoError) {
        rejected++;
        expect(q.code === codes[i] || ['missing_id', 'invalid_id', 'duplicate_id'].includes(codes[i]!), where).toBe(true);
        expect(cell('状态'), where).toMatch(/^错误：/);
        expect(cell('提示'), where).not.toBe('');
        for (const name of ['缴费标准', '个人缴费', '资助', '缴费时应缴', '事后补退', '资助方式', '资金来源', '适用类别', '在征缴期内', '待遇开始', '待遇结束']) expect(cell(name), `${where} ${name}`).toBe('');
        return;
      }
      const money = (v: string | null) => (v === null ? '未明确' : String(Number(v)));
      const shown = (name: string) => (cell(name) === '未明确' ? '未明确' : String(Number(cell(name))));
      expect(shown('缴费标准'), where).toBe(money(q.standard));
      expect(shown('个人缴费'), where).toBe(money(q.individual));
      expect(shown('资助'), where).toBe(money(q.subsidy));
      expect(shown('缴费时应缴'), where).toBe(money(q.dueAtPayment));
      expect(shown('事后补退'), where).toBe(money(q.reimbursedLater));
      expect(cell('资助方式'), where).toBe(q.mechanism ? MECHANISM_NAMES[q.mechanism].zh : '未明确');
      expect(cell('资金来源'), where).toBe(sheetFunders(q));
      expect(cell('适用类别'), where).toBe(q.appliedCategoryName?.zh ?? '');
      expect(cell('状态'), where).toBe(q.status === 'determined' ? '已确定' : '未明确');
      expect(cell('在征缴期内'), where).toBe(q.window ? (q.window.open === null ? '未规定' : q.window.open ? '是' : '否') : '');
      expect(cell('待遇开始'), where).toBe(q.coverage?.start ?? '');
      expect(cell('待遇结束'), where).toBe(q.coverage?.end ?? '');
      const idProblem = cell('错误代码') ? /^[^；]+/.exec(cell('提示')!)![0] : '';
      if (idProblem) expect(idProblem, where).toMatch(/^(缺少身份证号|身份证号须为18位（17位数字加校验位）|身份证号校验位错误|身份证号中的出生日期不存在|身份证号与其他行重复)$/);
      expect(cell('提示'), where).toBe([idProblem, shortWarnings(q.warnings)].filter(Boolean).join('；'));
      if (!codes[i]) flaggedNone++;
    });
    expect(flaggedNone, 'rows with no problem at all').toBeGreaterThan(100);
    // A shared code whose members this notice treats differently (谢家岔村's tiers of 低保) is ambiguous.
    expect(new Set(codes)).toEqual(new Set(['', 'missing_id', 'invalid_id', 'duplicate_id', 'unknown_category', 'invalid_date', 'invalid_input', ...(cp.ambiguous.size ? ['ambiguous_category'] : [])]));
    // The rows exercise every kind: rejected ones, and accepted ones inside and outside the window.
    expect(rejected).toBeGreaterThan(20);
    expect(inputs.length - rejected).toBeGreaterThan(100);
    // The examples carry no ID number: flagged missing_id, as the roster job would.
    expect(codes[0]).toBe('missing_id');
    // Below the filled rows, the roster is blank.
    for (const r of data.slice(inputs.length, inputs.length + 50)) expect(r.slice(0, col('错误代码') + 1).every((v) => v === ''), id).toBe(true);
  });
});

describe('yibao-rules workbook (the command)', () => {
  it('writes the workbook for a county and year', () => {
    const out = join(dir, 'cli', 'kelan.xlsx');
    const msg = execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'workbook', '--county', '岢岚', '--year', '2022', '--out', out], { encoding: 'utf8' });
    expect(msg).toMatch(/kelan-2022/);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('takes --policy FILE: a county’s own policy; refuses (export_unsupported, no file) what its formulas cannot express', () => {
    const out = join(dir, 'cli', 'yangqu.xlsx');
    const msg = execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'workbook', '--county', '阳曲', '--year', '2022', '--out', out, '--policy', USER_FILES[0]!], { encoding: 'utf8' });
    expect(msg).toMatch(/yangqu-2022/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    // 竹山县 2021 extends its window for named groups: the workbook's formulas have no such rule.
    const refused = join(dir, 'cli', 'zhushan.xlsx');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'workbook', '--county', '竹山', '--year', '2021', '--out', refused, '--policy', join(ROOT, 'fixtures', 'policies', 'zhushan-2021.json')], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('[export_unsupported]');
    expect(r.stderr).toContain('延长');
    expect(existsSync(refused)).toBe(false);
  });

  it('is a sheet a clerk can use: inputs unlocked, formulas protected, helpers hidden, one drop-down, A4 page setup', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'cli', 'kelan.xlsx'));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['说明', 'visible'], ['政策', 'visible'], ['辅助', 'hidden'], ['花名册', 'visible']]);
    const ros = wb.getWorksheet('花名册')!;
    const prot = (ws: typeof ros) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
    expect(prot(ros)).toBe(true);
    expect(prot(wb.getWorksheet('政策')!)).toBe(true);
    const head = (ros.getRow(1).values as unknown[]).slice(1) as string[];
    const last = head.indexOf('错误代码') + 1;
    expect(head.slice(0, 7)).toEqual(['姓名', '身份证号', '类别1', '类别2', '类别3', '缴费日期', '出生日期']);
    expect(head).toContain('提示');
    for (const r of [2, 3, 1000, ROSTER_ROWS + 1]) {
      for (let c = 1; c <= 7; c++) expect(ros.getCell(r, c).protection?.locked, `${r},${c}`).toBe(false);
      for (let c = 8; c <= head.length; c++) expect(ros.getCell(r, c).protection?.locked ?? true, `${r},${c}`).toBe(true);
      for (let c = 8; c <= head.length; c++) expect(ros.getCell(r, c).formula ?? ros.getCell(r, c).value, `${r},${c}`).toBeTruthy();
    }
    for (let c = 1; c <= head.length; c++) expect(ros.getColumn(c).hidden, head[c - 1]).toBe(c > last);
    // The drop-down: the notice's names (from the hidden sheet), on every category cell and nowhere else.
    const dv = (ros as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const cells = Object.keys(dv);
    expect(cells).toHaveLength(3 * ROSTER_ROWS);
    expect(cells.every((a) => /^[CDE]\d+$/.test(a))).toBe(true);
    expect(new Set(Object.values(dv).map((v) => `${v.type} ${v.formulae.join()}`)).size).toBe(1);
    const kelan = builtinRegistry.compiledOf(BUILTIN_POLICIES.find((p) => p.id === 'kelan-2022')!);
    const listCol = wb.getWorksheet('辅助')!.getColumn(4).values.slice(2).filter(Boolean);
    expect(listCol).toEqual(dropDownNames(kelan));
    // Page setup: A4, landscape roster fitted to the width, its header repeated.
    expect(ros.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(wb.getWorksheet('说明')!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    expect(wb.getWorksheet('政策')!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    // The instructions' example date is inside the window, and the row limit is stated.
    const intro = (wb.getWorksheet('说明')!.getColumn(1).values as unknown[]).join('\n');
    expect(intro).toContain(`本表可填 ${ROSTER_ROWS} 行`);
    const example = /如 (\d{4}-\d{2}-\d{2})/.exec(intro)![1]!;
    expect(quoteOrError({ county: '岢岚', coverageYear: 2022, paidOn: example })).toMatchObject({ window: { open: true } });
  });
});

describe('the category drop-down', () => {
  it('lists the notice’s own names in its order, and the vocabulary’s names for a notice that names none', () => {
    const kelan = builtinRegistry.compiledOf(BUILTIN_POLICIES.find((p) => p.id === 'kelan-2022')!);
    expect(dropDownNames(kelan)).toEqual(['特困人员', '孤儿', '事实无人抚养儿童', '特困供养范围人员', '低保对象', '返贫致贫人口', '易返贫致贫人口', '脱贫不稳定人口', '边缘易致贫人口', '享受抚恤和生活补助的优抚对象', '重度残疾人']);
    const xiangning = builtinRegistry.compiledOf(BUILTIN_POLICIES.find((p) => p.id === 'xiangning-2023')!);
    expect(noticeCategoryNames(xiangning)).toEqual([]);
    expect(dropDownNames(xiangning)).toContain('低保对象');
    for (const n of dropDownNames(xiangning)) expect(xiangning.aliases.has(n), n).toBe(true);
  });
});
