import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES, type YibaoIssue } from '../../src/index.js';
import { safeDefinePolicy } from '../../src/define.js';
import { jsonSchemas } from '../../src/json-schema.js';
import { ROOT } from '../helpers.js';

const shipped = JSON.parse(readFileSync(`${ROOT}schema/policy.json`, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(shipped);
const clone = () => JSON.parse(JSON.stringify(BUILTIN_POLICIES.find((p) => p.id === 'kelan-2022')));

describe('the JSON Schema shipped as yibao-rules/schema/policy.json', () => {
  it('is the one generated from the zod schema (run `npm run build` after changing the model)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(jsonSchemas().policy)));
    expect(JSON.parse(readFileSync(`${ROOT}schema/quote-input.json`, 'utf8'))).toEqual(JSON.parse(JSON.stringify(jsonSchemas()['quote-input'])));
  });

  it.each(BUILTIN_POLICIES.map((p) => [p.id, p] as const))('accepts the built-in %s', (_, p) => {
    expect(validate(JSON.parse(JSON.stringify(p))), JSON.stringify(validate.errors)).toBe(true);
  });
});

type Breakage = [name: string, mutate: (p: any) => void, code: YibaoIssue['code'], path: (string | number)[], inJsonSchema: boolean];
const breakages: Breakage[] = [
  ['a missing citation', (p) => delete p.standard.cite, 'missing_field', ['standard', 'cite'], true],
  ['an empty quote', (p) => (p.categories[2].subsidy.cite.quote = ''), 'invalid_policy', ['categories', 2, 'subsidy', 'cite', 'quote'], true],
  ['a negative amount', (p) => (p.standard.amount = '-320.00'), 'invalid_policy', ['standard', 'amount'], true],
  ['a float amount with three decimals', (p) => (p.categories[4].subsidy.amount = '280.005'), 'invalid_policy', ['categories', 4, 'subsidy', 'amount'], true],
  ['an unknown category', (p) => (p.categories[2].categories = ['low-income']), 'unknown_category', ['categories', 2, 'categories', 0], false],
  ['an unknown field', (p) => (p.categories[2].note = 'x'), 'unknown_field', ['categories', 2], true],
  ['an impossible date', (p) => (p.collection.end.date = '2021-02-30'), 'invalid_date', ['collection', 'end', 'date'], false],
  ['an end before its start', (p) => (p.collection.end.date = '2021-08-01'), 'invalid_policy', ['collection', 'end', 'date'], false],
  ['a coverage end before its start', (p) => (p.coverage.end = '2021-12-31'), 'invalid_policy', ['coverage', 'end'], false],
  ['two rules for one category', (p) => p.categories.push(p.categories[2]), 'invalid_policy', ['categories', 7, 'categories', 0], false],
  ['a mechanism with neither citation nor inference', (p) => delete p.categories[2].mechanism.cite, 'missing_field', ['categories', 2, 'mechanism', 'cite'], true],
  ['a funder that is neither shared nor declared', (p) => (p.categories[2].funders[0].funder = 'bank'), 'unknown_funder', ['categories', 2, 'funders', 0, 'funder'], false],
  ['a category id that is neither shared nor declared', (p) => (p.groups[0].members[0] = 'low-income'), 'unknown_category', ['groups', 0, 'members', 0], false],
  ['"one-of" funders with one funder', (p) => (p.categories[2].funding = 'one-of'), 'invalid_policy', ['categories', 2, 'funding'], false],
  ['a public subsidy whose parts do not add up', (p) => (p.publicSubsidy = { total: { amount: '580.00', cite: p.standard.cite }, parts: [{ level: 'central', amount: '348.00', cite: p.standard.cite }, { level: 'provincial', amount: '116.00', cite: p.standard.cite }] }), 'audit_mismatch', ['publicSubsidy', 'total', 'amount'], false],
  ['more than 20 categories of its own', (p) => (p.categoryDefinitions = Array.from({ length: 21 }, (_, i) => ({ id: `own-${String.fromCharCode(97 + i)}`, names: [`类${i}`], cite: p.standard.cite }))), 'policy_too_large', ['categoryDefinitions'], false],
  ['more than 30 payment-date conditions', (p) => (p.collection.deadlines = Array.from({ length: 31 }, (_, i) => ({ date: `2021-10-${String(i + 1).padStart(2, '0')}`.replace('2021-10-31', '2021-11-01'), task: { zh: '任务', en: 'task' }, categories: ['minimum-living-allowance'], cite: p.standard.cite }))), 'policy_too_large', ['collection'], false],
  ['a "not stated" fact that has a value', (p) => (p.notStated = [{ fact: 'collection' }]), 'invalid_policy', ['notStated', 0, 'fact'], false],
  ['a stated result its rule does not give', (p) => (p.categories[2].stated.individual.amount = '45.00'), 'audit_mismatch', ['categories', 2, 'stated', 'individual', 'amount'], false],
];

describe('a broken policy is rejected', () => {
  it.each(breakages)('%s', (_, mutate, code, path, inJsonSchema) => {
    const p = clone();
    mutate(p);
    const r = safeDefinePolicy(p);
    expect(r.success).toBe(false);
    if (r.success) return;
    const issue = r.error.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue, JSON.stringify(r.error.issues)).toBeDefined();
    expect(issue!.code).toBe(code);
    expect(issue!.zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(issue!.en).toMatch(/[a-z]/);
    expect(issue!.zh).not.toBe(issue!.en);
    if (inJsonSchema) expect(validate(p)).toBe(false);
  });

  it('names the clause when the audit fails', () => {
    const p = clone();
    p.categories[3].stated.individual.amount = '30.00';
    const r = safeDefinePolicy(p);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe('audit_mismatch');
      expect(r.error.zh).toContain('二、4');
      expect(r.error.en).toContain('32.00');
    }
  });

  it('rejects what is not a policy at all', () => {
    for (const x of [null, 42, 'kelan', [], {}]) expect(safeDefinePolicy(x).success).toBe(false);
  });
});

describe('the JSON Schema describes and requires as definePolicy does', () => {
  it('describes every field in Chinese and English', () => {
    const missing: string[] = [];
    const walk = (n: unknown, path: string): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach((x) => walk(x, path));
      const o = n as Record<string, unknown>;
      for (const [k, v] of Object.entries((o.properties ?? {}) as Record<string, { description?: string }>)) {
        const d = v.description ?? '';
        if (!/[\u4e00-\u9fa5]/.test(d) || !/[a-z]{2}/i.test(d)) missing.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'properties') walk(v, path);
    };
    walk(shipped, '');
    expect(missing).toEqual([]);
  });

  // Every field of these objects, deleted one at a time: the JSON Schema accepts the result exactly when definePolicy does.
  const at = (p: any, path: (string | number)[]) => path.reduce((o, k) => o[k], p);
  const objects: (string | number)[][] = [[], ['county'], ['document'], ['coverageYear'], ['coverage'], ['standard'], ['collection'], ['collection', 'start'], ['categories', 2], ['categories', 2, 'mechanism'], ['categories', 5, 'funders', 1]];
  for (const path of objects)
    it(`required fields of ${path.join('.') || 'the policy'}`, () => {
      for (const k of Object.keys(at(clone(), path))) {
        const p = clone();
        delete at(p, path)[k];
        expect(validate(p), `${[...path, k].join('.')}`).toBe(safeDefinePolicy(p).success);
      }
    });
});
