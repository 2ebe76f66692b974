/**
 * npm run bench:roster — the roster job on today's benchmark roster and on
 * realistic ones, ROWS rows each (default 1,000,000; ROWS=3000000 for the
 * memory target).
 *
 * In this process, as ratios against baselines run alike:
 * (a) a read–parse–stringify–write passthrough with csv-parse/csv-stringify,
 * (b) the same passthrough with the roster job's own CSV machinery,
 * (c) the roster job on today's roster.
 *
 * Then the built CLI end to end (Node start-up included), one process per
 * run, RUNS runs per roster (default 3): the median wall time and the highest
 * peak memory (max RSS, from /usr/bin/time):
 *   today        Kelan, all inside the window, one category a row (the old benchmark)
 *   today-dup    the same, 1% of the IDs repeated
 *   suspended    every payment in Kelan's suspension (outside the window)
 *   realistic    five counties, 40% of payments outside the window (before, suspended, after),
 *                several categories per person, 10% quoted names with commas, a township column
 *   realistic-gb the same in GB18030
 *   realistic-xlsx the same as XLSX (ROWS/5 rows), written to XLSX
 * Targets: every CSV roster ≥ 500,000 rows/s end to end; peak memory ≤ 250 MB at 3,000,000 rows.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import iconv from 'iconv-lite';
import { CsvReader, CsvWriter, csvRow } from '../src/cli/csv.js';
import { runRoster } from '../src/cli/roster.js';
import { XlsxWriter } from '../src/xlsx/index.js';
import { makeId } from '../scripts/fake-id.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const root = new URL('../', import.meta.url).pathname;
const dir = `${root}.bench/`;
mkdirSync(dir, { recursive: true });
const CLI = `${root}dist/cli.js`;
if (!existsSync(CLI)) throw new Error('build first: npm run build');

const idOf = (i: number) => makeId('140929', new Date(Date.UTC(1940, 0, 1) + Math.floor(i / 1000) * 864e5).toISOString().slice(0, 10), i % 1000);

/** Writes a CSV roster of ROWS rows, line by line from `row`, in 1 MB pieces (optionally GB18030). */
function writeRoster(path: string, header: string, row: (i: number) => string, gb = false): void {
  if (existsSync(path)) return;
  const fd = openSync(path, 'w');
  let s = `${header}\n`;
  for (let i = 0; i < ROWS; i++) {
    s += row(i);
    if (s.length > 1 << 20 || i === ROWS - 1) {
      writeSync(fd, gb ? iconv.encode(s, 'gb18030') : s);
      s = '';
    }
  }
  closeSync(fd);
}

const HEAD = '姓名,身份证号,县,待遇年度,类别,缴费日期';
const cats = ['', '低保对象', '特困人员', '返贫致贫人口', '边缘易致贫人口、重度残疾人', '享受抚恤和生活补助的优抚对象', '脱贫不稳定人口'];
const today = `${dir}today-${ROWS}.csv`;
writeRoster(today, HEAD, (i) => `居民${i},${idOf(i)},岢岚,2022,${cats[i % cats.length]},2021-12-${String(1 + (i % 25)).padStart(2, '0')}\n`);
const todayDup = `${dir}today-dup-${ROWS}.csv`;
writeRoster(todayDup, HEAD, (i) => `居民${i},${idOf(i % 100 === 0 && i >= 100 ? i - 50 : i)},岢岚,2022,${cats[i % cats.length]},2021-12-${String(1 + (i % 25)).padStart(2, '0')}\n`);
const suspended = `${dir}suspended-${ROWS}.csv`;
writeRoster(suspended, HEAD, (i) => `居民${i},${idOf(i)},岢岚,2022,${cats[i % cats.length]},2021-10-${String(16 + (i % 15)).padStart(2, '0')}\n`);

// Five counties: a date inside each window, and dates outside (before the start, suspended, after the end).
const COUNTIES = [
  { name: '乡宁县', year: 2023, region: '141029', inside: ['2022-10-10', '2022-11-15', '2022-12-01'], outside: ['2022-08-01', '2022-12-26', '2023-02-10'] },
  { name: '陵川县', year: 2023, region: '140524', inside: ['2022-10-10', '2022-11-20'], outside: ['2022-08-15', '2023-01-20', '2023-03-01'] },
  { name: '岢岚县', year: 2022, region: '140929', inside: ['2021-12-01', '2021-12-15'], outside: ['2021-10-20', '2021-10-28', '2022-01-10'] },
  { name: '民权县', year: 2024, region: '411421', inside: ['2023-11-01', '2023-12-01'], outside: ['2023-08-01', '2024-01-05', '2024-03-01'] },
  { name: '沁水县', year: 2025, region: '140521', inside: ['2024-12-10', '2025-01-15'], outside: ['2024-10-10', '2025-03-10', '2025-08-20'] },
];
const SEVERAL = ['', '', '低保对象', '特困人员', '低保对象、重度残疾人', '返贫致贫人口、重度残疾人', '边缘易致贫人口', '脱贫不稳定人口；重度残疾人', '稳定脱贫人口', '突发严重困难人口'];
const TOWNS = ['城关镇', '东关镇', '西河乡', '南山乡', '北坡乡', '河口镇', '李家庄乡'];
function realisticFields(i: number): string[] {
  const c = COUNTIES[i % 5]!;
  const out = i % 5 < 2; // 40% outside the window
  const dates = out ? c.outside : c.inside;
  const id = makeId(c.region, new Date(Date.UTC(1930, 0, 1) + Math.floor(i / 1000) * 864e5).toISOString().slice(0, 10), i % 1000);
  return [i % 10 === 3 ? `居民,${i}` : `居民${i}`, id, c.name, String(c.year), SEVERAL[(i >> 1) % SEVERAL.length]!, dates[(i >> 3) % dates.length]!, TOWNS[(i >> 2) % TOWNS.length]!];
}
const REAL_HEAD = `${HEAD},乡镇`;
const realistic = `${dir}realistic-${ROWS}.csv`;
writeRoster(realistic, REAL_HEAD, (i) => csvRow(realisticFields(i)));
const realisticGb = `${dir}realistic-gb-${ROWS}.csv`;
writeRoster(realisticGb, REAL_HEAD, (i) => csvRow(realisticFields(i)), true);
const XLSX_ROWS = Math.round(ROWS / 5);
const realisticXlsx = `${dir}realistic-${XLSX_ROWS}.xlsx`;
if (!existsSync(realisticXlsx)) {
  const chunks: Buffer[] = [];
  const w = new XlsxWriter((b) => void chunks.push(Buffer.from(b)));
  await w.addRow(REAL_HEAD.split(','), { bold: true });
  for (let i = 0; i < XLSX_ROWS; i++) {
    const f: Array<string | number> = realisticFields(i);
    f[3] = Number(f[3]); // the year as a number, as Excel keeps it
    await w.addRow(f);
  }
  await w.finish();
  writeFileSync(realisticXlsx, Buffer.concat(chunks));
}

// ---------------------------------------------------------------- in process, as ratios

async function timed(name: string, rows: number, f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  const rate = rows / ((performance.now() - t0) / 1000);
  console.log(`${name.padEnd(52)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} rows/s`);
  return rate;
}

/** A passthrough with the roster job's CSV machinery: every field decoded and written back. */
async function ownPassthrough(input: string, out: string) {
  const file = createWriteStream(out, { highWaterMark: 1 << 22 });
  let wait: Promise<void> | undefined;
  const w = new CsvWriter((bytes, release) => void (file.write(bytes, release) || (wait = once(file, 'drain').then(() => undefined))));
  const r = new CsvReader();
  const each = () => {
    while (r.next()) w.text(csvRow(r.fields()));
  };
  const fh = await open(input, 'r');
  while (await r.fill(fh)) {
    each();
    if (wait) await wait;
    wait = undefined;
  }
  await fh.close();
  r.end();
  each();
  w.flush();
  file.end();
  await once(file, 'finish');
}

console.log(`In this process, ${ROWS.toLocaleString('en-US')} rows:`);
const a = await timed('(a) csv-parse → csv-stringify passthrough', ROWS, () => pipeline(createReadStream(today), parse(), stringify(), createWriteStream(`${dir}a.csv`)));
const b = await timed('(b) own CSV machinery passthrough', ROWS, () => ownPassthrough(today, `${dir}b.csv`));
const c = await timed('(c) roster job, today\'s roster', ROWS, () => runRoster({ input: today, out: `${dir}c.csv`, lang: 'zh' }));
const r = await timed('(r) roster job, realistic roster', ROWS, () => runRoster({ input: realistic, out: `${dir}r.csv`, lang: 'zh' }));
console.log(`(c)/(a) ${(c / a).toFixed(2)}×   (r)/(a) ${(r / a).toFixed(2)}×   (c) takes ${(b / c).toFixed(2)}× the time of (b); (r) ${(b / r).toFixed(2)}×`);

// ---------------------------------------------------------------- the built CLI, one process per roster

console.log(`\nThe built CLI end to end (Node start-up included), peak memory = max RSS:`);
const runs: Array<[string, string, number, string]> = [
  ['today', today, ROWS, 'csv'],
  ['today-dup (1% of IDs repeated)', todayDup, ROWS, 'csv'],
  ['suspended (all outside the window)', suspended, ROWS, 'csv'],
  ['realistic (5 counties, 40% outside)', realistic, ROWS, 'csv'],
  ['realistic-gb (GB18030)', realisticGb, ROWS, 'csv'],
  ['realistic-xlsx (XLSX in and out)', realisticXlsx, XLSX_ROWS, 'xlsx'],
];
let ok = true;
/** Runs per roster: the median time and the highest peak are reported. */
const RUNS = Number(process.env.RUNS ?? 3);
console.log(`(median of ${RUNS} runs each; peak = the highest of them; load average now ${(await import('node:os')).loadavg()[0]!.toFixed(2)})`);
console.log(`${'roster'.padEnd(40)} ${'rows'.padStart(10)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(10)} ${'peak MB'.padStart(8)}`);
for (const [name, input, rows, ext] of runs) {
  const times: number[] = [];
  let kb = 0;
  for (let k = 0; k < RUNS; k++) {
    const res = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, 'roster', input, '--out', `${dir}cli-out.${ext}`], { encoding: 'utf8' });
    const [t, m] = res.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
    times.push(t);
    kb = Math.max(kb, m);
  }
  const secs = times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
  const rate = rows / secs;
  const mb = kb / 1024;
  if (ext === 'csv' && rate < 5e5) ok = false;
  if (ROWS >= 3e6 && mb > 250) ok = false;
  console.log(`${name.padEnd(40)} ${rows.toLocaleString('en-US').padStart(10)} ${secs.toFixed(2).padStart(8)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} ${Math.round(mb).toString().padStart(8)}`);
}
console.log(`\ntargets: CSV ≥ 500,000 rows/s end to end${ROWS >= 3e6 ? '; peak ≤ 250 MB at 3,000,000 rows' : ' (run with ROWS=3000000 for the memory target)'}: ${ok ? '✓' : '✗'}`);
