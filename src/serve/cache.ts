/**
 * A bounded memo of answers by request text. `quote` is a pure function of its
 * input and the registry (which a running service never changes), and quote
 * inputs carry no personal data, so the same body always gets the same bytes:
 * the memo saves parsing, quoting and serialising. Emptied when full, so memory
 * stays flat.
 *
 * @module
 */
export class AnswerMemo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max = 4096, private readonly maxKey = 2048) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, v: V): void {
    if (key.length > this.maxKey) return;
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, v);
  }
}
