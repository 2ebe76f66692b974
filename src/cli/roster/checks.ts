/**
 * The checks the notices ask for ("防止出现漏缴、重复缴费、人员信息错误"): ID numbers
 * (GB 11643 check character, a birth date that exists and is not after the
 * coverage year, and not a number Excel has rounded), and the same ID on two
 * rows (both flagged), compared on the whole ID.
 */
import { CsvReader } from '../csv.js';
import { BIRTH_AFTER, birthDayOfIdKey, idAsNumberProblem, idKey, IdIndex, idKeyOfBytes, idProblem, isIdStoredAsNumber } from '../id-number.js';
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

/** A row of a duplicated ID: its line, the entry it used (-1: none), and where it is in the working file. */
export interface Sighting {
  row: number;
  entry: number;
  offset: number;
}

/**
 * Rows with the same (valid) ID number, found as the rows go by: each ID's
 * first sighting is kept in an {@link IdIndex}; the sightings of IDs seen
 * again, in groups.
 */
export class DuplicateFinder {
  private readonly index = new IdIndex();
  /** First row → every sighting of that ID. */
  readonly groups = new Map<number, Sighting[]>();
  add(key: number, s: Sighting): void {
    const slot = this.index.firstOrAdd(key, s.row, s.entry, s.offset);
    if (slot < 0) return;
    const first = this.index.rowAt(slot);
    const group = this.groups.get(first);
    if (group) group.push(s);
    else this.groups.set(first, [{ row: first, entry: this.index.tagAt(slot), offset: this.index.offsetAt(slot) }, s]);
  }
  reserve(expected: number): void {
    this.index.reserve(expected);
  }
}
