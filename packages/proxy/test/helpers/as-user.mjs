#!/usr/bin/env node
// A client of the proxy, run as an unprivileged user: `as-user.mjs @SOCKET DOMAIN` prints
// {uid, reading, writes} as JSON.
import { openReadOnly, setErrorFunc } from '@libvirt-ts/virt';
import { proxyOnlyOptions, readHost, tryWrites } from './read-host.mjs';

const [socket, domainName] = process.argv.slice(2);
setErrorFunc(() => {});
const conn = await openReadOnly('xen:///', proxyOnlyOptions(`\0${socket.slice(1)}`));
try {
  const result = { uid: process.getuid(), reading: await readHost(conn), writes: await tryWrites(conn, domainName) };
  process.stdout.write(JSON.stringify(result));
} finally {
  await conn.close();
}
