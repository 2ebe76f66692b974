/**
 * The structure of a notice: its numbered clauses (一、 (一) 1. 1、 (1) ① 一是
 * 方式一 附件) and their sentences, each with the clause label written the way
 * the built-in policies cite them ("二、(三) 2", "八、一是", "附件1").
 *
 * @module
 */
import type { NormalText } from './normalise.js';

/** One sentence of the normalised text, with its clause. */
export interface Sentence {
  /** Clause label, e.g. "二、(三) 2"; "文头" before the first numbered clause. */
  readonly clause: string;
  /** The sentence in normalised form. */
  readonly text: string;
  /** Offsets of the sentence in the normalised text. */
  readonly start: number;
  readonly end: number;
  /** Index of the paragraph the sentence belongs to. */
  readonly paragraph: number;
}

/** A paragraph of the normalised text. */
export interface Paragraph {
  readonly clause: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly index: number;
}

type Kind = 'top' | 'paren' | 'arabic' | 'arabic-paren' | 'circled' | 'shi' | 'way';

interface Label {
  kind: Kind;
  label: string;
  length: number;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * The numbering label a paragraph starts with, if any.
 *
 * @example
 * ```ts
 * clauseLabel('(三) 资助参保。') // { kind: 'paren', label: '(三)', length: 3 }
 * ```
 */
export function clauseLabel(p: string): Label | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^([一二三四五六七八九十]{1,3})、/.exec(p))) return { kind: 'top', label: m[1]!, length: m[0].length };
  if ((m = /^\(([一二三四五六七八九十]{1,3})\)/.exec(p))) return { kind: 'paren', label: `(${m[1]})`, length: m[0].length };
  if ((m = /^(\d{1,2})[.、](?!\d)/.exec(p))) return { kind: 'arabic', label: m[1]!, length: m[0].length };
  if ((m = /^\((\d{1,2})\)/.exec(p))) return { kind: 'arabic-paren', label: `(${m[1]})`, length: m[0].length };
  if (p[0] && CIRCLED.includes(p[0])) return { kind: 'circled', label: p[0], length: 1 };
  if ((m = /^([一二三四五六七八九十]{1,3})是/.exec(p))) return { kind: 'shi', label: `${m[1]}是`, length: m[0].length };
  if ((m = /^方式([一二三四五六七八九十]{1,3})/.exec(p))) return { kind: 'way', label: `方式${m[1]}`, length: m[0].length };
  return undefined;
}

const ATTACHMENT = /^附\s*件\s*(\d*)\s*$/;

/** Formats a stack of labels as the built-ins do: "二", "二、5", "二、(三) 2", "八、一是". */
export function formatClause(stack: readonly string[]): string {
  if (!stack.length) return '文头';
  const [first, ...rest] = stack;
  if (/^[一二三四五六七八九十]+$/.test(first!)) return rest.length ? `${first}、${rest.join(' ')}` : first!;
  return stack.join(' ');
}

/**
 * Splits a normalised text into paragraphs and sentences, each with its
 * clause label. A numbered label of a kind already open closes the deeper
 * ones; "附件N" starts an attachment.
 */
export function structure(n: NormalText): { paragraphs: Paragraph[]; sentences: Sentence[] } {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const stack: { kind: Kind | 'attachment'; label: string }[] = [];
  let pos = 0;
  let index = 0;
  for (const text of n.text.split('\n')) {
    const start = pos;
    pos += text.length + 1;
    const att = ATTACHMENT.exec(text);
    let clause: string;
    if (att) {
      stack.length = 0;
      stack.push({ kind: 'attachment', label: `附件${att[1] ?? ''}` });
      clause = stack[0]!.label;
    } else {
      const l = clauseLabel(text);
      if (l && !(stack[0]?.kind === 'attachment')) {
        const at = stack.findIndex((s) => s.kind === l.kind);
        if (at >= 0) stack.length = at;
        // A top-level numeral always restarts the hierarchy.
        if (l.kind === 'top') stack.length = 0;
        stack.push({ kind: l.kind, label: l.label });
      }
      clause = formatClause(stack.map((s) => s.label));
    }
    const p: Paragraph = { clause, text, start, end: start + text.length, index };
    paragraphs.push(p);
    // Sentences end at 。；！？ (and at the end of the paragraph); a bracket keeps its content together.
    let s = 0;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '(' || c === '（' || c === '《' || c === '“') depth++;
      else if ((c === ')' || c === '）' || c === '》' || c === '”') && depth > 0) depth--;
      const last = i === text.length - 1;
      if (((c === '。' || c === '；' || c === '！' || c === '？') && depth === 0) || last) {
        const body = text.slice(s, i + 1);
        if (body.trim()) sentences.push({ clause, text: body, start: start + s, end: start + i + 1, paragraph: index });
        s = i + 1;
      }
    }
    index++;
  }
  return { paragraphs, sentences };
}
