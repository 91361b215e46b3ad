import { nulTerminated } from '../protocol/strings.js';

/**
 * A node's child names in creation order, immutable to its holders. Appending shares the backing
 * array while nobody else appended to it (like a Go slice), so building a directory of n children
 * costs O(n), not O(n²); the NUL-separated encoding DIRECTORY answers with is computed once.
 */
export class ChildList implements Iterable<string> {
  private encodedNames: Uint8Array | undefined;

  private constructor(
    private readonly backing: string[],
    readonly length: number,
  ) {}

  static empty(): ChildList {
    return new ChildList([], 0);
  }

  with(name: string): ChildList {
    if (this.backing.length === this.length) {
      this.backing.push(name);
      return new ChildList(this.backing, this.length + 1);
    }
    const copy = this.backing.slice(0, this.length);
    copy.push(name);
    return new ChildList(copy, copy.length);
  }

  without(name: string): ChildList {
    const kept = [...this].filter((child) => child !== name);
    return new ChildList(kept, kept.length);
  }

  /** `a\0b\0`: the DIRECTORY reply payload. */
  encoded(): Uint8Array {
    this.encodedNames ??= nulTerminated([...this]);
    return this.encodedNames;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.backing[i]!;
  }
}
