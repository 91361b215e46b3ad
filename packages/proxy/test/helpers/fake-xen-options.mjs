// Plain JavaScript: the daemon's child process (fake-xen-proxy.mjs) loads it with Node alone, and
// the tests load it for their direct connections, so both see one host.
import { join } from 'node:path';
import { DomainFlag } from '@libvirt-ts/hypercall';
import { FakePrivcmd, SimulatedXen } from '@libvirt-ts/hypercall/testing';
import { mostSeriousStateFlag, XendClient } from '@libvirt-ts/xend-client';

const PAGE_KIB = 4n;

/**
 * open() options for the Xen host in `dir` (see proxy-host.ts): the fake xend's and our xenstored's
 * sockets, and a simulated Xen 4.17 behind a fake privcmd holding a snapshot of xend's running domains.
 */
export async function fakeXenOptions(dir) {
  const xend = new XendClient({ kind: 'unix', socketPath: join(dir, 'xend-socket') });
  const running = (await xend.listDomains()).filter((domain) => domain.domid !== undefined);
  const xen = new SimulatedXen({
    generation: 'xen4',
    major: 4,
    minor: 17,
    interfaceVersion: 0x15,
    domains: Object.fromEntries(
      running.map((domain) => [
        domain.domid,
        {
          flags: mostSeriousStateFlag(domain.state) === 'paused' ? DomainFlag.paused : DomainFlag.running,
          totPages: (BigInt(domain.memory) * 1024n) / PAGE_KIB,
          maxPages: (BigInt(domain.maxmem) * 1024n) / PAGE_KIB,
          cpuTime: domain.cpuTimeNs,
          vcpus: domain.vcpus,
          handle: Buffer.from(domain.uuid.replaceAll('-', ''), 'hex'),
        },
      ]),
    ),
  });
  return {
    xendSocket: join(dir, 'xend-socket'),
    xendUrl: false,
    xenstoredSocket: join(dir, 'xenstored-socket'),
    xenstoredSocketRo: join(dir, 'xenstored-socket_ro'),
    hypervisor: { backend: forgetfulPrivcmd(xen) },
    proxyBinary: false,
    timeoutMs: 10_000,
  };
}

/**
 * A FakePrivcmd that keeps no record of past hypercalls: it records every call with a copy of
 * every live buffer, which in a daemon serving 100,000 requests would be the only thing growing
 * (and would hide the daemon's own memory in the fault suite's measurements).
 */
function forgetfulPrivcmd(xen) {
  const privcmd = new FakePrivcmd((call) => {
    privcmd.calls.length = 0;
    return xen.respond(call);
  });
  return privcmd;
}
