/**
 * The attributes of one element, in document order: a read-only, Map-like view over name/value
 * pairs. A flat array is several times cheaper to build than a null-prototype object (which V8
 * keeps in dictionary mode), and elements hold a handful of attributes, so lookups scan it.
 */
export class XmlAttributes implements Iterable<[string, string]> {
  static readonly EMPTY = new XmlAttributes([]);

  /** `pairs`: name, value, name, value... with no name twice (the tree parser checks). */
  constructor(private readonly pairs: readonly string[]) {}

  get size(): number {
    return this.pairs.length / 2;
  }

  get(name: string): string | undefined {
    const pairs = this.pairs;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === name) return pairs[i + 1];
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (let i = 0; i < this.pairs.length; i += 2) yield [this.pairs[i] as string, this.pairs[i + 1] as string];
  }

  /** A plain object of the attributes (for tests and inspection). */
  toJSON(): Record<string, string> {
    return Object.fromEntries(this);
  }
}
