/**
 * `POST /v1/roster`: the upload is streamed to a private temporary directory,
 * the CLI's roster job runs on it, and the answer is the job's output file,
 * byte for byte, with the job's summary as JSON in the `X-Yibao-Summary`
 * header. The directory is removed whatever happens.
 *
 * This file is the service's only link to the roster job (src/cli/roster/).
 *
 * @module
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { RosterFileError, runRoster, type RosterSummary } from '../cli/roster.js';
import { saveUpload, expectMedia } from './body.js';
import type { PolicyRegistry } from '../registry.js';
import { HttpError } from './errors.js';

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The output formats, as the CLI's `--out` extension decides them. */
export const OUTPUT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: XLSX, json: 'application/json; charset=utf-8' } as const;
export type OutputFormat = keyof typeof OUTPUT_TYPES;

/** JSON with every non-ASCII character escaped, so that it fits an HTTP header. */
export const asciiJson = (v: unknown) => JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Options from the query string, checked. */
export interface RosterQuery {
  county?: string;
  year?: number;
  lang: 'zh' | 'en';
  format: OutputFormat;
}

const bad = (name: string, zh: string, en: string) => new HttpError(400, 'invalid_roster', zh, en, [name]);

/** Reads `county`, `year`, `lang` and `format` from the query. */
export function rosterQuery(q: URLSearchParams): RosterQuery {
  const year = q.get('year');
  if (year !== null && !/^\d{4}$/.test(year)) throw bad('year', `年度须为四位数字：${year}`, `the year must be four digits: ${year}`);
  const lang = q.get('lang') ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw bad('lang', 'lang 须为 zh 或 en', 'lang must be zh or en');
  const format = q.get('format') ?? 'csv';
  if (!(format in OUTPUT_TYPES)) throw bad('format', 'format 须为 csv、xlsx 或 json', 'format must be csv, xlsx or json');
  const county = q.get('county') ?? undefined;
  return { ...(county ? { county } : {}), ...(year ? { year: Number(year) } : {}), lang, format: format as OutputFormat };
}

/** The summary as the header carries it (without the server's temporary path). */
export function summaryHeader(s: RosterSummary): string {
  const { output: _, ...rest } = s;
  return asciiJson(rest);
}

/** Runs the job on an upload, against the service's registry (built-ins and `--policy` files), and streams its output back. */
export async function handleRoster(req: IncomingMessage, res: ServerResponse, query: URLSearchParams, maxUpload: number, registry?: PolicyRegistry): Promise<void> {
  const type = expectMedia(req, [CSV, XLSX]);
  const q = rosterQuery(query);
  const dir = await mkdtemp(join(tmpdir(), 'yibao-serve-'));
  try {
    const input = join(dir, type === XLSX ? 'roster.xlsx' : 'roster.csv');
    const out = join(dir, `roster.yibao.${q.format}`);
    await saveUpload(req, input, maxUpload);
    let summary: RosterSummary;
    try {
      summary = await runRoster({ input, out, county: q.county, year: q.year, lang: q.lang, registry });
    } catch (e) {
      if (e instanceof RosterFileError) throw new HttpError(400, 'invalid_roster', e.zh, e.en);
      throw e;
    }
    const { size } = await stat(out);
    // Opened, then the directory removed: the answer streams from the open file, nothing is left behind.
    const file = createReadStream(out);
    await once(file, 'open');
    await rm(dir, { recursive: true, force: true });
    res.writeHead(200, {
      'content-type': OUTPUT_TYPES[q.format],
      'content-length': size,
      'content-disposition': `attachment; filename="roster.yibao.${q.format}"`,
      'x-yibao-summary': summaryHeader(summary),
    });
    await pipeline(file, res);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
