/** Terminal text: display width of CJK text, aligned tables. */

/** Columns a string takes in a terminal (East Asian wide characters take two). */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

const pad = (s: string, n: number, right = false) => (right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s))));

/** Renders rows as an aligned table; `right` marks columns aligned right (amounts). */
export function table(head: string[], rows: string[][], right: boolean[] = []): string {
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c ?? '', w[i]!, right[i])).join('  ').trimEnd();
  return [line(head), w.map((n) => '─'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

export type Lang = 'zh' | 'en';
/** Picks the text of a language. */
export const t = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
