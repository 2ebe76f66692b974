/**
 * Text normalisation for drafting: one canonical text to match patterns on,
 * and a map from every character of it back to the input, so that every
 * quote a draft carries is cut from the input itself (verbatim).
 *
 * What changes: full-width digits, letters and punctuation become their
 * canonical form (０→0, （→(, ,→，, ;→；, :→：), white space inside a line is
 * dropped, page furniture (抄送, 印发, 共印N份, page numbers "—3—", Markdown
 * marks, rules) is removed, and lines broken in mid-sentence are joined.
 * Traditional characters become simplified ones, character for character,
 * with OpenCC's dictionaries (only where the text is mostly traditional).
 *
 * @module
 */
import { Converter } from 'opencc-js/t2cn';

/** A normalised text: paragraphs joined by "\n", and the offset in the input of each character. */
export interface NormalText {
  /** The input as given. */
  readonly original: string;
  /** The canonical text; paragraphs are separated by "\n". */
  readonly text: string;
  /** `map[i]` is the offset in `original` of `text[i]`. */
  readonly map: Int32Array;
  /** True when the input was converted from traditional characters. */
  readonly converted: boolean;
}

const PUNCT: Record<string, string> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '（': '(', '）': ')', '．': '.', '－': '-', '～': '-', '~': '-',
  '—': '-', '–': '-', '％': '%', '〜': '-', '﹙': '(', '﹚': ')',
};

/** One character in canonical form ('' when it is dropped). */
export function canonicalChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\u3000' || c === ' ' || c === '\t' || c === '\u00a0' || c === '\r' || c === '*' || c === '\ufeff') return '';
  const p = PUNCT[c];
  if (p !== undefined) return p;
  // Full-width ASCII (digits, letters, signs) → half-width, except the Chinese punctuation kept above.
  if (code >= 0xff01 && code <= 0xff5e) {
    const h = String.fromCharCode(code - 0xfee0);
    return PUNCT[h] ?? h;
  }
  return c;
}

const FURNITURE: RegExp[] = [
  /^-?\s*[-—–]+\s*\d+\s*[-—–]+\s*$/, // page numbers "—3—", "- 3 -"
  /^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$/,
  /^共\s*印\s*\d+\s*份/,
  /^[-=_*]{3,}$/, // Markdown rules
  /^[(（]\s*此\s*件\s*(公\s*开\s*发\s*布|不\s*公\s*开)\s*[)）]$/,
];

/** True for a line that is page furniture, never content. */
export function isFurniture(line: string): boolean {
  const t = line.trim();
  return FURNITURE.some((r) => r.test(t));
}

let t2cn: ((s: string) => string) | undefined;
/** Share of Han characters that OpenCC changes: above a few percent the text is traditional. */
function traditionalShare(s: string): { share: number; conv: (x: string) => string } {
  t2cn ??= Converter({ from: 'tw', to: 'cn' });
  const conv = t2cn;
  let han = 0;
  let changed = 0;
  const whole = conv(s);
  const same = whole.length === s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c >= '\u4e00' && c <= '\u9fff') {
      han++;
      if (same ? whole[i] !== c : conv(c) !== c) changed++;
    }
  }
  return { share: han ? changed / han : 0, conv };
}

/** Lines that end a block even without punctuation: titles, document numbers. */
const BLOCK_END = /(通知|公告|通告|方案|意见|文件|号|函|名单|表)$/;
/** A piece of the input as the normalised text reads it (simplified, when the input was converted). */
export function asNormalised(n: NormalText, s: string): string {
  if (!n.converted) return s;
  t2cn ??= Converter({ from: 'tw', to: 'cn' });
  const conv = t2cn;
  return [...s].map((c) => (conv(c).length === 1 ? conv(c) : c)).join('');
}

const SENTENCE_END = /[。；！？：:)」”]$/;
const LABEL_START = /^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳]|[一二三四五六七八九十]+是|附件|方式[一二三四五六七八九十]+)/;

/** A heading: a numbered line, short and without sentence punctuation. */
function isHeading(line: string): boolean {
  return LABEL_START.test(line) && line.length <= 24 && !/[，。；]/.test(line);
}

/**
 * Normalises a notice's text, keeping the way back to the input.
 *
 * @example
 * ```ts
 * const n = normalise('缴费标准为 ３２０ 元/人，\n由参保人员缴纳。');
 * n.text // '缴费标准为320元/人，由参保人员缴纳。'
 * ```
 */
export function normalise(input: string): NormalText {
  const { share, conv } = traditionalShare(input);
  const converted = share > 0.05;
  const lines: { text: string; map: number[] }[] = [];
  let offset = 0;
  let inCc = false;
  for (const raw of input.split('\n')) {
    const start = offset;
    offset += raw.length + 1;
    const trimmed = raw.trim();
    if (/^抄\s*送/.test(trimmed.replace(/^[#*\s]+/, ''))) {
      inCc = true;
      continue;
    }
    if (inCc) {
      if (trimmed === '') inCc = false;
      continue;
    }
    if (trimmed === '' || isFurniture(trimmed)) {
      lines.push({ text: '', map: [] });
      continue;
    }
    let text = '';
    const map: number[] = [];
    // Markdown heading marks and list bullets at the start of a line.
    const lead = /^\s*(#{1,6}\s+|[-*+]\s+(?=\S))?/.exec(raw)![0].length;
    for (let i = lead; i < raw.length; i++) {
      let c = raw[i]!;
      if (converted) {
        const s = conv(c);
        if (s.length === 1) c = s;
      }
      const k = canonicalChar(c);
      for (const ch of k) {
        text += ch;
        map.push(start + i);
      }
    }
    lines.push({ text, map });
  }
  // Join lines broken in mid-sentence: a line that is not a heading and does not end a
  // sentence continues in the next non-empty line, unless that one starts a numbered clause.
  let text = '';
  const map: number[] = [];
  let open = false; // the last line written ends in mid-sentence
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    if (text) {
      const join = open && !LABEL_START.test(l.text);
      if (!join) {
        text += '\n';
        map.push(map[map.length - 1]! + 1);
      }
    }
    text += l.text;
    map.push(...l.map);
    open = !SENTENCE_END.test(l.text) && !isHeading(l.text) && l.text.length > 24 && !BLOCK_END.test(l.text);
  }
  return { original: input, text, map: Int32Array.from(map), converted };
}

/**
 * The input's text behind `text.slice(start, end)`: verbatim (the
 * transcription's emphasis marks "**" kept, as `check --notice` compares
 * quotes with the text), with line breaks (page breaks) left out.
 */
export function quoteOf(n: NormalText, start: number, end: number): string {
  if (end <= start) return '';
  const from = n.map[start]!;
  const to = n.map[end - 1]! + 1;
  return n.original
    .slice(from, to)
    .replace(/[ \t]*\r?\n[\s]*/g, '')
    .trim();
}

/** Text with all white space and Markdown emphasis removed, for checking quotes. */
export function squash(s: string): string {
  return s.replace(/\*\*/g, '').replace(/\s+/g, '');
}
