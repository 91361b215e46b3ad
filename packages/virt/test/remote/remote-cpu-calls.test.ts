// The CPU, scheduler, IOThread, device and native-config calls of the remote driver against a real
// libvirtd 9: every step runs on our test:///default and on libvirt's behind libvirtd, and the two
// answers (value, or error code and message) must be the same; the client-side RPC limits of
// libvirt's remote driver are checked on their own.
import { type Libvirtd, libvirtdMissing, startLibvirtd } from '@libvirt-ts/remote/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connection, type Domain, DomainModificationImpact, open, type TypedParameter, TypedParameterType, VirtError } from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';

const missing = libvirtdMissing();
const { AFFECT_LIVE, AFFECT_CONFIG } = DomainModificationImpact;

/** One step's answer: its value, or the error's code and message. */
type Outcome = { value: unknown } | { error: { code: string; message: string } };

async function outcome(step: Promise<unknown>): Promise<Outcome> {
  try {
    return { value: await step };
  } catch (error) {
    if (!VirtError.isInstance(error)) throw error;
    return { error: { code: error.code, message: error.message } };
  }
}

/** A step on one side: a Connection and its domain "test". */
type Step = (conn: Connection, dom: Domain) => Promise<unknown>;

describe.skipIf(missing)(`the remote driver's CPU and IOThread calls equal test:///default's${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let daemon: Libvirtd;
  let local: { conn: Connection; dom: Domain };
  let remote: { conn: Connection; dom: Domain };
  beforeAll(async () => {
    daemon = await startLibvirtd();
    const [localConn, remoteConn] = await Promise.all([open('test:///default'), open(daemon.unixUri)]);
    local = { conn: localConn, dom: await localConn.lookupByName('test') };
    remote = { conn: remoteConn, dom: await remoteConn.lookupByName('test') };
  });
  afterAll(async () => {
    await Promise.all([local?.conn.close(), remote?.conn.close()]);
    await daemon?.stop();
  });

  /** Runs `steps` in order on both sides; each answer through libvirtd must be ours. */
  async function expectSame(steps: Record<string, Step>): Promise<void> {
    for (const [name, step] of Object.entries(steps)) {
      const ours = await outcome(step(local.conn, local.dom));
      const theirs = await outcome(step(remote.conn, remote.dom));
      expect(theirs, name).toEqual(ours);
    }
  }

  it('node CPU map, vcpu counts, vcpu info and pinning', async () => {
    await expectSame({
      nodeCPUMap: (conn) => conn.nodeGetCPUMap(),
      nodeCPUMapFlags: (conn) => conn.nodeGetCPUMap(1),
      vcpusFlags: (_, dom) => dom.vcpusFlags(AFFECT_CONFIG),
      maxVcpus: (_, dom) => dom.maxVcpus(),
      // The CPU time is libvirt's clock-based fake: only the rest compares.
      vcpus: async (_, dom) => {
        const { info, cpumaps } = await dom.vcpus(8, 3);
        return { info: info.map(({ number, state, cpu }) => ({ number, state, cpu })), cpumaps };
      },
      vcpusFewer: async (_, dom) => (await dom.vcpus(1, 1)).cpumaps,
      pinVcpu: (_, dom) => dom.pinVcpu(1, Uint8Array.of(0b1010, 0b1)),
      pinVcpuEmpty: (_, dom) => dom.pinVcpu(0, Uint8Array.of(0)),
      pinVcpuAbsent: (_, dom) => dom.pinVcpu(7, Uint8Array.of(1)),
      pinVcpuFlagsConfig: (_, dom) => dom.pinVcpuFlags(0, Uint8Array.of(1), AFFECT_CONFIG),
      pinInfo: (_, dom) => dom.vcpuPinInfo(4, 2),
      vcpusAfterPins: async (_, dom) => {
        const { info, cpumaps } = await dom.vcpus(2, 2);
        return { cpus: info.map(({ cpu }) => cpu), cpumaps };
      },
      pinInfoConfig: (_, dom) => dom.vcpuPinInfo(1, 1, AFFECT_CONFIG),
      pinEmulator: (_, dom) => dom.pinEmulator(Uint8Array.of(0b110), AFFECT_CONFIG),
      emulatorPinInfo: (_, dom) => Promise.all([dom.emulatorPinInfo(2, AFFECT_CONFIG), dom.emulatorPinInfo(1, AFFECT_LIVE)]),
      liveXML: (_, dom) => dom.XMLDesc(),
      inactiveXML: (_, dom) => dom.XMLDesc(2),
    });
  });

  it('CPU statistics: counts, per-CPU strides (an unused CPU empty), totals and errors', async () => {
    await expectSame({
      allCpus: (_, dom) => dom.CPUStats(0),
      secondCpu: (_, dom) => dom.CPUStats(1, 1),
      pastTheLast: (_, dom) => dom.CPUStats(1, 3),
      totals: (_, dom) => dom.CPUStats(-1),
      startTooFar: (_, dom) => dom.CPUStats(5),
      badFlags: (_, dom) => dom.CPUStats(-1, 1, 4),
    });
  });

  it('scheduler type and parameters, with and without flags; control info', async () => {
    const weight = (value: number, type: typeof TypedParameterType.UINT | typeof TypedParameterType.INT = TypedParameterType.UINT): TypedParameter[] => [
      { field: 'weight', type, value },
    ];
    await expectSame({
      type: (_, dom) => dom.schedulerType(),
      params: (_, dom) => dom.schedulerParameters(),
      paramsFlags: (_, dom) => dom.schedulerParametersFlags(0),
      paramsConfig: (_, dom) => dom.schedulerParametersFlags(AFFECT_CONFIG),
      set: (_, dom) => dom.setSchedulerParameters(weight(7)),
      setFlags: (_, dom) => dom.setSchedulerParametersFlags(weight(9), AFFECT_LIVE),
      setWrongType: (_, dom) => dom.setSchedulerParameters(weight(7, TypedParameterType.INT)),
      setUnknown: (_, dom) => dom.setSchedulerParameters([{ field: 'cap', type: TypedParameterType.UINT, value: 1 }]),
      control: (_, dom) => dom.controlInfo(),
      controlFlags: (_, dom) => dom.controlInfo(1),
    });
  });

  it('IOThreads: add, pin, info, parameters, delete, and their errors', async () => {
    await expectSame({
      add: (_, dom) => dom.addIOThread(4),
      addConfig: (_, dom) => dom.addIOThread(6, AFFECT_CONFIG),
      addAgain: (_, dom) => dom.addIOThread(4),
      addZero: (_, dom) => dom.addIOThread(0),
      pin: (_, dom) => dom.pinIOThread(4, Uint8Array.of(0b100)),
      pinUnknown: (_, dom) => dom.pinIOThread(5, Uint8Array.of(1)),
      info: (_, dom) => dom.IOThreadInfo(),
      infoConfig: (_, dom) => dom.IOThreadInfo(AFFECT_CONFIG),
      params: (_, dom) => dom.setIOThreadParams(4, [{ field: 'poll_max_ns', type: TypedParameterType.ULLONG, value: 10n }]),
      paramsUnknown: (_, dom) => dom.setIOThreadParams(4, [{ field: 'nope', type: TypedParameterType.ULLONG, value: 10n }]),
      del: (_, dom) => dom.delIOThread(4),
      delUnknown: (_, dom) => dom.delIOThread(9),
      xml: (_, dom) => Promise.all([dom.XMLDesc(), dom.XMLDesc(2)]),
    });
  });

  it('device attach/detach and native configs answer as the test driver does', async () => {
    const disk = "<disk type='file' device='disk'><source file='/tmp/x.img'/><target dev='vdb'/></disk>";
    await expectSame({
      attach: (_, dom) => dom.attachDevice(disk),
      attachFlags: (_, dom) => dom.attachDeviceFlags(disk, AFFECT_CONFIG),
      detach: (_, dom) => dom.detachDevice(disk),
      detachFlags: (_, dom) => dom.detachDeviceFlags(disk, AFFECT_CONFIG),
      toNative: (conn) => conn.domainXMLToNative('xen-xl', '<domain/>'),
      fromNative: (conn) => conn.domainXMLFromNative('xen-xl', 'name = "x"'),
    });
  });

  it("refuses, before sending, what libvirt's client refuses: the RPC limits on maps and CPU counts", async () => {
    const { dom } = remote;
    await expectVirtError(dom.vcpus(16385, 1), 'RPC', 'vCPU count exceeds maximum: 16385 > 16384', 'REMOTE');
    await expectVirtError(dom.vcpuPinInfo(16384, 513), 'RPC', 'vCPU map buffer length exceeds maximum: 8404992 > 8388608', 'REMOTE');
    await expectVirtError(dom.emulatorPinInfo(8388609), 'RPC', 'vCPU map buffer length exceeds maximum: 8388609 > 8388608', 'REMOTE');
    await expectVirtError(dom.CPUStats(0, 129), 'RPC', 'ncpus count exceeds maximum: 129 > 128', 'REMOTE');
  });
});
