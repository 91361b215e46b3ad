import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainListAnswer } from '../bench/domain-list-answer.js';
import { type ParseOptions, parseSexprs, type SExpr, SexprError } from '../src/index.js';
import { type ReferenceNode, referenceParse } from './reference-parser.js';

// The package parses with a hand-written scanner (src/scan.ts); src/grammar.peggy is the
// grammar of record. Both must give the same trees (values and offsets) and the same errors
// (code, message, line:column, expected) on every text.

function fromScanner(node: SExpr): ReferenceNode {
  const { startOffset: start, endOffset: end } = node.span!;
  return node.type === 'atom' ? { value: node.value, start, end } : { items: node.items.map(fromScanner), start, end };
}

type Outcome = { trees: ReferenceNode[] } | { error: { code: string; message: string; position: unknown; expected: readonly string[] } };

function outcome(parse: () => ReferenceNode[]): Outcome {
  try {
    return { trees: parse() };
  } catch (error) {
    if (!SexprError.isInstance(error)) throw error;
    return { error: { code: error.code, message: error.message, position: error.position, expected: error.expected } };
  }
}

function expectAgreement(text: string, options: ParseOptions = {}): void {
  const scanned = outcome(() => parseSexprs(text, options).map(fromScanner));
  expect(scanned).toEqual(outcome(() => referenceParse(text, options)));
}

/** Every .sexpr fixture in the repository: libvirt's corpus as the packages' tests copied it. */
function repositoryFixtures(): [string, string][] {
  const packages = new URL('../../', import.meta.url);
  return readdirSync(packages, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.sexpr') && !path.includes('node_modules') && !path.includes('dist'))
    .sort()
    .map((path) => [path, readFileSync(new URL(path, packages), 'utf8')]);
}

describe('the scanner agrees with the grammar of record', () => {
  const fixtures = repositoryFixtures();

  it('finds the corpus', () => {
    expect(fixtures.length).toBeGreaterThan(100);
  });

  it.each(fixtures)('on %s, strict and lenient', (_path, text) => {
    expectAgreement(text);
    expectAgreement(text, { lenient: true });
  });

  it('on a 100-domain xend listing', () => {
    expectAgreement(domainListAnswer(100));
  });

  it.each([
    ['an unclosed list', '(domain\n  (name x'],
    ['a stray ")"', '(a b))\n(c'],
    ['a leading ")"', ')'],
    ['unterminated strings', "(name 'pv\n", '(a\n (name "pv\n', "'abc\\"],
    ['escapes', String.raw`('a\'b' "c\"d" 'e\\f' 'g\nh\ti\rj\a\b\f\v' '\x41\102\0\1234' '\q\(' "it's")`],
    ['bad \\x escapes', "(a 'b\\xZZ')", "'\\x4'", "'\\x"],
    ['deep nesting', '(((a)))'],
    ['quotes and backslashes inside bare atoms', String.raw`(it's a\b c"d)`],
    ['whitespace of every kind', '\t(a\v\fb\r\n( ) "")\n'],
    ['non-ASCII text', "(name 'café ☕' ünïcode \u{1F600})"],
  ])('on %s', (_name, ...texts) => {
    for (const text of texts) {
      for (const lenient of [false, true]) {
        for (const maxDepth of [2, 1000]) expectAgreement(text, { lenient, maxDepth });
      }
    }
  });

  it('on random text', () => {
    const sexprLikeText = fc.string({
      unit: fc.constantFrom('(', ')', "'", '"', '\\', ' ', '\n', '\t', 'a', '0', '7', 'x', 'n', 'é', '\0', '\uD83D', '\uDE00'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(fc.oneof(sexprLikeText, fc.string({ unit: 'binary' })), fc.boolean(), fc.integer({ min: 0, max: 4 }), (text, lenient, maxDepth) => {
        expectAgreement(text, { lenient, maxDepth });
      }),
      { numRuns: 2000 },
    );
  });
});
