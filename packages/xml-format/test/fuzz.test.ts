// Mutated corpus documents: the parser either returns a config or throws
// XmlFormatError, never anything else; what it returns, the writer writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FC_SEED } from './fc-seed.js';
import { formatDomainXml, parseDomainXml, XmlFormatError } from '../src/index.js';
import { allDomainFixtures } from './fixtures.js';

const corpus = allDomainFixtures().map((fixture) => fixture.text);

// Edits that keep most of the document but break it in the places parsers get wrong.
const fragment = fc.oneof(
  fc.constantFrom('<', '>', '&', '&amp;', '&#0;', '&#xD800;', '&bogus;', "'", '"', '/>', '</', '<!--', ']]>', '<![CDATA[', '<?pi?>'),
  fc.constantFrom('<!DOCTYPE domain [<!ENTITY x "y">]>', '<domain>', '</domain>', '<disk>', '<target/>', " dev=''", ' unit="GiB"', '-1', '0x', '99999999999999999999'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 10 }), text: fragment }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), to: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, edit: Mutation): string {
  const at = edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + edit.text + text.slice(at + edit.length);
    case 'duplicate': {
      const to = edit.to % (text.length + 1);
      return text.slice(0, to) + text.slice(at, at + edit.length) + text.slice(to);
    }
  }
}

describe('fuzzed corpus documents', () => {
  it('only ever throw XmlFormatError, in lenient and strict mode', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (index, edits, strict) => {
        const xml = edits.reduce(mutate, corpus[index]!);
        let config: ReturnType<typeof parseDomainXml>;
        try {
          config = parseDomainXml(xml, { strict });
        } catch (error) {
          if (!XmlFormatError.isInstance(error)) throw error;
          expect(error.message.length).toBeGreaterThan(0);
          return;
        }
        // What parses is writable, and its canonical form is stable.
        const canonical = formatDomainXml(config);
        expect(parseDomainXml(canonical)).toEqual(config);
      }),
      { numRuns: 2000, seed: FC_SEED },
    );
  });
});
