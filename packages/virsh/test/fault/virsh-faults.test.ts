// The virsh fault suite: hostile domain XML, node files, save images and URIs handed to our virsh
// and to Debian's virsh 9, each a real process on the same input. Both must print the same thing
// (the state listed after the failure shows nothing was lost), except for the differences listed
// below with their reasons: one that vanishes, or a new one, fails. Each run's peak RSS and time
// (GNU time's %M and %e) are printed and written to $FAULT_REPORT_DIR/fault-virsh.md; only a
// generous memory bound is asserted.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultReport } from '@libvirt-ts/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePath, realVirshPath } from '../run-virsh.js';
import { writeHostileFiles } from './hostile-files.js';

const GNU_TIME = '/usr/bin/time';
const canRun = realVirshPath !== undefined && existsSync(GNU_TIME) && existsSync(bundlePath);
/** Our virsh on any of these inputs stays under this (it starts at about 50 MiB). */
const OUR_PEAK_BOUND_MIB = 256;

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
  peakMiB: number;
  seconds: number;
}

let dir: string;
const report = faultReport(
  'fault-virsh.md',
  'virsh fault suite',
  "Each attack run by our virsh and by Debian's virsh 9 (peak RSS from GNU time; times are wall seconds on this machine).",
  ['attack', 'ours MiB', 'ours s', 'virsh 9 MiB', 'virsh 9 s', 'same output'],
);

/** Runs `program args` under GNU time in the hostile files' directory. */
async function measuredRun(program: string[], args: string[], timeoutMs: number): Promise<Run> {
  const timeFile = join(dir, `time-${Math.random().toString(36).slice(2)}`);
  const child = spawn(GNU_TIME, ['-o', timeFile, '-f', '%M %e', ...program, ...args], {
    cwd: dir,
    env: { ...process.env, LIBVIRT_DEFAULT_URI: undefined, VIRSH_DEFAULT_CONNECT_URI: undefined, LC_ALL: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  const [kib, seconds] = (await readFile(timeFile, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number);
  return { stdout, stderr, status, peakMiB: kib! / 1024, seconds: seconds! };
}

/** One attack at a time (its two virsh processes side by side): the machine has two cores. */
let slots = 1;
const waiting: Array<() => void> = [];
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots === 0) await new Promise<void>((resolve) => waiting.push(resolve));
  else slots -= 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else slots += 1;
  }
}

interface Attack {
  name: string;
  /** The connection URI; `{dir}` stands for the hostile files' directory. */
  uri: string;
  script: string;
  /** Why our answer differs from virsh 9's, and a text our stderr contains. */
  differs?: { reason: string; ours: string };
}

const XML_ATTACKS: Attack[] = [
  ['depth 300 (beyond libxml2\'s 256)', 'deep-300.xml'],
  ['depth 100,000', 'deep-100k.xml'],
  ['a text run of 10,000,001 characters', 'text-run.xml'],
  ['5,000 attributes on <domain>', 'attributes-5000.xml'],
  ['UTF-16 with a BOM', 'utf16-bom.xml'],
  ['a byte that is not UTF-8 in the name', 'invalid-utf8.xml'],
  ['latin1 text, latin1 declared', 'latin1-declared.xml'],
  ["a name with '/'", 'name-slash.xml'],
  ['a name with a newline', 'name-newline.xml'],
  ['a name with &#1;', 'name-control-reference.xml'],
  ['a memory size of 23 digits', 'memory-overflow.xml'],
  ['a file over 10 MiB', 'over-10-MiB.xml'],
  ['a symlink to /dev/zero', 'dev-zero.xml'],
].map(([name, file]) => ({ name: `define: ${name}`, uri: 'test:///default', script: `define ${file}; list --all --name` }));
XML_ATTACKS.push(
  {
    name: 'define: billion laughs',
    uri: 'test:///default',
    script: 'define billion-laughs.xml; list --all --name',
    differs: { reason: 'we refuse any internal DTD subset; libxml2 parses it and finds the entity loop', ours: 'DOCTYPE with an internal subset' },
  },
  {
    name: 'define: an external entity (XXE)',
    uri: 'test:///default',
    script: 'define xxe.xml; list --all --name',
    differs: { reason: 'we refuse any internal DTD subset; libvirt loads no external entity and finds the name empty', ours: 'DOCTYPE with an internal subset' },
  },
);

const NODE_ATTACKS: Attack[] = [
  ['a symlink to /dev/zero', 'dev-zero.xml'],
  ['20 MB of NULs', 'node-20-MB-of-NULs.xml'],
  ['truncated', 'node-truncated.xml'],
  ['2,000 domains', 'node-2000-domains.xml'],
  ['a CPU count of 2^32', 'node-uint-overflow.xml'],
  ['a CPU count of 20 digits', 'node-20-digits.xml'],
  ['a memory size of 23 digits', 'node-memory-overflow.xml'],
  ['a byte that is not UTF-8', 'node-invalid-utf8.xml'],
].map(([name, file]) => ({ name: `node file: ${name}`, uri: `test://{dir}/${file}`, script: 'nodeinfo; list --all --name' }));
NODE_ATTACKS.push({
  name: 'node file: over 10 MiB',
  uri: 'test://{dir}/over-10-MiB.xml',
  script: 'nodeinfo',
  differs: { reason: 'our bound on a node file is 10 MiB; libvirt lets libxml2 read any size', ours: 'Value too large for defined data type' },
});

const SAVE_ATTACKS: Attack[] = [
  ['a truncated header', 'save-truncated-header.img'],
  ['no length', 'save-no-length.img'],
  ['a length past the end', 'save-lying-length.img'],
  ['a length of 2^32-1', 'save-length-2^32-1.img'],
  ['XML cut short', 'save-bad-xml.img'],
  ['a sparse 190 MB file with length 0', 'save-sparse-190-MB.img'],
  ['a copy of /dev/zero', 'save-zero-copy.img'],
  ['a symlink to /dev/zero', 'dev-zero.img'],
].map(([name, file]) => ({ name: `restore: ${name}`, uri: 'test:///default', script: `restore ${file}; list --all --name` }));

const URI_ATTACKS: Attack[] = [
  'garbage',
  '::::',
  'test:///%zz',
  'test:///default?%zz=1',
  'xen://[::1',
  'test:///default?name=x&socket=/etc/passwd',
  'qemu+unix:///system?socket=/nonexistent/sock',
].map((uri) => ({ name: `URI: ${uri}`, uri, script: 'uri' }));
URI_ATTACKS.push(
  {
    name: 'URI: a node file path of 100,000 characters',
    uri: `test:///${'a'.repeat(100_000)}`,
    script: 'uri',
    differs: { reason: 'libxml2 prints its own "I/O warning" for a missing file to stderr; our library prints nothing', ours: "failed to parse xml document '/aaaa" },
  },
  {
    name: 'URI: an unknown transport',
    uri: 'test+foo:///default',
    script: 'uri',
    differs: { reason: "the remote package names the transport it does not know; libvirt lists transports we do not have (ext, libssh2, libssh)", ours: "transport 'foo' is not one of" },
  },
);

beforeAll(async () => {
  if (!canRun) return;
  dir = await mkdtemp(join(tmpdir(), 'virsh-faults-'));
  await writeHostileFiles(dir);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  report.write();
});

describe.skipIf(!canRun)("hostile input: our virsh against Debian's virsh 9 (skipped without virsh 9, GNU time or a build)", () => {
  for (const attack of [...XML_ATTACKS, ...NODE_ATTACKS, ...SAVE_ATTACKS, ...URI_ATTACKS]) {
    it.concurrent(attack.name, async () => {
      const args = ['-c', attack.uri.replace('{dir}', dir), attack.script];
      const [ours, theirs] = await inSlot(() => Promise.all([measuredRun([process.execPath, bundlePath], args, 60_000), measuredRun([realVirshPath!], args, 60_000)]));
      const same = ours.stdout === theirs.stdout && ours.stderr === theirs.stderr && ours.status === theirs.status;
      report.add(attack.name, ours.peakMiB.toFixed(1), ours.seconds.toFixed(2), theirs.peakMiB.toFixed(1), theirs.seconds.toFixed(2), same ? 'yes' : `no: ${attack.differs?.reason}`);
      expect(ours.peakMiB).toBeLessThan(OUR_PEAK_BOUND_MIB);
      if (attack.differs) {
        expect(same, 'a listed difference vanished: remove it from the list').toBe(false);
        expect(ours.stderr).toContain(attack.differs.ours);
        expect(ours.status).toBe(theirs.status);
      } else {
        expect({ stdout: ours.stdout, stderr: ours.stderr, status: ours.status }).toEqual({ stdout: theirs.stdout, stderr: theirs.stderr, status: theirs.status });
      }
    });
  }
});
