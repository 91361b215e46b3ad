import { describe, expect, it } from 'vitest';
import { parseSexpr, parseSexprs, SexprError, type SexprErrorCode, toArray } from '../src/index.js';

function parseError(text: string, options?: { maxDepth?: number }): SexprError {
  try {
    parseSexpr(text, options);
  } catch (error) {
    if (SexprError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text.slice(0, 40))} to be rejected`);
}

describe('parseSexpr', () => {
  it('reads lists, bare atoms and both kinds of quoted strings', () => {
    const tree = parseSexpr(`(domain (domid 6)(name 'pv test') (uuid "4dea22b3-1d52-d8f3-2516-782e98ab3fa0")\n\t(state -b----))`);
    expect(toArray(tree)).toEqual([
      'domain',
      ['domid', '6'],
      ['name', 'pv test'],
      ['uuid', '4dea22b3-1d52-d8f3-2516-782e98ab3fa0'],
      ['state', '-b----'],
    ]);
  });

  it('reads the empty list and empty strings', () => {
    expect(toArray(parseSexpr(`(a () '' "")`))).toEqual(['a', [], '', '']);
  });

  it('reads a lone atom', () => {
    expect(toArray(parseSexpr('  xenbr0\n'))).toEqual('xenbr0');
  });

  it('decodes backslash escapes in quoted strings', () => {
    const tree = parseSexpr(String.raw`('a\'b' "c\"d" 'e\\f' 'g\nh\ti\rj' '\x41\102\0' '\q\(' "it's")`);
    expect(toArray(tree)).toEqual(["a'b", 'c"d', 'e\\f', 'g\nh\ti\rj', 'AB\0', 'q(', "it's"]);
  });

  it('keeps quotes and backslashes inside bare atoms literally', () => {
    expect(toArray(parseSexpr(String.raw`(it's a\b)`))).toEqual(["it's", 'a\\b']);
  });

  it('keeps non-ASCII text', () => {
    expect(toArray(parseSexpr("(name 'café ☕' ünïcode)"))).toEqual(['name', 'café ☕', 'ünïcode']);
  });

  it('records where each node starts and ends', () => {
    const tree = parseSexpr("(domain\n  (name 'x'))");
    if (tree.type !== 'list') throw new Error('expected a list');
    const name = tree.items[1]!;
    expect(name.span?.start).toEqual({ offset: 10, line: 2, column: 3 });
    expect(name.span?.end).toEqual({ offset: 20, line: 2, column: 13 });
    expect(String(name.span)).toBe('2:3');
  });

  it('accepts lists nested up to maxDepth', () => {
    const depth = 1000;
    const tree = parseSexpr('('.repeat(depth) + ')'.repeat(depth));
    let levels = 0;
    for (let node = tree; node.type === 'list'; node = node.items[0] ?? { type: 'atom', value: '' }) levels++;
    expect(levels).toBe(depth);
  });
});

describe('parseSexprs', () => {
  it('reads several top-level expressions', () => {
    expect(parseSexprs('(a 1)\n(b 2) c').map(toArray)).toEqual([['a', '1'], ['b', '2'], 'c']);
  });

  it('reads no expression from blank text', () => {
    expect(parseSexprs(' \n\t')).toEqual([]);
  });
});

describe('parse errors', () => {
  const cases: [string, string, SexprErrorCode, string][] = [
    ['empty input', '', 'EMPTY_INPUT', '1:1'],
    ['blank input', '  \n ', 'EMPTY_INPUT', '2:2'],
    ['a missing ")"', '(domain\n  (name x)', 'UNBALANCED', '1:1'],
    ['a missing inner ")"', '(domain\n  (name x', 'UNBALANCED', '2:3'],
    ['a stray ")"', '(a b))', 'UNBALANCED', '1:6'],
    ['a leading ")"', ')', 'UNBALANCED', '1:1'],
    ['an unterminated single-quoted string', "(name 'pv", 'UNTERMINATED_STRING', '1:7'],
    ['an unterminated double-quoted string', '(a\n (name "pv\n', 'UNTERMINATED_STRING', '2:8'],
    ['a backslash at the end of a string', "'abc\\", 'UNTERMINATED_STRING', '1:1'],
    ['a bad \\x escape', "(a 'b\\xZZ')", 'BAD_ESCAPE', '1:6'],
    ['a second expression', '(a) (b)', 'TRAILING_INPUT', '1:5'],
    ['stray bytes after the expression', '(a)\n  junk', 'TRAILING_INPUT', '2:3'],
  ];
  it.each(cases)('rejects %s', (_name, text, code, where) => {
    const error = parseError(text);
    expect(error.code).toBe(code);
    expect(`${error.position?.line}:${error.position?.column}`).toBe(where);
    expect(error.message.startsWith(`${where}: `)).toBe(true);
    expect(error.excerpt).toMatch(/\^$/);
  });

  it('shows the offending line with a caret', () => {
    const error = parseError("(domain\n  (name 'pv)\n");
    expect(error.excerpt).toBe("  (name 'pv)\n        ^");
    expect(error.message).toBe(
      "2:9: this string is never closed: input ends before its closing quote; expected \"'\"\n  (name 'pv)\n        ^",
    );
  });

  it('says what was expected', () => {
    expect(parseError('(a) b').expected).toEqual(['end of input']);
    expect(parseError('(a').expected).toEqual([')']);
    expect(parseError('(a "b').expected).toEqual(['"']);
    expect(parseError(')').expected).toEqual(['an expression', 'end of input']);
    expect(parseError("'\\x4'").expected).toEqual(['two hexadecimal digits']);
    expect(parseError('((a))', { maxDepth: 1 }).message).toContain('expected at most 1 nested lists');
  });

  it('rejects 100,000 levels of nesting with TOO_DEEP, not a RangeError', () => {
    const error = parseError('('.repeat(100_000) + ')'.repeat(100_000));
    expect(error.code).toBe('TOO_DEEP');
    expect(error.position).toEqual({ offset: 1000, line: 1, column: 1001 });
  });

  it('honours a smaller maxDepth', () => {
    expect(parseError('(((a)))', { maxDepth: 2 }).code).toBe('TOO_DEEP');
    expect(toArray(parseSexpr('(((a)))', { maxDepth: 3 }))).toEqual([[['a']]]);
  });

  it('parses any depth maxDepth allows: the parser loops, it does not recurse', () => {
    const depth = 1_000_000;
    const tree = parseSexpr('('.repeat(depth) + ')'.repeat(depth), { maxDepth: Number.POSITIVE_INFINITY });
    let levels = 0;
    for (let node = tree; node.type === 'list'; node = node.items[0] ?? { type: 'atom', value: '' }) levels++;
    expect(levels).toBe(depth);
    expect(parseError('('.repeat(depth), { maxDepth: Number.POSITIVE_INFINITY }).position?.offset).toBe(depth - 1);
  });

  it('is recognised across package copies by isInstance', () => {
    const error = parseError('(');
    expect(error).toBeInstanceOf(SexprError);
    expect(SexprError.isInstance(error)).toBe(true);
    expect(SexprError.isInstance(new Error('x'))).toBe(false);
    expect(error.name).toBe('SexprError');
  });
});

describe('lenient parsing (libvirt-compatible)', () => {
  it('closes lists left open at the end of the input', () => {
    expect(toArray(parseSexpr('(domain (name x) (image (linux', { lenient: true }))).toEqual([
      'domain',
      ['name', 'x'],
      ['image', ['linux']],
    ]);
  });

  it('ignores a stray ")" and anything after the first expression', () => {
    expect(toArray(parseSexpr('(a (b c))) (d)', { lenient: true }))).toEqual(['a', ['b', 'c']]);
    expect(toArray(parseSexpr('(a) (b)', { lenient: true }))).toEqual(['a']);
  });

  it('still rejects unterminated strings and empty input', () => {
    expect(() => parseSexpr("(a 'b", { lenient: true })).toThrow(/never closed/);
    expect(() => parseSexpr('', { lenient: true })).toThrow(/empty/);
  });
});
