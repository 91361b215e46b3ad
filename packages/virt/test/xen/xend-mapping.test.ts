import { parseSexpr } from '@libvirt-ts/sexpr';
import { decodeDomain, decodeNode } from '@libvirt-ts/xend-client';
import { describe, expect, it } from 'vitest';
import { DomainState } from '../../src/constants.js';
import { domainInfoOf, domainRefOf, domainStateOf, hypervisorVersionOf, nodeInfoOf } from '../../src/drivers/xend/xend-mapping.js';

const UUID = '596a5d21-71f4-8fb2-e068-e2386a5c413e';
const record = (fields: string) => decodeDomain(parseSexpr(`(domain (name pvtest) (uuid ${UUID}) ${fields})`));

describe("xend's state flags as virDomainState", () => {
  it.each([
    ['r-----', DomainState.RUNNING],
    ['-b----', DomainState.BLOCKED],
    ['--p---', DomainState.PAUSED],
    ['---s--', DomainState.SHUTDOWN],
    ['----c-', DomainState.CRASHED],
    ['-----d', DomainState.SHUTOFF],
    ['------', DomainState.NOSTATE],
  ])('%s is state %i', (flags, state) => {
    expect(domainStateOf(record(`(state ${flags})`))).toBe(state);
  });

  // libvirt tests the letters in the order c, s, d, p, b, r: the first found wins.
  it.each([
    ['rb-s-d', DomainState.SHUTDOWN],
    ['r-p-c-', DomainState.CRASHED],
    ['-bp--d', DomainState.SHUTOFF],
    ['rbp---', DomainState.PAUSED],
    ['rb----', DomainState.BLOCKED],
  ])('several flags %s give the most serious, %i', (flags, state) => {
    expect(domainStateOf(record(`(state ${flags})`))).toBe(state);
  });

  it('is SHUTOFF for a managed domain that is halted (no flags, status 0), else NOSTATE without flags', () => {
    expect(domainStateOf(record('(status 0)'))).toBe(DomainState.SHUTOFF);
    expect(domainStateOf(record('(status 2)'))).toBe(DomainState.NOSTATE);
    expect(domainStateOf(record(''))).toBe(DomainState.NOSTATE);
  });
});

describe("xend's domain record as virDomainInfo and a domain reference", () => {
  it('converts MiB to KiB and keeps cpu time in nanoseconds', () => {
    const info = domainInfoOf(record('(domid 6) (memory 420) (maxmem 512) (vcpus 2) (state -b----) (cpu_time 1.23)'));
    expect(info).toEqual({ state: DomainState.BLOCKED, memory: 420 * 1024, maxMem: 512 * 1024, nrVirtCpu: 2, cpuTime: 1_230_000_000n });
  });

  it('gives id -1 to a domain without domid, and the UUID as its 16 bytes', () => {
    expect(domainRefOf(record('(domid 6)'))).toEqual({ id: 6, name: 'pvtest', uuid: Uint8Array.from(Buffer.from(UUID.replaceAll('-', ''), 'hex')) });
    expect(domainRefOf(record('')).id).toBe(-1);
  });
});

describe("xend's node record as virNodeInfo and libvirt's version number", () => {
  const node = (fields: string) => decodeNode(parseSexpr(`(node ${fields})`));

  it('fills virNodeInfo as libvirt (memory in KiB, the model cut to 31 characters)', () => {
    const info = nodeInfoOf(
      node(`(machine ${'x'.repeat(40)}) (nr_cpus 2) (nr_nodes 1) (sockets_per_node 1) (cores_per_socket 2) (threads_per_core 1) (cpu_mhz 2000) (total_memory 1023)`),
    );
    expect(info).toEqual({ model: 'x'.repeat(31), memory: 1023 * 1024, cpus: 2, mhz: 2000, nodes: 1, sockets: 1, cores: 2, threads: 1 });
    expect(nodeInfoOf(node(''))).toEqual({ model: '', memory: 0, cpus: 0, mhz: 0, nodes: 0, sockets: 0, cores: 0, threads: 0 });
  });

  it.each([
    ['(xen_major 3) (xen_minor 0) (xen_extra .2)', 3_000_002],
    ['(xen_major 3) (xen_minor 1) (xen_extra .4-1)', 3_001_004],
    ['(xen_major 4) (xen_minor 17) (xen_extra .12)', 4_017_012],
    ['', 0],
  ])('%s is version %i', (fields, version) => {
    expect(hypervisorVersionOf(node(fields))).toBe(version);
  });
});
