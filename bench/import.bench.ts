/**
 * npm run bench (second part) — the CPU a cold `import { quote } from
 * 'yibao-rules'` plus a first quote costs above bare Node, measured in one run
 * against bare Node itself: each round starts fresh processes, alternating, and
 * each child reports its own CPU time (user + system, from process start) when
 * done. Medians of the rounds; the built package (dist/) is measured, so run
 * `npm run build` first. Target (issue 11): ≤ 40 ms above bare Node.
 *
 * For comparison, the same for `yibao-rules/define` (the entry with zod).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${ROOT}dist/index.js`)) {
  console.error('dist/index.js not found: run `npm run build` first');
  process.exit(1);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const TARGET_MS = 40;
const report = 'process.stdout.write(String((({ user, system }) => (user + system) / 1000)(process.cpuUsage())))';

const programs = {
  bare: `${report}`,
  quote: `import { quote } from '${ROOT}dist/index.js'; quote({ county: '岢岚', coverageYear: 2022, categories: ['低保对象'], paidOn: '2021-12-01' }); ${report}`,
  define: `import { quote } from '${ROOT}dist/index.js'; import { definePolicy } from '${ROOT}dist/define.js'; quote({ county: '岢岚', coverageYear: 2022 }); ${report}`,
} as const;

const cpu = (src: string): number => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', src], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const samples: Record<keyof typeof programs, number[]> = { bare: [], quote: [], define: [] };
cpu(programs.quote); // warm the file system cache
for (let i = 0; i < ROUNDS; i++) for (const k of Object.keys(programs) as (keyof typeof programs)[]) samples[k].push(cpu(programs[k]));

const bare = median(samples.bare);
const quote = median(samples.quote);
const define = median(samples.define);
const f = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
console.log(`\ncold start, CPU (median of ${ROUNDS} fresh processes each)`);
console.log(`bare node                               ${f(bare)}`);
console.log(`import { quote } + first quote          ${f(quote)}   +${(quote - bare).toFixed(1)} ms above bare   ratio ${(quote / bare).toFixed(2)}×`);
console.log(`… and yibao-rules/define (zod)          ${f(define)}   +${(define - bare).toFixed(1)} ms above bare   ratio ${(define / bare).toFixed(2)}×`);
console.log(`target: import { quote } + first quote ≤ ${TARGET_MS} ms above bare ${quote - bare <= TARGET_MS ? '✓' : '✗'}`);
