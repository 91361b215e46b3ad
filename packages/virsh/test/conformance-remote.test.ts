// The conformance suite a second time through libvirtd: every case on test:///default runs with
// `-c test+unix:///default?socket=S`, our virsh and Debian's virsh 9 each against a libvirtd 9
// of its own, started fresh for this file; both daemons see the same cases in the same order, so
// the state each run leaves (destroy, define...) is the same on both sides. The socket paths are
// masked. Cases without test:///default (node files, other URIs, no URI) are left out: see SKIPPED.
import { type Libvirtd, libvirtdMissing, startLibvirtd } from '@libvirt-ts/remote/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type ConformanceCase } from './conformance-cases.js';
import { expectConformant, runCase } from './conformance-harness.js';
import { realVirshPath, runOurVirsh, runRealVirsh, type VirshRun } from './run-virsh.js';

const DEFAULT = 'test:///default';
/** Why the cases without test:///default do not run through libvirtd. */
const SKIPPED =
  'node files (test:///PATH), other URIs and the default URI name a local driver or no daemon; through libvirtd they would test the daemon, not the remote driver';

/** Cases that cannot compare through libvirtd, and why. */
const EXCLUDED: Record<string, string> = {
  'debug-0': "virsh -d prints libvirt's debug lines, and virsh 9's include its own remote driver's RPC traces",
  'debug-1': "virsh -d prints libvirt's debug lines, and virsh 9's include its own remote driver's RPC traces",
  'debug-argv': "virsh -d prints libvirt's debug lines, and virsh 9's include its own remote driver's RPC traces",
  'qemu-monitor-command-pass-fds':
    "virsh 9's remote driver duplicates the --pass-fds descriptors before the call (\"Cannot duplicate FD -3\"); ours does not carry libvirt-qemu's protocol, so the call is NO_SUPPORT first",
};

const missing = libvirtdMissing() ?? (realVirshPath ? undefined : 'Debian virsh 9 is not installed');
const remoteCases = CASES.filter(
  (c) => !(c.name in EXCLUDED) && [...c.args, ...Object.values(c.env ?? {})].some((arg) => arg.includes(DEFAULT)),
);

function throughDaemon(c: ConformanceCase, daemon: Libvirtd): ConformanceCase {
  const uri = `test+unix:///default?socket=${daemon.socket}`;
  const swap = (text: string) => text.replaceAll(DEFAULT, uri);
  return {
    ...c,
    args: c.args.map(swap),
    ...(c.env ? { env: Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, swap(v)])) } : {}),
  };
}

function masked(run: VirshRun, daemon: Libvirtd): VirshRun {
  const mask = (text: string) => text.replaceAll(daemon.socket, '@SOCK');
  return { stdout: mask(run.stdout), stderr: mask(run.stderr), status: run.status };
}

describe.skipIf(missing)(`conformance with virsh 9 through libvirtd 9${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let theirsDaemon: Libvirtd;
  let oursDaemon: Libvirtd;
  beforeAll(async () => {
    [theirsDaemon, oursDaemon] = await Promise.all([startLibvirtd(), startLibvirtd()]);
  });
  afterAll(async () => {
    await Promise.all([theirsDaemon?.stop(), oursDaemon?.stop()]);
  });

  it(`runs ${remoteCases.length} of the ${CASES.length} cases (${SKIPPED})`, () => {
    expect(remoteCases.length).toBeGreaterThan(40);
  });

  for (const c of remoteCases) {
    it(c.name, () => {
      const theirs = masked(runCase(runRealVirsh, throughDaemon(c, theirsDaemon)), theirsDaemon);
      const ours = masked(runCase(runOurVirsh, throughDaemon(c, oursDaemon)), oursDaemon);
      expectConformant(c, ours, theirs);
    }, 60_000);
  }
});
