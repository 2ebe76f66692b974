/** The roster job on the files offices produce: every row accounted for, columns visible and controllable, one reading of dates and IDs. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/cli/csv.js';
import { idKey } from '../../src/cli/id-number.js';
import { runRoster, type RosterOptions } from '../../src/cli/roster.js';
import { firstInvalidLine } from '../../src/cli/roster/reading.js';
import { normaliseDateText } from '../../src/input-text.js';
import { quote } from '../../src/quote.js';
import { makeId } from '../../scripts/fake-id.js';

const dir = mkdtempSync(join(tmpdir(), 'yibao-input-'));
let k = 0;
const file = (content: string | Buffer, ext = 'csv') => {
  const f = join(dir, `in${k++}.${ext}`);
  writeFileSync(f, content);
  return f;
};
const HEAD = '姓名,身份证号,县,待遇年度,类别,缴费日期';
const id = (i: number) => makeId('140929', `${1950 + Math.floor(i / 1000)}-01-01`, i % 1000);
const line = (i: number, cat = '', paid = '2021-12-01') => `居民${i},${id(i)},岢岚,2022,${cat},${paid}`;
const lines = (n: number, from = 0) => Array.from({ length: n }, (_, i) => line(from + i));

async function job(input: string, more: Partial<RosterOptions> = {}) {
  const out = join(dir, `out${k++}.csv`);
  const s = await runRoster({ input, out, lang: 'zh', ...more });
  const [head, ...rows] = parseCsv(readFileSync(out));
  const col = (name: string) => rows.map((r) => r[head!.indexOf(name)]);
  return { s, head: head!, rows, col, out };
}

describe('every row accounted for', () => {
  it('an unterminated quote in the middle (rows that would merge) is exit 1 with its line', async () => {
    const body = lines(200);
    body[50] = body[50]!.replace('居民50', '"居民50');
    body[120] = body[120]!.replace('居民120', '居民120"');
    await expect(job(file([HEAD, ...body].join('\n')))).rejects.toThrow(/第 52 行：引号未闭合/);
  });
  it('an unterminated quote at the end of the file, and an over-long record, are exit 1 with the line', async () => {
    await expect(job(file([HEAD, ...lines(5), '"居民,岢岚'].join('\r\n')))).rejects.toThrow(/第 7 行：引号未闭合/);
    await expect(job(file([HEAD, ...lines(3), `居民,"${'长'.repeat(100_000)}"`].join('\n')))).rejects.toThrow(/第 5 行：记录超过/);
  });
  it('not a roster: exit 1 naming the header line', async () => {
    await expect(job(file('这是一份说明\n没有表格\n'))).rejects.toThrow(/第 1 行（表头）：缺少必要的列/);
  });
  it.each([['\r'], ['\n'], ['\r\n']])('line endings %j: N rows in, N out', async (eol) => {
    const r = await job(file([HEAD, ...lines(50), ''].join(eol)));
    expect(r.s.rows).toBe(50);
    expect(r.rows).toHaveLength(50);
    expect(r.s.errors).toBe(0);
  });
  it('GB18030 after 100 KB of ASCII is detected on the whole file', async () => {
    const ascii = Array.from({ length: 2000 }, (_, i) => `X${i},${id(i)},kelan,2022,,2021-12-01`);
    const text = ['name,id,county,year,categories,paidOn', ...ascii, `张三,${id(2001)},岢岚,2022,低保对象,2021-12-01`, ''].join('\r\n');
    const r = await job(file(iconv.encode(text, 'gb18030')));
    expect(r.s.input.encoding).toBe('GB18030');
    expect(r.rows.at(-1)![0]).toBe('张三');
    expect(r.s.totals.subsidy).toBe('280.00');
  });
  it('GB18030 with a byte that is not GB18030 after 5 MB is exit 1, and a previous output stays as it was', async () => {
    const rows = Array.from({ length: 95_000 }, (_, i) => `张${i},${id(i % 50_000)},岢岚,2022,低保对象,2021-12-01`);
    const good = iconv.encode([HEAD, ...rows, ''].join('\n'), 'gb18030');
    expect(good.length).toBeGreaterThan(5 << 20);
    // 0x81 0x20: a lead byte without its trail byte, near the end.
    const bad = Buffer.concat([good.subarray(0, good.length - 40), Buffer.from([0x81, 0x20]), good.subarray(good.length - 40)]);
    const out = join(dir, `kept${k++}.csv`);
    writeFileSync(out, 'previous output\n');
    await expect(runRoster({ input: file(bad), out, lang: 'zh' })).rejects.toThrow(/无法识别文件编码/);
    expect(readFileSync(out, 'utf8')).toBe('previous output\n');
  });
  it('a UTF-8 roster with one stray byte: the error names the line that is not UTF-8 (and the first that is not GB18030)', async () => {
    const body = lines(120);
    const text = Buffer.from([HEAD, ...body].join('\r\n'));
    const at = text.indexOf(Buffer.from('居民80,'));
    const bad = Buffer.concat([text.subarray(0, at), Buffer.from([0xe9]), text.subarray(at)]);
    const err = await job(file(bad)).catch((e: unknown) => e as Error & { zh: string; en: string });
    expect(err).toBeInstanceOf(Error);
    expect((err as { zh: string }).zh).toMatch(/既不是有效的 UTF-8（第 82 行起不是）也不是有效的 GB18030（第 \d+ 行起不是）/);
    expect((err as { en: string }).en).toMatch(/not from line 82\)/);
  });
  it.each([['\n'], ['\r\n'], ['\r']])('firstInvalidLine counts lines ending %j', async (eol) => {
    const good = ['甲', '乙', '', '丙'].join(eol);
    const f = file(Buffer.concat([Buffer.from(good + eol), Buffer.from([0xff, 0x41]), Buffer.from(eol + '丁')]));
    expect(await firstInvalidLine(f, 'utf-8')).toBe(5);
    expect(await firstInvalidLine(file(Buffer.from(good)), 'utf-8')).toBeUndefined();
  });
  it.each([['gb18030'], ['utf-16le']] as const)('%s: the line of an unterminated quote counts the lines of the file', async (enc) => {
    const body = lines(200);
    body[150] = body[150]!.replace('居民150', '"居民150');
    const text = [HEAD, ...body].join('\r\n');
    const bytes = enc === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await expect(job(file(bytes))).rejects.toThrow(/第 152 行：引号未闭合/);
  });
  it('UTF-16 LE with bytes cut in the middle of a character is exit 1', async () => {
    const text = [HEAD, ...lines(3)].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'), Buffer.from([0x00, 0xd8, 0x41])]);
    await expect(job(file(bytes))).rejects.toThrow(/不是有效的 UTF-16 LE 文本/);
  });
  it.each([['utf-16le'], ['utf-16be']] as const)('%s with BOM, tab-separated (Excel "Unicode text")', async (enc) => {
    const text = `\uFEFF${[HEAD, ...lines(3, 0), line(3, '低保对象')].map((l) => l.replace(/,/g, '\t')).join('\r\n')}\r\n`;
    const bytes = enc === 'utf-16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
    const r = await job(file(bytes));
    expect(r.s.input.encoding).toMatch(new RegExp(`UTF-16 ${enc.slice(-2).toUpperCase()}.*制表符`));
    expect(r.rows.map((x) => x[0])).toEqual(['居民0', '居民1', '居民2', '居民3']);
    expect(r.s.totals.subsidy).toBe('280.00');
  });
  it('--encoding overrides the detection, and the summary says so', async () => {
    const r = await job(file(Buffer.from(['name,id,county,year', `A,${id(1)},kelan,2022`, `B,${id(2)},kelan,2022`].join('\n'))), { encoding: 'gb18030' });
    expect(r.s.input.encoding).toMatch(/GB18030（--encoding 指定）/);
    expect(r.rows).toHaveLength(2);
  });
  it('a row with more fields than the header keeps its error code in the error column and the extra text in the message', async () => {
    const r = await job(file([HEAD, line(0), `${line(1)},多余,字段`].join('\n')));
    expect(r.rows.every((x) => x.length === r.head.length)).toBe(true);
    expect(r.col('错误代码')).toEqual(['', 'column_count']);
    expect(r.col('错误信息')[1]).toMatch(/多余,字段/);
  });
});

describe('columns visible and controllable', () => {
  it.each([
    ['身份证', '姓名,身份证,县,待遇年度,类别,缴费日期', /“身份证”像是身份证号.*--column 身份证号=身份证/],
    ['缴款日期', '姓名,身份证号,县,待遇年度,类别,缴款日期', /“缴款日期”像是缴费日期.*--column 缴费日期=缴款日期/],
    ['人员类别（多选）', '姓名,身份证号,县,待遇年度,人员类别（多选）', /像是类别/],
    ['a second 身份证号', '姓名,身份证号,县,待遇年度,身份证号', /都是身份证号/],
  ])('%s: an error naming it and how to map it', async (_, head, msg) => {
    await expect(job(file(`${head}\n甲,${id(1)},岢岚,2022,,2021-12-01\n`))).rejects.toThrow(msg);
  });
  it('--column maps it, --ignore-column leaves it out; the summary lists both', async () => {
    const f = file(`姓名,身份证,县,待遇年度,类别,缴款日期,备注\n甲,${id(1)},岢岚,2022,低保对象,2021-10-20,x\n`);
    const r = await job(f, { columns: ['身份证号=身份证', 'paidOn=缴款日期'] });
    expect(r.s.input.columns).toEqual(expect.arrayContaining([{ field: 'id', column: '身份证' }, { field: 'paidOn', column: '缴款日期' }]));
    expect(r.s.input.unusedColumns).toEqual(['备注']);
    expect(r.col('在征缴期内')).toEqual(['否']); // Kelan's suspension: the date column is used
    const ignored = await job(f, { columns: ['身份证号=身份证'], ignore: ['缴款日期'] });
    expect(ignored.s.input.unusedColumns).toEqual(['缴款日期', '备注']);
  });
  it('类别1, 类别2, 类别3 are one field, as the workbook writes them', async () => {
    const r = await job(file(`姓名,身份证号,县,待遇年度,类别1,类别2,类别3\n甲,${id(1)},岢岚,2022,特困人员,,\n乙,${id(2)},岢岚,2022,,低保对象,重度残疾人\n`));
    expect(r.col('个人缴费')).toEqual(['0.00', '40.00']);
    expect(r.s.input.columns.filter((c) => c.field === 'categories').map((c) => c.column)).toEqual(['类别1', '类别2', '类别3']);
  });
  it('no ID column runs only with --no-id-check, and the summary says so', async () => {
    const f = file('姓名,县,待遇年度\n甲,岢岚,2022\n');
    await expect(job(f)).rejects.toThrow(/--no-id-check/);
    const r = await job(f, { noIdCheck: true });
    expect(r.s.input.idCheck).toBe(false);
    expect(r.s.errors).toBe(0);
  });
  it('a title row above the header is found, or given with --header-row', async () => {
    const text = `岢岚县2022年度城乡居民医保缴费花名册,,,,,\n${HEAD}\n${line(1, '低保对象')}\n`;
    const r = await job(file(text));
    expect(r.s.input.headerLine).toBe(2);
    expect(r.s.rows).toBe(1);
    expect(r.s.totals.subsidy).toBe('280.00');
    const h = await job(file(`标题\n说明：身份证号 类别\n${HEAD}\n${line(1)}\n`), { headerRow: 3 });
    expect(h.s.input.headerLine).toBe(3);
    expect(h.s.rows).toBe(1);
  });
  it('--category-map maps an office\'s labels to the policy\'s categories', async () => {
    const map = file('本地标签,通知类别\n低保中重残重病人员,低保对象\n城乡孤儿,特困人员\n');
    const r = await job(file(`${HEAD}\n${line(1, '低保中重残重病人员')}\n${line(2, '城乡孤儿')}\n${line(3, '未知标签')}\n`), { categoryMap: map });
    expect(r.col('资助金额')).toEqual(['280.00', '320.00', '']);
    expect(r.col('错误代码')[2]).toBe('unknown_category');
  });
});

describe('one reading of dates and IDs', () => {
  it('the date reader takes what offices write', () => {
    for (const s of ['2021-12-01', '2021-12-1', '2021/12/1', '2021.12.1', '2021年12月1日', '20211201', '44531', '2021/12/1 0:00:00', ' 2021-12-01 08:30 ']) expect(normaliseDateText(s)).toBe('2021-12-01');
    expect(normaliseDateText('2021-02-30')).toBe('2021-02-30'); // left for quote to reject
  });
  it('an ID stored as a number gets its own code and explains Excel\'s 15 digits', async () => {
    const r = await job(file(`${HEAD}\n甲,1.40929E+17,岢岚,2022,,2021-12-01\n`));
    expect(r.col('错误代码')).toEqual(['id_as_number']);
    expect(r.col('错误信息')[0]).toMatch(/15 位/);
  });
  it('a birth year after the coverage year fails the ID check; IDs that differ are never duplicates', async () => {
    const late = makeId('140929', '2200-01-01', 1);
    const early = makeId('140929', '1926-03-20', 1);
    expect(idKey(late)).not.toBe(idKey(early));
    const r = await job(file(`${HEAD}\n甲,${late},岢岚,2022,,2021-12-01\n乙,${early},岢岚,2022,,2021-12-01\n`));
    expect(r.col('错误代码')).toEqual(['invalid_id', '']);
    expect(r.col('错误信息')[0]).toMatch(/晚于待遇年度/);
  });
  it('error rows show no amounts; Chinese output speaks Chinese', async () => {
    const r = await job(file(`${HEAD}\n${line(1, '低保对象')}\n甲,${id(1).slice(0, 17)}0,岢岚,2022,低保对象,2021-12-01\n${line(2, '公务员')}\n`));
    expect(r.col('状态')).toEqual(['已确定', '', '']);
    expect(r.col('个人缴费')).toEqual(['40.00', '', '']);
    expect(r.col('提示')[0]).not.toMatch(/[a-z]/);
  });
  it('a warning the quote gives twice (once per category) is said once in 提示 and 提示代码', async () => {
    const text = `姓名,身份证号,县,待遇年度,类别,缴费日期\n乙,${makeId('411421', '1950-01-01', 1)},民权,2024,低保对象、重度残疾人,2023-12-01\n`;
    const input = { county: '民权', coverageYear: 2024, categories: ['低保对象', '重度残疾人'], paidOn: '2023-12-01' } as const;
    const codes = quote(input).warnings.map((w) => w.code);
    expect(codes.length).toBeGreaterThan(new Set(codes).size); // the quote itself repeats a code
    const r = await job(file(text));
    expect(r.col('提示代码')[0]!.split(';')).toEqual([...new Set(codes)]);
    const phrases = r.col('提示')[0]!.split('、');
    expect(phrases).toHaveLength(new Set(phrases).size);
    expect(phrases).toHaveLength(new Set(codes).size);
  });
});

describe('safe output for spreadsheets', () => {
  it('cells that start like formulas are neutralised in CSV; --raw keeps them', async () => {
    const text = `${HEAD}\n"=HYPERLINK(""http://x"",""y"")",${id(1)},岢岚,2022,,2021-12-01\n+cmd|' /C calc'!A0,${id(2)},岢岚,2022,,2021-12-01\n@SUM(1),${id(3)},岢岚,2022,,2021-12-01\n`;
    const f = file(text);
    const r = await job(f);
    expect(r.col('姓名')).toEqual(['\'=HYPERLINK("http://x","y")', "'+cmd|' /C calc'!A0", "'@SUM(1)"]);
    const raw = await job(f, { raw: true });
    expect(raw.col('姓名')).toEqual(['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1)']);
  });
});

describe('progress by township and per policy', () => {
  it('--by 乡镇: rows, computed, paid in the window, money per township; duplicates taken out again', async () => {
    const dupId = id(7);
    const text = [
      `${HEAD},乡镇`,
      `${line(1, '低保对象')},城关镇`,
      `${line(2)},城关镇`,
      `${line(3, '低保对象', '2021-10-20')},西河乡`, // suspended: outside the window
      `甲,${dupId},岢岚,2022,低保对象,2021-12-01,西河乡`,
      `乙,${dupId},岢岚,2022,低保对象,2021-12-01,城关镇`,
      `${line(4, '公务员')},西河乡`,
    ].join('\n');
    const r = await job(file(text), { by: '乡镇' });
    const g = Object.fromEntries(r.s.byGroup!.groups.map((x) => [x.value, x]));
    expect(r.s.byGroup!.column).toBe('乡镇');
    expect(g['城关镇']).toMatchObject({ rows: 3, computed: 2, inWindow: 2, subsidy: '280.00', byFunder: { 'medical-assistance-fund': '280.00' } });
    expect(g['西河乡']).toMatchObject({ rows: 3, computed: 1, inWindow: 0 });
    const sum = r.s.byGroup!.groups.reduce((s, x) => s + Number(x.subsidy), 0);
    expect(sum.toFixed(2)).toBe(r.s.totals.subsidy);
    await expect(job(file(text), { by: '村' })).rejects.toThrow(/--by/);
  });
  it('a mixed roster has a table per policy, county and year', async () => {
    const text = [HEAD, line(1, '低保对象'), `乙,${makeId('141029', '1980-01-01', 1)},乡宁,2023,,2022-10-10`].join('\n');
    const r = await job(file(text));
    expect(r.s.byPolicy.map((p) => [p.county, p.coverageYear, p.people])).toEqual([['岢岚县', 2022, 1], ['乡宁县', 2023, 1]]);
  });
});

describe('XLSX cells', () => {
  it('date cells and serials read as dates, IDs stored as numbers get id_as_number', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['姓名', '身份证号', '县', '待遇年度', '类别', '缴费日期']);
    ws.addRow(['甲', id(1), '岢岚', 2022, '低保对象', new Date(Date.UTC(2021, 11, 1))]);
    ws.addRow(['乙', 140929197001010000, '岢岚', 2022, '低保对象', 44531]);
    const f = join(dir, 'cells.xlsx');
    await wb.xlsx.writeFile(f);
    const out = join(dir, 'cells.json');
    const s = await runRoster({ input: f, out, lang: 'en' });
    const rows = JSON.parse(readFileSync(out, 'utf8')) as Array<Record<string, unknown>>;
    expect(rows[0]!['缴费日期']).toBe('2021-12-01');
    expect(rows[0]!.subsidy).toBe('280.00');
    expect(rows[1]!.errorCode).toBe('id_as_number');
    expect(s.rows).toBe(2);
  });
});

describe('township targets', () => {
  const qinshui = (i: number, town: string) => `居民${i},${makeId('140521', '1970-01-01', i)},沁水,2025,,2024-12-10,${town}`;
  it('from the notice\'s table (Qinshui 附件): enrolment against the target', async () => {
    const r = await job(file([`${HEAD},乡镇`, qinshui(1, '龙港镇'), qinshui(2, '龙港镇'), qinshui(3, '不在表中')].join('\n')), { by: '乡镇' });
    expect(r.s.byGroup!.targetsFrom).toMatch(/qinshui-2025: 沁水县2025年度城乡居民征缴目标任务分解表/);
    const g = Object.fromEntries(r.s.byGroup!.groups.map((x) => [x.value, x]));
    expect(g['龙港镇']).toMatchObject({ computed: 2, target: 41823, percent: '0.0%' });
    expect(g['不在表中']!.target).toBeUndefined();
  });
  it('from --targets FILE', async () => {
    const targets = file('乡镇,目标人数\n城关镇,4\n');
    const r = await job(file([`${HEAD},乡镇`, `${line(1)},城关镇`].join('\n')), { by: '乡镇', targets });
    expect(r.s.byGroup!.groups[0]).toMatchObject({ value: '城关镇', computed: 1, target: 4, percent: '25.0%' });
  });
});
