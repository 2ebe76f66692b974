/**
 * npm run bench:serve — the HTTP service (the built dist/cli.js, one process) on loopback:
 * (a) a minimal node:http server returning a constant JSON body (the bytes of a real quote), the baseline;
 * (b) POST /v1/quote with realistic inputs (categories × payment dates of the five notices):
 *     requests/s against (a) — target ≥ 70% — and p99 latency, both at 100 connections (autocannon);
 * (c) NDJSON batches of realistic lines (bench/realistic-batch.ts: 20,000 seeded lines of five counties and
 *     years, 0–3 categories a person, payment dates inside and outside the window or none, ~1% bad lines),
 *     streamed LINES times over: quotes/s — target ≥ 500,000 — for the compact view (POST /v1/quotes/compact)
 *     and the full view (POST /v1/quotes), each against (c0) the ceiling: a minimal node:http server
 *     streaming the very same answer bytes (precomputed) to the same client, which shows how much is the
 *     loopback and the client (one process on the same machine) reading the answers;
 * (d) peak memory of the service over a 60 s run of (b) and (c) alternating, sampled every 0.5 s (flat).
 * Access logs on, to a file. Env: BENCH_SECONDS (per load, default 10), SOAK (default 60), LINES (default 2,000,000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BUILTIN_POLICIES, quote, YibaoError } from '../src/index.js';
import { quoteOrError } from '../src/quote.js';
import { compactQuote } from '../src/serve/compact.js';
import { realisticLines } from './realistic-batch.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SOAK = Number(process.env.SOAK ?? 60);
const LINES = Number(process.env.LINES ?? 2_000_000);
const ROOT = new URL('..', import.meta.url).pathname;

/** Realistic inputs: each notice's categories (Chinese names), none, and payment dates across its window. */
function inputs(): string[] {
  const out: string[] = [];
  for (const p of BUILTIN_POLICIES) {
    const names = [[], ...p.categories.map((r) => [r.names[0]!])];
    const start = Date.parse(`${p.collection.start.date}T00:00:00Z`);
    const end = Date.parse(`${p.collection.end.date}T00:00:00Z`);
    for (const categories of names)
      for (let t = start - 10 * 864e5; t <= end + 10 * 864e5; t += 7 * 864e5)
        out.push(JSON.stringify({ county: p.county.name, coverageYear: p.coverageYear.year, categories, paidOn: new Date(t).toISOString().slice(0, 10) }));
  }
  return out;
}

function startProcess(args: string[], env: Record<string, string> = {}): Promise<{ proc: ChildProcess; url: string }> {
  const log = join(tmpdir(), `yibao-serve-bench-${args[0] === '-e' ? 'baseline' : 'service'}.log`);
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', openSync(log, 'w')], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let text = '';
    // The URL comes on stdout (the baseline) or in the log (the service); the poll stops either way, so the bench can exit.
    const found = (url: string) => {
      clearInterval(poll);
      resolve({ proc, url });
    };
    proc.stdout!.setEncoding('utf8').on('data', (s: string) => {
      text += s;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (m) found(m[1]!);
    });
    const poll = setInterval(() => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(readFileSync(log, 'utf8'));
      if (m) found(m[1]!);
    }, 50);
    proc.once('exit', (c) => {
      clearInterval(poll);
      reject(new Error(`exited ${c}`));
    });
  });
}

const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function cannon(url: string, bodies: string[], seconds: number) {
  const r = await autocannon({
    url: `${url}/v1/quote`,
    connections: 100,
    duration: seconds,
    requests: bodies.map((body) => ({ method: 'POST', path: '/v1/quote', headers: { 'content-type': 'application/json' }, body })),
  });
  if (r.non2xx) throw new Error(`non-2xx answers: ${r.non2xx}`);
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, errors: r.errors + r.timeouts };
}

/** Streams `n` lines as one NDJSON request over a keep-alive agent; resolves with lines answered per second. */
function ndjson(url: string, lines: string[], n: number, path = '/v1/quotes'): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const u = new URL(`${url}${path}`);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent: new Agent({ keepAlive: true }), headers: { 'content-type': 'application/x-ndjson', 'x-lines': String(n) } }, (res) => {
      let got = 0;
      res.on('data', (c: Buffer) => {
        for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) got++;
      });
      res.on('end', () => (got === n ? resolve(n / ((performance.now() - t0) / 1000)) : reject(new Error(`${got} of ${n} lines`))));
    });
    req.on('error', reject);
    const block = `${lines.join('\n')}\n`;
    let sent = 0;
    const pump = () => {
      while (sent + lines.length <= n) {
        sent += lines.length;
        if (!req.write(block)) return void req.once('drain', pump);
      }
      req.end(sent < n ? `${lines.slice(0, n - sent).join('\n')}\n` : undefined);
      sent = n;
    };
    pump();
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

async function main() {
  const bodies = inputs();
  // The constant body: a quote of median size among the inputs' answers.
  const answers = bodies.map((b) => JSON.stringify(quote(JSON.parse(b)))).sort((x, y) => x.length - y.length);
  const constant = answers[answers.length >> 1]!;
  // The NDJSON lines, and their answer lines in each view, in order, for the ceiling (c0).
  const lines = realisticLines(20_000);
  const item = (line: string, compact: boolean) => {
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch {
      return JSON.stringify({ ok: false, error: { code: 'invalid_json', zh: '该行不是有效的 JSON', en: 'the line is not valid JSON', path: [] } });
    }
    const r = quoteOrError(input);
    if (r instanceof YibaoError) return JSON.stringify({ ok: false, error: { code: r.code, zh: r.zh, en: r.en, path: r.path } });
    return JSON.stringify({ ok: true, quote: compact ? compactQuote(r) : r });
  };
  const blockFile = (compact: boolean) => {
    const f = join(tmpdir(), `yibao-serve-bench-block-${compact ? 'compact' : 'full'}.ndjson`);
    writeFileSync(f, lines.map((l) => `${item(l, compact)}\n`).join(''));
    return f;
  };
  const blocks = { full: blockFile(false), compact: blockFile(true) };
  const baselineSrc = `const fs=require('node:fs');const b=Buffer.from(${JSON.stringify(constant)});const blocks={'/v1/quotes':fs.readFileSync(${JSON.stringify(blocks.full)}),'/v1/quotes/compact':fs.readFileSync(${JSON.stringify(blocks.compact)})};
require('node:http').createServer((q,s)=>{
  const block=blocks[q.url];if(block){const n=Number(q.headers['x-lines']);let k=0;const lines=${lines.length};s.writeHead(200,{'content-type':'application/x-ndjson'});q.resume();
    const pump=()=>{while(k+lines<=n){k+=lines;if(!s.write(block))return void s.once('drain',pump);}let rest=n-k,i=0;while(rest-->0)i=block.indexOf(10,i)+1;s.end(block.subarray(0,i));};q.on('end',pump);return;}
  q.resume();q.on('end',()=>{s.writeHead(200,{'content-type':'application/json; charset=utf-8','content-length':b.length});s.end(b)})}).listen(0,'127.0.0.1',function(){console.log('http://127.0.0.1:'+this.address().port)})`;
  const base = await startProcess(['-e', baselineSrc]);
  const svc = await startProcess([join(ROOT, 'dist/cli.js'), 'serve', '--port', '0']);
  console.log(`inputs: ${bodies.length} distinct realistic quote inputs; constant body ${constant.length} bytes; ${SECONDS} s per load, 100 connections`);
  try {
    await cannon(base.url, bodies, 2); // warm-up
    await cannon(svc.url, bodies, 2);
    const b = await cannon(base.url, bodies, SECONDS);
    const s = await cannon(svc.url, bodies, SECONDS);
    console.log(`(a) constant JSON (node:http)      ${fmt(b.rps)} req/s   p50 ${b.p50} ms   p99 ${b.p99} ms   (${b.errors} errors/timeouts)`);
    console.log(`(b) POST /v1/quote                 ${fmt(s.rps)} req/s   p50 ${s.p50} ms   p99 ${s.p99} ms   = ${((s.rps / b.rps) * 100).toFixed(1)}% of (a) (target ≥ 70%)   (${s.errors} errors/timeouts)`);
    console.log(`NDJSON: ${fmt(lines.length)} realistic lines (${new Set(lines).size} distinct), streamed to ${fmt(LINES)} lines a batch`);
    for (const [view, path] of [['compact', '/v1/quotes/compact'], ['full', '/v1/quotes']] as const) {
      await ndjson(svc.url, lines, 100_000, path);
      const q = await ndjson(svc.url, lines, LINES, path);
      const c0 = await ndjson(base.url, lines, LINES, path);
      const bytes = statSync(blocks[view]).size / lines.length;
      console.log(`(c0) ${view}: the same ${Math.round(bytes)}-byte answer lines from a constant stream   ${fmt(c0)} lines/s (${fmt((c0 * bytes) / 1e6)} MB/s: the ceiling of this loopback and client)`);
      console.log(`(c) ${view}: NDJSON ${path}   ${fmt(q)} quotes/s (target ≥ 500,000) = ${((q / c0) * 100).toFixed(1)}% of (c0)`);
    }

    const samples: Array<[number, number]> = [];
    const t0 = performance.now();
    const sampler = setInterval(() => samples.push([(performance.now() - t0) / 1000, rssMB(svc.proc.pid!)]), 500);
    while (performance.now() - t0 < SOAK * 1000) {
      await cannon(svc.url, bodies, 5);
      await ndjson(svc.url, lines, 500_000, '/v1/quotes/compact');
      await ndjson(svc.url, lines, 200_000, '/v1/quotes');
    }
    clearInterval(sampler);
    const peak = (from: number, to: number) => Math.max(...samples.filter(([t]) => t >= from && t < to).map(([, m]) => m));
    const third = SOAK / 3;
    console.log(
      `(d) RSS over ${SOAK} s: peak ${peak(0, 1e9).toFixed(0)} MB; peak per third ${peak(0, third).toFixed(0)} / ${peak(third, 2 * third).toFixed(0)} / ${peak(2 * third, 1e9).toFixed(0)} MB`,
    );
  } finally {
    base.proc.kill('SIGTERM');
    svc.proc.kill('SIGTERM');
  }
}

await main();
