import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readXenOptions } from '../../src/drivers/xen/read-xen-options.js';
import { xendConfigVersionOf } from '../../src/drivers/xend/xend-config-version.js';
import { xenHostAvailable } from '../../src/drivers/xen/xen-host-available.js';
import { isLocalXenName, xendTargetFor } from '../../src/drivers/xen/xen-names.js';
import { VirtError } from '../../src/errors/virt-error.js';
import { parseUri } from '../../src/uri.js';

const named = (name: string | undefined) => ({ name, uri: name === undefined ? undefined : parseUri(name) });

describe('connection names the Xen drivers accept', () => {
  it.each([
    [undefined, true],
    ['xen', true],
    ['Xen', true],
    ['xen:///', true],
    ['xen:///system', true],
    ['xen://remote/', false],
    ['xenbogus', false],
    ['test:///default', false],
    ['/var/lib/xend/xend-socket', false],
  ])('%s is the local Xen host: %s', (name, expected) => {
    expect(isLocalXenName(named(name))).toBe(expected);
  });

  it('sends xend to its usual places, a socket path or a TCP address', () => {
    expect(xendTargetFor(named('xen:///'))).toEqual({ kind: 'local' });
    expect(xendTargetFor(named('/tmp/xend.sock'))).toEqual({ kind: 'socket', path: '/tmp/xend.sock' });
    expect(xendTargetFor(named('http://xenhost:8000'))).toEqual({ kind: 'tcp', url: 'http://xenhost:8000' });
    expect(xendTargetFor(named('test:///default'))).toBeUndefined();
  });
});

describe('Xen open options', () => {
  it('keeps the Xen fields and ignores the others', () => {
    expect(readXenOptions({ readOnly: true, xendSocket: '/s', xendUrl: false, timeoutMs: 5, other: 1 })).toEqual({ xendSocket: '/s', xendUrl: false, timeoutMs: 5 });
  });

  it.each([
    [{ xendSocket: 42 }, 'xendSocket'],
    [{ xenstoredSocket: '' }, 'xenstoredSocket'],
    [{ proxyBinary: true }, 'proxyBinary'],
    [{ hypervisor: 'fake' }, 'hypervisor'],
    [{ useHypervisor: 'no' }, 'useHypervisor'],
    [{ timeoutMs: -1 }, 'timeoutMs'],
  ])('refuses %o with INVALID_ARG naming %s', (options, field) => {
    try {
      readXenOptions(options);
      expect.unreachable();
    } catch (error) {
      expect(VirtError.isInstance(error) && error.code).toBe('INVALID_ARG');
      expect((error as Error).message).toContain(`'${field}'`);
    }
  });
});

describe('xenHostAvailable', () => {
  let dir: string;
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('is true when xend or xenstored has a socket, false for nothing or a plain file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'libvirt-ts-xenhost-'));
    const paths = { xendSocket: join(dir, 'xend'), xenstoredSocket: join(dir, 'xenstored'), privcmdDevice: join(dir, 'privcmd') };
    expect(xenHostAvailable(paths, {})).toBe(false);
    writeFileSync(paths.xendSocket, '');
    writeFileSync(paths.privcmdDevice, '');
    expect(xenHostAvailable(paths, {})).toBe(false);
    const listening = createServer();
    server = listening;
    await new Promise<void>((resolve) => listening.listen(paths.xenstoredSocket, resolve));
    expect(xenHostAvailable(paths, {})).toBe(true);
    // $XENSTORED_PATH names xenstored's socket when no option does
    expect(xenHostAvailable({ xendSocket: paths.xendSocket, privcmdDevice: paths.privcmdDevice }, { XENSTORED_PATH: paths.xenstoredSocket })).toBe(true);
  });
});

describe('xend config format from the Xen version', () => {
  it.each([
    [2, 0, '.7', 1],
    [3, 0, '.2', 1],
    [3, 0, '.3', 2],
    [3, 0, '.4-1', 3],
    [3, 1, '.0', 4],
    [4, 17, '.2', 4],
  ])('Xen %i.%i%s writes format %i', (xenMajor, xenMinor, xenExtra, expected) => {
    expect(xendConfigVersionOf({ xenMajor, xenMinor, xenExtra })).toBe(expected);
  });
});
