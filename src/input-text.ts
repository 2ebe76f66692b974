/**
 * Reading what people type into rosters and spreadsheets: several categories
 * in one cell, and dates in the forms spreadsheets export. Shared by the CLI
 * and the spreadsheet layer.
 *
 * @module
 */
import { dayNumberFromSerial, formatCivilDate } from './civil-date.js';

/**
 * Splits "低保对象、重度残疾人（Ⅰ级、Ⅱ级）" at 、 , ; / (and their full-width
 * forms), never inside brackets.
 *
 * @example
 * ```ts
 * splitCategories('低保对象、重度残疾人（Ⅰ级、Ⅱ级）') // ['低保对象', '重度残疾人（Ⅰ级、Ⅱ级）']
 * ```
 */
export function splitCategories(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && '、,，;；/／'.includes(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const YEAR_TEXT = /^\s*(\d{4})\s*(年度?)?\s*$/;

/**
 * A coverage year as typed in a cell: "2022", "2022年" or "2022年度"; undefined otherwise.
 *
 * @example
 * ```ts
 * coverageYearFromText('2022年度') // 2022
 * ```
 */
export function coverageYearFromText(s: string): number | undefined {
  const m = YEAR_TEXT.exec(s);
  return m ? Number(m[1]) : undefined;
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DATE_DIGITS = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{5}(\.\d+)?$/;

/**
 * The one reader of dates as offices write them, used by the roster job, the
 * CLI's `quote` and the spreadsheet functions: rewrites 2021-12-1,
 * 2021/12/1, 2021.12.1, 2021年12月1日, 20211201, a date with a time of day
 * (2021/12/1 0:00:00) and an Excel date serial (44531, the 1900 system) as
 * "2021-12-01"; anything else comes back trimmed, for `quote` to accept or
 * reject. (The library's `quote` itself takes only "YYYY-MM-DD".)
 *
 * @example
 * ```ts
 * normaliseDateText('2021年12月1日') // '2021-12-01'
 * normaliseDateText('44531') // '2021-12-01'
 * ```
 */
export function normaliseDateText(s: string): string {
  const v = s.trim();
  const m = DATE_TEXT.exec(v) ?? DATE_DIGITS.exec(v);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (SERIAL.test(v)) {
    const d = dayNumberFromSerial(Number(v));
    if (d !== undefined) return formatCivilDate(d);
  }
  return v;
}
