// Plain JavaScript: run by the unprivileged child (as-user.mjs) with Node alone, and by the tests
// in-process, so the direct and the proxied answers are taken by one function.

/**
 * open() options for xen:/// read-only with every other Xen peer pointed nowhere, so each answer
 * can only come through the proxy on `socketName`. No binary is started unless one is given.
 */
export function proxyOnlyOptions(socketName, proxyBinary = false) {
  return {
    useHypervisor: false,
    xendSocket: '/nonexistent/xend-socket',
    xendUrl: false,
    xenstoredSocket: '/nonexistent/xenstored-socket',
    xenstoredSocketRo: '/nonexistent/xenstored-socket_ro',
    proxySocket: socketName,
    proxyBinary,
    timeoutMs: 10_000,
  };
}

/** Every read-only call the proxy serves, on every running domain, as plain JSON. */
export async function readHost(conn) {
  const ids = await conn.listDomains();
  const domains = [];
  for (const id of ids) {
    const domain = await conn.lookupByID(id);
    const uuid = domain.UUIDString();
    const info = await domain.info();
    domains.push({
      id,
      name: domain.name(),
      uuid,
      info: { ...info, cpuTime: String(info.cpuTime) },
      maxMemory: await domain.maxMemory(),
      osType: await domain.OSType(),
      xml: await domain.XMLDesc(0),
      idByName: (await conn.lookupByName(domain.name())).ID(),
      nameByUuid: (await conn.lookupByUUIDString(uuid)).name(),
      flags: await flagsOf(domain),
      state: await domain.state(),
    });
  }
  // defined domains that are not running: what `virsh list --all` and `dominfo` read of them
  const defined = [];
  for (const name of await conn.listDefinedDomains()) {
    const domain = await conn.lookupByName(name);
    const info = await domain.info();
    defined.push({
      name,
      id: domain.ID(),
      uuid: domain.UUIDString(),
      info: { ...info, cpuTime: String(info.cpuTime) },
      maxMemory: await domain.maxMemory(),
      flags: await flagsOf(domain),
      state: await domain.state(),
    });
  }
  return {
    numOfDefinedDomains: await conn.numOfDefinedDomains(),
    defined,
    version: await conn.getVersion(),
    nodeInfo: await conn.nodeGetInfo(),
    numOfDomains: await conn.numOfDomains(),
    ids,
    domains,
    unknownId: await failureCode(() => conn.lookupByID(4242)),
    unknownName: await failureCode(() => conn.lookupByName('no-such-domain')),
  };
}

/** Every state-changing call tried on `domainName`: the error code each failed with. */
export async function tryWrites(conn, domainName) {
  const domain = await conn.lookupByName(domainName);
  const xml = `<domain type='xen'><name>intruder</name><memory>65536</memory><os><type>linux</type><kernel>/boot/vmlinuz</kernel></os></domain>`;
  const writes = {
    suspend: () => domain.suspend(),
    resume: () => domain.resume(),
    shutdown: () => domain.shutdown(),
    reboot: () => domain.reboot(0),
    destroy: () => domain.destroy(),
    setMaxMemory: () => domain.setMaxMemory(65536),
    setMemory: () => domain.setMemory(65536),
    setVcpus: () => domain.setVcpus(1),
    setAutostart: () => domain.setAutostart(true),
    undefine: () => domain.undefine(),
    create: () => domain.create(),
    save: () => domain.save('/tmp/proxy-intruder.save'),
    restore: () => conn.restore('/tmp/proxy-intruder.save'),
    createXML: () => conn.createXML(xml),
    defineXML: () => conn.defineXML(xml),
  };
  const codes = {};
  for (const [name, write] of Object.entries(writes)) codes[name] = await failureCode(write);
  return codes;
}

/** The four flags of `dominfo` and `list`, each its value or its error code. */
async function flagsOf(domain) {
  const outcome = (call) => call().catch((error) => error.code ?? String(error));
  return {
    active: await outcome(() => domain.isActive()),
    persistent: await outcome(() => domain.isPersistent()),
    autostart: await outcome(() => domain.autostart()),
    managedSave: await outcome(() => domain.hasManagedSaveImage()),
  };
}

async function failureCode(call) {
  try {
    await call();
    return 'succeeded';
  } catch (error) {
    return error?.code ?? String(error);
  }
}
