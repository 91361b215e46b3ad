import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultUri } from './connect.js';
import { configuredDefaultUri, libvirtConfPath } from './libvirt-conf.js';

// Outputs compared by hand with Debian's virsh 9 run as an unprivileged user (root reads /etc).
const dir = mkdtempSync(join(tmpdir(), 'virsh-libvirt-conf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const conf = (text: string): string => {
  const path = join(dir, `libvirt-${Math.random().toString(36).slice(2)}.conf`);
  writeFileSync(path, text);
  return path;
};

describe('libvirt.conf uri_default', () => {
  it("is root's /etc file, anyone else's under XDG_CONFIG_HOME", () => {
    expect(libvirtConfPath({ XDG_CONFIG_HOME: '/x' }, 0)).toBe('/etc/libvirt/libvirt.conf');
    expect(libvirtConfPath({ XDG_CONFIG_HOME: '/x' }, 1000)).toBe('/x/libvirt/libvirt.conf');
    expect(libvirtConfPath({ HOME: '/home/u' }, 1000)).toBe('/home/u/.config/libvirt/libvirt.conf');
  });

  it('reads quoted strings past comments and multi-line lists; absent file or setting is undefined', () => {
    expect(configuredDefaultUri(conf('# c\nuri_default = "test:///default" # trailing\n'))).toBe('test:///default');
    expect(configuredDefaultUri(conf("x = [ 'a',\n 'b#' ]\nuri_default='test:///default'\n"))).toBe('test:///default');
    expect(configuredDefaultUri(conf('# nothing\n'))).toBeUndefined();
    expect(configuredDefaultUri(join(dir, 'missing.conf'))).toBeUndefined();
  });

  it("fails with libvirt 9's words on a value that is no string and a line that is no assignment", () => {
    const number = conf('uri_default = 5\n');
    expect(() => configuredDefaultUri(number)).toThrow(`internal error: ${number}: expected a string for 'uri_default' parameter`);
    const garbage = conf('garbage here\n');
    expect(() => configuredDefaultUri(garbage)).toThrow(`configuration file syntax error: ${garbage}:1: expecting an assignment`);
  });

  it('comes after LIBVIRT_DEFAULT_URI and before the Xen host', () => {
    expect(defaultUri({ LIBVIRT_DEFAULT_URI: 'test:///a' }, () => true, () => 'test:///b')).toBe('test:///a');
    expect(defaultUri({}, () => true, () => 'test:///b')).toBe('test:///b');
    expect(defaultUri({}, () => true, () => undefined)).toBe('xen:///');
  });
});
