/**
 * Duplicate IDs are found two ways: ahead of the rows for a CSV roster (a quick
 * pass over the IDs, so that the output is written once), and as the rows go by
 * for an XLSX roster (patched in afterwards). Both must flag the same rows with
 * the same messages and the same totals, whatever the roster holds: IDs seen
 * once, twice or more, invalid IDs, births after the coverage year, rows with
 * no year, empty rows, rows with too many fields, a title row above the header.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runRoster } from '../../src/cli/roster.js';
import { XlsxWriter } from '../../src/xlsx/index.js';
import { csvRow } from '../../src/cli/csv.js';
import { makeId } from '../../scripts/fake-id.js';

const dir = mkdtempSync(join(tmpdir(), 'yibao-dups-'));
let k = 0;

const HEAD = ['姓名', '身份证号', '县', '待遇年度', '类别', '缴费日期'];
/** A small pool of IDs, so that rows share them: born 1950–1954, one born in 2023 (after coverage year 2022), two invalid. */
const POOL = [
  ...Array.from({ length: 5 }, (_, i) => makeId('140929', `195${i}-03-0${i + 1}`, 100 + i)),
  makeId('140929', '2023-05-01', 7),
  '14092919500301010X',
  '1.40929E+17',
];
const row = fc.oneof(
  { weight: 10, arbitrary: fc.record({ id: fc.constantFrom(...POOL), year: fc.constantFrom('2022', '2022', '2022年度', '', '二〇二二'), cat: fc.constantFrom('', '低保对象', '特困人员'), county: fc.constantFrom('岢岚', '岢岚县', '') }).map((r) => [`居民`, r.id, r.county, r.year, r.cat, '2021-12-01']) },
  { weight: 1, arbitrary: fc.constant([] as string[]) }, // an empty line
  { weight: 1, arbitrary: fc.constantFrom(...POOL).map((id) => ['多', id, '岢岚', '2022', '', '2021-12-01', '多余']) }, // too many fields
);

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const w = new XlsxWriter((b) => void chunks.push(Buffer.from(b)));
  for (const r of rows) await w.addRow(r);
  await w.finish();
  return Buffer.concat(chunks);
}

async function run(bytes: Buffer, ext: string) {
  const input = join(dir, `in${k++}.${ext}`);
  writeFileSync(input, bytes);
  const out = join(dir, `out${k++}.json`);
  const s = await runRoster({ input, out, lang: 'zh' });
  const rows = JSON.parse(readFileSync(out, 'utf8')) as Array<Record<string, unknown>>;
  return { s, computed: rows.map((r) => [r['错误代码'], r['错误信息'], r['个人缴费'], r['资助金额']]) };
}

describe('duplicate IDs: found ahead (CSV) and patched in (XLSX) alike', () => {
  it('the same rows flagged, the same messages, the same totals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), fc.boolean(), async (body, title) => {
        // An empty line in CSV is an empty row in XLSX only as a row of empty cells.
        const all = [...(title ? [['2022年度居民医保缴费名单']] : []), HEAD, ...body.map((r) => (r.length ? r : ['']))];
        const text = all.map((r) => csvRow(r)).join('');
        const csv = await run(Buffer.from(text), 'csv');
        const gb = await run(iconv.encode(text, 'gb18030'), 'csv');
        const xlsx = await run(await xlsxOf(all), 'xlsx');
        expect(csv.computed).toHaveLength(body.length);
        expect(gb.computed).toEqual(csv.computed);
        expect(xlsx.computed).toEqual(csv.computed);
        expect(gb.s.errorsByCode).toEqual(csv.s.errorsByCode);
        expect(xlsx.s.errorsByCode).toEqual(csv.s.errorsByCode);
        expect(xlsx.s.totals).toEqual(csv.s.totals);
      }),
      { numRuns: 40 },
    );
  });

  it('an ID on three rows: each row names the other two; a birth after the coverage year is no duplicate', async () => {
    const [a, b] = POOL;
    const late = POOL[5]!;
    const text = [HEAD, ['甲', a, '岢岚', '2022', '', '2021-12-01'], ['乙', b, '岢岚', '2022', '', '2021-12-01'], ['丙', a, '岢岚', '2022', '', '2021-12-01'], ['丁', late, '岢岚', '2022', '', '2021-12-01'], ['戊', a, '岢岚', '2022', '', '2021-12-01'], ['己', late, '岢岚', '2024', '', '2023-12-01']]
      .map((r) => csvRow(r as string[]))
      .join('');
    const r = await run(Buffer.from(text), 'csv');
    expect(r.computed.map((c) => c[0])).toEqual(['duplicate_id', null, 'duplicate_id', 'invalid_id', 'duplicate_id', 'no_policy_for_year']);
    expect(r.computed[0]![1]).toBe('身份证号与第 4、6 行重复');
    expect(r.computed[2]![1]).toBe('身份证号与第 2、6 行重复');
    expect(r.computed[4]![1]).toBe('身份证号与第 2、4 行重复');
  });
});
