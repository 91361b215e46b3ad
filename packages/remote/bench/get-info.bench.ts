// 10,000 virDomainGetInfo over the unix socket of a real libvirtd 9, ours against libvirt's C
// client on the same daemon: python3-libvirt (the C library under a thin binding) doing the same
// 10,000 calls in one process, and virsh 9 running `dominfo` 1,000 times in one process (each
// dominfo is 8 RPCs; ours replays the same 8 calls). vitest prints each group's ratios.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { afterAll, bench, describe } from 'vitest';
import { openRemote, type RemoteConnection, type RemoteNonnullDomain } from '../src/index.js';
import { type Libvirtd, libvirtdMissing, startLibvirtd } from '../src/testing/index.js';

const CALLS = Number(process.env['REMOTE_BENCH_CALLS'] ?? 10_000);
const missing = libvirtdMissing();
const hasPython = !missing && existsSync('/usr/lib/python3/dist-packages/libvirt.py');
let daemon: Libvirtd | undefined;
let connection: RemoteConnection | undefined;
let dom: RemoteNonnullDomain | undefined;
if (!missing) {
  // libvirtd runs 5 calls of one client at once unless told more: 100 in flight needs 100.
  daemon = await startLibvirtd({ maxClientRequests: 100 });
  connection = await openRemote(daemon.unixUri);
  dom = (await connection.procedures.domainLookupByName({ name: 'test' })).dom;
} else {
  console.log(`remote bench skipped: ${missing}`);
}

afterAll(async () => {
  await connection?.close();
  await daemon?.stop();
});

async function oneAtATime(): Promise<void> {
  for (let i = 0; i < CALLS; i++) await connection!.procedures.domainGetInfo({ dom: dom! });
}

async function inFlight(width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < CALLS) {
      next++;
      await connection!.procedures.domainGetInfo({ dom: dom! });
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

// Asynchronous, so this process keeps draining the daemon's stderr while the peer runs.
const run = promisify(execFile);

async function python(): Promise<void> {
  await run('/usr/bin/python3', [
    '-c',
    `import libvirt,sys\nc=libvirt.open(sys.argv[1])\nd=c.lookupByName('test')\nfor _ in range(${CALLS}): d.info()\nc.close()`,
    daemon!.unixUri,
  ]);
}

/** The RPCs virsh 9's dominfo makes for one domain given by name. */
async function dominfoCalls(): Promise<void> {
  const p = connection!.procedures;
  const { dom: d } = await p.domainLookupByName({ name: 'test' });
  await p.domainGetOsType({ dom: d });
  await p.domainGetInfo({ dom: d });
  await p.domainIsPersistent({ dom: d });
  await p.domainGetAutostart({ dom: d });
  await p.domainHasManagedSaveImage({ dom: d, flags: 0 });
  await p.nodeGetSecurityModel();
  await p.domainGetSecurityLabel({ dom: d });
}

const options = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };

describe.skipIf(missing)(`${CALLS} virDomainGetInfo over the unix socket`, () => {
  bench('libvirt-ts: one at a time', oneAtATime, options);
  bench('libvirt-ts: 100 in flight', () => inFlight(100), options);
  bench.skipIf(!hasPython)('libvirt 9 C client (python3-libvirt), one at a time', python, options);
});

describe.skipIf(missing)('1,000 x dominfo (8 RPCs each)', () => {
  bench(
    'libvirt-ts: the same 8 calls, 1,000 times',
    async () => {
      for (let i = 0; i < 1000; i++) await dominfoCalls();
    },
    options,
  );
  bench(
    'virsh 9: dominfo 1,000 times in one process',
    async () => {
      const virsh = execFile('virsh', ['-c', daemon!.unixUri]);
      const exited = new Promise((resolve, reject) => virsh.once('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`virsh exited ${code}`)))));
      virsh.stdin!.end('dominfo test\n'.repeat(1000));
      await exited;
    },
    options,
  );
});
