import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseSexpr, parseSexprs, SexprError } from '../src/index.js';

// Any text either parses or is refused with a SexprError: never another exception.
const sexprLikeText = fc.string({
  unit: fc.constantFrom('(', ')', "'", '"', '\\', ' ', '\n', 'a', '0', 'x', 'é', '\0'),
  maxLength: 60,
});

function parsesOrRefuses(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    expect(SexprError.isInstance(error), String(error)).toBe(true);
  }
}

it('gives a SexprError or a tree for any text', () => {
  fc.assert(
    fc.property(fc.oneof(sexprLikeText, fc.string({ unit: 'binary' })), fc.boolean(), (text, lenient) => {
      parsesOrRefuses(() => parseSexpr(text, { lenient }));
      parsesOrRefuses(() => parseSexprs(text));
    }),
    { numRuns: 500 },
  );
});
