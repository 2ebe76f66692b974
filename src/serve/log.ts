/**
 * Structured access logs: one JSON object a line on stderr. Only the method,
 * the path (never the query), the status, sizes and the duration: never a body,
 * never an ID number. Lines are gathered and written once per turn of the event
 * loop, so logging does not cost a system call per request.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';

/** Where log lines go (stderr by default). */
export type LogSink = (text: string) => void;

/** A logger of JSON lines. */
export class Logger {
  private pending: string[] = [];
  private scheduled = false;
  constructor(private readonly sink: LogSink = (s) => process.stderr.write(s), private readonly access = true) {}

  /** Writes one record; `t` (ISO time) and `level` come first. */
  log(level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
    this.line(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }));
  }

  /**
   * One access-log line (`bytesIn`, `bytesOut`: declared lengths; 0 when streamed): the same
   * record as `log('info', 'request', …)` would write, built as text (it is written per request).
   */
  request(method: string, path: string, status: number, ms: number, bytesIn: number, bytesOut: number): void {
    if (!this.access) return;
    this.line(
      `{"t":"${this.now()}","level":"info","msg":"request","method":${JSON.stringify(method)},"path":${JSON.stringify(path)},"status":${status},"ms":${Math.round(ms * 100) / 100},"bytesIn":${bytesIn},"bytesOut":${bytesOut}}`,
    );
  }

  private lastMs = NaN;
  private lastIso = '';
  /** The time as ISO text, made once per millisecond. */
  private now(): string {
    const ms = Date.now();
    if (ms !== this.lastMs) {
      this.lastMs = ms;
      this.lastIso = new Date(ms).toISOString();
    }
    return this.lastIso;
  }

  private line(text: string): void {
    this.pending.push(text);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** An unexpected exception: logged with an id the client sees; the message is left out (it may quote input). */
  error(e: unknown, method: string, path: string): string {
    const id = randomBytes(6).toString('hex');
    const stack = e instanceof Error && e.stack ? e.stack.split('\n').slice(1, 8).map((s) => s.trim()) : [];
    this.log('error', 'unexpected', { errorId: id, method, path, name: e instanceof Error ? e.name : typeof e, stack });
    return id;
  }

  /** Writes what is pending now. */
  flush(): void {
    this.scheduled = false;
    if (!this.pending.length) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.sink(text);
  }
}
