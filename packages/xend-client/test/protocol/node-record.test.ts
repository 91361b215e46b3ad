import { parseSexpr } from '@libvirt-ts/sexpr';
import { describe, expect, it } from 'vitest';
import { XendError } from '../../src/errors/xend-error.js';
import { decodeNode } from '../../src/protocol/node-record.js';

// The node record of spec §6, as xend 3.0.2 answers GET /xend/node/.
const NODE = `(node (host fc5) (release 2.6.16-1.2133_FC5xen0) (version '#1 SMP Tue Jun 6 01:47:33 EDT 2006')
 (machine i686) (nr_cpus 2) (nr_nodes 1) (sockets_per_node 1) (cores_per_socket 2) (threads_per_core 1)
 (cpu_mhz 2000) (hw_caps bfebfbff:00000000:00000000:00000180:0000e59d:00000000:00000001)
 (total_memory 1023) (free_memory 12) (xen_major 3) (xen_minor 0) (xen_extra .2) (xen_caps 'xen-3.0-x86_32')
 (platform_params virt_start=0xfc000000) (xen_changeset 'Mon Jun 05 17:58:18 2006 +0100 9762:a1d5b7a8ad54')
 (cc_compiler 'gcc version 4.1.1') (cc_compile_by brewbuilder) (cc_compile_domain build.redhat.com)
 (cc_compile_date 'Tue Jun  6 01:30:13 EDT 2006'))`;

describe('decodeNode', () => {
  it('reads the fields of xend in its units (memory in MiB)', () => {
    expect(decodeNode(parseSexpr(NODE))).toEqual({
      host: 'fc5',
      release: '2.6.16-1.2133_FC5xen0',
      machine: 'i686',
      nrCpus: 2,
      nrNodes: 1,
      socketsPerNode: 1,
      coresPerSocket: 2,
      threadsPerCore: 1,
      cpuMhz: 2000,
      totalMemory: 1023,
      freeMemory: 12,
      xenMajor: 3,
      xenMinor: 0,
      xenExtra: '.2',
      xenCaps: 'xen-3.0-x86_32',
    });
  });

  it('reads missing fields as 0 or empty and keeps the machine whole', () => {
    const node = decodeNode(parseSexpr(`(node (machine ${'x'.repeat(40)}))`));
    expect(node).toMatchObject({ machine: 'x'.repeat(40), totalMemory: 0, nrCpus: 0, cpuMhz: 0, xenMajor: 0, xenExtra: '', host: '' });
  });

  it('is a PARSE_ERROR for another record or a bad number', () => {
    expect(() => decodeNode(parseSexpr('(domain (name x))'))).toThrow(/expected a \(node \.\.\.\) record/);
    try {
      decodeNode(parseSexpr('(node (nr_cpus two))'));
      expect.unreachable();
    } catch (error) {
      expect(XendError.isInstance(error) && error.code).toBe('PARSE_ERROR');
      expect((error as Error).message).toMatch(/node\/nr_cpus/);
    }
  });
});
