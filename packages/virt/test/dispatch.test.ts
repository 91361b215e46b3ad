import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../src/dispatch.js';
import {
  type DomainRef,
  type DriverFactory,
  DriverNo,
  open,
  openReadOnly,
  registerDriver,
  registeredDrivers,
  setErrorHandler,
  unregisterDriver,
  VirtError,
} from '../src/index.js';
import { expectVirtError } from './helpers/expect-virt-error.js';
import { recordingDriver } from './helpers/recording-driver.js';

const ref: DomainRef = { id: 3, name: 'guest', uuid: new Uint8Array(16) };
const failure = (code: 'NO_SUPPORT' | 'OPERATION_FAILED', layer: 'XEN' | 'XEND') =>
  new VirtError({ code, domain: layer, info: `${layer} ${code}` });

describe('dispatch policies', () => {
  it('first success: skips failing drivers and lookups that found nothing', async () => {
    const log: string[] = [];
    const drivers = [
      recordingDriver(DriverNo.XEN_HYPERVISOR, 'Xen', log, { domainGetInfo: async () => Promise.reject(failure('OPERATION_FAILED', 'XEN')) }),
      recordingDriver(DriverNo.XEN_DAEMON, 'XenDaemon', log, {
        domainGetInfo: async () => ({ state: 1, maxMem: 2, memory: 1, nrVirtCpu: 1, cpuTime: 5n }),
        lookupByName: async () => undefined,
      }),
      recordingDriver(DriverNo.XEN_STORE, 'XenStore', log, { lookupByName: async () => ref }),
    ];
    expect((await dispatch(drivers, 'domainGetInfo', ref)).cpuTime).toBe(5n);
    expect(await dispatch(drivers, 'lookupByName', 'guest')).toBe(ref);
    expect(log).toEqual(['Xen.domainGetInfo', 'XenDaemon.domainGetInfo', 'XenDaemon.lookupByName', 'XenStore.lookupByName']);
  });

  it('every driver for shutdown: success if any succeeded, all of them asked', async () => {
    const log: string[] = [];
    const drivers = [
      recordingDriver(DriverNo.XEN_DAEMON, 'XenDaemon', log, { domainShutdown: async () => Promise.reject(failure('OPERATION_FAILED', 'XEND')) }),
      recordingDriver(DriverNo.XEN_STORE, 'XenStore', log, { domainShutdown: async () => undefined }),
    ];
    await dispatch(drivers, 'domainShutdown', ref);
    expect(log).toEqual(['XenDaemon.domainShutdown', 'XenStore.domainShutdown']);
  });

  it('hypervisor last for destroy, suspend and resume, stopping at the first success', async () => {
    const log: string[] = [];
    const drivers = [
      recordingDriver(DriverNo.XEN_HYPERVISOR, 'Xen', log, { domainDestroy: async () => undefined, domainResume: async () => undefined }),
      recordingDriver(DriverNo.XEN_DAEMON, 'XenDaemon', log, {
        domainDestroy: async () => Promise.reject(failure('OPERATION_FAILED', 'XEND')),
        domainResume: async () => undefined,
      }),
    ];
    await dispatch(drivers, 'domainDestroy', ref);
    await dispatch(drivers, 'domainResume', ref);
    expect(log).toEqual(['XenDaemon.domainDestroy', 'Xen.domainDestroy', 'XenDaemon.domainResume']);
  });

  it('throws the most telling error when all fail, NO_SUPPORT when none implements', async () => {
    const log: string[] = [];
    const drivers = [
      recordingDriver(DriverNo.XEN_HYPERVISOR, 'Xen', log, { domainSetMemory: async () => Promise.reject(failure('NO_SUPPORT', 'XEN')) }),
      recordingDriver(DriverNo.XEN_DAEMON, 'XenDaemon', log, { domainSetMemory: async () => Promise.reject(failure('OPERATION_FAILED', 'XEND')) }),
    ];
    await expectVirtError(dispatch(drivers, 'domainSetMemory', ref, 1024), 'OPERATION_FAILED', 'operation failed: XEND OPERATION_FAILED', 'XEND');
    await expectVirtError(
      dispatch(drivers, 'domainCreateXML', '<domain/>', 0),
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
    for (const no of Object.values(DriverNo)) unregisterDriver(no);
    for (const factory of saved) registerDriver(factory);
    setErrorHandler(null);
  });

  function factory(no: DriverNo, name: string, log: string[], outcome: 'open' | 'decline' | 'fail'): DriverFactory {
    return {
      no,
      name,
      version: 1,
      async open() {
        log.push(`${name}.open`);
        if (outcome === 'fail') throw failure('OPERATION_FAILED', 'XEND');
        return outcome === 'open' ? recordingDriver(no, name, log, { getVersion: async () => 7 }) : undefined;
      },
    };
  }

  it('aborts a read-write Xen open when a Xen driver fails, closing those already open', async () => {
    setErrorHandler(() => {});
    const log: string[] = [];
    registerDriver(factory(DriverNo.XEN_HYPERVISOR, 'Xen', log, 'open'));
    registerDriver(factory(DriverNo.XEN_PROXY, 'XenProxy', log, 'fail'));
    registerDriver(factory(DriverNo.XEN_DAEMON, 'XenDaemon', log, 'fail'));
    registerDriver(factory(DriverNo.XEN_STORE, 'XenStore', log, 'open'));
    await expectVirtError(open('xen:///'), 'OPERATION_FAILED', 'operation failed: XEND OPERATION_FAILED');
    expect(log).toEqual(['Xen.open', 'XenProxy.open', 'XenDaemon.open', 'Xen.close']);
  });

  it('keeps what opened on a read-only open, in priority order', async () => {
    const log: string[] = [];
    registerDriver(factory(DriverNo.XEN_STORE, 'XenStore', log, 'open'));
    registerDriver(factory(DriverNo.XEN_DAEMON, 'XenDaemon', log, 'fail'));
    registerDriver(factory(DriverNo.XEN_PROXY, 'XenProxy', log, 'open'));
    registerDriver(factory(DriverNo.XEN_HYPERVISOR, 'Xen', log, 'decline'));
    const conn = await openReadOnly();
    expect(conn.uri).toBe('xen:///');
    expect(conn.driverNames).toEqual(['XenProxy', 'XenStore']);
    expect(await conn.getType()).toBe('XenProxy');
    expect(await conn.getVersion()).toBe(7);
    await conn.close();
    expect(log.slice(-2)).toEqual(['XenProxy.close', 'XenStore.close']);
  });
});
