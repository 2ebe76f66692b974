import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withExamples } from '../../scripts/readme-examples.js';
import { ROOT } from '../helpers.js';

const readme = readFileSync(`${ROOT}README.md`, 'utf8');

describe('README', () => {
  it('shows the examples the code prints now (run `npm run readme` after a change)', () => {
    expect(readme).toBe(withExamples(readme));
    expect(readme).toMatch(/"individual": "40\.00"/);
  });

  it('its example of encoding a new notice runs as written', async () => {
    const block = /```ts\n(import \{ createRegistry[\s\S]*?)```/.exec(readme)![1]!;
    const dir = `${ROOT}test/.tmp/`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}readme-example.ts`, `${block.replace("from 'yibao-rules'", "from '../../src/index.js'").replace("from 'yibao-rules/define'", "from '../../src/define.js'")}\nexport { mine, registry };\n`);
    const m = await import(`${dir}readme-example.ts`);
    const { quote } = await import('../../src/index.js');
    expect(quote({ county: '示例', coverageYear: 2026, categories: ['低保对象'] }, m.registry).individual).toBe('80.00');
    expect(m.registry.list()).toHaveLength(6);
  });
});
