/**
 * Checking a policy against the text of its notice: every quoted sentence
 * must occur in the notice. The comparison ignores white space (line breaks
 * in the middle of sentences, stray spaces, ideographic spaces), nothing else:
 * punctuation, transcription defects and markers are compared as they stand.
 *
 * @module
 */
import type { IssuePath, YibaoIssue } from './errors.js';

/** A citation found in a policy, with where it stands. */
export interface CitationAt {
  readonly path: IssuePath;
  readonly clause: string;
  readonly quote: string;
}

const MAX_DEPTH = 64;

/**
 * Every `{ clause, quote }` object in a policy (or any JSON value), with its
 * path, in document order.
 *
 * @example
 * ```ts
 * citationsOf({ standard: { amount: '320.00', cite: { clause: '一', quote: '每人每年320元' } } })
 * // [{ path: ['standard', 'cite'], clause: '一', quote: '每人每年320元' }]
 * ```
 */
export function citationsOf(value: unknown): CitationAt[] {
  const out: CitationAt[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (v === null || typeof v !== 'object' || path.length > MAX_DEPTH) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    const o = v as Record<string, unknown>;
    // Own properties only: a `clause` set on Object.prototype elsewhere is not a citation of every object.
    if (Object.hasOwn(o, 'clause') && Object.hasOwn(o, 'quote') && typeof o.clause === 'string' && typeof o.quote === 'string')
      out.push({ path, clause: o.clause, quote: o.quote });
    for (const k of Object.keys(o)) walk(o[k], [...path, k]);
  };
  walk(value, []);
  return out;
}

/** White space of any kind, ASCII or CJK (U+3000), and zero-width characters. */
const SPACE = /[\s\u3000\u200b\u200c\u200d\ufeff]+/gu;

/**
 * The text with all white space removed, for comparing a quote with a notice
 * whose lines break in the middle of sentences.
 *
 * @example
 * ```ts
 * withoutSpace('每人每年\n 320 元') // '每人每年320元'
 * ```
 */
export function withoutSpace(text: string): string {
  return text.replace(SPACE, '');
}

const PREVIEW = 40;
const preview = (s: string) => (s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

/**
 * The citations of a policy whose quote does not occur in the notice's text
 * (white space ignored), as issues with code `quote_not_in_notice`. An empty
 * array means every quote was found.
 *
 * @example
 * ```ts
 * const notice = fs.readFileSync('kelan-2022.txt', 'utf8');
 * quotesNotInNotice(getPolicy('岢岚', 2022), notice) // []
 * ```
 */
export function quotesNotInNotice(policy: unknown, noticeText: string): YibaoIssue[] {
  const notice = withoutSpace(noticeText);
  const issues: YibaoIssue[] = [];
  for (const c of citationsOf(policy)) {
    const q = withoutSpace(c.quote);
    if (q !== '' && notice.includes(q)) continue;
    issues.push({
      code: 'quote_not_in_notice',
      path: [...c.path, 'quote'],
      zh: `条款“${c.clause}”的引文在通知原文中找不到：“${preview(c.quote)}”`,
      en: `the quote of clause ${c.clause} does not occur in the notice: "${preview(c.quote)}"`,
    });
  }
  return issues;
}
