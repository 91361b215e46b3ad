#!/usr/bin/env node
// A client of the proxy, run as an unprivileged user: `as-user.mjs @SOCKET DOMAIN [PRIVCMD]`
// prints {uid, reading, writes} as JSON. With PRIVCMD (a device this user may not open), the
// host looks like a Xen 4.5+ host without xend, whose xenlight driver needs root: what this user
// reads can then only come through the proxy; `privcmd` says how opening that device failed.
import { openReadOnly, setErrorFunc } from '@libvirt-ts/virt';
import { proxyOnlyOptions, readHost, tryWrites } from './read-host.mjs';

const [socket, domainName, privcmdDevice] = process.argv.slice(2);
setErrorFunc(() => {});
const options = proxyOnlyOptions(`\0${socket.slice(1)}`);
let privcmd;
if (privcmdDevice) {
  Object.assign(options, { useHypervisor: true, privcmdDevice });
  const { openNativePrivcmd } = await import('@libvirt-ts/hypercall');
  try {
    openNativePrivcmd([privcmdDevice]).close();
    privcmd = 'opened';
  } catch (error) {
    privcmd = error.code;
  }
}
const conn = await openReadOnly('xen:///', options);
try {
  const result = { uid: process.getuid(), privcmd, reading: await readHost(conn), writes: await tryWrites(conn, domainName) };
  process.stdout.write(JSON.stringify(result));
} finally {
  await conn.close();
}
