/**
 * A small least-recently-used map. Templates change rarely and every mail of
 * an event uses the same few sources, so compiling once per source is enough;
 * the bound keeps a shop with many edited versions from growing memory.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>()

  constructor(private readonly max = 256) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      // Re-insert so the entry counts as recently used.
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key: string, value: V): V {
    this.entries.set(key, value)
    if (this.entries.size > this.max) {
      this.entries.delete(this.entries.keys().next().value as string)
    }
    return value
  }

  get size(): number {
    return this.entries.size
  }
}
