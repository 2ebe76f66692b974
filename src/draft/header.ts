/**
 * The document as a document: its number (文号), title, issuer and date
 * (文头, 落款), and the county it governs with its division code, prefecture,
 * province and pinyin from maintained tables (@vant/area-data's division
 * codes, pinyin-pro).
 *
 * @module
 */
import { areaList } from '@vant/area-data';
import { pinyin } from 'pinyin-pro';
import type { Paragraph } from './clauses.js';
import { findDates, resolveDate } from './dates.js';
import type { Cited, DraftContext } from './types.js';

/** The document's number, title, issuer and date as found. */
export interface DocumentFindings {
  number?: Cited<string>;
  title?: Cited<string>;
  issuer?: Cited<string>;
  issuedOn?: Cited<string>;
}

const NUMBER = /^[\u4e00-\u9fa5]{1,10}[〔[【(]\d{4}[〕\]】)]\d{1,4}号$/;
const ORG = /(人民政府办公室|人民政府办公厅|人民政府|医疗保障局|税务局|财政局|委员会|办公室|村委会|居委会|领导小组)(文件)?$/;
const FULL_DATE = /^\d{4}年\d{1,2}月\d{1,2}日(印发)?$/;

/** Finds the 文号, title, issuer and date. */
export function findDocument(ctx: DraftContext): DocumentFindings {
  const out: DocumentFindings = {};
  const ps = ctx.paragraphs;
  const head = ps.slice(0, 12);
  for (const p of head) {
    if (!out.number && NUMBER.test(p.text)) out.number = ctx.cite(p.text, '文头', p.start, p.end);
    if (!out.title && /关于/.test(p.text) && /(通知|公告|方案|意见|通告)$/.test(p.text) && p.text.length <= 80)
      out.title = ctx.cite(p.text, '文头', p.start, p.end);
  }
  if (!out.title) {
    const p = head.find((x) => /(通知|公告|通告)$/.test(x.text) && /医疗保险|医保/.test(x.text) && x.text.length <= 60);
    if (p) out.title = ctx.cite(p.text, '文头', p.start, p.end);
  }
  if (!out.title) {
    // A web page's heading in brackets: "【2022年度…居民医保…标准】".
    for (const p of head) {
      const m = /【([^【】]{6,60})】/.exec(p.text);
      if (m && /医疗保险|医保/.test(m[1]!)) {
        out.title = ctx.cite(m[1]!, '标题', p.start + m.index + 1, p.start + m.index + 1 + m[1]!.length);
        break;
      }
    }
  }
  // 落款: an organisation and a full date on the next line, the last such pair before the end.
  for (const printed of [false, true]) {
    for (let i = ps.length - 1; i >= 0 && !out.issuer; i--) {
      const p = ps[i]!;
      if (!FULL_DATE.test(p.text) || /印发$/.test(p.text) !== printed) continue;
      const prev = ps[i - 1];
      const d = findDates(p.text)[0];
      const r = d && resolveDate(d, 'start');
      if (!r) continue;
      if (!out.issuedOn) out.issuedOn = ctx.cite(r.date, '落款', p.start, p.end);
      if (prev && ORG.test(prev.text) && prev.text.length <= 40) out.issuer = ctx.cite(prev.text.replace(/文件$/, ''), '落款', prev.start, prev.end);
    }
  }
  // A web page's metadata line: "日期:2022-11-11".
  if (!out.issuedOn) {
    const p = head.find((x) => /日期[：:](\d{4})-(\d{2})-(\d{2})/.test(x.text));
    const m = p && /日期[：:](\d{4}-\d{2}-\d{2})/.exec(p.text);
    if (p && m) {
      const i = p.text.indexOf(m[0]);
      out.issuedOn = ctx.cite(m[1]!, '文头', p.start + i, p.start + i + m[0].length);
    }
  }
  if (!out.issuer) {
    const p = head.find((x) => /文件$/.test(x.text) && ORG.test(x.text) && x.text.length <= 30);
    if (p) out.issuer = ctx.cite(p.text.replace(/文件$/, ''), '文头', p.start, p.end);
  }
  return out;
}

/** A county as found, with its codes. */
export interface CountyFinding {
  name: string;
  shortName: string;
  pinyin: string;
  code: string;
  prefecture: { name: string; code: string };
  province: { name: string; code: string };
  cite: { clause: string; quote: string };
  codeSource: string;
}

let byName: Map<string, string[]> | undefined;
function countyIndex(): Map<string, string[]> {
  if (byName) return byName;
  byName = new Map();
  for (const [code, name] of Object.entries(areaList.county_list as Record<string, string>)) {
    if (!/(县|旗|区|市)$/.test(name)) continue;
    const list = byName.get(name) ?? [];
    list.push(code);
    byName.set(name, list);
  }
  return byName;
}

/** County-level names (known to the division table: 县, 旗, 区, county-level 市) that end in a text, longest first. */
export function countyNamesIn(s: string): string[] {
  const idx = countyIndex();
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '县' && s[i] !== '旗' && s[i] !== '区' && s[i] !== '市') continue;
    for (let len = 6; len >= 2; len--) {
      if (i + 1 - len < 0) continue;
      const name = s.slice(i + 1 - len, i + 1);
      if (idx.has(name)) {
        out.push(name);
        break;
      }
    }
  }
  return out;
}

/**
 * The county the notice governs: named by the issuer, the title or the 文头,
 * resolved in the division table. Two counties of the same name are told
 * apart by a prefecture the text names; otherwise the finding is ambiguous.
 */
export function findCounty(ctx: DraftContext, doc: DocumentFindings): CountyFinding | undefined {
  const idx = countyIndex();
  const sources: Array<{ text: string; clause: string; start: number; end: number } | undefined> = [
    doc.issuer && { text: doc.issuer.value, clause: doc.issuer.cite.clause, start: doc.issuer.start, end: doc.issuer.end },
    doc.title && { text: doc.title.value, clause: doc.title.cite.clause, start: doc.title.start, end: doc.title.end },
    ...ctx.paragraphs.slice(0, 8).map((p) => ({ text: p.text, clause: '文头', start: p.start, end: p.end })),
  ];
  for (const src of sources) {
    if (!src) continue;
    const names = countyNamesIn(src.text);
    if (!names.length) continue;
    const name = names[0]!;
    let codes = idx.get(name)!;
    if (codes.length > 1) {
      const cities = areaList.city_list as Record<string, string>;
      const named = codes.filter((c) => ctx.text.includes(cities[`${c.slice(0, 4)}00`] ?? '\u0000'));
      if (named.length !== 1) {
        ctx.ambiguity('county', `县名“${name}”对应多个行政区划代码（${codes.join('、')}），正文未写明所属地市`, `the county name ${name} has several division codes (${codes.join(', ')}) and the text names no prefecture`);
        return undefined;
      }
      codes = named;
    }
    const code = codes[0]!;
    const prefCode = `${code.slice(0, 4)}00`;
    const provCode = `${code.slice(0, 2)}0000`;
    const prefName = (areaList.city_list as Record<string, string>)[prefCode];
    const provName = (areaList.province_list as Record<string, string>)[provCode];
    if (!prefName || !provName) return undefined;
    const shortName = name.length > 2 ? name.replace(/(县|自治县|旗)$/, '') : name;
    const py = pinyin(shortName, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase().replace(/[^a-z]/g, '');
    const cite = ctx.cite(src.text, src.clause, src.start, src.end);
    ctx.inference(
      'county.code',
      `行政区划代码 ${code}、${prefName}、${provName} 取自区划表（@vant/area-data），拼音 ${py} 由 pinyin-pro 生成，请核对`,
      `division code ${code}, ${prefName}, ${provName} from the division table (@vant/area-data); pinyin ${py} from pinyin-pro: check them`,
    );
    return {
      name,
      shortName,
      pinyin: py,
      code,
      prefecture: { name: prefName, code: prefCode },
      province: { name: provName, code: provCode },
      cite: cite.cite,
      codeSource: 'GB/T 2260 (@vant/area-data)',
    };
  }
  return undefined;
}

export type { Paragraph };
