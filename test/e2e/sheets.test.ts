/** The spreadsheet bundles, run as their hosts run them, against `quote`. `npm test` builds first. */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, builtinRegistry, CATEGORY_CODES, FUNDER_NAMES, MECHANISM_NAMES, quote } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const read = (p: string) => readFileSync(`${ROOT}${p}`, 'utf8');
const GLOBAL = read('dist/yibao-rules.global.js');

/** A context with nothing Node gives: no require, process, module, Buffer. */
function bare(extra: Record<string, unknown> = {}) {
  const ctx = vm.createContext({ ...extra });
  for (const k of ['require', 'process', 'module', 'exports', 'Buffer', 'global']) expect(vm.runInContext(`typeof ${k}`, ctx)).toBe('undefined');
  return ctx;
}

/** Every category of every notice, with a payment date inside its window. */
const PAID: Record<string, string> = { 'xiangning-2023': '2022-10-10', 'lingchuan-2023': '2022-10-10', 'kelan-2022': '2021-12-01', 'minquan-2024': '2023-11-01', 'qinshui-2025': '2024-12-10' };
const CASES = BUILTIN_POLICIES.flatMap((p) =>
  [...CATEGORY_CODES, ...p.categories.flatMap((r) => r.names)].map((c) => ({ county: p.county.name, year: p.coverageYear.year, category: c === 'ordinary' ? '' : c, paidOn: PAID[p.id]! })),
);
const expected = (c: (typeof CASES)[number]) => quote({ county: c.county, coverageYear: c.year, categories: c.category ? [c.category] : [], paidOn: c.paidOn }, builtinRegistry);
/** Serial number of a civil date in the 1900 date system. */
const serial = (d: string) => Date.parse(`${d}T00:00:00Z`) / 864e5 + 25569;

describe('the global bundle (YibaoRules)', () => {
  const ctx = bare();
  vm.runInContext(GLOBAL, ctx);
  const Y = vm.runInContext('YibaoRules', ctx);

  it('defines one global and is ES2017 (no BigInt literals, no zod)', () => {
    expect(typeof Y.quote).toBe('function');
    expect(typeof Y.sheet.YIBAO_ROSTER).toBe('function');
    expect(GLOBAL).not.toMatch(/[^\w$.]\d+n[^\w$]/);
    expect(GLOBAL.length).toBeLessThan(400_000);
  });

  it(`gives quote's values for every category of every notice (${CASES.length} cases)`, () => {
    for (const c of CASES) {
      const q = expected(c);
      const args = [c.county, c.year, c.category, serial(c.paidOn)];
      const num = (v: string | null) => (v === null ? 'error' : Number(v));
      const val = (v: unknown) => (typeof v === 'object' && v !== null && 'code' in v ? 'error' : v);
      expect(val(Y.sheet.YIBAO_INDIVIDUAL(...args)), JSON.stringify(c)).toBe(num(q.individual));
      expect(val(Y.sheet.YIBAO_SUBSIDY(...args))).toBe(num(q.subsidy));
      expect(val(Y.sheet.YIBAO_DUE(...args))).toBe(num(q.dueAtPayment));
      expect(val(Y.sheet.YIBAO_REIMBURSED(...args))).toBe(num(q.reimbursedLater));
      expect(Y.sheet.YIBAO_WINDOW_OPEN(c.county, c.year, serial(c.paidOn))).toBe(q.window!.open);
      expect(val(Y.sheet.YIBAO_MECHANISM(...args, 'en'))).toBe(q.mechanism ? MECHANISM_NAMES[q.mechanism].en : 'error');
      expect(val(Y.sheet.YIBAO_FUNDERS(...args))).toBe(q.status === 'unspecified' ? 'error' : q.funders.map((f) => FUNDER_NAMES[f as keyof typeof FUNDER_NAMES].zh).join('；') || '—');
      expect(Y.sheet.YIBAO_COVERAGE(c.county, c.year, serial(c.paidOn))).toEqual([[q.coverage!.start, q.coverage!.end]]);
      const explain = Y.sheet.YIBAO_EXPLAIN(...args) as string;
      for (const step of q.explain) expect(explain).toContain(step.zh);
    }
  });

  it('a whole roster block in one call, row by row the same as quote', () => {
    const block = CASES.map((c) => [c.county, c.year, c.category, c.paidOn]);
    const out = Y.sheet.YIBAO_ROSTER(block);
    expect(out).toHaveLength(CASES.length);
    CASES.forEach((c, i) => {
      const q = expected(c);
      expect(out[i][0]).toBe(Number(q.standard));
      if (q.subsidy !== null) expect(out[i][2]).toBe(Number(q.subsidy));
      else expect(out[i][2].code).toBe('unspecified');
      expect(out[i][11]).toBe(q.status);
    });
  });

  it('broadcasts ranges, reads dates without a shift, and gives errors, never numbers, for bad cells', () => {
    expect(Y.sheet.YIBAO_SUBSIDY([['岢岚'], ['沁水']], [[2022], [2025]], '低保对象')).toEqual([[280], [320]]);
    expect(Y.sheet.YIBAO_WINDOW_OPEN('岢岚', 2022, serial('2021-10-08'))).toBe(false);
    expect(Y.sheet.YIBAO_WINDOW_OPEN('岢岚', 2022, '2021/11/15')).toBe(true);
    // A Date made at midnight in Beijing or in Los Angeles is the same civil date.
    expect(Y.sheet.YIBAO_WINDOW_OPEN('岢岚', 2022, new Date('2021-10-07T16:00:00Z'))).toBe(false); // 10-08 in Beijing
    expect(Y.sheet.YIBAO_WINDOW_OPEN('岢岚', 2022, new Date('2021-10-07T07:00:00Z'))).toBe(true); // 10-07 in Los Angeles
    for (const bad of [['太原', 2022], ['岢岚', 2023], ['岢岚', 'x'], ['岢岚', 2022, '公务员'], ['岢岚', 2022, '', '2021-02-30']]) {
      const r = Y.sheet.YIBAO_INDIVIDUAL(...bad);
      expect(typeof r).toBe('object');
      expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(Y.sheet.YIBAO_COVERAGE('民权', 2024)).toEqual([['2024-01-01', '2024-12-31']]);
  });
});

describe('the global bundle: dates in any time zone, blank rows, rows without a county', () => {
  const ctx = bare();
  vm.runInContext(GLOBAL, ctx);
  const Y = vm.runInContext('YibaoRules', ctx);
  /** Lingchuan 2023's window ends on 2022-12-25 (paid by the 25th of each month). */
  const open = (d: Date) => Y.sheet.YIBAO_WINDOW_OPEN('陵川', 2023, d);
  const expectedOpen = (civil: string) => quote({ county: '陵川', coverageYear: 2023, paidOn: civil }, builtinRegistry).window!.open;
  // Far zones, with their offsets in December: Kiritimati +14, Auckland +13 (summer time), Apia +13, Shanghai +8, Los Angeles −8, Baker Island −12.
  const ZONES: Array<[string, string]> = [
    ['Pacific/Kiritimati', '+14:00'],
    ['Pacific/Auckland', '+13:00'],
    ['Pacific/Apia', '+13:00'],
    ['Asia/Shanghai', '+08:00'],
    ['America/Los_Angeles', '-08:00'],
    ['Etc/GMT+12', '-12:00'],
  ];

  it('reads a Date in the spreadsheet’s zone: any offset, any time of day, lands on its civil day', () => {
    try {
      for (const [zone, offset] of ZONES) {
        Y.sheet.setTimeZone(zone);
        expect(Y.sheet.getTimeZone()).toBe(zone);
        for (const day of ['2022-11-25', '2022-11-26', '2022-11-30', '2022-12-01', '2022-12-24', '2022-12-25', '2022-12-26', '2023-01-01'])
          for (const time of ['00:00:00', '00:30:00', '11:59:00', '12:00:00', '13:30:00', '23:59:59']) {
            const d = new Date(`${day}T${time}${offset}`);
            expect(open(d), `${zone} ${day} ${time}`).toBe(expectedOpen(day));
            expect(Y.sheet.cellDate(d, 'paidOn')).toBe(day);
          }
      }
      // The case: 2022-12-26 00:00 in Auckland is after the window.
      Y.sheet.setTimeZone('Pacific/Auckland');
      expect(open(new Date('2022-12-26T00:00:00+13:00'))).toBe(false);
      expect(open(new Date('2022-12-25T23:59:00+13:00'))).toBe(true);
      expect(() => Y.sheet.setTimeZone('Mars/Olympus')).toThrow(/time zone/i); // a RangeError of the bundle's realm
      expect(Y.sheet.getTimeZone()).toBe('Pacific/Auckland');
    } finally {
      Y.sheet.setTimeZone('Asia/Shanghai');
    }
  });

  it('reads date cells as the roster does: spaces trimmed, date-times by their day, 8 digits as a date', () => {
    const serial = (d: string) => Date.parse(`${d}T00:00:00Z`) / 864e5 + 25569;
    expect(Y.sheet.cellDate(serial('2022-12-25') + 0.99, 'paidOn')).toBe('2022-12-25');
    expect(Y.sheet.cellDate(20221225, 'paidOn')).toBe('2022-12-25');
    expect(Y.sheet.cellDate(' 2022/12/25\u3000', 'paidOn')).toBe('2022-12-25');
    expect(Y.sheet.cellDate('\u3000 ', 'paidOn')).toBeUndefined();
    expect(Y.sheet.YIBAO_INDIVIDUAL('陵川', 2023, '低保对象\u3000', '2022-02-30').code).toBe('invalid_date');
    expect(Y.sheet.YIBAO_SUBSIDY('陵川', 2023, ' 低保对象\u3000', '2022/12/25')).toBe(Number(quote({ county: '陵川', coverageYear: 2023, categories: ['低保对象'], paidOn: '2022-12-25' }).subsidy));
  });

  it('a blank row of a range gives a blank; a row with data but no county gives an error', () => {
    const out = Y.sheet.YIBAO_INDIVIDUAL([['岢岚'], [''], [null], [''], ['岢岚']], [[2022], [''], [null], [2022], [2022]], [['低保对象'], [''], [''], ['低保对象'], ['']]);
    expect(out[0][0]).toBe(40);
    expect(out[1][0]).toBe('');
    expect(out[2][0]).toBe('');
    expect(out[3][0].code).toBe('missing_field');
    expect(out[3][0].message).toMatch(/缺少县/);
    expect(out[4][0]).toBe(320);
    const roster = Y.sheet.YIBAO_ROSTER([
      ['岢岚', 2022, '低保对象', '2021-12-01'],
      ['', '', '', ''],
      [' ', null, '\u3000', undefined],
      ['', 2022, '低保对象', '2021-12-01'],
    ]);
    expect(roster[0][2]).toBe(280);
    expect(roster[1].every((v: unknown) => v === '')).toBe(true);
    expect(roster[2].every((v: unknown) => v === '')).toBe(true);
    expect(roster[3][11]).toBe('error');
    expect(roster[3][12]).toMatch(/缺少县/);
    expect(roster[3][1].code).toBe('missing_field');
  });
});

describe('Google Apps Script (Code.gs over YibaoRules.gs)', () => {
  const tz = 'Asia/Shanghai';
  const ctx = bare({
    Utilities: { formatDate: (d: Date, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d) },
    SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => tz }) },
  });
  vm.runInContext(read('dist/google-apps-script/YibaoRules.gs'), ctx);
  vm.runInContext(read('dist/google-apps-script/Code.gs'), ctx);
  const G = (name: string, ...args: unknown[]) => (vm.runInContext(name, ctx) as (...a: unknown[]) => unknown)(...args);
  /** A date cell as Apps Script passes it: midnight of that day in the spreadsheet's zone (+08:00). */
  const cell = (d: string) => new Date(`${d}T00:00:00+08:00`);

  it('custom functions give quote’s values, date cells read in the spreadsheet’s zone', () => {
    for (const c of CASES) {
      const q = expected(c);
      if (q.individual === null) expect(() => G('YIBAO_INDIVIDUAL', c.county, c.year, c.category, cell(c.paidOn))).toThrow(/通知未明确/);
      else expect(G('YIBAO_INDIVIDUAL', c.county, c.year, c.category, cell(c.paidOn))).toBe(Number(q.individual));
    }
    expect(G('YIBAO_WINDOW_OPEN', '岢岚县', 2022, cell('2021-10-08'))).toBe(false);
    expect(G('YIBAO_FUNDERS', '岢岚县', 2022, '优抚对象')).toBe('退役军人事务部门（优抚对象医疗补助资金）；县级财政');
    expect(G('YIBAO_EXPLAIN', '岢岚县', 2022, '低保对象')).toMatch(/二、3/);
  });
  it('a bad cell is an error with a readable message; inside a range, an #ERROR! text', () => {
    expect(() => G('YIBAO_SUBSIDY', '太原', 2022)).toThrow(/未知的县/);
    const out = G('YIBAO_ROSTER', [['岢岚', 2022, '低保对象', cell('2021-12-01')], ['太原', 2022, '', '']]) as unknown[][];
    expect(out[0]![2]).toBe(280);
    expect(String(out[1]![2])).toMatch(/^#ERROR! /);
  });
});

/** A user's policy: Kelan 2022 with the window closing on 2021-12-20, as JSON text. */
const USER_POLICY = (() => {
  const k = JSON.parse(JSON.stringify(BUILTIN_POLICIES.find((p) => p.id === 'kelan-2022')));
  k.collection.end.date = '2021-12-20';
  return k as { standard: { amount: string } };
})();
const USER_JSON = JSON.stringify(USER_POLICY);
/** The same JSON as a sheet holds it: a line a row. */
const USER_RANGE = JSON.stringify(USER_POLICY, null, 2).split('\n').map((line) => [line]);

describe('a policy given as JSON text (a cell or a range), validated by safeDefinePolicy', () => {
  it('Google Sheets: YibaoRules.gs alone refuses it with a reason; with YibaoDefine.gs it quotes against it', () => {
    const ctx = bare();
    vm.runInContext(GLOBAL, ctx);
    const Y = vm.runInContext('YibaoRules', ctx);
    const before = Y.sheet.YIBAO_WINDOW_OPEN('岢岚', 2022, '2021-12-22', undefined, USER_JSON);
    expect(before.code).toBe('invalid_policy');
    expect(before.message).toMatch(/YibaoDefine/);
    vm.runInContext(read('dist/google-apps-script/YibaoDefine.gs'), ctx);
    expect(Y.sheet.YIBAO_WINDOW_OPEN('岢岚', 2022, '2021-12-22')).toBe(true);
    expect(Y.sheet.YIBAO_WINDOW_OPEN('岢岚', 2022, '2021-12-22', undefined, USER_JSON)).toBe(false);
    expect(Y.sheet.YIBAO_WINDOW_OPEN('岢岚', 2022, '2021-12-22', undefined, USER_RANGE)).toBe(false);
    expect(Y.sheet.YIBAO_COVERAGE('岢岚', 2022, '2021-12-22', undefined, USER_RANGE)[0][0].code).toBe('outside_window');
    // Other counties still quote from the built-ins; amounts equal quote's.
    expect(Y.sheet.YIBAO_SUBSIDY('沁水', 2025, '低保对象', '2024-12-10', USER_JSON)).toBe(320);
    expect(Y.sheet.YIBAO_ROSTER([['岢岚', 2022, '低保对象', '2021-12-22']], 'zh', USER_RANGE)[0][8]).toBe(false);
    // Bad text: the error, with its reason, for every cell; never a number.
    const notJson = Y.sheet.YIBAO_INDIVIDUAL('岢岚', 2022, '', '', '{"county":');
    expect(notJson.code).toBe('invalid_policy');
    expect(notJson.message).toMatch(/JSON/);
    const invalid = Y.sheet.YIBAO_INDIVIDUAL([['岢岚'], ['岢岚']], 2022, '', '', JSON.stringify({ ...USER_POLICY, standard: { ...USER_POLICY.standard, amount: '-1' } }));
    expect(invalid.code).toBe('invalid_policy');
    expect(invalid.message).toMatch(/standard\.amount/);
    const roster = Y.sheet.YIBAO_ROSTER([['岢岚', 2022, '', '']], 'zh', '[1]');
    expect(roster[0][11]).toBe('error');
  });

  it('Google Apps Script passes the policy cell through Code.gs', () => {
    const ctx = bare({
      Utilities: { formatDate: (d: Date, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d) },
      SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => 'Asia/Shanghai' }) },
    });
    for (const f of ['YibaoRules.gs', 'YibaoDefine.gs', 'Code.gs']) vm.runInContext(read(`dist/google-apps-script/${f}`), ctx);
    const G = (name: string, ...args: unknown[]) => (vm.runInContext(name, ctx) as (...a: unknown[]) => unknown)(...args);
    const paid = new Date('2021-12-22T00:00:00+08:00');
    expect(G('YIBAO_WINDOW_OPEN', '岢岚', 2022, paid)).toBe(true);
    expect(G('YIBAO_WINDOW_OPEN', '岢岚', 2022, paid, undefined, USER_RANGE)).toBe(false);
  });
});

describe('WPS (main.js shim over functions.js)', () => {
  const ctx = bare();
  vm.runInContext('var window = this;', ctx);
  vm.runInContext(read('dist/wps/main.js'), ctx);
  vm.runInContext(read('dist/wps/functions.js'), ctx);
  const W = vm.runInContext('YibaoFunctions', ctx) as Record<string, (...a: unknown[]) => unknown>;
  type CFError = { code: string; message: string };
  const CF = vm.runInContext('CustomFunctions', ctx) as { Error: (new (code: string, message?: string) => CFError) & ((code: string, message?: string) => CFError) };

  it('CustomFunctions.Error works with new and without, and keeps its code and message', () => {
    const e = new CF.Error('VALUE!', '未知的县：太原');
    expect(e.code).toBe('VALUE!');
    expect(e.message).toBe('未知的县：太原');
    expect(String(e)).toBe('#VALUE! 未知的县：太原');
    expect(CF.Error('N/A', 'x').message).toBe('x');
  });
  it('an error shows its message in the cell, alone or inside a range; values stay values', () => {
    expect(Object.keys(W).sort()).toEqual(['COVERAGE', 'DUE', 'EXPLAIN', 'FUNDERS', 'INDIVIDUAL', 'MECHANISM', 'REIMBURSED', 'ROSTER', 'SUBSIDY', 'WINDOW_OPEN']);
    expect(W.INDIVIDUAL!('太原', 2022)).toMatch(/^#VALUE! 未知的县：太原/);
    expect(W.SUBSIDY!('岢岚', 2022, '重度残疾人', serial('2021-12-01'))).toBe(280);
    expect(W.SUBSIDY!('沁水', 2025, '重度残疾人')).toMatch(/^#N\/A /);
    const out = W.ROSTER!([['岢岚', 2022, '低保对象', serial('2021-12-01')], ['太原', 2022, '', ''], ['', '', '', '']]) as unknown[][];
    expect(out[0]![2]).toBe(280);
    expect(out[1]![2]).toMatch(/^#VALUE! 未知的县：太原/);
    expect(out[2]!.every((v) => v === '')).toBe(true);
  });
});

describe('Excel custom functions (functions.js, functions.json)', () => {
  class CFError {
    constructor(readonly code: string, readonly message?: string) {}
  }
  const associated = new Map<string, (...a: unknown[]) => unknown>();
  const ctx = bare({ CustomFunctions: { associate: (id: string, f: (...a: unknown[]) => unknown) => associated.set(id, f), Error: CFError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } } });
  vm.runInContext(read('dist/excel/functions.js'), ctx);
  const meta = JSON.parse(read('dist/excel/functions.json')) as { functions: Array<{ id: string; name: string; parameters: Array<{ name: string; optional?: boolean; dimensionality?: string }>; result: { dimensionality?: string } }> };

  it('functions.json, generated by custom-functions-metadata, describes exactly the associated functions', () => {
    expect(meta.functions.map((f) => f.id).sort()).toEqual([...associated.keys()].sort());
    expect(meta.functions.map((f) => f.id).sort()).toEqual(['COVERAGE', 'DUE', 'EXPLAIN', 'FUNDERS', 'INDIVIDUAL', 'MECHANISM', 'REIMBURSED', 'ROSTER', 'SUBSIDY', 'WINDOW_OPEN']);
    for (const f of meta.functions) {
      expect(f.parameters.length).toBe(associated.get(f.id)!.length);
      expect(f.parameters[0]!.optional ?? false).toBe(false);
      if (f.id !== 'ROSTER') expect(f.parameters[1]!.optional ?? false).toBe(false);
    }
    const byId = Object.fromEntries(meta.functions.map((f) => [f.id, f]));
    expect(byId.ROSTER!.parameters[0]!.dimensionality).toBe('matrix');
    expect(byId.ROSTER!.result.dimensionality).toBe('matrix');
    expect(byId.COVERAGE!.result.dimensionality).toBe('matrix');
  });

  it('give quote’s values; an unspecified or bad cell is a CustomFunctions.Error, never a number', () => {
    const f = (id: string, ...a: unknown[]) => {
      try {
        return associated.get(id)!(...a);
      } catch (e) {
        return e;
      }
    };
    for (const c of CASES) {
      const q = expected(c);
      const r = f('SUBSIDY', c.county, c.year, c.category, serial(c.paidOn));
      if (q.subsidy === null) expect(r).toBeInstanceOf(CFError);
      else expect(r).toBe(Number(q.subsidy));
    }
    expect(f('INDIVIDUAL', '太原', 2022)).toBeInstanceOf(CFError);
    expect((f('INDIVIDUAL', '太原', 2022) as CFError).message).toMatch(/未知的县/);
    expect(f('COVERAGE', '沁水', 2025)).toEqual([['2025-01-01', '2025-12-31']]);
    // A policy of one's own, in a range: validated by the bundled safeDefinePolicy.
    expect(f('WINDOW_OPEN', '岢岚', 2022, serial('2021-12-22'))).toBe(true);
    expect(f('WINDOW_OPEN', '岢岚', 2022, serial('2021-12-22'), undefined, USER_RANGE)).toBe(false);
    expect((f('WINDOW_OPEN', '岢岚', 2022, serial('2021-12-22'), undefined, [['{']]) as CFError).message).toMatch(/JSON/);
  });
});
