import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakePrivcmd } from '@libvirt-ts/hypercall/testing';
import { lookup } from '@libvirt-ts/sexpr';
import { XendClient } from '@libvirt-ts/xend-client';
import { type FakeXend, type FakeXendSeed, startFakeXend } from '@libvirt-ts/xend-client/testing';
import { XenstoreClient } from '@libvirt-ts/xenstore';
import { startXenstored, type Xenstored } from '@libvirt-ts/xenstore/server';
import type { XenOpenOptions } from '../../../src/drivers/xen/xen-options.js';
import { xendBackedPrivcmd } from './xend-backed-hypervisor.js';

/**
 * A whole Xen host made of test servers in one temp directory: the fake xend on a unix socket,
 * our xenstored (read-write and read-only sockets) holding each domain's /local/domain entries,
 * and a privcmd backend whose hypervisor mirrors xend. `options` points open() at all of them.
 */
export interface XenStack {
  dir: string;
  xend: FakeXend;
  xenstored: Xenstored;
  /** The privcmd backends handed out by `options()`, in order (each records its hypercalls). */
  privcmds: FakePrivcmd[];
  /** Open options for `open('xen:///', ...)`; each call gets a fresh privcmd backend. */
  options(): XenOpenOptions;
  /** Moves the fake xend's clock (shutdowns complete, cpu_time grows). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startXenStack(seed: FakeXendSeed = {}): Promise<XenStack> {
  const dir = mkdtempSync(join(tmpdir(), 'libvirt-ts-xen-'));
  let now = 1_700_000_000_000;
  const xend = await startFakeXend({ socketPath: join(dir, 'xend-socket') }, seed, { clock: () => now, shutdownDelayMs: 1000 });
  const xenstored = await startXenstored({ socketPath: join(dir, 'xenstored-socket'), socketRoPath: join(dir, 'xenstored-socket_ro') });
  const xendClient = new XendClient(xend.endpoint);
  await seedXenstore(xendClient, join(dir, 'xenstored-socket'));
  const privcmds: FakePrivcmd[] = [];
  const stack: XenStack = {
    dir,
    xend,
    xenstored,
    privcmds,
    options() {
      const privcmd = xendBackedPrivcmd(xendClient);
      privcmds.push(privcmd);
      return {
        xendSocket: join(dir, 'xend-socket'),
        xendUrl: false,
        xenstoredSocket: join(dir, 'xenstored-socket'),
        xenstoredSocketRo: join(dir, 'xenstored-socket_ro'),
        hypervisor: { backend: privcmd },
        proxySocket: `\0${join(dir, 'no-proxy')}`,
        proxyBinary: false,
        timeoutMs: 10_000,
      };
    },
    advance(ms) {
      now += ms;
    },
    async close() {
      await Promise.allSettled([xend.close(), xenstored.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** What xenstored holds for each running domain on a real host, as far as libvirt reads it. */
async function seedXenstore(xend: XendClient, socket: string): Promise<void> {
  const xs = await XenstoreClient.connect({ path: socket });
  try {
    for (const domain of await xend.listDomains()) {
      if (domain.domid === undefined) continue;
      const base = `/local/domain/${domain.domid}`;
      const vm = `/vm/${domain.uuid}`;
      const hvm = lookup(domain.sexpr, 'domain/image/hvm') !== undefined;
      await xs.write(`${base}/name`, domain.name);
      await xs.write(`${base}/vm`, vm);
      await xs.write(`${base}/running`, '1');
      await xs.write(`${base}/memory/target`, String(domain.memory * 1024));
      for (let cpu = 0; cpu < domain.vcpus; cpu++) await xs.write(`${base}/cpu/${cpu}/availability`, 'online');
      await xs.write(`${vm}/uuid`, domain.uuid);
      await xs.write(`${vm}/image/ostype`, hvm ? 'hvm' : 'linux');
    }
  } finally {
    await xs.close();
  }
}
