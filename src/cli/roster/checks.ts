/**
 * The checks the notices ask for ("防止出现漏缴、重复缴费、人员信息错误"): ID numbers
 * (GB 11643 check character, a birth date that exists and is not after the
 * coverage year, and not a number Excel has rounded), and the same ID on two
 * rows (both flagged), compared on the whole ID.
 */
import { CsvReader } from '../csv.js';
import { BIRTH_AFTER, birthDayOfIdKey, idAsNumberProblem, idKey, idKeyOfBytes, idProblem, isIdStoredAsNumber } from '../id-number.js';
import type { Rows } from './reading.js';

/** A problem of one row: a stable code and a message in each language. */
export interface Problem {
  code: string;
  zh: string;
  en: string;
}

export const MISSING_ID: Problem = { code: 'missing_id', zh: '缺少身份证号', en: 'missing ID number' };

/**
 * The ID key ({@link idKey}) of field `i`: straight from the bytes when the
 * field is 18 bytes of a CSV file, else from its trimmed text.
 */
export function idKeyIn(rows: Rows, i: number): number {
  if (rows instanceof CsvReader && rows.fieldEnd(i) - rows.fieldStart(i) === 18) {
    const k = idKeyOfBytes(rows.buffer, rows.fieldStart(i));
    if (k >= 0) return k;
  }
  return idKey(rows.text(i).trim());
}

/** The result of checking a row's ID: its key and birth day, or its problem. */
export interface IdResult {
  key: number;
  birthDay: number;
  problem: Problem | undefined;
}

/**
 * Checks field `i` of the current row as an ID number; `lastDay`: the last
 * day of the coverage year (a birth after it is an error), NaN when unknown.
 */
export function checkIdIn(rows: Rows, i: number, lastDay: number, out: IdResult): void {
  let key = idKeyIn(rows, i);
  out.birthDay = NaN;
  out.problem = undefined;
  if (key >= 0) {
    const b = birthDayOfIdKey(key);
    if (b > lastDay) {
      out.problem = idProblem(BIRTH_AFTER, rows.text(i).trim());
      key = -1;
    } else out.birthDay = b;
  } else {
    const raw = rows.text(i).trim();
    out.problem = !raw ? MISSING_ID : isIdStoredAsNumber(raw) ? idAsNumberProblem(raw) : idProblem(idKey(raw), raw);
  }
  out.key = key;
}

/** The problem of a row whose ID is also on rows `list` (row numbers as in the file). */
export function duplicateProblem(list: number[], n: number, lineOf: (row: number) => number): Problem {
  const all = list.filter((r) => r !== n);
  const others = [...all.slice(0, 5).map((r) => String(lineOf(r))), ...(all.length > 5 ? [`…(${all.length})`] : [])];
  return { code: 'duplicate_id', zh: `身份证号与第 ${others.join('、')} 行重复`, en: `the same ID number as line ${others.join(', ')}` };
}

/** The keys that occur more than once in `keys`: one sort of a copy, then neighbours compared. */
function keysSeenTwice(keys: Float64Array): Set<number> {
  const sorted = keys.slice().sort();
  const twice = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) twice.add(sorted[i]!);
  return twice;
}

/** A row of a duplicated ID: its line, the entry it used (-1: none), and where it is in the working file. */
export interface Sighting {
  row: number;
  entry: number;
  offset: number;
}

/**
 * Rows with the same (valid) ID number. Each row's key and sighting are
 * appended to typed arrays as the rows go by (sequential writes, no
 * per-row lookup in a table far larger than the processor's caches); at
 * the end the keys are sorted once, the keys seen more than once picked
 * out, and their sightings gathered in row order. About 24 bytes a row, no
 * garbage.
 */
export class DuplicateFinder {
  private keys = new Float64Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private entries = new Int32Array(1 << 12);
  private offsets = new Float64Array(1 << 12);
  private n = 0;

  /** Notes a row with a valid ID key. */
  add(key: number, s: Sighting): void {
    const i = this.n;
    if (i === this.keys.length) this.resize(i * 2);
    this.keys[i] = key;
    this.rows[i] = s.row;
    this.entries[i] = s.entry;
    this.offsets[i] = s.offset;
    this.n = i + 1;
  }

  /** Makes room for about `expected` rows in all, at once rather than by doubling. */
  reserve(expected: number): void {
    if (expected > this.keys.length) this.resize(Math.ceil(expected));
  }

  private resize(size: number): void {
    const grow = <T extends Float64Array | Int32Array>(a: T, b: T): T => (b.set(a.subarray(0, this.n)), b);
    this.keys = grow(this.keys, new Float64Array(size));
    this.rows = grow(this.rows, new Int32Array(size));
    this.entries = grow(this.entries, new Int32Array(size));
    this.offsets = grow(this.offsets, new Float64Array(size));
  }

  /**
   * The sightings of every ID key noted on more than one row, each group in
   * row order (the first sighting first), groups in the order of their first
   * sightings. Call once, after the last {@link add}: the arrays are freed.
   */
  groups(): Map<number, Sighting[]> {
    const n = this.n;
    const keys = this.keys;
    const seenTwice = keysSeenTwice(keys.subarray(0, n));
    const byKey = new Map<number, Sighting[]>();
    if (seenTwice.size)
      for (let j = 0; j < n; j++) {
        const k = keys[j]!;
        if (!seenTwice.has(k)) continue;
        const s = { row: this.rows[j]!, entry: this.entries[j]!, offset: this.offsets[j]! };
        const g = byKey.get(k);
        if (g) g.push(s);
        else byKey.set(k, [s]);
      }
    this.keys = this.offsets = new Float64Array(0);
    this.rows = this.entries = new Int32Array(0);
    this.n = 0;
    return byKey;
  }
}

/**
 * What the quick pass over a roster found ahead of the main pass: each row's
 * valid ID key (by row number; rows without one hold none), and the rows of
 * every key seen more than once. 8 bytes a row while it is filled, plus one
 * sorted copy of the keys at the end.
 */
export class IdsAhead {
  /** Key + 1 of row `r` at `r - 1` (0: no valid ID). */
  private keys = new Float64Array(1 << 12);
  private rows = 0;
  /** The rows of each key seen more than once, in row order. */
  readonly groups = new Map<number, number[]>();

  /** Notes the valid ID key of row `row` (1-based, rows in order). */
  note(row: number, key: number): void {
    if (row > this.keys.length) this.resize(Math.max(row, this.keys.length * 2));
    this.keys[row - 1] = key + 1;
    if (row > this.rows) this.rows = row;
  }

  /** Makes room for about `expected` rows, at once rather than by doubling. */
  reserve(expected: number): void {
    if (expected > this.keys.length) this.resize(Math.ceil(expected));
  }

  private resize(size: number): void {
    const next = new Float64Array(size);
    next.set(this.keys.subarray(0, this.rows));
    this.keys = next;
  }

  /** After the last {@link note}: finds the keys seen more than once (one sort) and their rows. */
  finish(): void {
    const keys = this.keys.subarray(0, this.rows);
    const twice = keysSeenTwice(keys);
    twice.delete(0); // rows without a valid ID
    if (!twice.size) return;
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r]!;
      if (!twice.has(k)) continue;
      const g = this.groups.get(k - 1);
      if (g) g.push(r + 1);
      else this.groups.set(k - 1, [r + 1]);
    }
  }

  /** The valid ID key of row `row`, or -1. */
  keyOf(row: number): number {
    return row <= this.rows ? this.keys[row - 1]! - 1 : -1;
  }
}
