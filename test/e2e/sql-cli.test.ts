/**
 * The `export` command: the script it writes runs in DuckDB; the table files it
 * writes (CSV and Parquet), loaded into DuckDB with the view, decide as quote()
 * does; `--policy` files replace the built-ins; a failure leaves the old output.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionTables } from '../../src/export/decision-table.js';
import { tablesSql, TABLES, viewSql } from '../../src/export/sql.js';
import { BUILTIN_POLICIES, builtinRegistry } from '../../src/registry.js';
import { ROOT } from '../helpers.js';
import { COMPUTED, expected, ROSTER_TABLE, rosterSql, sampleRoster } from './sql-roster.js';

const dir = mkdtempSync(join(tmpdir(), 'yibao-export-'));
const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { encoding: 'utf8', cwd: dir });
const sample = sampleRoster();

async function viewRows(setup: string[]): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run(ROSTER_TABLE);
    for (const s of [...setup, ...rosterSql(sample)]) await c.run(s);
    return (await c.runAndReadAll(`SELECT row_id, ${COMPUTED.join(', ')} FROM yibao_quoted ORDER BY row_id`)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    c.closeSync();
  }
}

function sameAsQuote(rows: Record<string, unknown>[]) {
  expect(rows.length).toBe(sample.length);
  for (const row of rows) expect(Object.fromEntries(COMPUTED.map((c) => [c, row[c] ?? null]))).toEqual(expected(sample[Number(row.row_id)]!));
}

describe('yibao-rules export', () => {
  it('export sql --dialect duckdb --out: the script runs and the view equals quote() on the sample roster', async () => {
    expect(cli('export', 'sql', '--dialect', 'duckdb', '--out', 'x.sql', '--lang', 'en')).toMatch(/^wrote x\.sql \(qinshui-2025, /);
    sameAsQuote(await viewRows([readFileSync(join(dir, 'x.sql'), 'utf8')]));
  });

  it('export sql prints the script without --out, over the table --table names', () => {
    const sql = cli('export', 'sql', '--dialect', 'postgres', '--table', 'ods.enrolment');
    expect(sql).toContain('FROM ods.enrolment AS t');
    expect(sql).toContain('NUMERIC(12,2)');
    expect(sql).not.toMatch(/\b(FLOAT|DOUBLE|REAL)\b/i);
    expect(sql).not.toMatch(/CREATE (OR REPLACE )?(FUNCTION|MACRO)/i);
  });

  it.each(['csv', 'parquet'])('export table --format %s: the files, loaded with the view, equal quote()', async (format) => {
    const out = join(dir, `tables-${format}`);
    cli('export', 'table', '--format', format, '--out', out);
    // As a platform would: the tables from the script without rows, then the files loaded into them.
    const load = [tablesSql(decisionTables(builtinRegistry), 'duckdb', { rows: false }), ...TABLES.map((t) => `COPY ${t} FROM '${join(out, `${t}.${format}`)}' (FORMAT ${format}${format === 'csv' ? ', HEADER, ALLOW_QUOTED_NULLS false' : ''})`)];
    sameAsQuote(await viewRows([...load, viewSql('duckdb', 'roster')]));
  });

  it('--policy files replace the built-ins', () => {
    const p = BUILTIN_POLICIES.find((x) => x.id === 'kelan-2022')!;
    writeFileSync(join(dir, 'kelan.json'), JSON.stringify(p));
    const sql = cli('export', 'sql', '--dialect', 'duckdb', '--policy', 'kelan.json');
    expect(sql).toMatch(/decision tables of kelan-2022, and the view/);
    expect(sql).not.toContain("'qinshui-2025'");
  });

  it('export --help is bilingual and names both commands', () => {
    const h = cli('export', '--help');
    expect(h).toContain('export sql --dialect duckdb|postgres');
    expect(h).toContain('export table --format csv|parquet');
    expect(h).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a bad command line fails with the usage, and leaves an old output file alone', () => {
    writeFileSync(join(dir, 'keep.sql'), 'old');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'export', 'sql', '--dialect', 'duckdb', '--policy', 'missing.json', '--out', 'keep.sql'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'keep.sql'), 'utf8')).toBe('old');
    const u = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'export', 'sql', '--dialect', 'oracle'], { cwd: dir, encoding: 'utf8' });
    expect(u.status).toBe(1);
    expect(u.stderr).toContain('export sql --dialect duckdb|postgres');
  });
});
