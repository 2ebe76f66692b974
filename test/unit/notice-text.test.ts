import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../src/define.js';
import { BUILTIN_POLICIES } from '../../src/index.js';
import { citationsOf, quotesNotInNotice, withoutSpace } from '../../src/notice-text.js';
import { NOTICES_DIR } from '../helpers.js';

const cite = (clause: string, quote: string) => ({ clause, quote });

describe('citationsOf', () => {
  it('finds every { clause, quote } with its path, in document order', () => {
    const v = { a: { cite: cite('一', 'x') }, list: [{ cite: cite('二', 'y') }, { other: 1 }], b: cite('三', 'z') };
    expect(citationsOf(v)).toEqual([
      { path: ['a', 'cite'], clause: '一', quote: 'x' },
      { path: ['list', 0, 'cite'], clause: '二', quote: 'y' },
      { path: ['b'], clause: '三', quote: 'z' },
    ]);
  });
  it('ignores objects that only look alike', () => {
    expect(citationsOf({ clause: 1, quote: 'x' })).toEqual([]);
    expect(citationsOf({ clause: '一' })).toEqual([]);
    expect(citationsOf('text')).toEqual([]);
  });
});

describe('quotesNotInNotice', () => {
  const notice = '一、缴费标准\n2022年度城乡居民个人缴费标准为每人每年320\n元。\u3000二、资助';
  it('finds quotes whatever white space the notice or the quote has', () => {
    expect(quotesNotInNotice({ s: cite('一', '每人每年320元') }, notice)).toEqual([]);
    expect(quotesNotInNotice({ s: cite('一', '每人每年 320 元。 二、') }, notice)).toEqual([]);
  });
  it('reports a quote that is not there, with its path, clause and both languages', () => {
    const [i, ...rest] = quotesNotInNotice({ standard: { cite: cite('一', '每人每年350元') } }, notice);
    expect(rest).toEqual([]);
    expect(i).toMatchObject({ code: 'quote_not_in_notice', path: ['standard', 'cite', 'quote'] });
    expect(i!.zh).toContain('一');
    expect(i!.en).toContain('每人每年350元');
  });
  it('compares punctuation and markers as they stand', () => {
    expect(quotesNotInNotice({ s: cite('一', '每人每年320元.') }, notice)).toHaveLength(1);
    expect(quotesNotInNotice({ s: cite('一', '**每人每年320元') }, notice)).toHaveLength(1);
    expect(quotesNotInNotice({ s: cite('一', '   ') }, notice)).toHaveLength(1); // an empty quote proves nothing
  });
  it('quotes a long missing quote only in part', () => {
    const [i] = quotesNotInNotice({ s: cite('一', '无'.repeat(10_000)) }, notice);
    expect(i!.zh.length).toBeLessThan(200);
  });
  it('property: any part of a notice, with white space added anywhere, is found; a text with a character the notice lacks is not', () => {
    const ch = fc.constantFrom(...'一二三资助元年度每人缴费标准，。、（）0123456789 \n\u3000');
    fc.assert(
      fc.property(fc.array(ch, { minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), fc.array(fc.nat(), { maxLength: 5 }), (chars, a, b, spaces) => {
        const text = chars.join('');
        const from = a % text.length;
        const to = from + 1 + (b % (text.length - from));
        let part = text.slice(from, to).split('');
        for (const s of spaces) part.splice(s % (part.length + 1), 0, ' ');
        const q = part.join('');
        const found = quotesNotInNotice({ c: cite('一', q) }, text).length === 0;
        expect(found).toBe(withoutSpace(q) !== '');
        expect(quotesNotInNotice({ c: cite('一', `${q}Ж`) }, text)).toHaveLength(1);
      }),
    );
  });
});

describe('checkPolicy', () => {
  it.each(BUILTIN_POLICIES.map((p) => [p.id, p] as const))('%s: valid, audited, and every quote is in its notice', (id, p) => {
    const notice = readFileSync(`${NOTICES_DIR}${id}.txt`, 'utf8');
    const json = JSON.parse(JSON.stringify(p));
    const r = checkPolicy(json, { notice });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.quotesChecked).toBe(citationsOf(json).length);
    expect(r.quotesChecked).toBeGreaterThanOrEqual(10);
  });
  it('lists a changed figure and a changed quote as two problems', () => {
    const p = BUILTIN_POLICIES.find((x) => x.id === 'kelan-2022')!;
    const json = JSON.parse(JSON.stringify(p));
    const rule = json.categories.find((r: { stated?: unknown; subsidy: { kind: string } }) => r.stated && r.subsidy.kind === 'fixed');
    rule.subsidy.amount = '1.00';
    json.standard.cite.quote += '（篡改）';
    const r = checkPolicy(json, { notice: readFileSync(`${NOTICES_DIR}kelan-2022.txt`, 'utf8') });
    expect(r.ok).toBe(false);
    expect(r.policy).toBeUndefined();
    expect(r.problems.map((i) => i.code).sort()).toEqual(['audit_mismatch', 'quote_not_in_notice']);
  });
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = checkPolicy(v, { notice: '' });
        expect(r.ok).toBe(false);
        expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
