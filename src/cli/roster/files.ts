/**
 * Output that is never lost or damaged: every file the job writes is a
 * temporary file beside its target, flushed to disk (fsync) and renamed into
 * place only when complete. A failure, SIGINT or SIGTERM removes the
 * temporary files and leaves what was at the target exactly as it was; two
 * jobs writing the same target each rename a whole file, so the last to
 * finish wins whole. SIGKILL cannot be caught: a stale temporary file
 * (`.<name>.<pid>.<random>.tmp`) may remain, the target is intact.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { RosterFileError } from './errors.js';

const temps = new Set<string>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const f of temps) rmSync(f, { force: true });
  temps.clear();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Notes a temporary file, to be removed on SIGINT/SIGTERM (handlers installed while there is one). */
export function trackTemp(path: string): void {
  temps.add(path);
  if (!installed) {
    installed = true;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
}

/** Removes a temporary file (if still there) and forgets it. */
export function dropTemp(path: string): void {
  rmSync(path, { force: true });
  forget(path);
}

/** {@link dropTemp} in the background (a large file takes a while to free): the promise settles once it is gone. */
export async function dropTempLater(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
  } finally {
    forget(path);
  }
}

function forget(path: string): void {
  temps.delete(path);
  if (!temps.size && installed) {
    installed = false;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** A fresh temporary path beside `target` (or in the system's temporary folder when the target is stdout). */
export function tempBeside(target: string, kind: string): string {
  const dir = target === '-' ? tmpdir() : dirname(target);
  return join(dir, `.${target === '-' ? 'stdout' : basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.${kind}.tmp`);
}

/**
 * Checks that `target` may be written: absent, or a regular file. A symlink,
 * FIFO, device or folder is refused (writing it would replace or destroy it).
 * Creates the target's folder.
 */
export function checkTarget(target: string): void {
  if (target === '-') return;
  const st = lstatSync(target, { throwIfNoEntry: false });
  if (st && !st.isFile()) {
    const what = st.isSymbolicLink() ? ['符号链接', 'a symbolic link'] : st.isDirectory() ? ['文件夹', 'a folder'] : st.isFIFO() ? ['管道', 'a FIFO'] : ['设备或特殊文件', 'a device or special file'];
    throw new RosterFileError(
      `输出位置已存在且不是普通文件（${what[0]}）：${target}。请另选 --out，或用 --out - 输出到标准输出`,
      `the output exists and is not a regular file (${what[1]}): ${target}. Choose another --out, or --out - for standard output`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
}

/** Flushes a file to disk. */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts a complete temporary file in place: fsync, rename over the target
 * (atomic on one file system), fsync the folder. For `-`, copies it to
 * standard output and removes it.
 */
export async function commit(temp: string, target: string): Promise<void> {
  if (target === '-') {
    const fh = await open(temp, 'r');
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (!bytesRead) break;
        const chunk = buf.subarray(0, bytesRead);
        await new Promise<void>((res, rej) => process.stdout.write(chunk, (e) => (e ? rej(e) : res())));
      }
    } finally {
      await fh.close();
      dropTemp(temp);
    }
    return;
  }
  fsyncPath(temp);
  renameSync(temp, target);
  forget(temp);
  try {
    fsyncPath(dirname(target));
  } catch {
    // Some file systems cannot fsync a folder; the rename stands.
  }
}

/** Bytes queued for writing above which a writer waits, and to which the queue drains before it goes on. */
const HIGH_WATER = 12 << 20;
const LOW_WATER = 4 << 20;
/** Bytes written between flushes to disk started while writing. */
const FLUSH_EVERY = 32 << 20;

/**
 * A file written in order from large buffers, with back-pressure and no
 * lost errors: a write error (a full disk) rejects the next {@link write}
 * that waits and {@link close}. Buffers are released once written.
 */
export class FileSink {
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: unknown;
  /** Callers waiting for the queue to drain to {@link LOW_WATER}. */
  private waiting: Array<() => void> = [];
  /** Bytes written since the last flush to disk was started, and that flush while it runs. */
  private unflushed = 0;
  private flushing: Promise<void> | undefined;
  private constructor(private readonly fh: FileHandle) {}

  /** Opens (creates or truncates) `path` and notes it as a temporary file. */
  static async create(path: string): Promise<FileSink> {
    trackTemp(path);
    return new FileSink(await open(path, 'w'));
  }

  /** Queues `bytes`; a promise when the caller should wait (too much queued). */
  write(bytes: Uint8Array, release?: () => void): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    this.queued += bytes.length;
    this.chain = this.chain.then(async () => {
      try {
        if (this.failure) return; // after a failure nothing more is written, but every write is still accounted for
        for (let at = 0; at < bytes.length; ) at += (await this.fh.write(bytes, at, bytes.length - at)).bytesWritten;
        this.flushAsWritten(bytes.length);
      } catch (e) {
        this.failure = e;
      } finally {
        this.queued -= bytes.length;
        release?.();
        // Wake the waiting writers when the queue is low enough, or at once on a failure (they throw it).
        if ((this.failure || this.queued <= LOW_WATER) && this.waiting.length) for (const w of this.waiting.splice(0)) w();
      }
    });
    return this.queued > HIGH_WATER ? this.drained() : undefined;
  }

  /** Waits until what is queued is down to {@link LOW_WATER} (writing goes on meanwhile); throws the first write error. */
  private async drained(): Promise<void> {
    if (this.queued > LOW_WATER && !this.failure) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure;
  }

  /**
   * Every {@link FLUSH_EVERY} bytes, starts flushing what is written to disk
   * (beside the writes, not in their queue): the flush before the rename
   * ({@link commit}) then has little left to do, and the disk works while
   * the rows are computed. Its errors are the final flush's to report.
   */
  private flushAsWritten(n: number): void {
    this.unflushed += n;
    if (this.unflushed < FLUSH_EVERY || this.flushing) return;
    this.unflushed = 0;
    this.flushing = this.fh
      .datasync()
      .catch(() => undefined)
      .finally(() => void (this.flushing = undefined));
  }

  /** Waits for what is queued; throws the first write error. */
  async settled(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
  }

  /**
   * Writes what is queued and closes the file; throws the first write error.
   * Not flushed to disk here: {@link commit} flushes the file that is put in
   * place (working files that are only copied from need not be).
   */
  async close(): Promise<void> {
    try {
      await this.settled();
    } finally {
      await this.flushing;
      await this.fh.close();
    }
  }

  /** Closes without waiting for success (the job failed). */
  async abandon(): Promise<void> {
    await this.chain;
    await this.flushing;
    await this.fh.close().catch(() => undefined);
  }
}
