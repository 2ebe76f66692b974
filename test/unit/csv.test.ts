import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvReader, CsvRecordError, CsvWriter, csvLine, csvRow, isFormulaStart, MAX_RECORD, neutralise, parseCsv } from '../../src/cli/csv.js';
import { runRoster } from '../../src/cli/roster.js';
import { makeId } from '../../scripts/fake-id.js';

const field = fc.array(fc.constantFrom('a', '岢', '岚', ',', '"', '\n', '\r\n', '\r', ' ', '1', 'X', '𠀋'), { maxLength: 8 }).map((a) => a.join(''));
const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

/** Reads `bytes` fed in pieces of the given sizes (cut anywhere, also inside a character). */
function readInPieces(bytes: Uint8Array, cuts: number[], encoding: 'utf-8' | 'gb18030' = 'utf-8'): string[][] {
  const r = new CsvReader(encoding);
  const out: string[][] = [];
  let i = 0;
  for (let k = 0; i < bytes.length; k++) {
    const n = cuts[k % cuts.length]!;
    r.feed(bytes.subarray(i, i + n));
    i += n;
    while (r.next()) out.push(r.fields());
  }
  r.end();
  while (r.next()) out.push(r.fields());
  return out;
}

describe('CSV (RFC 4180) on bytes', () => {
  it('reads what it writes, whatever the fields, line breaks and encoding, wherever the chunks break', () => {
    fc.assert(
      fc.property(table, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }), fc.constantFrom('\r\n', '\n'), fc.constantFrom('utf-8', 'utf-8 BOM', 'gb18030'), (rows, cuts, eol, enc) => {
        // A row of one empty field is an empty line: RFC 4180 cannot tell them apart, so keep such rows out.
        fc.pre(rows.every((r) => r.length > 1 || r[0] !== ''));
        const text = rows.map((r) => csvLine(r) + eol).join('');
        const bytes = enc === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(enc === 'utf-8 BOM' ? `\uFEFF${text}` : text);
        expect(readInPieces(bytes, cuts, enc === 'gb18030' ? 'gb18030' : 'utf-8')).toEqual(rows);
      }),
      { numRuns: 800 },
    );
  });

  it('copies a record as it was read, and keys equal fields alike', () => {
    fc.assert(
      fc.property(table, (rows) => {
        fc.pre(rows.every((r) => r.length > 1 || r[0] !== ''));
        const r = new CsvReader();
        r.feed(Buffer.from(rows.map(csvRow).join('')));
        r.end();
        const keys = new Map<string, string>();
        for (const row of rows) {
          expect(r.next()).toBe(true);
          expect(r.buffer.toString('utf8', r.recordStart, r.recordEnd)).toBe(csvLine(row));
          const k = r.rawKey(0, r.length - 1);
          const v = JSON.stringify(row);
          expect(keys.get(k) ?? v).toBe(v);
          keys.set(k, v);
        }
        expect(r.next()).toBe(false);
      }),
    );
  });

  it('reads a last line without a line break, LF or CRLF alike, and a CR before the end of the file', () => {
    expect(parseCsv('a,b\n1,"x\ny"\r\n2,3')).toEqual([['a', 'b'], ['1', 'x\ny'], ['2', '3']]);
    expect(parseCsv('a,b\r')).toEqual([['a', 'b']]);
    expect(parseCsv('a,"b\r"\r\n')).toEqual([['a', 'b\r']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n')).toEqual([['']]);
  });

  it('takes stray quotes as text, as spreadsheets do, and refuses a quote left open at the end of the file', () => {
    expect(parseCsv('ab"c,d\n')).toEqual([['ab"c', 'd']]);
    expect(parseCsv('"ab"c,d\n')).toEqual([['abc', 'd']]);
    expect(parseCsv('"a""b",""\n')).toEqual([['a"b', '']]);
    const r = new CsvReader();
    r.feed(Buffer.from('x,y\nx,"open\nstill'));
    expect(r.next()).toBe(true);
    expect(r.next()).toBe(false); // not before the end: more may come
    r.end();
    expect(() => r.next()).toThrow(CsvRecordError);
    try {
      r.next();
    } catch (e) {
      expect((e as CsvRecordError).kind).toBe('unterminated');
      expect((e as CsvRecordError).offset).toBe(4);
    }
  });

  it('reads lone-CR, LF and CRLF line endings alike, also when a CRLF is cut between chunks', () => {
    for (const eol of ['\r', '\n', '\r\n']) {
      const text = ['a,b', '1,"x', 'y"', '2,3', ''].join(eol);
      expect(parseCsv(text)).toEqual([['a', 'b'], ['1', `x${eol}y`], ['2', '3']]);
      expect(readInPieces(Buffer.from(text), [1, 2, 3])).toEqual([['a', 'b'], ['1', `x${eol}y`], ['2', '3']]);
    }
  });

  it('refuses a record longer than the limit, and reads tab-separated text', () => {
    const r = new CsvReader();
    r.feed(Buffer.from(`a,"${'x'.repeat(MAX_RECORD + 10)}`));
    expect(() => r.next()).toThrow(/longer/);
    const t = new CsvReader('utf-8', '\t');
    t.feed(Buffer.from('姓名\t身份证号\r\n张,三\t1\r\n'));
    t.end();
    const rows: string[][] = [];
    while (t.next()) rows.push(t.fields());
    expect(rows).toEqual([['姓名', '身份证号'], ['张,三', '1']]);
  });

  it('neutralises cells that start like formulas (OWASP)', () => {
    for (const s of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1)', '-1+1', '\t=1', '\r=1']) {
      expect(isFormulaStart(s)).toBe(true);
      expect(neutralise(s)).toBe(`'${s}`);
    }
    for (const s of ['张三', '2021-12-01', '', "'=1"]) expect(neutralise(s)).toBe(s);
  });

  it('writes text and bytes in order, across its buffer\'s edges', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ unit: 'grapheme', maxLength: 30 }))), fc.integer({ min: 4, max: 64 }), (pieces, size) => {
        const got: Buffer[] = [];
        const w = new CsvWriter((b) => void got.push(Buffer.from(b)), size);
        for (const [asBytes, s] of pieces) {
          if (asBytes) w.bytes(Buffer.from(`..${s}..`), 2, 2 + Buffer.byteLength(s));
          else w.text(s);
        }
        w.flush();
        expect(Buffer.concat(got).toString()).toBe(pieces.map(([, s]) => s).join(''));
      }),
    );
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
    // 赵六 had an error of its own (no county): it moves from that code to duplicate_id.
    expect(s.errorsByCode).toEqual({ duplicate_id: 4, empty_row: 1 });
    expect(rows[4]!.errorMessage).toMatch(/^the same ID number as line 3; /);
    expect(rows[2]!.subsidy).toBeNull(); // a flagged row shows no amounts
    expect(rows[2]!.warningCodes).toEqual([]);
  });
});

describe('the roster job and the birth-date column', () => {
  it("one row's invalid birth date is its own error, not its neighbours'", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-birth-'));
    const input = join(dir, 'birth.csv');
    writeFileSync(input, '姓名,县,待遇年度,类别,出生日期\n甲,岢岚,2022,低保对象,不是日期\n乙,岢岚,2022,低保对象,\n丙,岢岚,2022,低保对象,2000-01-01\n');
    const s = await runRoster({ input, out: join(dir, 'out.json'), lang: 'en', noIdCheck: true });
    const rows = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Array<Record<string, string | null>>;
    expect(rows.map((r) => r.errorCode)).toEqual(['invalid_date', null, null]);
    expect(s.errorsByCode).toEqual({ invalid_date: 1 });
    expect(rows[1]!.subsidy).toBe(rows[2]!.subsidy);
  });
});

describe('the roster job across chunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-big-'));
  it('flags duplicates far apart, across chunks, in CSV as in JSON; quoted and GB18030 rows alike', async () => {
    // About 6 MB: more than one 4 MB chunk. Rows 10, 70,000 and 90,000 share an ID; so do 20 and 20,001 (a quoted record with a line break).
    const n = 100_000;
    const lines = ['姓名,身份证号,县,待遇年度,类别,缴费日期'];
    for (let i = 1; i <= n; i++) {
      const id = makeId('140929', new Date(Date.UTC(1940, 0, 1) + Math.floor(i / 1000) * 864e5).toISOString().slice(0, 10), i % 1000);
      lines.push(`${i === 20_001 ? '"居民\n甲"' : `居民${i}`},${i === 70_000 || i === 90_000 ? '@10' : i === 20_001 ? '@20' : id},岢岚,2022,${i % 3 ? '' : '低保对象'},2021-12-0${1 + (i % 9)}`);
    }
    const idOf = (k: number) => lines[k]!.split(',')[1]!;
    const text = lines.map((l) => l.replace('@10', idOf(10)).replace('@20', idOf(20))).join('\n');
    const results: Array<Array<string | null | undefined>> = [];
    for (const [name, bytes] of [['u.csv', Buffer.from(text)], ['g.csv', iconv.encode(text, 'gb18030')]] as const) {
      const input = join(dir, name);
      writeFileSync(input, bytes);
      for (const ext of ['csv', 'json']) {
        const out = join(dir, `${name}.${ext}`);
        const s = await runRoster({ input, out, lang: 'zh' });
        expect(s.rows).toBe(n);
        expect(s.errorsByCode).toEqual({ duplicate_id: 5 });
        let codes: Array<string | null | undefined>;
        if (ext === 'json') codes = (JSON.parse(readFileSync(out, 'utf8')) as Array<Record<string, string | null>>).map((r) => r['错误代码']);
        else {
          // The error code is read by position: every record must have the header's width, and that column must be 错误代码.
          const [header, ...records] = parseCsv(readFileSync(out));
          expect(header!.at(-2)).toBe('错误代码');
          expect(records.filter((r) => r.length !== header!.length)).toEqual([]);
          codes = records.map((r) => r.at(-2) || null);
        }
        expect(codes).toHaveLength(n);
        results.push(codes);
        const flagged = codes.flatMap((c, i) => (c ? [i + 1] : []));
        expect(flagged).toEqual([10, 20, 20_001, 70_000, 90_000]);
      }
    }
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    const out = parseCsv(readFileSync(join(dir, 'u.csv.csv')));
    expect(out[10]!.at(-1)).toBe('身份证号与第 70001、90001 行重复');
    expect(out[20_001]![0]).toBe('居民\n甲');
  });
});
