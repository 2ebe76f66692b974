/**
 * npm run bench:draft — time per notice of `draftPolicy` on the eight texts in
 * notices/, warm (after the first call) and the first call of the process
 * (which loads OpenCC's dictionaries, the division table and pinyin). The
 * baseline, run in the same process, is `normalise` alone (reading the text
 * with its map back to the input): the ratio says what the finders, the
 * assembly, validation, the audit and the quote check cost on top of it.
 * Target: well under a second per notice (warm: under 50 ms).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../notices/', import.meta.url));
const FILES = ['xiangning-2023', 'lingchuan-2023', 'kelan-2022', 'minquan-2024', 'qinshui-2025', 'extra/yangqu-2022', 'extra/zhushan-2021', 'extra/xiejiachacun-2023'];
const texts = FILES.map((f) => readFileSync(`${dir}${f}.txt`, 'utf8'));

const t0 = performance.now();
const { draftPolicy, normalise } = await import('../src/draft/index.js');
const tLoad = performance.now() - t0;
const t1 = performance.now();
draftPolicy(texts[0]!);
const tFirst = performance.now() - t1;

function perCall(fn: (s: string) => unknown, text: string, ms = 300): number {
  let n = 0;
  const end = performance.now() + ms;
  const start = performance.now();
  while (performance.now() < end) {
    fn(text);
    n++;
  }
  return (performance.now() - start) / n;
}

console.log(`yibao-rules/draft: module load ${tLoad.toFixed(0)} ms, first call ${tFirst.toFixed(0)} ms (dictionaries loaded)\n`);
console.log('notice                       chars   draftPolicy   normalise (baseline)   ratio');
let worst = 0;
for (let i = 0; i < FILES.length; i++) {
  const t = texts[i]!;
  const d = perCall(draftPolicy, t);
  const b = perCall(normalise, t);
  worst = Math.max(worst, d);
  console.log(`${FILES[i]!.padEnd(28)} ${String(t.length).padStart(6)}   ${d.toFixed(2).padStart(8)} ms   ${b.toFixed(2).padStart(10)} ms          ${(d / b).toFixed(1)}×`);
}
console.log(`\nslowest notice ${worst.toFixed(2)} ms warm; first call ${tFirst.toFixed(0)} ms. Target: well under 1000 ms — ${worst < 1000 && tFirst < 1000 ? 'met' : 'NOT met'}.`);
