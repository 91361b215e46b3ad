import { describe, expect, it } from 'vitest';
import { defaultUri } from './connect.js';
import { VirshError } from './errors.js';

describe('defaultUri', () => {
  it('takes LIBVIRT_DEFAULT_URI first', () => {
    expect(defaultUri({ LIBVIRT_DEFAULT_URI: 'test:///default' }, () => true)).toBe('test:///default');
  });

  it('chooses xen:/// where a Xen host is found', () => {
    expect(defaultUri({}, () => true)).toBe('xen:///');
  });

  it('otherwise fails, suggesting the test driver', () => {
    let error: unknown;
    try {
      defaultUri({ LIBVIRT_DEFAULT_URI: '' }, () => false);
    } catch (err) {
      error = err;
    }
    expect(VirshError.isInstance(error) && error.code).toBe('COMMAND_FAILED');
    expect((error as VirshError).lines.join('\n')).toContain('use -c test:///default');
  });
});
