import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type FakeXend, startFakeXend } from '@libvirt-ts/xend-client/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePath, type VirshRun } from './run-virsh.js';

// virsh against a Xen host's xend, here the fake xend of @libvirt-ts/xend-client on a real
// unix socket (virsh names it by path, libvirt 0.1.3's form). The fake runs in this process,
// so virsh is spawned asynchronously.
function virsh(args: string[], nodeArgs: string[] = []): Promise<VirshRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, bundlePath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status: status ?? -1 });
    });
  });
}

/** A CommonJS file for `node --require`, written into `dir`. */
function writeHook(dir: string, source: string): string {
  const path = join(dir, 'hook.cjs');
  writeFileSync(path, source);
  return path;
}

describe('virsh on xend (fake xend on a unix socket)', () => {
  let dir: string;
  let xend: FakeXend;
  let conn: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'virsh-xend-'));
    xend = await startFakeXend(
      { socketPath: join(dir, 'xend-socket') },
      { domains: [{ name: 'guest1', id: 3, memory: 256, maxmem: 512, vcpus: 1, state: 'running', cpu_time: 12.5 }] },
    );
    conn = ['-c', join(dir, 'xend-socket')];
  });

  afterAll(async () => {
    await xend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The Xen and proxy drivers are a bundle of their own (dist/drivers.cjs, see split-bundles.mjs),
  // read only when a URI needs one: a hook required before the bin lists the files Node loaded.
  it('reads dist/drivers.cjs for xend, and test:///default does not', async () => {
    const loaded = async (args: string[]) => {
      const out = join(dir, 'loaded.txt');
      const hook = `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, Object.keys(require.cache).join('\\n')))`;
      const run = await virsh(args, ['--require', writeHook(dir, hook)]);
      expect(run.status).toBe(0);
      return readFileSync(out, 'utf8').split('\n').map((file) => basename(file));
    };
    expect(await loaded(['-c', 'test:///default', 'list'])).not.toContain('drivers.cjs');
    const xenFiles = await loaded([...conn, 'list']);
    expect(xenFiles).toContain('drivers.cjs');
    expect(xenFiles).not.toContain('remote-driver.cjs');
    expect(xenFiles).not.toContain('remote.cjs');
  });

  it('lists Domain-0 and the guest', async () => {
    const run = await virsh([...conn, 'list']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ Id +Name +State\n-+\n 0 +Domain-0 +running\n 3 +guest1 +(running|idle)\n\n$/);
    expect(run.status).toBe(0);
  });

  it('shows the guest with dominfo, its numbers from xend', async () => {
    const run = await virsh([...conn, 'dominfo guest1']);
    expect(run.stdout).toContain('Id:             3\nName:           guest1\n');
    // A running guest's CPU time grows from the 12.5 s it was given.
    expect(run.stdout).toMatch(/CPU\(s\): {9}1\nCPU time: {7}1\d\.\ds\nMax memory: {5}524288 KiB\nUsed memory: {4}262144 KiB\n/);
    expect(run.status).toBe(0);
  });

  it('suspends and resumes through xend', async () => {
    const run = await virsh([...conn, 'suspend guest1; domstate guest1; resume 3; domstate guest1']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe("Domain 'guest1' suspended\n\npaused\n\nDomain '3' resumed\n\nrunning\n\n");
  });

  it('reports the node and the versions', async () => {
    const run = await virsh([...conn, 'nodeinfo; version']);
    expect(run.stdout).toContain('CPU(s):              2\nCPU frequency:       2000 MHz\n');
    expect(run.stdout).toMatch(/Running hypervisor: Xen 3\.0\.2\n/);
    expect(run.status).toBe(0);
  });

  it('fails with the libvirt error for an unknown domain', async () => {
    const run = await virsh([...conn, 'suspend nosuch']);
    expect(run).toEqual({ stdout: '\n', stderr: "error: failed to get domain 'nosuch'\n", status: 1 });
  });
});
