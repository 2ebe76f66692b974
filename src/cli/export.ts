/**
 * `yibao-rules export`: the policies as SQL (`export sql`) or as table files
 * (`export table`) for the data platforms that hold the rosters.
 *
 * @module
 */
import { readPolicyFile } from './policy-files.js';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { decisionTables } from '../export/decision-table.js';
import { exportSql, tablesSql, TABLES, type Dialect } from '../export/sql.js';
import { csvLineOf, textTables } from '../export/table-files.js';
import { builtinRegistry, createRegistry, type PolicyRegistry } from '../registry.js';

/**
 * The registry of `--policy` files (the built-ins without any).
 * TODO(lead): replace with `loadPolicyFiles(files).registry` from ./policy-files.js.
 */
export function registryOf(files: readonly string[]): PolicyRegistry {
  if (!files.length) return builtinRegistry;
  return createRegistry(files.map(readPolicyFile));
}

/** Writes a file through a temporary one beside it, so that a failure leaves the old file. */
function writeAtomically(path: string, data: string | Buffer): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Options of {@link exportSqlCommand}. */
export interface ExportSqlOptions {
  readonly dialect: Dialect;
  readonly policies: readonly string[];
  readonly table?: string;
  /** Undefined: the script is returned for standard output. */
  readonly out?: string;
}

/** `export sql`: the script, written to `out` or returned. */
export function exportSqlCommand(o: ExportSqlOptions): { sql: string; policies: string[] } {
  const t = decisionTables(registryOf(o.policies));
  const sql = exportSql(t, { dialect: o.dialect, table: o.table });
  if (o.out) writeAtomically(o.out, sql);
  return { sql, policies: t.policies.map((p) => p.policyId) };
}

/** Options of {@link exportTableCommand}. */
export interface ExportTableOptions {
  readonly format: 'csv' | 'parquet';
  readonly policies: readonly string[];
  /** The directory for the files (one per table). */
  readonly out: string;
}

/** The package that writes Parquet, loaded only when asked for (it is not a dependency of yibao-rules). */
const DUCKDB = '@duckdb/node-api';

/** Thrown when Parquet is asked for and DuckDB is not installed. */
export class ParquetUnavailable extends Error {
  constructor() {
    super(`写 Parquet 需要 DuckDB：请先安装 npm install ${DUCKDB}，或改用 --format csv / writing Parquet needs DuckDB: install it with npm install ${DUCKDB}, or use --format csv`);
  }
}

/** `export table`: one file per table in `out`; returns the files written. */
export async function exportTableCommand(o: ExportTableOptions): Promise<string[]> {
  const t = decisionTables(registryOf(o.policies));
  mkdirSync(o.out, { recursive: true });
  if (o.format === 'csv')
    return textTables(t).map((tt) => {
      const file = join(o.out, `${tt.name}.csv`);
      writeAtomically(file, [tt.columns, ...tt.rows].map(csvLineOf).join(''));
      return file;
    });
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = (await import(DUCKDB)) as typeof import('@duckdb/node-api');
  } catch {
    throw new ParquetUnavailable();
  }
  const db = await duckdb.DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run(tablesSql(t, 'duckdb'));
    const files: string[] = [];
    for (const name of TABLES) {
      const file = join(o.out, `${name}.parquet`);
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        await c.run(`COPY ${name} TO '${tmp.replace(/'/g, "''")}' (FORMAT parquet)`);
        renameSync(tmp, file);
      } finally {
        rmSync(tmp, { force: true });
      }
      files.push(file);
    }
    return files;
  } finally {
    c.closeSync();
  }
}
