import { readFileSync, writeFileSync } from 'node:fs';
import { quote } from '../src/index.js';

/** The README's quote examples, generated from the code. `npm run readme` rewrites them; a test checks they are current. */
export function readmeExamples(): string {
  const lines: string[] = [];
  const console = { log: (s: string) => lines.push(s) };
const ex: any[] = [
  ['乡宁 Xiangning 2023', { county: '乡宁县', coverageYear: 2023, categories: ['低保对象'], paidOn: '2022-10-10' }],
  ['陵川 Lingchuan 2023', { county: '陵川', coverageYear: 2023, categories: ['返贫致贫人口'], paidOn: '2022-11-25' }],
  ['岢岚 Kelan 2022', { county: '岢岚县', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' }],
  ['民权 Minquan 2024', { county: 'minquan', coverageYear: 2024, categories: ['低保对象'], paidOn: '2023-11-20' }],
  ['沁水 Qinshui 2025', { county: '140521', coverageYear: 2025, categories: ['普通城乡居民'], paidOn: '2024-10-08' }],
];
for (const [title, e] of ex) {
  const q = quote(e);
  const short = { policyId: q.policyId, status: q.status, standard: q.standard, individual: q.individual, subsidy: q.subsidy, dueAtPayment: q.dueAtPayment, reimbursedLater: q.reimbursedLater, mechanism: q.mechanism, funders: q.funders, appliedCategory: q.appliedCategory, window: q.window, coverage: q.coverage, warnings: q.warnings.map((w) => w.code) };
  console.log(`### ${title}\n\n\`\`\`ts\nquote(${JSON.stringify(e).replace(/"(\w+)":/g, '$1: ').replace(/,(?=\w+: )/g, ', ')})\n\`\`\`\n\n\`\`\`json\n${JSON.stringify(short, null, 0).replace(/,"/g, ', "').replace(/":/g, '": ')}\n\`\`\`\n`);
  console.log('| # | 条款 clause | 中文 | English |\n|---|---|---|---|');
  q.explain.forEach((s, i) => console.log(`| ${i + 1} | ${s.cite?.clause ?? '—'} | ${s.zh.replace(/\|/g, '\\|')} | ${s.en.replace(/\|/g, '\\|')} |`));
  if (q.warnings.length) console.log(`\nwarnings: ${q.warnings.map((w) => `${w.code} — ${w.zh} / ${w.en}`).join('; ')}`);
  console.log('');
}
  return lines.join('\n');
}

const START = '<!-- examples:start -->';
const END = '<!-- examples:end -->';
/** The README with its examples block replaced. */
export function withExamples(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README lacks the examples markers');
  return `${readme.slice(0, a + START.length)}\n${readmeExamples()}\n${readme.slice(b)}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const file = new URL('../README.md', import.meta.url);
  writeFileSync(file, withExamples(readFileSync(file, 'utf8')));
  console.log('README.md examples updated');
}
