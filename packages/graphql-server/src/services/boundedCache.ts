/**
 * A map bounded by the total weight of its values (e.g. characters): past `capacity`, the least
 * recently used entries go first (the newest one always stays). Weights may be set later
 * (`resize`), e.g. once a pending read has finished.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: V, weight = this.weigh(value)): void {
    this.delete(key);
    this.entries.set(key, { value, weight });
    this.total += weight;
    this.evict();
  }

  /** Sets the weight of an entry (no-op when it is gone). */
  resize(key: string, weight: number): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.total += weight - e.weight;
    e.weight = weight;
    this.evict();
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.total -= e.weight;
  }

  private evict(): void {
    for (const [key] of this.entries) {
      if (this.total <= this.capacity || this.entries.size <= 1) return;
      this.delete(key);
    }
  }
}
