import { describe, expect, it } from 'vitest';
import { ChildList } from '../src/server/child-list.js';

describe('ChildList', () => {
  it('keeps every version as it was when appends branch from an older one', () => {
    const base = ChildList.empty().with('a').with('b');
    const left = base.with('c'); // shares the backing array
    const right = base.with('d'); // must copy: the backing array already holds 'c'
    expect([[...base], [...left], [...right]]).toEqual([['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'd']]);
    expect([...left.with('e')]).toEqual(['a', 'b', 'c', 'e']);
    expect([...right]).toEqual(['a', 'b', 'd']);
  });

  it('removes by name and encodes NUL-terminated names', () => {
    const list = ChildList.empty().with('x').with('yz').with('w');
    expect([...list.without('yz')]).toEqual(['x', 'w']);
    expect(Buffer.from(list.encoded()).toString()).toBe('x\0yz\0w\0');
    expect(list.encoded()).toBe(list.encoded());
    expect(ChildList.empty().encoded()).toHaveLength(0);
  });
});
