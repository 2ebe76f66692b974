/**
 * A plain copy of untrusted input before it is validated: own enumerable
 * properties only (nothing inherited from a polluted `Object.prototype`), each
 * read exactly once (a Proxy cannot answer differently the second time), and
 * bounded in depth, size and text length, so that validation never loops over
 * a `length` of 2³²−1. Anything that throws while being read (a getter, a
 * Proxy trap, a revoked Proxy) comes back as a `YibaoError`.
 *
 * @module
 */
import { preview, yibaoError, type IssuePath, type YibaoError } from './errors.js';

/** Limits on a policy given to `definePolicy`: far above any notice, far below a hang. */
export const INPUT_LIMITS = Object.freeze({
  /** Nesting of objects and arrays. */
  depth: 32,
  /** Objects, arrays and values in all. */
  nodes: 200_000,
  /** Items in one array, keys in one object. */
  items: 20_000,
  /** Characters in one string. */
  text: 20_000,
});


/** Thrown inside the walk, caught at its top. */
class TooLarge {
  constructor(readonly path: IssuePath, readonly zh: string, readonly en: string) {}
}

/**
 * Copies `value` as plain data, or returns the error that says why it cannot
 * be read. Values that are not data (functions, symbols, bigints) are kept as
 * they are, for the schema to reject with its own message.
 */
export function plainCopy(value: unknown): unknown {
  let nodes = 0;
  const walk = (v: unknown, path: (string | number)[], depth: number): unknown => {
    if (++nodes > INPUT_LIMITS.nodes) throw new TooLarge([], `输入过大（超过 ${INPUT_LIMITS.nodes} 个值）`, `input too large (more than ${INPUT_LIMITS.nodes} values)`);
    if (typeof v === 'string') {
      if (v.length > INPUT_LIMITS.text)
        throw new TooLarge(path, `文字过长（${v.length} 个字符，上限 ${INPUT_LIMITS.text}）：${preview(v)}`, `text too long (${v.length} characters, at most ${INPUT_LIMITS.text}): ${preview(v)}`);
      return v;
    }
    if (v === null || typeof v !== 'object') return v;
    if (depth >= INPUT_LIMITS.depth) throw new TooLarge(path, `嵌套过深（超过 ${INPUT_LIMITS.depth} 层）`, `nested too deep (more than ${INPUT_LIMITS.depth} levels)`);
    if (Array.isArray(v)) {
      const n = v.length; // read once
      if (!(n <= INPUT_LIMITS.items)) throw new TooLarge(path, `数组过长（${n} 项，上限 ${INPUT_LIMITS.items}）`, `array too long (${n} items, at most ${INPUT_LIMITS.items})`);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push(Object.hasOwn(v, i) ? walk(v[i], [...path, i], depth + 1) : undefined);
      return out;
    }
    const keys = Object.keys(v);
    if (keys.length > INPUT_LIMITS.items) throw new TooLarge(path, `字段过多（${keys.length} 个，上限 ${INPUT_LIMITS.items}）`, `too many fields (${keys.length}, at most ${INPUT_LIMITS.items})`);
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const x = walk((v as Record<string, unknown>)[k], [...path, k], depth + 1);
      // defineProperty: a key named __proto__ stays a plain field, never a prototype.
      Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  try {
    return walk(value, [], 0);
  } catch (e) {
    if (e instanceof TooLarge) return yibaoError('too_large', e.path, e.zh, e.en);
    return unreadableInput(e);
  }
}

/** The error for an input that throws when read; what was thrown is named only if that is safe. */
export function unreadableInput(e: unknown): YibaoError {
  let what: string = typeof e;
  try {
    if (e instanceof Error) what = preview(`${String(e.name)}: ${String(e.message)}`);
  } catch {
    // what was thrown is itself hostile: keep its type
  }
  return yibaoError('unreadable_input', [], `无法读取输入（读取时出错：${what}）`, `the input could not be read (reading it threw ${what})`);
}

