import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * The repository's copies of the notices (personal names and phone numbers removed, see
 * notices/README.md). They are part of every clone: a missing notice fails the tests, it never
 * skips them.
 */
export const NOTICES_DIR = fileURLToPath(new URL('../notices/', import.meta.url));
if (!existsSync(NOTICES_DIR)) throw new Error(`[yibao-rules tests] ${NOTICES_DIR} is missing: the notices are part of the repository.`);

/** The removal marks in the repository's copies of the notices. */
export const NAME_REMOVED = '〔姓名已删除〕';
export const PHONE_REMOVED = '〔电话已删除〕';

/** Text with all white space removed: line breaks fall where the page broke. */
export const squash = (s: string) => s.replace(/\*\*/g, '').replace(/\s+/g, '');

const cache = new Map<string, string>();
export function notice(file: string): string {
  let t = cache.get(file);
  if (t === undefined) cache.set(file, (t = squash(readFileSync(`${NOTICES_DIR}${file}`, 'utf8'))));
  return t;
}

/** Every { clause, quote } object inside a value, with its path. */
export function citations(v: unknown, path: string[] = []): Array<{ path: string; clause: string; quote: string }> {
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  const here = typeof o.clause === 'string' && typeof o.quote === 'string' ? [{ path: path.join('.'), clause: o.clause, quote: o.quote }] : [];
  return here.concat(...Object.entries(o).map(([k, x]) => citations(x, [...path, k])));
}

/** Reads "a.b[2].c" from an object. */
export function at(o: unknown, path: string): unknown {
  let v: unknown = o;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (v === null || v === undefined) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export interface GoldenCase {
  clause: string;
  quote: string;
  figure: string;
  policy?: string;
  equals?: unknown;
  quote_input?: Record<string, unknown>;
  expect?: Record<string, unknown>;
  table?: string;
  column?: number;
  total?: number;
}
export interface GoldenFile {
  policy: string;
  notice: string;
  cases: GoldenCase[];
}
export function goldenFiles(): GoldenFile[] {
  const dir = `${ROOT}fixtures/golden/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as GoldenFile);
}
