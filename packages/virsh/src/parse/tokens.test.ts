import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirshError } from '../errors.js';
import { ArgvTokens, ScriptTokens, type TokenSource } from './tokens.js';

/** All commands of a script as arrays of words. */
function commandsOf(source: TokenSource): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  for (;;) {
    const token = source.next();
    if (token.kind === 'word') words.push(token.text);
    else {
      if (words.length > 0) commands.push(words);
      words = [];
      if (token.kind === 'end') return commands;
    }
  }
}
const script = (text: string) => commandsOf(new ScriptTokens(text));

describe('ScriptTokens', () => {
  it('splits commands on ; and newlines and words on blanks', () => {
    expect(script('list --all;dominfo  test\nuri\t x')).toEqual([['list', '--all'], ['dominfo', 'test'], ['uri', 'x']]);
  });

  it("keeps ';' and blanks inside quotes, and joins quoted parts of one word", () => {
    expect(script(`echo 'c;d' "a b" a"b c"d`)).toEqual([['echo', 'c;d', 'a b', 'ab cd']]);
  });

  it('treats backslash as an escape outside single quotes only', () => {
    expect(script(String.raw`echo a\;b "x\"y" 'p\q' \#z`)).toEqual([['echo', 'a;b', 'x"y', String.raw`p\q`, '#z']]);
  });

  it('continues a line after backslash-newline', () => {
    expect(script('echo a\\\nb c \\\n d')).toEqual([['echo', 'ab', 'c', 'd']]);
  });

  it('comments out the rest of the line from a word starting with #', () => {
    expect(script('uri # x; hostname\necho a#b\n#all\nlist')).toEqual([['uri'], ['echo', 'a#b'], ['list']]);
  });

  it('keeps empty quoted words', () => {
    expect(script(`echo '' ""`)).toEqual([['echo', '', '']]);
  });

  it('ends an unterminated single quote with the text', () => {
    expect(script("domstate 'test")).toEqual([['domstate', 'test']]);
  });

  it('rejects an unterminated double quote and a dangling backslash', () => {
    expect(() => script('domstate "test')).toThrowError('missing "');
    expect(() => script('domstate test\\')).toThrowError('dangling \\');
    try {
      script('x "');
    } catch (err) {
      expect(VirshError.isInstance(err) && err.code).toBe('PARSE');
    }
  });

  it('reads back any words written in single quotes', () => {
    const quote = (w: string) => `'${w.replaceAll("'", `'\\''`)}'`;
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), (commands) => {
        const text = commands.map((words) => words.map(quote).join(' ')).join(' ; ');
        expect(script(text)).toEqual(commands);
      }),
    );
  });
});

describe('ArgvTokens', () => {
  it('takes each argv word literally, as one command', () => {
    expect(commandsOf(new ArgvTokens(['echo', 'a;b', '"q"', '#c']))).toEqual([['echo', 'a;b', '"q"', '#c']]);
  });
});
