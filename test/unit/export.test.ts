/**
 * The export's pieces without a database: the rows of the decision tables
 * (their shape, the same in every time zone), the categories-cell pattern the
 * SQL uses against `splitCategories`, the CSV fields, and the script's text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionTables } from '../../src/export/decision-table.js';
import { exportSql, PIECE_PATTERN } from '../../src/export/sql.js';
import { csvLineOf, textTables } from '../../src/export/table-files.js';
import { splitCategories } from '../../src/input-text.js';
import { BUILTIN_POLICIES, builtinRegistry } from '../../src/registry.js';

const t = decisionTables(builtinRegistry);

describe('decision tables', () => {
  it('one policy row per built-in, the first open interval starting on the day the window opens', () => {
    expect(t.policies.map((p) => p.policyId).sort()).toEqual(BUILTIN_POLICIES.map((p) => p.id).sort());
    for (const p of BUILTIN_POLICIES) {
      const open = t.intervals.find((i) => i.policyId === p.id && i.windowOpen)!;
      expect(open.fromDay).toBe(p.collection!.start.date);
      const last = t.intervals.filter((i) => i.policyId === p.id && i.windowOpen).at(-1)!;
      expect(last.toDay <= p.collection!.end.date).toBe(true);
      expect(t.policies.find((x) => x.policyId === p.id)!.coverageStart).toBe(p.coverage!.start);
    }
  });

  it('every county name the registry accepts, and only those', () => {
    for (const a of t.countyAliases) expect(builtinRegistry.countyCode(a.name)).toBe(a.countyCode);
    for (const p of BUILTIN_POLICIES) for (const n of [p.county.name, p.county.shortName, p.county.pinyin, p.county.code]) expect(t.countyAliases.some((a) => a.name === n)).toBe(true);
  });

  it('one decision per (policy, mask, context); money as "0.00" text or null', () => {
    const keys = new Set(t.decisions.map((d) => `${d.policyId}/${d.mask}/${d.context}`));
    expect(keys.size).toBe(t.decisions.length);
    for (const d of t.decisions) for (const m of [d.standard, d.individual, d.subsidy, d.dueAtPayment, d.reimbursedLater]) if (m !== null) expect(m).toMatch(/^\d+\.\d{2}$/);
  });
});

describe('the categories-cell pattern of the SQL', () => {
  const pieces = (s: string) =>
    (s.match(new RegExp(PIECE_PATTERN, 'gu')) ?? []).map((p) => p.replace(/^\s+|\s+$/gu, '')).filter((p) => p !== '');
  const aliases = [...new Set(t.categoryAliases.map((a) => a.name))];
  const known = new Set(aliases);
  const tokens = [...aliases, '、', ',', '，', ';', '；', '/', '／', '（', '）', '(', ')', ' ', '\u3000', 'x', 'Ⅰ级、Ⅱ级'];

  it('cuts a cell as splitCategories does when brackets are not nested', () => {
    expect(pieces(' 低保对象、重度残疾人（Ⅰ级、Ⅱ级）；特困人员 ,,')).toEqual(splitCategories(' 低保对象、重度残疾人（Ⅰ级、Ⅱ级）；特困人员 ,,'));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...aliases, '、', ',', '；', '／', ' ', '\u3000', '（a、b）', '(c;d)'), { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(pieces(s)).toEqual(splitCategories(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('on any cell (nested or unclosed brackets too), the same names when all are known, else both have an unknown name', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        const a = pieces(s);
        const b = splitCategories(s);
        const allKnown = (xs: string[]) => xs.every((x) => known.has(x));
        expect(allKnown(a)).toBe(allKnown(b));
        if (allKnown(b)) expect(a).toEqual(b);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the script and the files', () => {
  it('plain SQL: no floating point, no functions, the dialect’s money type', () => {
    for (const dialect of ['duckdb', 'postgres'] as const) {
      const sql = exportSql(t, { dialect });
      expect(sql).not.toMatch(/\b(FLOAT|DOUBLE|REAL)\b/i);
      expect(sql).not.toMatch(/CREATE (OR REPLACE )?(FUNCTION|MACRO|PROCEDURE)/i);
      expect(sql).toContain(dialect === 'duckdb' ? 'DECIMAL(12,2)' : 'NUMERIC(12,2)');
      expect(sql.match(/CREATE VIEW yibao_quoted/g)).toHaveLength(1);
    }
  });

  it('refuses a roster table name that is not a plain identifier', () => {
    expect(() => exportSql(t, { dialect: 'duckdb', table: 'roster; DROP TABLE x' })).toThrow(RangeError);
    expect(exportSql(t, { dialect: 'duckdb', table: 'ods.roster_2025' })).toContain('FROM ods.roster_2025 AS t');
  });

  it('CSV: NULL an empty field, the empty text quoted, quotes doubled', () => {
    expect(csvLineOf(['a', null, '', 'x,"y"'])).toBe('a,,"","x,""y"""\r\n');
    const files = textTables(t);
    expect(files.map((f) => f.name)).toEqual(['yibao_policy', 'yibao_county_alias', 'yibao_category_alias', 'yibao_payment_interval', 'yibao_decision']);
    expect(files.at(-1)!.rows).toHaveLength(t.decisions.length);
  });
});

describe('what the SQL cannot express yet is refused, never exported wrong', () => {
  it('a window extended for named groups (竹山 2021) is export_unsupported', async () => {
    const { readPolicyFile } = await import('../../src/cli/policy-files.js');
    const { createRegistry } = await import('../../src/registry.js');
    const { decisionTables } = await import('../../src/export/decision-table.js');
    const zhushan = readPolicyFile(new URL('../../fixtures/policies/zhushan-2021.json', import.meta.url).pathname);
    expect(() => decisionTables(createRegistry([zhushan]))).toThrow(expect.objectContaining({ code: 'export_unsupported' }));
  });
});
