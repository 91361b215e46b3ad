// Runs inside dom0 of the QEMU Xen 4.17 host (see job.ts) with the built packages in
// ./node_modules: opens xen:/// through libvirt-ts's Xen drivers (the hypervisor over the real
// privcmd, our xenstore client on the real xenstored; Xen 4.17 has no xend) and checks each answer
// against `xl`. Writes out/result.json; prints ALL-CHECKS-PASSED when every check held.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DomainState, initialize, open, openReadOnly, setErrorFunc, VirtError, xenHostAvailable } from '@libvirt-ts/virt';
import { registerDriver, registeredDrivers } from '@libvirt-ts/virt/driver';

const out = new URL('./out/', import.meta.url);
mkdirSync(out, { recursive: true });
const result = { steps: [] };
const step = (name, detail) => {
  result.steps.push({ name, ...detail });
  console.log(`STEP ${name} ${JSON.stringify(detail, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
};
const check = (ok, what) => {
  if (!ok) throw new Error(`check failed: ${what}`);
};
const xl = (...args) => execFileSync('xl', args, { encoding: 'utf8' });
/** `xl list` rows: name, id, mem (MiB), vcpus, state. */
const xlList = () =>
  xl('list')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [name, id, mem, vcpus, state] = line.trim().split(/\s+/);
      return { name, id: Number(id), mem: Number(mem), vcpus: Number(vcpus), state };
    });
const errorOf = async (promise) => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (!VirtError.isInstance(error)) throw error;
    return { code: error.code, domain: error.domain, message: error.message };
  }
};

/** The names of the drivers that opened, in order: each built-in factory re-registered to note its opens. */
const openedDrivers = [];
initialize();
for (const factory of registeredDrivers()) {
  registerDriver({
    ...factory,
    async open(request) {
      const driver = await factory.open(request);
      if (driver) openedDrivers.push(factory.name);
      return driver;
    },
  });
}

setErrorFunc(() => {});
try {
  // 1. This is a Xen host, seen without opening anything.
  step('host', { available: xenHostAvailable() });
  check(xenHostAvailable(), 'xenHostAvailable() on dom0');

  // 2. Xen 4.17 has no xend: read-write (root) opens the xenlight driver (hypercalls, xenstore, xl).
  openedDrivers.length = 0;
  const rw = await open('xen:///');
  step('read-write', { drivers: [...openedDrivers], type: await rw.getType() });
  check(openedDrivers.join() === 'xenlight', 'read-write opens xenlight alone');
  await rw.close();

  // 3. Read-only opens the same driver.
  openedDrivers.length = 0;
  const conn = await openReadOnly('xen:///', { proxyBinary: false });
  const xlInfo = xl('info');
  const xenMajor = Number(/xen_major\s*:\s*(\d+)/.exec(xlInfo)?.[1]);
  const xenMinor = Number(/xen_minor\s*:\s*(\d+)/.exec(xlInfo)?.[1]);
  const opened = { drivers: [...openedDrivers], type: await conn.getType(), version: await conn.getVersion() };
  step('read-only', opened);
  check(opened.drivers.join() === 'xenlight', 'read-only opens xenlight');
  check(opened.version === xenMajor * 1_000_000 + xenMinor * 1_000, `version ${opened.version} = xl ${xenMajor}.${xenMinor}`);

  // 4. Capabilities from XENVER_capabilities: a guest for each word of xl's xen_caps.
  const xenCaps = /xen_caps\s*:\s*(.*)/.exec(xlInfo)?.[1]?.trim() ?? '';
  const caps = await conn.getCapabilities();
  const guestTypes = [...caps.matchAll(/<os_type>(\w+)<\/os_type>\n\s*<arch name='(\w+)'>/g)].map((m) => `${m[1]}/${m[2]}`);
  step('capabilities', { xenCaps, guestTypes });
  for (const word of xenCaps.split(/\s+/)) {
    const [type, , arch] = word.split('-');
    const libvirtArch = { x86_32: 'i686', x86_32p: 'i686', x86_64: 'x86_64' }[arch] ?? arch;
    check(guestTypes.includes(`${type}/${libvirtArch}`), `a ${type}/${libvirtArch} guest for ${word}`);
  }

  // 5. Start a guest that stays up, then list and look up as xl sees it.
  xl('create', '/root/guest/guest.cfg', 'extra="console=hvc0 rdinit=/init quiet xenci.stay"');
  const rows = xlList();
  const guestRow = rows.find((r) => r.id !== 0);
  check(guestRow !== undefined, 'xl lists the guest');
  const ids = await conn.listDomains();
  step('list', { ids, xl: rows });
  check(JSON.stringify(ids) === JSON.stringify(rows.map((r) => r.id).sort((a, b) => a - b)), 'ids as xl lists them');

  // 6. Lookup by name goes to xenstore, info to the hypervisor.
  const guest = await conn.lookupByName(guestRow.name);
  const info = await guest.info();
  const dom0 = await conn.lookupByName('Domain-0');
  step('guest', { id: guest.ID(), uuid: guest.UUIDString(), info, osType: await guest.OSType(), dom0: dom0.ID() });
  check(guest.ID() === guestRow.id, 'guest id from xenstore = xl');
  check(dom0.ID() === 0, 'Domain-0 is id 0');
  check(Math.abs(info.memory / 1024 - guestRow.mem) <= 1, `memory ${info.memory} KiB = xl ${guestRow.mem} MiB`);
  check(info.nrVirtCpu === guestRow.vcpus, 'vcpus = xl');
  check([DomainState.RUNNING, DomainState.BLOCKED].includes(info.state), `state ${info.state} running or blocked`);
  check(xl('list', '-l', guestRow.name).includes(guest.UUIDString()), 'UUID from xenstore appears in xl list -l');

  // 7. A paused guest shows as paused through the hypervisor.
  xl('pause', guestRow.name);
  const paused = (await guest.info()).state;
  xl('unpause', guestRow.name);
  step('paused', { state: paused });
  check(paused === DomainState.PAUSED, 'paused as xl paused it');

  // 8. Read-only refuses changes before any driver acts; unknown names are NO_DOMAIN.
  const denied = await errorOf(guest.suspend());
  const missing = await errorOf(conn.lookupByName('no-such-guest'));
  step('errors', { denied, missing });
  check(denied?.code === 'OPERATION_DENIED', 'suspend refused on a read-only connection');
  check(missing?.code === 'NO_DOMAIN', 'unknown name is NO_DOMAIN');

  xl('destroy', guestRow.name);
  // close() closes the drivers whatever handles are held, so Node can exit with no xenstore socket left open.
  await conn.close();
  check((await errorOf(guest.info()))?.code === 'INVALID_CONN', 'a handle fails with INVALID_CONN after close()');
  writeFileSync(new URL('result.json', out), JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 1));
  console.log('ALL-CHECKS-PASSED');
} catch (error) {
  writeFileSync(new URL('result.json', out), JSON.stringify({ ...result, error: String(error?.stack ?? error) }, null, 1));
  console.log(`FAILED: ${error?.stack ?? error}`);
  process.exit(1);
}
