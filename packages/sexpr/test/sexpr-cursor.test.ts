import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atom,
  find,
  fromArray,
  list,
  lookup,
  lookupFloat,
  lookupInt,
  lookupString,
  parseSexpr,
  printSexpr,
  type SExpr,
  SexprCursor,
  SexprError,
  toArray,
} from '../src/index.js';

const { NONE } = SexprCursor;

const domain = parseSexpr(`(domain
  (domid 6) (name 'pv test') (memory 420) (cpu_time 12.5) (empty) ()
  (image (linux (kernel /boot/vmlinuz) (args 'ro\\tquiet')))
  (device (vbd (dev sda1))) (device (vif (mac 00:16:3e:00:00:01))))`);

/** What a read gives, or the error it throws (code and message), to compare two ways of reading. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    if (!SexprError.isInstance(error)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('SexprCursor', () => {
  it('walks a list by node number', () => {
    const cursor = SexprCursor.of(domain);
    const heads: string[] = [];
    for (let item = cursor.nextSibling(cursor.firstChild(cursor.root)); item !== NONE; item = cursor.nextSibling(item)) {
      const head = cursor.firstChild(item);
      heads.push(head === NONE ? '()' : cursor.value(head));
    }
    expect(heads).toEqual(['domid', 'name', 'memory', 'cpu_time', 'empty', '()', 'image', 'device', 'device']);
    expect(cursor.firstChild(cursor.firstChild(cursor.root))).toBe(NONE); // an atom has no items
  });

  it('reads paths and typed values as the lookup functions do', () => {
    const cursor = SexprCursor.of(domain);
    const { root } = cursor;
    expect(cursor.lookupString(root, 'domain/name')).toBe('pv test');
    expect(cursor.lookupString(root, 'domain/image/linux/args')).toBe('ro\tquiet');
    expect(cursor.lookupInt(root, 'domain/memory')).toBe(420);
    expect(cursor.lookupFloat(root, 'domain/cpu_time')).toBe(12.5);
    expect(cursor.lookupString(root, 'domain/empty')).toBeUndefined();
    expect(cursor.lookup(root, 'node/memory')).toBe(NONE);
    expect(toArray(cursor.node(cursor.find(root, 'domain/device')))).toEqual(['device', ['vbd', ['dev', 'sda1']]]);
    expect(cursor.isHeaded(cursor.child(root, 'image'), 'image')).toBe(true);
    expect(cursor.atomIs(cursor.lookup(root, 'domain/domid'), '6')).toBe(true);
  });

  it('fails as the lookup functions do, with the path and line:column', () => {
    const cursor = SexprCursor.of(domain);
    for (const [read, path] of [
      [lookupInt, 'domain/name'],
      [lookupString, 'domain/image'],
      [lookupFloat, 'domain/name'],
    ] as const) {
      const viaCursor = outcome(() => cursor[read.name as 'lookupInt'](cursor.root, path));
      expect(viaCursor).toEqual(outcome(() => read(domain, path)));
      expect(viaCursor).toMatchObject({ code: 'WRONG_TYPE', message: expect.stringMatching(/^\d+:\d+: /) });
    }
    expect(outcome(() => cursor.lookup(cursor.root, 'domain//name'))).toMatchObject({ code: 'BAD_PATH' });
  });

  it('reads trees built by hand too', () => {
    const built = fromArray(['vm', ['name', 'a b'], ['memory', 256]]);
    const cursor = SexprCursor.of(built);
    expect(cursor.lookupInt(cursor.root, 'vm/memory')).toBe(256);
    expect(cursor.lookupString(cursor.root, 'vm/name')).toBe('a b');
  });

  // Trees whose lists are mostly headed by a, b or c, so that random paths over a, b, c find things.
  const key = fc.constantFrom('a', 'b', 'c');
  const { tree } = fc.letrec<{ tree: SExpr }>((build) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(key, fc.constantFrom('1', "it's", '0x1f', '')).map((value) => atom(value)),
      fc.tuple(key, fc.array(build('tree'), { maxLength: 5 })).map(([head, items]) => list(atom(head), ...items)),
      fc.array(build('tree'), { maxLength: 3 }).map((items) => list(...items)),
    ),
  }));

  it('agrees with lookup, find and the typed getters on any tree and path', () => {
    fc.assert(
      fc.property(tree, fc.array(key, { minLength: 1, maxLength: 4 }), fc.boolean(), (node, segments, parsed) => {
        const tree = parsed ? parseSexpr(printSexpr(node)) : node;
        const cursor = SexprCursor.of(tree);
        const path = segments.join('/');
        const show = (found: number) => (found === NONE ? undefined : toArray(cursor.node(found)));
        expect(show(cursor.lookup(cursor.root, path))).toEqual(lookup(tree, path) && toArray(lookup(tree, path)!));
        expect(show(cursor.find(cursor.root, path))).toEqual(find(tree, path) && toArray(find(tree, path)!));
        // A built tree's cursor reads it printed, so its errors also say where in that text.
        const same = (viaCursor: unknown, viaTree: unknown) =>
          parsed ? expect(viaCursor).toEqual(viaTree) : expect(viaCursor).toMatchObject({ code: (viaTree as { code?: string }).code });
        const stringRead = outcome(() => lookupString(tree, path));
        const intRead = outcome(() => lookupInt(tree, path));
        if (typeof stringRead === 'object') same(outcome(() => cursor.lookupString(cursor.root, path)), stringRead);
        else expect(cursor.lookupString(cursor.root, path)).toBe(stringRead);
        if (typeof intRead === 'object') same(outcome(() => cursor.lookupInt(cursor.root, path)), intRead);
        else expect(cursor.lookupInt(cursor.root, path)).toBe(intRead);
      }),
      { numRuns: 1000 },
    );
  });
});
