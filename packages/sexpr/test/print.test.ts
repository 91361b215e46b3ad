import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atom, fromArray, list, parseSexpr, printAtom, printSexpr, type SExpr, sexprEquals, toArray } from '../src/index.js';

describe('printSexpr', () => {
  it('prints lists with single spaces and bare atoms bare', () => {
    expect(printSexpr(fromArray(['domain', ['domid', 6], ['state', '-b----'], []]))).toBe('(domain (domid 6) (state -b----) ())');
  });

  it('quotes only atoms that need it', () => {
    expect(printAtom('file:/xen/img')).toBe('file:/xen/img');
    expect(printAtom('café')).toBe('café');
    expect(printAtom('')).toBe("''");
    expect(printAtom('two words')).toBe("'two words'");
    expect(printAtom('(x)')).toBe("'(x)'");
    expect(printAtom('"')).toBe(`'"'`);
  });

  it('escapes backslashes, quotes and control characters', () => {
    expect(printAtom("it's")).toBe(String.raw`'it\'s'`);
    expect(printAtom('a\\b')).toBe(String.raw`'a\\b'`);
    expect(printAtom('l1\nl2\tx\r')).toBe(String.raw`'l1\nl2\tx\r'`);
    expect(printAtom('\0\x7f')).toBe(String.raw`'\x00\x7f'`);
  });

  it('prints trees far deeper than the parser accepts', () => {
    let deep: SExpr = atom('x');
    for (let level = 0; level < 100_000; level++) deep = list(deep);
    expect(printSexpr(deep)).toBe(`${'('.repeat(100_000)}x${')'.repeat(100_000)}`);
  });
});

// Atoms drawn to hit every quoting rule: quotes, backslashes, parentheses, whitespace,
// control characters and non-ASCII text, plus ordinary names.
const atomValue = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', ':', '/', "'", '"', '\\', '(', ')', ' ', '\n', '\t', '\r', '\0', 'é', '☕', '\u{1F600}') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

const { tree } = fc.letrec<{ tree: SExpr }>((build) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atomValue.map((value) => atom(value)),
    fc.array(build('tree'), { maxLength: 6 }).map((items) => list(...items)),
  ),
}));

describe('round trip', () => {
  it('parseSexpr(printSexpr(x)) equals x for any tree', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const reparsed = parseSexpr(printSexpr(node));
        expect(toArray(reparsed)).toEqual(toArray(node));
        expect(sexprEquals(reparsed, node)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('spans', () => {
  it("each parsed node's span holds exactly that node's text", () => {
    fc.assert(
      fc.property(tree, (node) => {
        const text = printSexpr(node);
        const pending: SExpr[] = [parseSexpr(text)];
        for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
          const span = current.span!;
          expect(sexprEquals(parseSexpr(text.slice(span.startOffset, span.endOffset)), current)).toBe(true);
          if (current.type === 'list') pending.push(...current.items);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('sexprEquals', () => {
  it('compares structure and values, not locations', () => {
    expect(sexprEquals(parseSexpr('(a (b c))'), fromArray(['a', ['b', 'c']]))).toBe(true);
    expect(sexprEquals(parseSexpr('(a (b c))'), fromArray(['a', ['b', 'd']]))).toBe(false);
    expect(sexprEquals(parseSexpr('(a (b c))'), fromArray(['a', ['b', 'c', 'd']]))).toBe(false);
    expect(sexprEquals(parseSexpr('(a)'), atom('a'))).toBe(false);
  });
});
