/**
 * Dates as notices write them: "2022年9月1日", "9月1日", "12月25日", "2025年2月底",
 * "9月", "二〇二二年九月一日", and scans that lost their 年/月 markers
 * ("2022824日" read as 2022-08-24, "1231日" as 12-31): those are inferences,
 * with the reasoning, and a digit run that splits two ways is ambiguous.
 *
 * @module
 */
import { daysInMonth } from '../civil-date.js';
import { chineseNumber } from './numbers.js';

/** A date as written: any part may be missing. */
export interface DateMention {
  readonly index: number;
  readonly length: number;
  readonly y?: number;
  readonly m?: number;
  readonly d?: number;
  /** "月底": the last day of the month. */
  readonly monthEnd?: boolean;
  /** Set when the 年/月 markers were lost: how the digits were read. */
  readonly inferred?: string;
  /** Two or more readings of lost markers: none is picked. */
  readonly readings?: readonly string[];
}

const N = '(\\d{1,4}|[〇零一二三四五六七八九十]{1,4})';
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : /^\d+$/.test(s) ? Number(s) : chineseNumber(s));

const FULL = new RegExp(`${N}年${N}月(?:${N}日|(底))?`, 'y');
const MD = new RegExp(`${N}月(?:${N}日|(底))?`, 'y');
const LOST_YMD = /(\d{4})(\d{2,4})日/y;
const LOST_MD = /(\d{3,4})日/y;

function splits(digits: string, y?: number): Array<{ m: number; d: number }> {
  const out: Array<{ m: number; d: number }> = [];
  for (let k = 1; k < digits.length; k++) {
    const m = Number(digits.slice(0, k));
    const d = Number(digits.slice(k));
    if (digits[k] === '0' && digits.length - k > 1 && d < 10) continue; // "0" cannot lead a day
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y ?? 2000, m)) out.push({ m, d });
  }
  return out;
}

/**
 * Every date mention in a (normalised) text, in order.
 *
 * @example
 * ```ts
 * findDates('参保缴费期为2022824日至1231日')
 * // [{ y: 2022, m: 8, d: 24, inferred: '…' }, { m: 12, d: 31, inferred: '…' }]
 * ```
 */
export function findDates(s: string): DateMention[] {
  const out: DateMention[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const prev = s[i - 1] ?? '';
    if (!/[\d〇零一二三四五六七八九十]/.test(c) || /[\d〇零一二三四五六七八九十]/.test(prev)) {
      i++;
      continue;
    }
    FULL.lastIndex = MD.lastIndex = LOST_YMD.lastIndex = LOST_MD.lastIndex = i;
    let m: RegExpExecArray | null;
    let hit: DateMention | undefined;
    if ((m = FULL.exec(s)) && m[1]!.length === 4) {
      const y = num(m[1]);
      const mo = num(m[2]);
      const d = num(m[3]);
      if (y && y >= 1990 && y <= 2100 && mo && mo >= 1 && mo <= 12 && (d === undefined || (d >= 1 && d <= daysInMonth(y, mo))))
        hit = { index: i, length: m[0].length, y, m: mo, ...(d ? { d } : {}), ...(m[4] ? { monthEnd: true } : {}) };
    }
    if (!hit && (m = MD.exec(s))) {
      const mo = num(m[1]);
      const d = num(m[2]);
      if (mo && mo >= 1 && mo <= 12 && (d === undefined || (d >= 1 && d <= 31)) && !/^\d{3,}/.test(m[1]!))
        hit = { index: i, length: m[0].length, m: mo, ...(d ? { d } : {}), ...(m[3] ? { monthEnd: true } : {}) };
    }
    if (!hit && (m = LOST_YMD.exec(s)) && !/月/.test(s.slice(i, i + m[0].length))) {
      const y = Number(m[1]);
      if (y >= 1990 && y <= 2100) {
        const r = splits(m[2]!, y);
        const base = { index: i, length: m[0].length, y };
        if (r.length === 1)
          hit = { ...base, m: r[0]!.m, d: r[0]!.d, inferred: `“${m[0]}”缺少“年”“月”：读作 ${y}年${r[0]!.m}月${r[0]!.d}日（唯一有效读法）/ the 年 and 月 markers are lost; read as ${y}-${r[0]!.m}-${r[0]!.d}, the only valid reading` };
        else if (r.length > 1) hit = { ...base, readings: r.map((x) => `${y}-${x.m}-${x.d}`) };
      }
    }
    if (!hit && (m = LOST_MD.exec(s))) {
      const r = splits(m[1]!);
      const base = { index: i, length: m[0].length };
      if (r.length === 1)
        hit = { ...base, m: r[0]!.m, d: r[0]!.d, inferred: `“${m[0]}”缺少“月”：读作 ${r[0]!.m}月${r[0]!.d}日（唯一有效读法）/ the 月 marker is lost; read as month ${r[0]!.m}, day ${r[0]!.d}, the only valid reading` };
      else if (r.length > 1) hit = { ...base, readings: r.map((x) => `${x.m}-${x.d}`) };
    }
    if (hit) {
      out.push(hit);
      i += hit.length;
    } else i++;
  }
  return out;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** "YYYY-MM-DD" of a year, month, day. */
export function ymd(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Joins reasons written "中文 / English" into one, each language with its own.
 *
 * @example
 * ```ts
 * joinReasons(['甲 / a', '乙 / b']) // '甲；乙 / a; b'
 * ```
 */
export function joinReasons(reasons: ReadonlyArray<string | undefined>): string | undefined {
  const rs = [...new Set(reasons.filter((r): r is string => !!r))];
  if (!rs.length) return undefined;
  const zh = rs.map((r) => r.split(' / ')[0]!);
  const en = rs.map((r) => r.split(' / ').slice(1).join(' / ') || r);
  return `${zh.join('；')} / ${en.join('; ')}`;
}

/** A resolved date: the civil date, and the reasoning where part of it was inferred. */
export interface ResolvedDate {
  readonly date: string;
  readonly inferred?: string;
}

/**
 * Completes a mention to a civil date. `edge` says which day a month-only
 * mention stands for (`start`: the 1st; `end`: the last). `year` supplies a
 * missing year, with its reasoning (an inference); `after` is the start of a
 * range this mention ends, whose year it inherits (rolling into the next
 * year when the month is earlier).
 */
export function resolveDate(
  mention: DateMention,
  edge: 'start' | 'end',
  year?: { value: number; reason: string },
  after?: { y: number; m: number },
): ResolvedDate | undefined {
  if (mention.readings || mention.m === undefined) return undefined;
  const reasons: string[] = [];
  if (mention.inferred) reasons.push(mention.inferred);
  let y = mention.y;
  if (y === undefined && after) y = mention.m < after.m ? after.y + 1 : after.y;
  if (y === undefined && year) {
    y = year.value;
    reasons.push(year.reason);
  }
  if (y === undefined) return undefined;
  const d = mention.d ?? (mention.monthEnd || edge === 'end' ? daysInMonth(y, mention.m) : 1);
  if (d > daysInMonth(y, mention.m)) return undefined;
  return { date: ymd(y, mention.m, d), ...(reasons.length ? { inferred: joinReasons(reasons)! } : {}) };
}
