// Runs inside a real Xen 4.17 dom0 (see job.ts): our built client against the real
// xenstored, over its socket and over /dev/xen/xenbus. Prints one JSON line of findings.
const { XenstoreClient } = await import(process.argv[2]);
const results = {};

async function exercise(xs, prefix, reference) {
  const out = {};
  out.description = xs.description;
  out.dom0Name = await xs.read('/local/domain/0/name');
  out.domainPath = await xs.getDomainPath(0);
  out.dom0Introduced = await xs.isDomainIntroduced(0);
  await xs.write(`${prefix}/a`, 'one');
  out.readBack = await xs.read(`${prefix}/a`);
  await xs.setPermissions(`${prefix}/a`, ['n0', 'r5']);
  out.perms = (await xs.getPermissions(`${prefix}/a`)).map((p) => `${p.access}${p.domid}`);
  out.missing = await xs.read(`${prefix}/nope`).catch((error) => error.code);
  const names = Array.from({ length: 600 }, (_, i) => `backend-device-${i}`);
  await Promise.all(names.map((name) => xs.write(`${prefix}/many/${name}`, '')));
  const listed = await xs.directory(`${prefix}/many`).catch((error) => {
    out.directoryError = error.code;
    return [];
  });
  out.directoryPartOk = listed.length === names.length && names.every((name) => listed.includes(name));
  if (!out.directoryPartOk && reference) {
    const truth = await reference.directory(`${prefix}/many`);
    out.directoryDiagnosis = {
      listed: listed.length,
      truth: truth.length,
      missingFromListing: truth.filter((name) => !listed.includes(name)).slice(0, 20),
      unwritten: names.filter((name) => !truth.includes(name)).slice(0, 20),
      extra: listed.filter((name) => !truth.includes(name)).slice(0, 20),
    };
  }
  const watch = xs.watch(prefix);
  await watch.ready;
  const registration = (await watch.next()).value.path;
  await xs.write(`${prefix}/b`, 'two');
  let changed = (await watch.next()).value.path;
  while (changed !== `${prefix}/b`) changed = (await watch.next()).value.path;
  out.watch = [registration, changed];
  await watch.close();
  out.transaction = await xs.transaction(async (tx) => {
    const value = await tx.read(`${prefix}/a`);
    await tx.write(`${prefix}/c`, value + '!');
    return value;
  });
  const tx = await xs.beginTransaction();
  await tx.read(`${prefix}/a`);
  await xs.write(`${prefix}/a`, 'changed');
  await tx.write(`${prefix}/a`, 'mine');
  out.conflict = await tx.commit().then(() => 'committed', (error) => error.code);
  out.treeSize = await xs.readTree(prefix).then((tree) => tree.length, (error) => error.code);
  await xs.rm(prefix);
  out.removed = !(await xs.exists(prefix));
  return out;
}

const reference = await XenstoreClient.connect({ path: '/var/run/xenstored/socket' });
for (const [name, options] of [
  ['default search', {}],
  ['xenbus device', { path: '/dev/xen/xenbus' }],
]) {
  const xs = await XenstoreClient.connect(options);
  try {
    results[name] = await exercise(xs, `/libvirt-ts-check/${name.replace(/ /g, '-')}`, reference);
  } catch (error) {
    results[name] = { error: String(error?.stack ?? error) };
  } finally {
    await xs.close();
  }
}
await reference.close();
console.log(`RESULT ${JSON.stringify(results)}`);
