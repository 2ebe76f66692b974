import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnLetters, crc32, readSheetRows, serialToIso, XlsxWriter, ZipWriter } from '../../src/xlsx/index.js';
import { runRoster } from '../../src/cli/roster.js';
import { makeId } from '../../scripts/fake-id.js';

const dir = mkdtempSync(join(tmpdir(), 'yibao-xlsx-'));
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜𠀋';
const cjkName = (i: number) => `${SURNAMES[i % 31]}${String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))}${String.fromCodePoint(0x4e00 + ((i * 104729) % 20000))}`;

async function readAll(path: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const b of readSheetRows(path)) rows.push(...b);
  return rows;
}

async function writeXlsx(path: string, rows: Array<Array<string | number | null | { number: number; format: string }>>): Promise<void> {
  const chunks: Buffer[] = [];
  const w = new XlsxWriter((b) => void chunks.push(Buffer.from(b)), { sheetName: '花名册' });
  for (const r of rows) await w.addRow(r);
  await w.finish();
  writeFileSync(path, Buffer.concat(chunks));
}

describe('the XLSX writer and reader', () => {
  it('round-trip any text (CJK, astral characters, XML specials), numbers and blanks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.integer({ min: -1e9, max: 1e9 }), fc.constant(null)), { maxLength: 6 }), { maxLength: 20 }), async (rows) => {
        const f = join(dir, 'rt.xlsx');
        await writeXlsx(f, rows);
        const back = await readAll(f);
        const expected = rows.map((r) => {
          const out = r.map((c) => (c === null ? '' : String(c)));
          while (out.length && out[out.length - 1] === '') out.pop();
          return out;
        });
        expect(back).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('what it writes opens in ExcelJS: text stays text, money a number in 0.00, blanks blank', async () => {
    const f = join(dir, 'w.xlsx');
    await writeXlsx(f, [['姓名', '身份证号', '金额'], ['张三', '140929197001010011', { number: 280, format: '0.00' }], ['李四', null, { number: 0, format: '0.00' }]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('花名册');
    expect(ws.getCell('B2').value).toBe('140929197001010011');
    expect(ws.getCell('C2').value).toBe(280);
    expect(ws.getCell('C2').numFmt).toBe('0.00');
    expect(ws.getCell('B3').value).toBeNull();
  });

  it('zip pieces: CRC-32 and deflate agree with zlib', async () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const chunks: Buffer[] = [];
    const z = new ZipWriter((b) => void chunks.push(b));
    await z.add('a.txt', '岢岚'.repeat(1000));
    await z.finish();
    const file = Buffer.concat(chunks);
    const nameLen = file.readUInt16LE(26);
    const size = file.readUInt32LE(18);
    expect(inflateRawSync(file.subarray(30 + nameLen, 30 + nameLen + size)).toString()).toBe('岢岚'.repeat(1000));
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(27)).toBe('AB');
    expect(serialToIso(44531)).toBe('2021-12-01');
    expect(serialToIso(1)).toBe('1900-01-01');
  });

  it('a 20,000-row shared-strings workbook of CJK names (as Excel writes it) keeps every character, also in the job\'s own XLSX output read back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '身份证号', '县', '待遇年度', '类别', '缴费日期']);
    const names: string[] = [];
    const cats = ['特困人员', '低保对象', '返贫致贫人口', '边缘易致贫人口', ''];
    for (let i = 0; i < 20_000; i++) {
      names.push(cjkName(i));
      ws.addRow([names[i], makeId('140929', new Date(Date.UTC(1950, 0, 1) + i * 864e5).toISOString().slice(0, 10), i % 1000), '岢岚县', 2022, cats[i % 5], '2021-12-01']);
    }
    const input = join(dir, 'cjk.xlsx');
    await wb.xlsx.writeFile(input, { useSharedStrings: true } as never);
    const s = await runRoster({ input, out: join(dir, 'cjk.out.xlsx'), lang: 'zh' });
    expect(s.rows).toBe(20_000);
    expect(s.errors).toBe(0);
    expect(s.errorsByCode).toEqual({});
    const back = await readAll(join(dir, 'cjk.out.xlsx'));
    expect(back.slice(1).map((r) => r[0])).toEqual(names);
    expect(back.flat().some((c) => c.includes('\uFFFD'))).toBe(false);
    // Blank category cells (every fifth row) stay blank, never the text "undefined".
    expect(back.flat().includes('undefined')).toBe(false);
    expect(back[5]![4]).toBe('');
    // The same output through ExcelJS: the 年度 column (numbers in the input) is still numbers, money is numbers.
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, 'cjk.out.xlsx'));
    const row = out.worksheets[0]!.getRow(2);
    expect(row.getCell(4).value).toBe(2022);
    expect(out.worksheets[0]!.getRow(6).getCell(5).value).toBeNull();
    expect(row.getCell(9).value).toBe(320); // 资助金额 of 特困人员: the whole standard
    expect(out.worksheets[0]!.getRow(1).getCell(9).value).toBe('资助金额');
  }, 60_000);

  it('a tiny file claiming row 200,000,000 is an error in under a second', async () => {
    const chunks: Buffer[] = [];
    const z = new ZipWriter((b) => void chunks.push(b));
    await z.add('xl/worksheets/sheet1.xml', '<worksheet><dimension ref="A1:F200000000"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="200000000"><c r="A200000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>');
    await z.finish();
    const f = join(dir, 'huge.xlsx');
    writeFileSync(f, Buffer.concat(chunks));
    expect(readFileSync(f).length).toBeLessThan(2000);
    const t0 = performance.now();
    await expect(runRoster({ input: f, out: join(dir, 'huge.csv'), lang: 'en', county: '岢岚', year: 2022, noIdCheck: true })).rejects.toThrow(/200000000/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
