import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDayOfIdKey, checkIdNumber, idKey, idKeyOfBytes } from '../../src/cli/id-number.js';
import { DuplicateFinder, type Sighting } from '../../src/cli/roster/checks.js';
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

describe('DuplicateFinder', () => {
  it('groups the rows of every key seen more than once, in row order, like a Map, through growth and reservation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 3000 }), fc.integer({ min: 0, max: 3000 }), (keys, reserveAt) => {
        const finder = new DuplicateFinder();
        const ref = new Map<number, Sighting[]>();
        keys.forEach((k, row) => {
          if (row === reserveAt) finder.reserve(keys.length);
          const key = k * 1e12 + 123456789; // keys above 2^32, as real ones are
          const s = { row, entry: row * 3, offset: row * 1e10 };
          finder.add(key, s);
          ref.set(key, [...(ref.get(key) ?? []), s]);
        });
        const expected = [...ref.values()].filter((g) => g.length > 1);
        expect([...finder.groups().values()]).toEqual(expected);
      }),
    );
  });
});
