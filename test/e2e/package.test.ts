/** The built package loads the way users load it: require, import, the JSON Schema subpath. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const node = (...args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }).trim();

describe('the package', () => {
  it("loads with require('yibao-rules')", () => {
    expect(node('-e', "const y=require('yibao-rules'); console.log(y.quote({county:'岢岚',coverageYear:2022,categories:['低保对象']}).individual)")).toBe('40.00');
  });
  it("loads with import('yibao-rules')", () => {
    expect(node('--input-type=module', '-e', "const y=await import('yibao-rules'); console.log(y.listPolicies().length)")).toBe('5');
  });
  it('ships the JSON Schema as yibao-rules/schema/policy.json', () => {
    expect(node('-e', "console.log(require('yibao-rules/schema/policy.json').type)")).toBe('object');
  });
});
