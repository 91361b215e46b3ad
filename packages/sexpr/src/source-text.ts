/** A 1-based line and column (in UTF-16 code units) plus the 0-based offset. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/**
 * The text a tree was parsed from. Line starts are computed on first use, so parsing pays
 * nothing for locations until somebody asks for one (an error message, usually).
 */
export class SourceText {
  #lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  position(offset: number): Position {
    const lineStarts = this.#computeLineStarts();
    // Binary search for the last line starting at or before `offset`.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { offset, line: low + 1, column: offset - lineStarts[low]! + 1 };
  }

  /** The line around `offset` (clipped to about 60 characters) and a caret under it. */
  excerpt(offset: number): string {
    const { line } = this.position(offset);
    const lineStart = this.#computeLineStarts()[line - 1]!;
    let lineEnd = this.text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = this.text.length;
    if (this.text[lineEnd - 1] === '\r') lineEnd--;
    const from = Math.max(lineStart, offset - 40);
    const to = Math.min(lineEnd, from + 60);
    const shown = this.text.slice(from, to).replace(/[\t\v\f\r]/g, ' ');
    const prefix = from > lineStart ? '…' : '';
    const suffix = to < lineEnd ? '…' : '';
    const caretColumn = prefix.length + (offset - from);
    return `${prefix}${shown}${suffix}\n${' '.repeat(caretColumn)}^`;
  }

  #computeLineStarts(): number[] {
    if (this.#lineStarts === undefined) {
      const starts = [0];
      for (let index = this.text.indexOf('\n'); index !== -1; index = this.text.indexOf('\n', index + 1)) {
        starts.push(index + 1);
      }
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }
}

/** Where a node came from: offsets into its source, with line:column on demand. */
export class SourceSpan {
  constructor(
    readonly source: SourceText,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  get start(): Position {
    return this.source.position(this.startOffset);
  }

  get end(): Position {
    return this.source.position(this.endOffset);
  }

  /** `line:column` of the start. */
  toString(): string {
    const { line, column } = this.start;
    return `${line}:${column}`;
  }
}
