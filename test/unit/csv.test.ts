import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvParser, csvRow } from '../../src/cli/csv.js';
import { runRoster } from '../../src/cli/roster.js';
import { makeId } from '../../scripts/fake-id.js';

const field = fc.array(fc.constantFrom('a', '岢', '岚', ',', '"', '\n', '\r\n', ' ', '1', 'X'), { maxLength: 8 }).map((a) => a.join(''));

describe('CSV (RFC 4180)', () => {
  it('parses what it writes, whatever the fields and wherever the chunks break', () => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }), (rows, cuts) => {
        const text = rows.map((r) => csvRow(r)).join('');
        const p = new CsvParser();
        const out: string[][] = [];
        let i = 0;
        for (let k = 0; i < text.length; k++) {
          const n = cuts[k % cuts.length]!;
          p.push(text.slice(i, i + n), out);
          i += n;
        }
        p.end(out);
        expect(out).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a last line without a line break, LF or CRLF alike', () => {
    const p = new CsvParser();
    expect(p.end(p.push('a,b\n1,"x\ny"\r\n2,3'))).toEqual([['a', 'b'], ['1', 'x\ny'], ['2', '3']]);
  });
});

describe('the roster job on awkward CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-csv-'));
  const id1 = makeId('140929', '1970-01-01', 1);
  const id2 = makeId('140929', '1971-02-02', 2);
  // Quoted fields with commas, quotes and line breaks before the duplicate: both passes must count rows alike.
  const text = [
    '姓名,身份证号,县,待遇年度,类别,缴费日期',
    `"张,三",${id1},岢岚,2022,低保对象,2021-12-01`,
    `"李""四""\n(两行)",${id2},岢岚,2022,,2021-12-02`,
    `王五,"${id1}",岢岚,2022,"低保对象、重度残疾人",2021-12-03`,
    '',
    `赵六,${id2}\r`,
  ].join('\n');

  it.each([
    ['utf-8', (s: string) => Buffer.from(s)],
    ['utf-8 with BOM', (s: string) => Buffer.from(`\uFEFF${s}`)],
    ['gb18030', (s: string) => iconv.encode(s, 'gb18030')],
  ])('%s: N rows in, N out; duplicates flagged on the right rows', async (_, encode) => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, encode(text));
    const s = await runRoster({ input, out: join(dir, 'out.json'), lang: 'en' });
    const rows = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Array<Record<string, string | null>>;
    expect(rows).toHaveLength(5);
    expect(s.rows).toBe(5);
    expect(rows.map((r) => r['姓名'])).toEqual(['张,三', '李"四"\n(两行)', '王五', '', '赵六']);
    expect(rows.map((r) => r.errorCode)).toEqual(['duplicate_id', 'duplicate_id', 'duplicate_id', 'empty_row', 'duplicate_id']);
    expect(rows[0]!.errorMessage).toMatch(/line 4/);
    expect(rows[2]!.subsidy).toBe('280.00');
  });
});
