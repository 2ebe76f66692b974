import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDayOfIdKey, checkIdNumber, idKey, IdIndex, idKeyOfBytes } from '../../src/cli/id-number.js';
import { formatCivilDate } from '../../src/civil-date.js';
import { makeId } from '../../scripts/fake-id.js';

describe('ID numbers (GB 11643)', () => {
  const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('a valid ID: the same key from text and from bytes, and its birth date back from the key', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 999 }), (birth, seq) => {
        const id = makeId('140929', birth, seq);
        const k = idKey(id);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(idKeyOfBytes(Buffer.from(`,,${id},`), 2)).toBe(k);
        expect(formatCivilDate(birthDayOfIdKey(k))).toBe(birth);
        expect(checkIdNumber(id)).toEqual({ ok: true, birthDate: birth, key: k });
      }),
    );
  });

  it('one wrong character is caught (check character, format or date)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789XA岚'), (birth, at, c) => {
        const id = makeId('140929', birth, 7);
        fc.pre(id[at] !== c && !(at === 17 && c === 'X' && id[17] === 'X'));
        const bad = id.slice(0, at) + c + id.slice(at + 1);
        expect(idKey(bad)).toBeLessThan(0);
        expect(checkIdNumber(bad).ok).toBe(false);
      }),
    );
  });
});

describe('IdIndex', () => {
  it('answers like a Map, through growth and reservation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 2000 }), fc.integer({ min: 0, max: 3000 }), (keys, reserveAt) => {
        const index = new IdIndex(4);
        const ref = new Map<number, number>();
        keys.forEach((k, row) => {
          if (row === reserveAt) index.reserve(keys.length);
          const key = k * 1e12 + 123456789; // keys above 2^32, as real ones are
          const slot = index.firstOrAdd(key, row, row * 3, row * 1e10);
          const first = ref.get(key);
          if (first === undefined) {
            expect(slot).toBe(-1);
            ref.set(key, row);
          } else {
            expect([index.rowAt(slot), index.tagAt(slot), index.offsetAt(slot)]).toEqual([first, first * 3, first * 1e10]);
          }
        });
      }),
    );
  });
});
