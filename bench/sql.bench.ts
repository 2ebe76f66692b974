/**
 * npm run bench:sql — the exported SQL in DuckDB (embedded) beside the CLI
 * roster job, on the same 1,000,000 rows (ROWS=… to change) of all five
 * built-in policies: categories, payment dates across each window, a few newborns.
 *
 * (a) the roster job end to end: CSV in, CSV out (quotes, ID checks, duplicates);
 * (b) DuckDB: the CSV loaded into a typed roster table;
 * (c) DuckDB: `yibao_quoted` over the table, materialised (the view alone);
 * (d) DuckDB: (b) + the view written out as CSV: the same work as (a).
 * Both sides' subsidy totals are printed: they must agree.
 */
import { closeSync, mkdirSync, openSync, writeSync, existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { formatCivilDate, parseCivilDate } from '../src/civil-date.js';
import { runRoster } from '../src/cli/roster.js';
import { decisionTables } from '../src/export/decision-table.js';
import { exportSql } from '../src/export/sql.js';
import { builtinRegistry, BUILTIN_POLICIES } from '../src/registry.js';
import { makeId } from '../scripts/fake-id.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const dir = new URL('../.bench/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const input = `${dir}sql-roster-v2-${ROWS}.csv`;

if (!existsSync(input)) {
  const cats = ['', '', '', '低保对象', '特困人员', '返贫致贫人口', '边缘易致贫人口、重度残疾人', '享受抚恤和生活补助的优抚对象', '脱贫不稳定人口', '重度残疾人（Ⅰ级、Ⅱ级）', '监测对象'];
  const f = openSync(input, 'w');
  const used = new Set<string>();
  /** A made-up ID, unique in the roster (the roster job flags duplicates). */
  const idOf = (code: string, birth: string, i: number) => {
    for (let seq = i % 1000; ; seq = (seq + 1) % 1000) {
      const id = makeId(code, birth, seq);
      if (!used.has(id)) return used.add(id), id;
    }
  };
  let s = '姓名,身份证号,县,待遇年度,类别,缴费日期,出生日期\n';
  for (let i = 0; i < ROWS; i++) {
    const p = BUILTIN_POLICIES[i % BUILTIN_POLICIES.length]!;
    const start = parseCivilDate(p.collection.start.date)!;
    const end = parseCivilDate(p.collection.end.date)!;
    const paid = start - 10 + ((i * 7919) % (end - start + 20));
    // One row in 50 a baby born shortly before paying; the others born 1940–2010.
    const birth = i % 50 === 0 ? paid - (i % 200) : parseCivilDate('1940-01-01')! + ((i * 104729) % 25_567);
    const birthText = formatCivilDate(birth);
    s += `居民${i},${idOf(p.county.code, birthText, i)},${p.county.shortName},${p.coverageYear.year},${cats[i % cats.length]},${formatCivilDate(paid)},${birthText}\n`;
    if (s.length > 1 << 20 || i === ROWS - 1) {
      writeSync(f, s);
      s = '';
    }
  }
  closeSync(f);
}

async function timed<T>(name: string, f: () => Promise<T>): Promise<{ rate: number; value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await f();
  const seconds = (performance.now() - t0) / 1000;
  const rate = ROWS / seconds;
  console.log(`${name.padEnd(52)} ${seconds.toFixed(2).padStart(7)} s ${Math.round(rate).toLocaleString('en-US').padStart(11)} rows/s`);
  return { rate, value, seconds };
}

console.log(`${ROWS.toLocaleString('en-US')} rows, five policies (${input})\n`);
const a = await timed('(a) CLI roster job, CSV → CSV', () => runRoster({ input, out: `${dir}sql-a.csv`, lang: 'en' }));

const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const load = `CREATE OR REPLACE TABLE roster AS SELECT 姓名 AS name, 身份证号 AS id, 县 AS county, CAST(待遇年度 AS INTEGER) AS coverage_year,
  类别 AS categories, CAST(缴费日期 AS DATE) AS paid_on, CAST(出生日期 AS DATE) AS birth_date
  FROM read_csv('${input}', header = true, all_varchar = true)`;
await c.run(load.replace("read_csv(", "(SELECT * FROM read_csv(").replace("all_varchar = true)", "all_varchar = true) LIMIT 0)"));
await c.run(exportSql(decisionTables(builtinRegistry), { dialect: 'duckdb' }));
const b = await timed('(b) DuckDB: CSV loaded into the roster table', () => c.run(load));
const cc = await timed('(c) DuckDB: yibao_quoted, materialised', () => c.run('CREATE OR REPLACE TABLE quoted AS SELECT * FROM yibao_quoted'));
const d = await timed('(d) DuckDB: (b) + yibao_quoted written as CSV', async () => {
  await c.run(load);
  await c.run(`COPY (SELECT * FROM yibao_quoted) TO '${dir}sql-d.csv' (HEADER)`);
});
const sums = (await c.runAndReadAll(`SELECT CAST(sum(subsidy) AS VARCHAR) AS subsidy, count(*) FILTER (WHERE error_code IS NOT NULL) AS errors FROM quoted`)).getRowObjectsJson()[0]!;
c.closeSync();

console.log(`\nsubsidy total: roster job ${a.value.totals.subsidy}, DuckDB ${String(sums.subsidy)} ${a.value.totals.subsidy === String(sums.subsidy) ? '✓ same' : '✗ DIFFERENT'}; errors: roster job ${a.value.errors} ${JSON.stringify(a.value.errorsByCode)} (its ID checks included), view ${String(sums.errors)}`);
console.log(`(c) the view alone is ${(cc.rate / a.rate).toFixed(2)}× the roster job's rate; (d) CSV → view → CSV is ${(d.rate / a.rate).toFixed(2)}×; loading alone (b) ${(b.rate / a.rate).toFixed(2)}×`);
