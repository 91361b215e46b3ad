import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XendClient } from '@libvirt-ts/xend-client';
import { type FakeXend, type FakeXendSeed, startFakeXend } from '@libvirt-ts/xend-client/testing';
import { XenstoreClient } from '@libvirt-ts/xenstore';
import { startXenstored, type Xenstored } from '@libvirt-ts/xenstore/server';
import { startDaemon as startWatchedDaemon, type WatchedDaemon } from '@libvirt-ts/test-utils';

/** The daemon runs from the build (dist/), as installed; its test entry is plain JavaScript. */
export const DAEMON_ENTRY = fileURLToPath(new URL('./fake-xen-proxy.mjs', import.meta.url));
export const AS_USER_ENTRY = fileURLToPath(new URL('./as-user.mjs', import.meta.url));
export const BIN = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const daemonBuilt = existsSync(BIN);
export const DAEMON_MISSING = 'packages/proxy is not built (pnpm build): skipping the libvirt-ts-proxy process tests';

/** Domains beside Domain-0: a PV guest running, one paused, and a long name. */
export const SEED: FakeXendSeed = {
  domains: [
    { name: 'pv-guest', id: 3, memory: 256, maxmem: 512, vcpus: 2, cpu_time: 12.5, extras: ["(image (linux (kernel '/boot/vmlinuz-xen')))"] },
    { name: 'paused-guest', id: 7, memory: 128, vcpus: 1, state: 'paused', extras: ["(image (linux (kernel '/boot/vmlinuz-xen')))"] },
    { name: `long-${'n'.repeat(200)}`, id: 9, memory: 64, extras: ["(image (linux (kernel '/boot/vmlinuz-xen')))"] },
  ],
};

/** A Xen host of test parts in one temp directory: the fake xend and our xenstored (see fake-xen-options.mjs). */
export interface ProxyHost {
  dir: string;
  xend: FakeXend;
  xenstored: Xenstored;
  close(): Promise<void>;
}

export async function startProxyHost(seed: FakeXendSeed = SEED): Promise<ProxyHost> {
  const dir = mkdtempSync(join(tmpdir(), 'proxy14-host-'));
  // a still clock: cpu time does not move between the daemon's snapshot of the host and the test's
  const xend = await startFakeXend({ socketPath: join(dir, 'xend-socket') }, seed, { clock: () => 1_700_000_000_000 });
  const xenstored = await startXenstored({ socketPath: join(dir, 'xenstored-socket'), socketRoPath: join(dir, 'xenstored-socket_ro') });
  const xs = await XenstoreClient.connect({ path: join(dir, 'xenstored-socket') });
  try {
    // what xenstored holds on a real host for each running domain, as far as the drivers read it
    for (const domain of await new XendClient(xend.endpoint).listDomains()) {
      if (domain.domid === undefined) continue;
      await xs.write(`/local/domain/${domain.domid}/name`, domain.name);
      await xs.write(`/local/domain/${domain.domid}/vm`, `/vm/${domain.uuid}`);
      await xs.write(`/vm/${domain.uuid}/image/ostype`, 'linux');
    }
  } finally {
    await xs.close();
  }
  return {
    dir,
    xend,
    xenstored,
    async close() {
      await Promise.allSettled([xend.close(), xenstored.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A fresh abstract socket name, so parallel test files never meet (and never meet a real proxy). */
export function socketName(): string {
  return `\0/tmp/proxy14-test-${process.pid}-${counter++}`;
}

export type DaemonProcess = WatchedDaemon;

/** Starts the daemon over `host` with `args` (`-v` is added: its "listening" line says it is ready). */
export function startDaemon(host: ProxyHost, args: string[]): Promise<DaemonProcess> {
  return startWatchedDaemon('libvirt-ts-proxy', DAEMON_ENTRY, [host.dir, '-v', ...args], 'listening on');
}
