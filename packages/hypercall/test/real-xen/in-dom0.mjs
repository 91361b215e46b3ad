// Runs inside dom0 of the QEMU Xen host (see job.ts): drives the real
// hypervisor through the built package and the addon, checks each answer against `xl`,
// and writes result.json plus the hypercall tapes to ./out. Exits non-zero on the first
// failed check; prints one line per step.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { HypercallError, openHypervisor, openNativePrivcmd } from '@libvirt-ts/hypercall';
import { RecordingBackend } from '@libvirt-ts/hypercall/testing';
import { formatUuid } from '@libvirt-ts/xml-format';

const out = new URL('./out/', import.meta.url);
mkdirSync(out, { recursive: true });
const result = { node: process.version, steps: [] };
const step = (name, detail) => {
  result.steps.push({ name, ...detail });
  console.log(`STEP ${name} ${JSON.stringify(detail, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
};
const check = (ok, what) => {
  if (!ok) throw new Error(`check failed: ${what}`);
};
const xl = (...args) => execFileSync('xl', args, { encoding: 'utf8' });
const xlState = (name) => {
  const line = xl('list', name).trim().split('\n')[1] ?? '';
  return line.split(/\s+/)[4];
};
const errorOf = async (promise) => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (!HypercallError.isInstance(error)) throw error;
    return { code: error.code, op: error.op, message: error.message };
  }
};
const saveTape = (recorder, name) =>
  writeFileSync(new URL(`tape-${name}.json`, out), `${JSON.stringify(recorder.tape(name), null, 1)}\n`);

if (process.argv[2] === 'unprivileged') {
  // Run as nobody by the main script: opening privcmd must fail with EPERM.
  console.log(JSON.stringify(await errorOf(openHypervisor())));
  process.exit(0);
}

// 1. Open + probe, recorded.
const recorder = new RecordingBackend(openNativePrivcmd());
const hv = await openHypervisor({ backend: recorder });
step('open', { device: hv.device, bufferSource: hv.bufferSource, abi: hv.abi.name, version: hv.version, pageSize: hv.pageSize });
const xlInfo = xl('info');
const xenMajor = Number(/xen_major\s*:\s*(\d+)/.exec(xlInfo)?.[1]);
const xenMinor = Number(/xen_minor\s*:\s*(\d+)/.exec(xlInfo)?.[1]);
const xenExtra = /xen_extra\s*:\s*(\S*)/.exec(xlInfo)?.[1];
const xenCaps = /xen_caps\s*:\s*(.*)/.exec(xlInfo)?.[1]?.trim();
check(hv.version.major === xenMajor && hv.version.minor === xenMinor, `version ${hv.version.major}.${hv.version.minor} = xl ${xenMajor}.${xenMinor}`);
check(hv.version.extra === xenExtra, `extraversion ${hv.version.extra} = xl ${xenExtra}`);
check(hv.version.capabilities === xenCaps, `capabilities "${hv.version.capabilities}" = xl "${xenCaps}"`);

// 2. Domain list: Domain-0 only.
const before = await hv.listDomains();
step('list', { domains: before.map(({ raw, ...d }) => d) });
check(before.length === 1 && before[0].id === 0, 'only Domain-0 before the guest starts');
const dom0Xl = xl('list', '0').trim().split('\n')[1].split(/\s+/);
check(before[0].memoryKiB === Number(dom0Xl[2]) * 1024, `Domain-0 memory ${before[0].memoryKiB} KiB = xl ${dom0Xl[2]} MiB`);
check(before[0].vcpusOnline === Number(dom0Xl[3]), 'Domain-0 vcpus = xl');
check(before[0].flags.running, 'Domain-0 is running (it runs this script)');
const dom0 = await hv.getDomainInfo(0);
check(dom0.id === 0 && formatUuid(dom0.handle) === formatUuid(before[0].handle), 'getDomainInfo(0) = list entry');

// 3. Errors from the hypervisor, with the op named.
const missing = await errorOf(hv.getDomainInfo(4242));
const pauseMissing = await errorOf(hv.pauseDomain(4242));
const pauseSelf = await errorOf(hv.pauseDomain(0));
step('errors', { missing, pauseMissing, pauseSelf });
check(missing?.code === 'ESRCH', 'getDomainInfo(4242) -> ESRCH');
check(pauseMissing?.code === 'ESRCH' && pauseMissing.op === 'XEN_DOMCTL_pausedomain', 'pauseDomain(4242) -> ESRCH naming the op');
check(pauseSelf?.code === 'EINVAL' && pauseSelf.op === 'XEN_DOMCTL_pausedomain', 'pauseDomain(0) -> EINVAL naming the op');
saveTape(recorder, 'open-list-errors');
const unprivileged = spawnSync(
  'setpriv',
  ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, new URL(import.meta.url).pathname, 'unprivileged'],
  { encoding: 'utf8' },
);
const unprivilegedError = JSON.parse(unprivileged.stdout.trim() || 'null');
step('unprivileged', { error: unprivilegedError, stderr: unprivileged.stderr.trim() });
check(unprivilegedError?.code === 'EPERM', 'opening privcmd as nobody -> EPERM');

// 4. A guest: start it with xl, then pause/unpause/max_mem/destroy through the addon.
xl('create', '/root/guest/guest.cfg', 'extra="console=hvc0 rdinit=/init quiet xenci.stay"');
const guestRecorder = new RecordingBackend(openNativePrivcmd());
const hv2 = await openHypervisor({ backend: guestRecorder });
const withGuest = await hv2.listDomains();
const guest = withGuest.find((d) => d.id !== 0);
check(guest !== undefined, 'the guest is listed');
const guestXl = xl('list', 'tinyguest').trim().split('\n')[1].split(/\s+/);
check(guest.id === Number(guestXl[1]), `guest id ${guest.id} = xl ${guestXl[1]}`);
const uuidXl = /"uuid":\s*"([0-9a-f-]+)"/.exec(xl('list', '-l', 'tinyguest'))?.[1];
check(formatUuid(guest.handle) === uuidXl, `guest uuid ${formatUuid(guest.handle)} = xl ${uuidXl}`);
step('guest', { guest: (({ raw, ...d }) => d)(guest), xlState: xlState('tinyguest') });

// Not a check: how long a domain list takes through the addon and through `xl list` (the
// Xen tool stack's own answer), medians of 20 (reported by the host test; TCG-emulated).
const median = async (run) => {
  const times = [];
  for (let i = 0; i < 20; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[10];
};
const listMs = await median(() => hv.listDomains());
const xlListMs = await median(() => xl('list'));
step('speed', { listDomainsMs: listMs, xlListMs, xlOverAddon: Math.round((xlListMs / listMs) * 10) / 10 });

await hv2.pauseDomain(guest.id);
const paused = await hv2.getDomainInfo(guest.id);
const pausedXl = xlState('tinyguest');
step('paused', { flags: paused.flags, xlState: pausedXl });
check(paused.flags.paused && pausedXl.includes('p'), 'paused, as xl sees it');

await hv2.unpauseDomain(guest.id);
const resumed = await hv2.getDomainInfo(guest.id);
const resumedXl = xlState('tinyguest');
step('unpaused', { flags: resumed.flags, xlState: resumedXl });
check(!resumed.flags.paused && !resumedXl.includes('p'), 'unpaused, as xl sees it');

const newMax = guest.maxMemoryKiB + 65536;
await hv2.setMaxMemory(guest.id, newMax);
const grown = await hv2.getDomainInfo(guest.id);
step('max_mem', { before: guest.maxMemoryKiB, requested: newMax, after: grown.maxMemoryKiB });
check(grown.maxMemoryKiB === newMax, 'max memory set');

const maxVcpus = await errorOf(hv2.setMaxVcpus(guest.id, guest.maxVcpuId + 1));
step('max_vcpus', { sameCount: maxVcpus ?? 'ok' });

await hv2.destroyDomain(guest.id);
saveTape(guestRecorder, 'guest-lifecycle');
let after = await hv2.listDomains();
for (let i = 0; i < 50 && after.some((d) => d.id === guest.id); i++) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  after = await hv2.listDomains();
}
step('destroyed', { remaining: after.map((d) => d.id) });
check(!after.some((d) => d.id === guest.id), 'the guest is gone after destroy');
hv.close();
hv2.close();
const closed = await errorOf(hv.listDomains());
check(closed?.code === 'CLOSED', 'closed handle -> CLOSED');
writeFileSync(new URL('result.json', out), `${JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 1)}\n`);
console.log('ALL-CHECKS-PASSED');
