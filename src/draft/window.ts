/**
 * Years, the standard contribution, and the calendar of a notice: the
 * collection window (dates, days of the month, phases, suspensions, group
 * extensions, deadlines, the holiday rule), the coverage period, newborn
 * windows and the proof-of-payment delay.
 *
 * @module
 */
import type { Sentence } from './clauses.js';
import { findDates, joinReasons, resolveDate, type DateMention } from './dates.js';
import { CHINESE_NUMERAL, findMoney, readNumber } from './numbers.js';
import { categoryOf } from './lexicon.js';
import type { Cited, DraftContext } from './types.js';

type Cite = { clause: string; quote: string };

const sentenceCite = (ctx: DraftContext, s: Sentence) => ctx.cite(null, s.clause, s.start, s.end).cite;

/** The standard contribution: "个人缴费标准为320元/人", "达到每人每年380元", "个人缴费每人每年350元". */
export function findStandard(ctx: DraftContext): Cited<string> | undefined {
  for (const s of ctx.sentences) {
    const k = s.text.search(/个人缴费标准|缴费标准|个人缴费(部分)?每人/);
    if (k < 0) continue;
    // A category's own payment ("低保对象个人缴费标准为每人每年80元") is not the standard.
    const who = categoryOf(s.text.slice(Math.max(0, s.text.lastIndexOf('，', k) + 1), k));
    if (who && who !== 'ordinary') continue;
    if (/资助|补助/.test(s.text.slice(0, k)) && !/个人缴费标准/.test(s.text)) continue;
    const segs = s.text.split('，');
    let off = 0;
    for (const seg of segs) {
      const segStart = off;
      off += seg.length + 1;
      if (off <= k) continue;
      const ms = findMoney(seg).filter((m) => segStart + m.index > k);
      if (ms.length && !/提高(?!到|至)|新增|增加(?!到|至)|下调|不低于|资助|补助|另需/.test(seg) && /标准|每人|\/人/.test(seg + s.text.slice(k, k + 12))) {
        const m = ms[0]!;
        // Not a category's rule ("低保对象…个人缴费40元").
        if (/个人缴费\d/.test(seg) && !/每人/.test(seg)) break;
        return { ...ctx.cite(m.amount, s.clause, s.start, s.end), start: s.start + segStart + m.index, end: s.start + segStart + m.index + m.length };
      }
    }
  }
  return undefined;
}

/** Date ranges of a sentence: "A至B", "从A至B", "A到B", "A-B", "A至31日". */
export interface DateRange {
  from: DateMention;
  to: DateMention;
  index: number;
  end: number;
}

export function findRanges(text: string): DateRange[] {
  const ds = findDates(text);
  const out: DateRange[] = [];
  for (let i = 0; i < ds.length; i++) {
    const a = ds[i]!;
    const after = text.slice(a.index + a.length);
    const b = ds[i + 1];
    const gap = b ? text.slice(a.index + a.length, b.index) : '';
    if (b && /^起?(至|到|-|—|～)(次年|每年)?$/.test(gap)) {
      out.push({ from: a, to: b, index: a.index, end: b.index + b.length });
      i++;
      continue;
    }
    const d = /^(至|到)(\d{1,2})日/.exec(after);
    if (d && a.m !== undefined) {
      const to: DateMention = { index: a.index + a.length + 1, length: d[0].length - 1, ...(a.y ? { y: a.y } : {}), m: a.m, d: Number(d[2]) };
      out.push({ from: a, to, index: a.index, end: a.index + a.length + d[0].length });
    }
  }
  return out;
}

/** The calendar of a notice as found. */
export interface CalendarFindings {
  coverageYear?: Cited<number>;
  collectionYear?: Cited<number>;
  start?: Cited<string>;
  end?: Cited<string>;
  daysOfMonth?: Cited<{ from: number; to: number }>;
  phases: Array<Cited<{ id: string; name: { zh: string; en: string }; start: string; end: string }>>;
  suspensions: Array<Cited<{ from: string; resumesOn: string }>>;
  deadlines: Array<Cited<{ date: string; task: { zh: string; en: string } }>>;
  holidayRule?: Cited<boolean>;
  coverage?: Cited<{ start: string; end: string }>;
  newborn?: Cited<number>;
  proofOfPayment?: Cited<number>;
  extensions: Array<Cited<{ until: string; who: string }>>;
}

const WINDOW_WORD = /缴费期|征缴期|征收期|征期|缴费时间|缴纳|集中缴费|参保缴费期/;
const COVERAGE_WORD = /待遇享受期|享受期|享受(医疗保障|医保|城乡居民医疗保险|基本医疗保险)?待遇(的)?(时间|期限)?/;
const PHASE_WORD = /(期|阶段)/;
const PHASE_BEFORE = /((?:集中|攻坚|宣传|检查|扫尾|动员|督查)[\u4e00-\u9fa5]{0,8}?(?:期|阶段))(?:为|从|是|：|\()?(?:每年)?$/;
const PHASE_AFTER = /^(?:为|是)((?:集中|攻坚|宣传|检查|扫尾|动员|督查)[\u4e00-\u9fa5]{0,8}?(?:期|阶段))/;

function phaseId(name: string): { id: string; en: string } | undefined {
  if (/扫尾|攻坚/.test(name)) return { id: 'sweep-up', en: 'sweep-up period' };
  if (/宣传|动员/.test(name)) return { id: 'publicity', en: 'publicity phase' };
  if (/检查|考评|督查/.test(name)) return { id: 'review', en: 'inspection and evaluation phase' };
  if (/集中/.test(name)) return { id: 'centralised', en: 'centralised collection period' };
  return undefined;
}

/** Finds the years and the calendar. `issuedOn` dates what "已缴费的" refers to; not used here. */
export function findCalendar(ctx: DraftContext, standard?: Cited<string>, titleYear?: Cited<number>, issuedOn?: string): CalendarFindings {
  const out: CalendarFindings = { phases: [], suspensions: [], deadlines: [], extensions: [] };
  const ss = ctx.sentences.filter((s) => s.clause !== '文头' || /缴费期|享受/.test(s.text));

  // Coverage period, stated.
  for (const s of ss) {
    const k = s.text.search(COVERAGE_WORD);
    if (k < 0) continue;
    const r = findRanges(s.text).find((x) => x.index > k);
    if (!r) continue;
    const a = resolveDate(r.from, 'start');
    const b = a && resolveDate(r.to, 'end', undefined, { y: Number(a.date.slice(0, 4)), m: r.from.m! });
    if (a && b) {
      const inferred = joinReasons([a.inferred, b.inferred]);
      out.coverage = ctx.cite({ start: a.date, end: b.date }, s.clause, s.start, s.end, inferred);
      out.coverageYear = ctx.cite(Number(a.date.slice(0, 4)), s.clause, s.start, s.end, inferred);
      break;
    }
  }
  // Coverage year, from "YYYY年度" where the standard or the collection is stated, then the title.
  if (!out.coverageYear) {
    const cands: Sentence[] = [];
    if (standard) {
      const s = ctx.sentences.find((x) => x.start <= standard.start && standard.start < x.end);
      if (s) cands.push(s);
    }
    cands.push(...ss.filter((s) => /预收|缴纳\d{4}年度/.test(s.text)));
    for (const s of cands) {
      const m = /预收(\d{4})年度|(?<!预收)(\d{4})年度/.exec(s.text.replace(/^\d{4}年预收/, (x) => x));
      const y = m && Number(m[1] ?? m[2]);
      if (y) {
        out.coverageYear = ctx.cite(y, s.clause, s.start, s.end);
        break;
      }
    }
    if (!out.coverageYear && titleYear) out.coverageYear = titleYear;
  }
  const covY = out.coverageYear?.value;
  // The year of collection for dates written without one: stated in the same clause, or the
  // year before the coverage year where the notice says it collects for the next year.
  const nextYear = ss.find((s) => /当期缴纳下期|下一年享受|预收/.test(s.text));
  const yearFor = (s: Sentence): { value: number; reason: string } | undefined => {
    const stated = ctx.sentences
      .filter((x) => x.clause === s.clause && s.clause !== '文头' && WINDOW_WORD.test(x.text) && !COVERAGE_WORD.test(x.text))
      .flatMap((x) => findDates(x.text))
      .find((d) => d.y && !d.inferred);
    if (stated?.y && (!covY || stated.y < covY))
      return { value: stated.y, reason: `年份未写，取同一条款所写的 ${stated.y} 年 / the year is not written; taken from ${stated.y}, stated in the same clause` };
    if (covY && nextYear)
      return {
        value: covY - 1,
        reason: `年份未写：通知写明“${/当期缴纳下期|下一年享受|预收/.exec(nextYear.text)![0]}”，征缴在待遇年度 ${covY} 的前一年 / the year is not written; the notice collects in the year before the coverage year ${covY}`,
      };
    // The notice is dated in the year before the coverage year: its dates without a year fall in it.
    if (covY && issuedOn && Number(issuedOn.slice(0, 4)) === covY - 1)
      return {
        value: covY - 1,
        reason: `年份未写：通知成文于 ${issuedOn}，即待遇年度 ${covY} 的前一年 / the year is not written; the notice is dated ${issuedOn}, the year before the coverage year ${covY}`,
      };
    return undefined;
  };

  // The window: the first sentence naming the collection with a date range.
  let endIsCut = false; // the end was read from "截止…": a range does not override it
  for (const s of ss) {
    const windowSentence = WINDOW_WORD.test(s.text) && !COVERAGE_WORD.test(s.text.split(/，/)[0]!);
    if (!windowSentence && !PHASE_WORD.test(s.text)) continue;
    const ranges = findRanges(s.text).filter((r) => !COVERAGE_WORD.test(s.text.slice(Math.max(0, r.index - 12), r.index)));
    for (const r of ranges) {
      const before = s.text.slice(0, r.index);
      const afterText = s.text.slice(r.end);
      const pb = PHASE_BEFORE.exec(before);
      const pa = PHASE_AFTER.exec(afterText);
      const name = pb?.[1] ?? pa?.[1];
      const y = r.from.y ? undefined : yearFor(s);
      const a = resolveDate(r.from, 'start', y);
      const b = a && resolveDate(r.to, 'end', undefined, { y: Number(a.date.slice(0, 4)), m: r.from.m! });
      if (!a || !b) {
        if (r.from.readings || r.to.readings)
          ctx.ambiguity('collection', `日期“${s.text.slice(r.index, r.end)}”有多种读法，均未采用`, `the dates "${s.text.slice(r.index, r.end)}" read several ways: none picked`, sentenceCite(ctx, s));
        continue;
      }
      const inferred = joinReasons([a.inferred, b.inferred]);
      if (name && phaseId(name)) {
        const p = phaseId(name)!;
        if (!out.phases.some((x) => x.value.id === p.id))
          out.phases.push(ctx.cite({ id: p.id, name: { zh: name, en: p.en }, start: a.date, end: b.date }, s.clause, s.start, s.end, inferred));
      }
      const isWindow = windowSentence && (!name || /集中|征缴|缴费/.test(name));
      if (isWindow && !out.start && !/宣传|检查|考评/.test(name ?? '')) {
        out.start = ctx.cite(a.date, s.clause, s.start, s.end, inferred);
        if (!out.end) out.end = ctx.cite(b.date, s.clause, s.start, s.end, inferred);
      }
    }
    // A single month named as a phase: "12月为攻坚扫尾期".
    for (const m of s.text.matchAll(/(?<![\d至到-])(\d{1,2})月为((?:集中|攻坚|宣传|检查|扫尾)[\u4e00-\u9fa5]{0,8}?(?:期|阶段))/g)) {
      const p = phaseId(m[2]!);
      const y = yearFor(s);
      if (!p || !y || out.phases.some((x) => x.value.id === p.id)) continue;
      const mention = { index: 0, length: 0, m: Number(m[1]) };
      const a = resolveDate(mention, 'start', y);
      const b = resolveDate(mention, 'end', y);
      if (a && b) out.phases.push(ctx.cite({ id: p.id, name: { zh: m[2]!, en: p.en }, start: a.date, end: b.date }, s.clause, s.start, s.end, a.inferred));
    }
    if (!windowSentence) continue;
    // "截止12月25日": the last day.
    const cut = /(征收期|征期|缴费期|征缴期)?截(止|至)(到)?([^，。；(]*?日)/.exec(s.text);
    if (cut && !endIsCut) {
      const d = findDates(cut[4]!)[0];
      const r = d && resolveDate(d, 'end', d.y ? undefined : yearFor(s));
      if (r) {
        out.end = ctx.cite(r.date, s.clause, s.start, s.end, r.inferred);
        endIsCut = true;
      }
    }
    const dom = /每月(\d{1,2})日?(?:-|至|到)(\d{1,2})日/.exec(s.text);
    if (dom && !out.daysOfMonth) out.daysOfMonth = ctx.cite({ from: Number(dom[1]), to: Number(dom[2]) }, s.clause, s.start, s.end);
    const hol = /节假日(期间)?(不)?顺延/.exec(s.text);
    if (hol && !out.holidayRule) {
      const i = s.text.indexOf(hol[0]);
      const open = s.text.lastIndexOf('(', i);
      const from = open >= 0 && i - open <= 1 ? open : i;
      const close = s.text.indexOf(')', i);
      const to = close >= 0 && close - (i + hol[0].length) <= 0 ? close + 1 : i + hol[0].length;
      out.holidayRule = ctx.cite(!hol[2], s.clause, s.start + from, s.start + to);
    }
    const ext = /([^，。；]{2,20}?)(可|可以)?延长至([^，。；]*?日)/.exec(s.text);
    if (ext) {
      const d = findDates(ext[3]!)[0];
      const r = d && resolveDate(d, 'end', d.y ? undefined : yearFor(s));
      if (r && !out.extensions.some((x) => x.value.until === r.date)) out.extensions.push(ctx.cite({ until: r.date, who: ext[1]! }, s.clause, s.start, s.end, r.inferred));
    }
  }
  // The window's start from its earliest collection phase when no range names it.
  if (!out.start) {
    const first = out.phases.filter((p) => p.value.id === 'centralised' || p.value.id === 'sweep-up').sort((a, b) => (a.value.start < b.value.start ? -1 : 1))[0];
    if (first) out.start = { ...first, value: first.value.start };
  }
  // A phase runs no further than the window it belongs to.
  if (out.end) {
    const endDate = out.end.value;
    out.phases = out.phases.map((p) =>
      (p.value.id === 'centralised' || p.value.id === 'sweep-up') && p.value.end > endDate && p.value.end.slice(0, 7) === endDate.slice(0, 7)
        ? { ...p, value: { ...p.value, end: endDate }, inferred: joinReasons([p.inferred, `该月的征期截止 ${endDate} / the window closes on ${endDate} in that month`]) }
        : p,
    );
    if (out.start && out.end.value < out.start.value) delete out.end;
  }

  // Suspensions: "自10月8日起暂停，至11月15日恢复".
  for (const s of ss) {
    const m = /(自)?([^，。；]{0,12}?日)起?暂停[^。；]{0,12}?至([^，。；]{0,12}?日)恢复/.exec(s.text);
    if (!m) continue;
    const d1 = findDates(m[2]!)[0];
    const d2 = findDates(m[3]!)[0];
    const y = (d1 && !d1.y && yearFor(s)) || undefined;
    const a = d1 && resolveDate(d1, 'start', y);
    const b = a && d2 && resolveDate(d2, 'start', d2.y ? undefined : { value: Number(a.date.slice(0, 4)), reason: '同一句的年份 / the year of the same sentence' });
    if (a && b) {
      const i = s.text.indexOf(m[0]);
      const from = Math.max(0, s.text.lastIndexOf('，', i) + 1 || 0);
      out.suspensions.push(ctx.cite({ from: a.date, resumesOn: b.date }, s.clause, s.start + Math.min(from, i), s.start + i + m[0].length, a.inferred));
    }
  }
  // Deadlines: "12月25日前完成全部城乡居民征缴任务" (not those for a group: the reviewer maps groups).
  for (const s of ss) {
    for (const m of s.text.matchAll(/(\d{1,2}月(?:\d{1,2}日|底))(?:前|之前)(完成[^，。；]+)/g)) {
      const d = findDates(m[1]!)[0];
      const r = d && resolveDate(d, 'end', d.y ? undefined : yearFor(s));
      if (!r) continue;
      const i = s.text.indexOf(m[0]);
      const c = ctx.cite(null, s.clause, s.start + i, s.start + i + m[0].length).cite;
      if (/困难群众|人口|对象|人员(?!征缴)/.test(m[2]!)) {
        ctx.unrepresentable('collection.deadlines', `期限 ${r.date}“${m[2]}”只涉及部分人群：请审核人填写类别`, `deadline ${r.date} concerns a group only: the reviewer maps it to categories`, c);
        continue;
      }
      out.deadlines.push({ ...ctx.cite({ date: r.date, task: { zh: m[2]!, en: `deadline stated in Chinese: ${m[2]!}` } }, s.clause, s.start + i, s.start + i + m[0].length, r.inferred) });
    }
  }
  // Coverage by inference: the notice pays by calendar year (自然年度) or for "the next year".
  if (!out.coverage && covY) {
    const s = ss.find((x) => /自然年度|下一年享受/.test(x.text));
    if (s)
      out.coverage = ctx.cite({ start: `${covY}-01-01`, end: `${covY}-12-31` }, s.clause, s.start, s.end, `待遇期未写明日期：通知写明“${/自然年度|下一年享受/.exec(s.text)![0]}”，待遇年度 ${covY} 即 ${covY}-01-01 至 ${covY}-12-31 / no dates are written; the notice says it runs by calendar year, so coverage year ${covY} is ${covY}-01-01 to ${covY}-12-31`);
  }
  // Collection year: the year of the window's start.
  if (out.start) out.collectionYear = { ...out.start, value: Number(out.start.value.slice(0, 4)) };

  for (const s of ctx.sentences) {
    const nb = new RegExp(`新生儿[^。；]{0,20}?出生(之日起|后|之日)?(${CHINESE_NUMERAL}|\\d+)个月(之内|以内|内)`).exec(s.text);
    if (nb && !out.newborn && /当年度?[^。；]{0,20}待遇|当年享受/.test(s.text)) out.newborn = ctx.cite(Number(readNumber(nb[2]!)), s.clause, s.start, s.end);
    const nbDays = new RegExp(`新生儿[^。；]{0,20}?出生(之日起|后|之日)?(${CHINESE_NUMERAL}|\\d+)(日|天)(之内|以内|内)`).exec(s.text);
    if (nbDays && !out.newborn)
      ctx.unrepresentable('collection.specialWindows', `新生儿参保期限以天计（${nbDays[0]}）：现行政策模型只能以月表示`, `the newborn window is stated in days (${nbDays[0]}); today's model holds months only`, sentenceCite(ctx, s));
    const pp = new RegExp(`(\\d+|${CHINESE_NUMERAL})个工作日(后|之后|以后)`).exec(s.text);
    if (pp && !out.proofOfPayment && /缴费(证明|记录|凭证)|查询|打印/.test(ctx.paragraphs[s.paragraph]!.text)) out.proofOfPayment = ctx.cite(Number(readNumber(pp[1]!)), s.clause, s.start, s.end);
  }
  return out;
}

export type { Cite };
