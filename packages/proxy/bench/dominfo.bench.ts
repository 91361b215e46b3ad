// 1,000 virDomainGetInfo calls on one domain: through libvirt-ts-proxy (read-only xen:/// with
// every other Xen peer pointed nowhere) against the direct drivers of the same host, our
// xenstored, the fake xend and the simulated Xen. vitest prints the ratio of the two.
import { type Connection, type Domain, open, openReadOnly } from '@libvirt-ts/virt';
import { afterAll, bench, describe } from 'vitest';
import { fakeXenOptions } from '../test/helpers/fake-xen-options.mjs';
import { DAEMON_MISSING, type DaemonProcess, daemonBuilt, type ProxyHost, socketName, startDaemon, startProxyHost } from '../test/helpers/proxy-host.js';
import { proxyOnlyOptions } from '../test/helpers/read-host.mjs';

const CALLS = Number(process.env['PROXY_BENCH_CALLS'] ?? 1_000);
const DOMAIN = 'pv-guest';

let host: ProxyHost | undefined;
let daemon: DaemonProcess | undefined;
let direct: Connection | undefined;
let proxied: Connection | undefined;
let directDomain: Domain | undefined;
let proxiedDomain: Domain | undefined;

if (daemonBuilt) {
  host = await startProxyHost();
  const name = socketName();
  daemon = await startDaemon(host, ['--abstract', `@${name.slice(1)}`, '-no-timeout']);
  direct = await open('xen:///', await fakeXenOptions(host.dir));
  proxied = await openReadOnly('xen:///', proxyOnlyOptions(name));
  directDomain = await direct.lookupByName(DOMAIN);
  proxiedDomain = await proxied.lookupByName(DOMAIN);
} else {
  console.log(`proxy bench skipped: ${DAEMON_MISSING}`);
}

afterAll(async () => {
  await proxied?.close();
  await direct?.close();
  await daemon?.terminate();
  await host?.close();
});

async function infoCalls(domain: Domain): Promise<void> {
  for (let i = 0; i < CALLS; i++) await domain.info();
}

describe.skipIf(!daemonBuilt)(`${CALLS} x virDomainGetInfo`, () => {
  bench('through libvirt-ts-proxy', () => infoCalls(proxiedDomain!), { iterations: 5, warmupIterations: 1 });
  bench('direct drivers (root)', () => infoCalls(directDomain!), { iterations: 5, warmupIterations: 1 });
});
