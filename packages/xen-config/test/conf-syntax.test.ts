// The virConf syntax: what parses, what libvirt writes back, and the typed
// errors (with line:column) for what it refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConfValue, formatXenConf, parseXenConf, type XenConfFile, XenConfigError } from '../src/index.js';

const FC_SEED = Number(process.env['FC_SEED'] ?? 20060711);

describe('parseXenConf', () => {
  it('reads numbers, both quotes, triple quotes, lists across lines, comments and ; separators', () => {
    const conf = parseXenConf(
      [
        '# guest',
        'name = "a\'b" # trailing',
        "kernel='/boot/x\"y'",
        'memory = 512; vcpus = -2',
        'extra = """line one',
        'line two"""',
        'disk = [ "phy:/dev/a,xvda,w",',
        '         \'file:/b,xvdb,r\', ]',
        'empty = []',
        '',
      ].join('\n'),
    );
    expect(conf.entries).toEqual([
      { comment: ' guest' },
      { name: 'name', value: { type: 'string', value: "a'b" }, comment: ' trailing' },
      { name: 'kernel', value: { type: 'string', value: '/boot/x"y' } },
      { name: 'memory', value: { type: 'number', value: 512, signed: false } },
      { name: 'vcpus', value: { type: 'number', value: -2, signed: true } },
      { name: 'extra', value: { type: 'string', value: 'line one\nline two' } },
      {
        name: 'disk',
        value: {
          type: 'list',
          items: [
            { type: 'string', value: 'phy:/dev/a,xvda,w' },
            { type: 'string', value: 'file:/b,xvdb,r' },
          ],
        },
      },
      { name: 'empty', value: { type: 'list', items: [] } },
    ]);
  });

  it.each([
    ['name = "unterminated\n', 'unterminated string', 1, 21],
    ['a = 1\nb = \n', 'expecting a value', 2, 5],
    ['a = 1\n  = 2\n', 'expecting a name', 2, 3],
    ['a 1\n', 'expecting an assignment', 1, 3],
    ['a = 1 2\n', 'expecting a separator', 1, 7],
    ['a = [ "x" "y" ]\n', 'expecting a separator in list', 1, 11],
    ['a = [ "x",\n "y"\n', 'list is not closed with ]', 3, 1],
    ['a = -x\n', 'unterminated number', 1, 6],
    ['a = """never closed\n\n', 'unterminated string', 3, 1],
    ['a = 99999999999999999999\n', 'number too large', 1, 25],
  ])('refuses %j with CONF_SYNTAX "%s" at %i:%i', (text, reason, line, column) => {
    const error = captureError(() => parseXenConf(text));
    expect(XenConfigError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'CONF_SYNTAX', reason, line, column });
    expect((error as Error).message).toBe(`${reason} (line ${line}:${column})`);
  });

  it('refuses lists nested beyond the depth limit instead of overflowing the stack', () => {
    const error = captureError(() => parseXenConf(`a = ${'['.repeat(100_000)}`));
    expect(error).toMatchObject({ code: 'CONF_SYNTAX', reason: 'lists nested deeper than 64' });
  });
});

describe('formatXenConf', () => {
  it('quotes as libvirt: double quotes, single when the text has a double quote, triple for both or newlines', () => {
    const conf: XenConfFile = {
      entries: [
        { name: 'a', value: { type: 'string', value: 'plain' } },
        { name: 'b', value: { type: 'string', value: 'say "hi"' } },
        { name: 'c', value: { type: 'string', value: 'both \' and "' } },
        { name: 'd', value: { type: 'string', value: 'two\nlines' } },
        { name: 'e', value: { type: 'list', items: [] } },
        { name: 'f', value: { type: 'number', value: -5, signed: true }, comment: 'note' },
        { comment: ' alone' },
      ],
    };
    expect(formatXenConf(conf)).toBe('a = "plain"\nb = \'say "hi"\'\nc = """both \' and """"\nd = """two\nlines"""\ne = [  ]\nf = -5 #note\n# alone\n');
  });

  it('parse(format(conf)) gives conf back for any config', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/);
    // Strings virConf can carry: no triple quote, and no quote or newline at the end of a triple-quoted one.
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '=', ':', '/', '#', "'", '"', '\n', '[', 'é'), maxLength: 20 }).filter((value) => !value.includes('"""') && !/["\n]$/.test(value) && !/^"/.test(value));
    const leaf: fc.Arbitrary<ConfValue> = fc.oneof(
      text.map((value): ConfValue => ({ type: 'string', value })),
      fc.integer({ min: -1e9, max: 1e9 }).map((value): ConfValue => ({ type: 'number', value, signed: value < 0 || Object.is(value, -0) })),
    );
    const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }).map((items): ConfValue => ({ type: 'list', items })));
    const entry = fc.oneof(
      fc.record({ name, value }),
      fc.string({ unit: fc.constantFrom('a', ' ', '#', '"'), maxLength: 10 }).map((comment) => ({ comment })),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const conf: XenConfFile = { entries: entries.map((item) => ('name' in item ? { name: item.name, value: normalise(item.value) } : item)) };
        expect(parseXenConf(formatXenConf(conf))).toEqual(conf);
      }),
      { seed: FC_SEED },
    );
  });
});

// virConf writes 0 unsigned and negative numbers signed; -0 prints as 0.
function normalise(value: ConfValue): ConfValue {
  if (value.type === 'number') return { type: 'number', value: value.value === 0 ? 0 : value.value, signed: value.value < 0 };
  if (value.type === 'list') return { type: 'list', items: value.items.map(normalise) };
  return value;
}

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
