/**
 * npm run bench:roster — rows per second on a synthetic roster of 1,000,000 rows:
 * (a) a read–parse–stringify–write passthrough with csv-parse/csv-stringify,
 * (b) the same passthrough with the roster job's own CSV machinery (every field
 *     decoded, every row stringified), and (b') with records copied unparsed, the floor,
 * (c) the roster job end to end (one pass; rows of a duplicated ID patched afterwards),
 * (d) the same on a roster where 1% of the IDs are duplicated.
 * Targets: (c) ≥ 500,000 rows/s, and (c) within 1.3× of (b).
 */
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { CsvReader, CsvWriter, csvRow } from '../src/cli/csv.js';
import { runRoster } from '../src/cli/roster.js';
import { makeId } from '../scripts/fake-id.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const dir = new URL('../.bench/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const input = `${dir}roster-v3-${ROWS}.csv`;
const withDuplicates = `${dir}roster-v3-${ROWS}-dup.csv`;

if (!existsSync(input) || !existsSync(withDuplicates)) {
  // Unique made-up IDs: one birth date per thousand rows, sequence 000–999 within it. The second file
  // is the same roster with every hundredth row's ID repeated 50 rows later: 1% of rows (and their first rows) flagged.
  const cats = ['', '低保对象', '特困人员', '返贫致贫人口', '边缘易致贫人口、重度残疾人', '享受抚恤和生活补助的优抚对象', '脱贫不稳定人口'];
  const id = (i: number) => makeId('140929', new Date(Date.UTC(1940, 0, 1) + Math.floor(i / 1000) * 864e5).toISOString().slice(0, 10), i % 1000);
  const files = [openSync(input, 'w'), openSync(withDuplicates, 'w')];
  let s = ['姓名,身份证号,县,待遇年度,类别,缴费日期\n', '姓名,身份证号,县,待遇年度,类别,缴费日期\n'];
  for (let i = 0; i < ROWS; i++) {
    const rest = `,岢岚,2022,${cats[i % cats.length]},2021-12-${String(1 + (i % 25)).padStart(2, '0')}\n`;
    s[0] += `居民${i},${id(i)}${rest}`;
    s[1] += `居民${i},${id(i % 100 === 0 && i >= 100 ? i - 50 : i)}${rest}`;
    if (s[0].length > 1 << 20 || i === ROWS - 1) {
      files.forEach((f, k) => writeSync(f, s[k]!));
      s = ['', ''];
    }
  }
  files.forEach((f) => closeSync(f));
}

async function timed(name: string, f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  const rate = ROWS / ((performance.now() - t0) / 1000);
  console.log(`${name.padEnd(44)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} rows/s`);
  return rate;
}

const a = await timed('(a) csv-parse → csv-stringify passthrough', () =>
  pipeline(createReadStream(input), parse(), stringify(), createWriteStream(`${dir}a.csv`)),
);

/** A passthrough with the roster job's CSV machinery and I/O; `parse`: materialise every field and write it back, else copy each record as read. */
async function ownPassthrough(out: string, parse: boolean) {
  const file = createWriteStream(out, { highWaterMark: 1 << 22 });
  let wait: Promise<void> | undefined;
  const w = new CsvWriter((bytes, release) => void (file.write(bytes, release) || (wait = once(file, 'drain').then(() => undefined))));
  const r = new CsvReader();
  const each = () => {
    while (r.next()) {
      if (parse) w.text(csvRow(r.fields()));
      else {
        w.bytes(r.buffer, r.recordStart, r.recordEnd);
        w.text('\r\n');
      }
    }
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

const b = await timed('(b) own CSV machinery passthrough', () => ownPassthrough(`${dir}b.csv`, true));
const b2 = await timed("(b') own machinery, records copied unparsed", () => ownPassthrough(`${dir}b2.csv`, false));

const c = await timed('(c) roster job (quotes, ID checks, duplicates)', () => runRoster({ input, out: `${dir}c.csv`, lang: 'zh' }));
let flagged = 0;
const d = await timed('(d) roster job, 1% of IDs duplicated', async () => void (flagged = (await runRoster({ input: withDuplicates, out: `${dir}d.csv`, lang: 'zh' })).errorsByCode.duplicate_id ?? 0));

console.log(`\n(c)/(a) ${(c / a).toFixed(2)}× as fast   (c) takes ${(b / c).toFixed(2)}× the time of (b), its own passthrough   (b)/(a) ${(b / a).toFixed(2)}×`);
console.log(`(d): ${flagged.toLocaleString('en-US')} rows flagged; (d) takes ${(b / d).toFixed(2)}× the time of (b) — flagging both rows of a duplicate afterwards costs one more pass over the output`);
console.log(`(c) takes ${(b2 / c).toFixed(2)}× the time of (b'), the floor: locating and copying records, nothing else`);
console.log(`targets: (c) ≥ 500,000 rows/s ${c >= 5e5 ? '✓' : '✗'}; (c) within 1.3× of (b) ${b / c <= 1.3 ? '✓' : '✗'}`);
console.log(`memory: max RSS of this process (all five runs) ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
