/**
 * npm run bench — quotes per second on one core: yibao-rules' `quote` against
 * the same Kelan 2022 rules written for json-rules-engine. One run, both figures
 * and their ratio. Targets: ≥ 1,000,000 quotes/s and ≥ 25× json-rules-engine.
 */
import { Engine } from 'json-rules-engine';
import { builtinRegistry, quote, type QuoteInput } from '../src/index.js';

const CATS: string[][] = [[], ['特困人员'], ['低保对象'], ['返贫致贫人口'], ['脱贫不稳定人口'], ['边缘易致贫人口'], ['享受抚恤和生活补助的优抚对象'], ['重度残疾人'], ['边缘易致贫人口', '重度残疾人'], ['低保对象', '返贫致贫人口']];
const DATES = ['2021-09-10', '2021-10-20', '2021-11-15', '2021-12-01', '2021-12-26', undefined];
const inputs: QuoteInput[] = [];
for (const c of CATS) for (const d of DATES) inputs.push({ county: '岢岚', coverageYear: 2022, categories: c, ...(d ? { paidOn: d } : {}) });

/** The same inputs, only those with a payment date (each result frozen, as every result is). */
const dated = inputs.filter((i) => i.paidOn !== undefined);

function benchQuote(ms: number, list: QuoteInput[] = inputs): number {
  let n = 0;
  let sink = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 10_000; i++) sink += quote(list[i % list.length]!, builtinRegistry).individual!.length;
    n += 10_000;
  }
  if (sink === 0) throw new Error('unreachable');
  return n;
}

/** Kelan's seven rules, precedence and window as json-rules-engine rules. */
function kelanEngine(): Engine {
  const e = new Engine([], { allowUndefinedFacts: true });
  const rule = (name: string, cat: string[], subsidy: number, funders: string[], mechanism: string) =>
    e.addRule({
      name,
      conditions: { any: cat.map((c) => ({ fact: 'categories', operator: 'contains', value: c })) },
      event: { type: 'subsidy', params: { category: name, subsidy, funders, mechanism } },
    });
  rule('extreme-poverty', ['特困人员'], 320, ['medical-assistance-fund'], 'full-proxy');
  rule('minimum-living-allowance', ['低保对象'], Math.min(320, Math.max(320 * 0.8, 280)), ['medical-assistance-fund'], 'reduced-at-payment');
  rule('returned-to-poverty', ['返贫致贫人口'], 288, ['medical-assistance-fund'], 'reduced-at-payment');
  e.addRule({
    name: 'at-risk',
    conditions: {
      all: [
        { any: [{ fact: 'categories', operator: 'contains', value: '脱贫不稳定人口' }, { fact: 'categories', operator: 'contains', value: '边缘易致贫人口' }] },
        ...['低保对象', '享受抚恤和生活补助的优抚对象', '重度残疾人', '特困人员'].map((c) => ({ fact: 'categories', operator: 'doesNotContain', value: c })),
      ],
    },
    event: { type: 'subsidy', params: { category: 'at-risk', subsidy: 280, funders: ['medical-assistance-fund'], mechanism: 'reduced-at-payment' } },
  });
  rule('special-care', ['享受抚恤和生活补助的优抚对象'], 280, ['veterans-affairs', 'county-finance'], 'reduced-at-payment');
  rule('severe-disability', ['重度残疾人'], 280, ['county-finance'], 'reduced-at-payment');
  e.addRule({
    name: 'window',
    conditions: {
      all: [
        { fact: 'paidOn', operator: 'greaterThanInclusive', value: '2021-09-01' },
        { fact: 'paidOn', operator: 'lessThanInclusive', value: '2021-12-25' },
        { fact: 'dayOfMonth', operator: 'lessThanInclusive', value: 25 },
        { any: [{ fact: 'paidOn', operator: 'lessThan', value: '2021-10-08' }, { fact: 'paidOn', operator: 'greaterThanInclusive', value: '2021-11-15' }] },
      ],
    },
    event: { type: 'window-open' },
  });
  return e;
}

async function benchEngine(ms: number): Promise<number> {
  const e = kelanEngine();
  let n = 0;
  let sink = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const input = inputs[n % inputs.length]!;
    const { events } = await e.run({ categories: input.categories ?? [], paidOn: input.paidOn ?? '', dayOfMonth: input.paidOn ? Number(input.paidOn.slice(8)) : 0 });
    let best = 0;
    for (const ev of events) if (ev.type === 'subsidy') best = Math.max(best, ev.params!.subsidy as number);
    sink += 320 - best;
    n++;
  }
  if (sink < 0) throw new Error('unreachable');
  return n;
}

const MS = Number(process.env.BENCH_MS ?? 3000);
benchQuote(500); // warm up
await benchEngine(300);
const q = benchQuote(MS) / (MS / 1000);
const qd = benchQuote(MS, dated) / (MS / 1000);
const j = (await benchEngine(MS)) / (MS / 1000);
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`quote (yibao-rules)        ${fmt(q).padStart(12)} quotes/s`);
console.log(`quote, payment dates only    ${fmt(qd).padStart(12)} quotes/s`);
console.log(`json-rules-engine (Kelan)  ${fmt(j).padStart(12)} quotes/s`);
console.log(`ratio                      ${(q / j).toFixed(1).padStart(12)}×`);
console.log(`targets: ≥ 1,000,000 quotes/s ${q >= 1e6 ? '✓' : '✗'} (with payment dates ${qd >= 1e6 ? '✓' : '✗'}); ≥ 25× ${q / j >= 25 ? '✓' : '✗'}`);
