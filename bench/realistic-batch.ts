/**
 * Realistic NDJSON batch lines for the service's bench and tests: people of the five built-in
 * notices (several counties and coverage years), 0–3 categories each (Chinese names, now and then
 * a code), payment dates inside the collection window, before it, after it or absent, a birth date
 * now and then, and about 1% bad lines (not JSON, unknown county, a year without a policy, an
 * impossible date, an unknown category, a field that does not exist). Seeded, so every run streams
 * the same lines.
 */
import { BUILTIN_POLICIES } from '../src/index.js';

/** A small seeded PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const BAD = [
  '{"county":"岢岚","coverageYear":2022,',
  'not json at all',
  '{"county":"不存在县","coverageYear":2022}',
  '{"county":"岢岚","coverageYear":2031}',
  '{"county":"岢岚","coverageYear":2022,"paidOn":"2021-13-45"}',
  '{"county":"岢岚","coverageYear":2022,"categories":["火星人"]}',
  '{"county":"岢岚","coverageYear":2022,"idNumber":"not a real one"}',
];

/**
 * `n` input lines (without their newlines).
 *
 * @example
 * realisticLines(3, 1).length // 3
 */
export function realisticLines(n: number, seed = 12): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < 0.01) {
      out.push(pick(BAD));
      continue;
    }
    const p = pick(BUILTIN_POLICIES);
    const input: Record<string, unknown> = { county: r() < 0.8 ? p.county.name : p.county.shortName ?? p.county.name, coverageYear: p.coverageYear.year };
    const k = r() < 0.45 ? 0 : r() < 0.75 ? 1 : r() < 0.9 ? 2 : 3;
    const cats = new Set<string>();
    for (let j = 0; j < k; j++) {
      const rule = pick(p.categories);
      cats.add(r() < 0.9 ? pick(rule.names) : pick(rule.categories));
    }
    if (cats.size) input.categories = [...cats];
    const start = Date.parse(`${p.collection!.start.date}T00:00:00Z`);
    const end = Date.parse(`${p.collection!.end.date}T00:00:00Z`);
    const w = r();
    if (w < 0.65) input.paidOn = day(start + Math.floor(r() * ((end - start) / 864e5 + 1)) * 864e5);
    else if (w < 0.75) input.paidOn = day(start - (1 + Math.floor(r() * 30)) * 864e5);
    else if (w < 0.85) input.paidOn = day(end + (1 + Math.floor(r() * 60)) * 864e5);
    if (r() < 0.03) input.birthDate = day(start - Math.floor(r() * 365) * 864e5);
    out.push(JSON.stringify(input));
  }
  return out;
}
