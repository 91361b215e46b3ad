import { describe, expect, it } from 'vitest';
import {
  all,
  find,
  lookup,
  lookupFloat,
  lookupInt,
  lookupString,
  parseSexpr,
  SexprError,
  toArray,
} from '../src/index.js';

const domain = parseSexpr(`(domain
  (domid 6) (name 'pv test') (memory 420) (cpu_time 12.5) (empty)
  (uuid 4dea22b3-1d52-d8f3-2516-782e98ab3fa0)
  (image (linux (kernel /boot/vmlinuz) (args 'ro quiet')))
  (device (vbd (dev sda1) (uname file:/a.img)))
  (device (vif (mac 00:16:3e:00:00:01)))
  (device (vbd (dev sda2))))`);

function thrown(action: () => unknown): SexprError {
  try {
    action();
  } catch (error) {
    if (SexprError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a SexprError');
}

describe('lookup', () => {
  it('follows a path from the root head', () => {
    expect(toArray(lookup(domain, 'domain/image/linux/kernel')!)).toBe('/boot/vmlinuz');
    expect(toArray(lookup(domain, 'domain/image')!)).toEqual(['linux', ['kernel', '/boot/vmlinuz'], ['args', 'ro quiet']]);
    expect(toArray(lookup(domain, 'domain/device/vbd')!)).toEqual(['dev', 'sda1']);
  });

  it('is undefined for missing paths and keys without a value', () => {
    expect(lookup(domain, 'domain/maxmem')).toBeUndefined();
    expect(lookup(domain, 'node/memory')).toBeUndefined();
    expect(lookup(domain, 'domain/image/hvm/kernel')).toBeUndefined();
    expect(lookup(domain, 'domain/empty')).toBeUndefined();
  });

  it('rejects malformed paths', () => {
    expect(thrown(() => lookup(domain, '')).code).toBe('BAD_PATH');
    expect(thrown(() => lookup(domain, 'domain//name')).code).toBe('BAD_PATH');
  });
});

describe('find and all', () => {
  it('find gives the whole keyed list', () => {
    expect(toArray(find(domain, 'domain/memory')!)).toEqual(['memory', '420']);
    expect(find(domain, 'domain/nothing')).toBeUndefined();
  });

  it('all gives every repeated key in order', () => {
    expect(all(domain, 'device').map((device) => toArray(device.items[1]!)[0])).toEqual(['vbd', 'vif', 'vbd']);
    expect(all(domain, 'domain/device')).toHaveLength(3);
    expect(all(domain, 'domain/image/linux/kernel')).toHaveLength(1);
    expect(all(domain, 'domain/nothing/device')).toEqual([]);
  });

  it('all searches headless lists such as a list of domains', () => {
    const answer = parseSexpr('((domain (name a)) (domain (name b)) (node))');
    expect(all(answer, 'domain').map((entry) => lookupString(entry, 'domain/name'))).toEqual(['a', 'b']);
  });
});

describe('typed getters', () => {
  it('read strings, integers, floats and UUIDs', () => {
    expect(lookupString(domain, 'domain/name')).toBe('pv test');
    expect(lookupInt(domain, 'domain/memory')).toBe(420);
    expect(lookupFloat(domain, 'domain/cpu_time')).toBe(12.5);
  });

  it('read integer and float notations xend and libvirt use', () => {
    const node = parseSexpr('(n (a -3) (b 0x1F) (c +7) (d 1e3) (e -.5) (f inf) (g nan))');
    expect(lookupInt(node, 'n/a')).toBe(-3);
    expect(lookupInt(node, 'n/b')).toBe(31);
    expect(lookupInt(node, 'n/c')).toBe(7);
    expect(lookupFloat(node, 'n/d')).toBe(1000);
    expect(lookupFloat(node, 'n/e')).toBe(-0.5);
    expect(lookupFloat(node, 'n/f')).toBe(Number.POSITIVE_INFINITY);
    expect(lookupFloat(node, 'n/g')).toBeNaN();
  });

  it('are undefined for missing paths', () => {
    expect(lookupString(domain, 'domain/bootloader')).toBeUndefined();
    expect(lookupInt(domain, 'domain/maxmem')).toBeUndefined();
    expect(lookupFloat(domain, 'domain/x')).toBeUndefined();
  });

  it('throw WRONG_TYPE naming the path and the position', () => {
    const error = thrown(() => lookupInt(domain, 'domain/name'));
    expect(error.code).toBe('WRONG_TYPE');
    expect(error.path).toBe('domain/name');
    expect(error.position).toMatchObject({ line: 2, column: 19 });
    expect(error.message).toContain('expected an integer but found "pv test" (at path "domain/name")');
    expect(thrown(() => lookupString(domain, 'domain/image')).message).toContain('expected an atom but found a list');
    expect(thrown(() => lookupFloat(domain, 'domain/name')).code).toBe('WRONG_TYPE');
    expect(thrown(() => lookupInt(parseSexpr('(a (b 99999999999999999999))'), 'a/b')).code).toBe('WRONG_TYPE');
  });
});
