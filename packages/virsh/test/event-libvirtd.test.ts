// `virsh event` side by side: ours and Debian's virsh 9 wait for events on the same libvirtd's
// test:///default while a third virsh (virsh 9) acts; their outputs and exit statuses must be equal.
import { execFileSync } from 'node:child_process';
import { type Libvirtd, libvirtdMissing, startLibvirtd } from '@libvirt-ts/remote/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startWaiter, type Waiter } from './event-waiter.js';
import { bundlePath, realVirshPath } from './run-virsh.js';

const missing = libvirtdMissing() ?? (realVirshPath ? undefined : "Debian's virsh 9 is not installed");

/** How many clients the daemon has (virt-admin on its admin socket). */
function clientCount(daemon: Libvirtd): number {
  const table = execFileSync('virt-admin', ['-c', `libvirtd:///system?socket=${daemon.directory}/libvirt-admin-sock`, 'srv-clients-list', 'libvirtd'], {
    encoding: 'utf8',
  });
  return table.split('\n').filter((line) => /^\s*\d+\s/.test(line)).length;
}

/** Waits (up to 60 s) until both waiters are connected, then a moment for their event registration. */
async function bothConnected(daemon: Libvirtd): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (clientCount(daemon) < 2 && Date.now() < deadline) await sleep(100);
  await sleep(500);
}

describe.skipIf(missing)(`virsh event through libvirtd, ours beside virsh 9${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let daemon: Libvirtd;
  beforeAll(async () => {
    daemon = await startLibvirtd();
  });
  afterAll(() => daemon?.stop());

  /** Starts ours and virsh 9 with `args`, lets them register, runs `script` with virsh 9, then `finish`. */
  async function sideBySide(args: string[], script: string, finish: (waiters: Waiter[]) => Promise<void> = async () => {}) {
    const uri = ['-c', daemon.unixUri];
    const waiters = [startWaiter([process.execPath, bundlePath], [...uri, ...args]), startWaiter([realVirshPath!], [...uri, ...args])];
    await bothConnected(daemon);
    execFileSync(realVirshPath!, [...uri, script], { stdio: 'ignore' });
    await finish(waiters);
    const [ours, theirs] = await Promise.all(waiters.map((w) => w.done));
    expect(ours).toEqual(theirs);
    return ours!;
  }

  it('--all --loop --timeout: every lifecycle event, then "event loop timed out"', async () => {
    const run = await sideBySide(['event', '--all', '--loop', '--timeout', '12'], 'suspend test; resume test; destroy test; start test');
    expect(run.stdout).toContain("event 'lifecycle' for domain 'test': Stopped Destroyed\n");
    expect(run.stdout).toContain('events received: 4\n');
  }, 90_000);

  it('one-shot --domain --event lifecycle: the first event only', async () => {
    const run = await sideBySide(['event', 'test', '--event', 'lifecycle', '--timeout', '30'], 'suspend test; resume test');
    expect(run.stdout).toBe("event 'lifecycle' for domain 'test': Suspended Paused\nevents received: 1\n\n");
  }, 90_000);

  it('Ctrl-C ends a --loop wait with "event loop interrupted"', async () => {
    const run = await sideBySide(['event', '--all', '--loop'], 'suspend test; resume test', async (waiters) => {
      await sleep(1000);
      for (const waiter of waiters) waiter.interrupt();
    });
    expect(run.stdout).toContain('event loop interrupted\nevents received: 2\n');
  }, 90_000);
});
