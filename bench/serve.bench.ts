/**
 * npm run bench:serve — the HTTP service (the built dist/cli.js, one process) on loopback:
 * (a) a minimal node:http server returning a constant JSON body (the bytes of a real quote), the baseline;
 * (b) POST /v1/quote with realistic inputs (categories × payment dates of the five notices):
 *     requests/s against (a) — target ≥ 70% — and p99 latency, both at 100 connections (autocannon);
 * (c) POST /v1/quotes as NDJSON: quotes/s for one large batch — target ≥ 500,000 — against
 *     (c0) the ceiling: a minimal node:http server streaming the same answer bytes (the same lines, precomputed)
 *     to the same client, which shows how much of (c) is the loopback and the client reading ~2 KB a quote;
 * (d) peak memory of the service over a 60 s run of (b) and (c) alternating, sampled every 0.5 s (flat).
 * Access logs on, to a file. Env: BENCH_SECONDS (per load, default 10), SOAK (default 60), LINES (default 2,000,000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BUILTIN_POLICIES, quote } from '../src/index.js';

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
    proc.stdout!.setEncoding('utf8').on('data', (s: string) => {
      text += s;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (m) resolve({ proc, url: m[1]! });
    });
    const poll = setInterval(() => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(readFileSync(log, 'utf8'));
      if (m) {
        clearInterval(poll);
        resolve({ proc, url: m[1]! });
      }
    }, 50);
    proc.once('exit', (c) => reject(new Error(`exited ${c}`)));
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
function ndjson(url: string, lines: string[], n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const u = new URL(`${url}/v1/quotes`);
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
  // The answer lines of all inputs, in order, for the ceiling (c0).
  const blockFile = join(tmpdir(), 'yibao-serve-bench-block.ndjson');
  writeFileSync(blockFile, bodies.map((b) => `${JSON.stringify({ ok: true, quote: quote(JSON.parse(b)) })}\n`).join(''));
  const baselineSrc = `const fs=require('node:fs');const b=Buffer.from(${JSON.stringify(constant)});const block=fs.readFileSync(${JSON.stringify(blockFile)});
require('node:http').createServer((q,s)=>{
  if(q.url.startsWith('/v1/quotes')){const n=Number(q.headers['x-lines']);let k=0;const lines=${bodies.length};s.writeHead(200,{'content-type':'application/x-ndjson'});q.resume();
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
    const lines = bodies;
    await ndjson(svc.url, lines, 100_000);
    const q = await ndjson(svc.url, lines, LINES);
    const c0 = await ndjson(base.url, lines, LINES);
    const bytes = statSync(blockFile).size / bodies.length;
    console.log(`(c0) the same ${Math.round(bytes)}-byte lines from a constant stream   ${fmt(c0)} lines/s (${fmt((c0 * bytes) / 1e6)} MB/s: the ceiling of this loopback and client)`);
    console.log(`(c) NDJSON /v1/quotes, ${fmt(LINES)} lines   ${fmt(q)} quotes/s (target ≥ 500,000) = ${((q / c0) * 100).toFixed(1)}% of (c0)`);

    const samples: Array<[number, number]> = [];
    const t0 = performance.now();
    const sampler = setInterval(() => samples.push([(performance.now() - t0) / 1000, rssMB(svc.proc.pid!)]), 500);
    while (performance.now() - t0 < SOAK * 1000) {
      await cannon(svc.url, bodies, 5);
      await ndjson(svc.url, lines, 500_000);
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
