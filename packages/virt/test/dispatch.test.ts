import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../src/dispatch.js';
import { open, openReadOnly, setErrorFunc } from '../src/index.js';
import {
  type DomainRef,
  type DriverFactory,
  registerDriver,
  registeredDrivers,
  unregisterDriver,
  VirtError,
} from '../src/driver-author.js';
import { engineOf } from '../src/connection.js';
import { expectVirtError } from './helpers/expect-virt-error.js';
import { recordingDriver } from './helpers/recording-driver.js';
import type { Driver, OpenedDriver } from '../src/driver.js';
import { BUILTIN_DRIVER_PRIORITY } from '../src/driver-author.js';

type BuiltinName = keyof typeof BUILTIN_DRIVER_PRIORITY;
/** The rules each built-in Xen driver declares: the hypervisor is direct; all but the proxy abort a read-write Xen open. */
const declared = (name: BuiltinName) => ({
  name,
  priority: BUILTIN_DRIVER_PRIORITY[name],
  version: 1,
  direct: name === 'Xen',
  failureAbortsOpen: (request: { readOnly: boolean }) => name !== 'XenProxy' && !request.readOnly,
});
/** `driver` as a connection holds it, opened by a factory declaring the built-in driver's rules. */
const opened = (driver: Driver): OpenedDriver => ({ driver, factory: { ...declared(driver.name as BuiltinName), open: async () => driver } });

const ref: DomainRef = { id: 3, name: 'guest', uuid: new Uint8Array(16) };
const failure = (code: 'NO_SUPPORT' | 'OPERATION_FAILED', layer: 'XEN' | 'XEND') =>
  new VirtError({ code, domain: layer, info: `${layer} ${code}` });

describe('dispatch policies', () => {
  it('first success: skips failing drivers and lookups that found nothing', async () => {
    const log: string[] = [];
    const drivers = [
      recordingDriver('Xen', log, { domainGetInfo: async () => Promise.reject(failure('OPERATION_FAILED', 'XEN')) }),
      recordingDriver('XenDaemon', log, {
        domainGetInfo: async () => ({ state: 1, maxMem: 2, memory: 1, nrVirtCpu: 1, cpuTime: 5n }),
        lookupByName: async () => undefined,
      }),
      recordingDriver('XenStore', log, { lookupByName: async () => ref }),
    ].map(opened);
    expect((await dispatch(drivers, 'domainGetInfo', ref)).cpuTime).toBe(5n);
    expect(await dispatch(drivers, 'lookupByName', 'guest')).toBe(ref);
    expect(log).toEqual(['Xen.domainGetInfo', 'XenDaemon.domainGetInfo', 'XenDaemon.lookupByName', 'XenStore.lookupByName']);
  });

  it('every driver for shutdown: success if any succeeded, all of them asked', async () => {
    const log: string[] = [];
    const drivers = [
      recordingDriver('XenDaemon', log, { domainShutdown: async () => Promise.reject(failure('OPERATION_FAILED', 'XEND')) }),
      recordingDriver('XenStore', log, { domainShutdown: async () => undefined }),
    ].map(opened);
    await dispatch(drivers, 'domainShutdown', ref);
    expect(log).toEqual(['XenDaemon.domainShutdown', 'XenStore.domainShutdown']);
  });

  it('hypervisor last for destroy, suspend and resume, stopping at the first success', async () => {
    const log: string[] = [];
    const drivers = [
      recordingDriver('Xen', log, { domainDestroy: async () => undefined, domainResume: async () => undefined }),
      recordingDriver('XenDaemon', log, {
        domainDestroy: async () => Promise.reject(failure('OPERATION_FAILED', 'XEND')),
        domainResume: async () => undefined,
      }),
    ].map(opened);
    await dispatch(drivers, 'domainDestroy', ref);
    await dispatch(drivers, 'domainResume', ref);
    expect(log).toEqual(['XenDaemon.domainDestroy', 'Xen.domainDestroy', 'XenDaemon.domainResume']);
  });

  it('throws the most telling error when all fail, NO_SUPPORT when none implements', async () => {
    const log: string[] = [];
    const drivers = [
      recordingDriver('Xen', log, { domainSetMemory: async () => Promise.reject(failure('NO_SUPPORT', 'XEN')) }),
      recordingDriver('XenDaemon', log, { domainSetMemory: async () => Promise.reject(failure('OPERATION_FAILED', 'XEND')) }),
    ].map(opened);
    await expectVirtError(Promise.resolve(dispatch(drivers, 'domainSetMemory', ref, 1024)), 'OPERATION_FAILED', 'operation failed: XEND OPERATION_FAILED', 'XEND');
    await expectVirtError(
      Promise.resolve(dispatch(drivers, 'domainCreateXML', '<domain/>', 0)),
      'NO_SUPPORT',
      'this function is not supported by the connection driver: virDomainCreateXML',
    );
  });
});

describe('open() over registered drivers', () => {
  let saved: DriverFactory[] = [];
  beforeAll(async () => {
    await (await open('test:///default')).close(); // registers the built-in drivers
    saved = registeredDrivers();
  });
  afterEach(() => {
    for (const factory of registeredDrivers()) unregisterDriver(factory.name);
    for (const factory of saved) registerDriver(factory);
    setErrorFunc(null);
  });

  function factory(name: BuiltinName, log: string[], outcome: 'open' | 'decline' | 'fail'): DriverFactory {
    return {
      ...declared(name),
      async open() {
        log.push(`${name}.open`);
        if (outcome === 'fail') throw failure('OPERATION_FAILED', 'XEND');
        return outcome === 'open' ? recordingDriver(name, log, { getVersion: async () => 7 }) : undefined;
      },
    };
  }

  it('aborts a read-write Xen open when a Xen driver fails, closing those already open', async () => {
    setErrorFunc(() => {});
    const log: string[] = [];
    registerDriver(factory('Xen', log, 'open'));
    registerDriver(factory('XenProxy', log, 'fail'));
    registerDriver(factory('XenDaemon', log, 'fail'));
    registerDriver(factory('XenStore', log, 'open'));
    await expectVirtError(open('xen:///'), 'OPERATION_FAILED', 'operation failed: XEND OPERATION_FAILED');
    expect(log).toEqual(['Xen.open', 'XenProxy.open', 'XenDaemon.open', 'Xen.close']);
  });

  it('keeps what opened on a read-only open, in priority order', async () => {
    const log: string[] = [];
    registerDriver(factory('XenStore', log, 'open'));
    registerDriver(factory('XenDaemon', log, 'fail'));
    registerDriver(factory('XenProxy', log, 'open'));
    registerDriver(factory('Xen', log, 'decline'));
    const conn = await openReadOnly();
    expect(await conn.getURI()).toBe('xen:///');
    expect(engineOf(conn).driverNames).toEqual(['XenProxy', 'XenStore']);
    expect(await conn.getType()).toBe('XenProxy');
    expect(await conn.getVersion()).toBe(7);
    await conn.close();
    expect(log.slice(-2)).toEqual(['XenProxy.close', 'XenStore.close']);
  });
});

describe('the registry is open to new drivers', () => {
  let saved: DriverFactory[] = [];
  beforeAll(() => {
    saved = registeredDrivers();
  });
  afterEach(() => {
    for (const factory of registeredDrivers()) unregisterDriver(factory.name);
    for (const factory of saved) registerDriver(factory);
  });

  /** A driver for new:///, with the given rules, that destroys and reports its name. */
  function newDriver(name: string, priority: number, log: string[], direct = false): DriverFactory {
    return {
      name,
      priority,
      version: 1,
      direct,
      async open(request) {
        if (request.uri?.scheme !== 'new') return undefined;
        return recordingDriver(name, log, { domainDestroy: async () => undefined, lookupByName: async () => ref });
      },
    };
  }

  it('orders drivers by their priority, whatever their names or registration order', async () => {
    const log: string[] = [];
    registerDriver(newDriver('Late', 900, log));
    registerDriver(newDriver('Early', 50, log));
    registerDriver(newDriver('Middle', 450, log));
    const names = registeredDrivers().map((f) => f.name);
    expect(names.indexOf('Early')).toBeLessThan(names.indexOf('Xen'));
    expect(names.indexOf('Middle')).toBeGreaterThan(names.indexOf('XenStore'));
    expect(names.indexOf('Middle')).toBeLessThan(names.indexOf('Test'));
    expect(names.at(-1)).toBe('Late');
    const conn = await open('new:///');
    expect(engineOf(conn).driverNames).toEqual(['Early', 'Middle', 'Late']);
    await conn.close();
  });

  it('asks a driver declared direct after the others for destroy, by its declaration and not its name', async () => {
    const log: string[] = [];
    registerDriver(newDriver('Bare', 10, log, true));
    registerDriver(newDriver('Books', 20, log));
    const conn = await open('new:///');
    const dom = await conn.lookupByName('guest');
    await dom.destroy();
    expect(log.filter((entry) => entry.endsWith('domainDestroy'))).toEqual(['Books.domainDestroy']);
    await dom.free();
    await conn.close();
  });

  it('refuses a priority that is not a number', () => {
    expect(() => registerDriver({ ...newDriver('Odd', Number.NaN, []) })).toThrow(/priority must be a finite number/);
  });
});
