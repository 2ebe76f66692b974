/**
 * The ZIP container of an XLSX file, written with node:zlib alone: entries
 * deflated (small ones at once, a large one streamed with a data
 * descriptor), then the central directory. No ZIP64: an entry or file over
 * 4 GiB is an error.
 */
import * as zlib from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of `bytes` continuing from `crc` (node:zlib's when it has one). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const native = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(bytes, crc);
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Where a ZIP writer hands its bytes; a promise when the consumer wants it to wait. */
export type ZipOut = (bytes: Buffer) => Promise<void> | undefined;

interface Central {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  flags: number;
}

const LIMIT = 0xffffffff;

/** Writes a ZIP file entry by entry. */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Central[] = [];
  constructor(private readonly out: ZipOut) {}

  private async emit(b: Buffer): Promise<void> {
    this.offset += b.length;
    if (this.offset > LIMIT) throw new Error('the XLSX file would exceed 4 GiB');
    const p = this.out(b);
    if (p) await p;
  }

  private localHeader(name: Buffer, flags: number, crc: number, compressed: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, a fixed time: same input, same bytes
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(compressed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  }

  /** Adds a small entry at once. */
  async add(path: string, content: string | Buffer): Promise<void> {
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const name = Buffer.from(path);
    const z = zlib.deflateRawSync(data);
    const e: Central = { name, crc: crc32(data), compressed: z.length, size: data.length, offset: this.offset, flags: 0x800 };
    this.entries.push(e);
    await this.emit(this.localHeader(name, e.flags, e.crc, e.compressed, e.size));
    await this.emit(z);
  }

  /**
   * Starts a large entry written in pieces: `write` each piece (await it when
   * it returns a promise), then `end`.
   */
  async stream(path: string): Promise<{ write(s: string): Promise<void> | undefined; end(): Promise<void> }> {
    const name = Buffer.from(path);
    const e: Central = { name, crc: 0, compressed: 0, size: 0, offset: this.offset, flags: 0x808 };
    this.entries.push(e);
    await this.emit(this.localHeader(name, e.flags, 0, 0, 0));
    const deflate = zlib.createDeflateRaw({ level: 6 });
    let pending: Promise<void> = Promise.resolve();
    let failure: unknown;
    deflate.on('data', (chunk: Buffer) => {
      e.compressed += chunk.length;
      pending = pending.then(() => this.emit(chunk)).catch((err) => void (failure ??= err));
    });
    const done = new Promise<void>((res, rej) => {
      deflate.on('end', res);
      deflate.on('error', rej);
    });
    return {
      write: (s: string) => {
        if (failure) return Promise.reject(failure);
        const b = Buffer.from(s);
        e.crc = crc32(b, e.crc);
        e.size += b.length;
        if (e.size > LIMIT) return Promise.reject(new Error('a worksheet would exceed 4 GiB'));
        if (!deflate.write(b)) return new Promise<void>((res) => deflate.once('drain', res)).then(() => pending);
        return undefined;
      },
      end: async () => {
        deflate.end();
        await done;
        await pending;
        if (failure) throw failure;
        const d = Buffer.alloc(16);
        d.writeUInt32LE(0x08074b50, 0);
        d.writeUInt32LE(e.crc, 4);
        d.writeUInt32LE(e.compressed, 8);
        d.writeUInt32LE(e.size, 12);
        await this.emit(d);
      },
    };
  }

  /** Writes the central directory. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(0x00210000, 12);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.emit(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
  }
}
