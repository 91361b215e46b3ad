// Listing 1,000 domains with full info from a fake xend on a unix socket: our one request
// (GET /xend/domain?detail=1) side by side with libvirt 0.1.3's way (GET /xend/domain for the
// names, then one GET /xend/domain/<name>?detail=1 per domain, one after the other).
// The requests each way makes are counted on the server in a first listing and shown in the
// benchmark names.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { XendClient, type XendDomainRecord } from '../src/index.js';
import { startFakeXend } from '../src/testing/index.js';

const DOMAINS = 1_000;

const dir = await mkdtemp(join(tmpdir(), 'xend-bench-'));
const fake = await startFakeXend(
  { socketPath: join(dir, 'xend-socket') },
  {
    node: { total_memory: 1_000_000 },
    domains: Array.from({ length: DOMAINS }, (_, index) => ({
      name: `guest-${index}`,
      memory: 256,
      vcpus: 1 + (index % 4),
      state: index % 2 === 0 ? ('blocked' as const) : ('running' as const),
      extras: [
        "(image (linux (kernel '/boot/vmlinuz-2.6.16-xen') (ramdisk '/boot/initrd-2.6.16-xen.img') (args 'root=/dev/xvda1 ro')))",
        `(device (vbd (dev xvda) (uname file:/var/lib/xen/images/guest-${index}.img) (mode w)))`,
        `(device (vif (mac 00:16:3e:00:${(index >> 8).toString(16).padStart(2, '0')}:${(index & 0xff).toString(16).padStart(2, '0')}) (bridge xenbr0) (script vif-bridge)))`,
      ],
    })),
  },
);
const client = new XendClient(fake.endpoint, { timeoutMs: 120_000 });

/** Lists once, checks every domain came back, and says how many requests it took. */
async function requestsFor(list: () => Promise<XendDomainRecord[]>): Promise<number> {
  const before = fake.state.requestCount;
  const domains = await list();
  if (domains.length !== DOMAINS + 1) throw new Error(`listed ${domains.length} domains, not ${DOMAINS + 1}`);
  return fake.state.requestCount - before;
}

/** libvirt 0.1.3's xenDaemonListDomains + GetInfo: the names, then each domain's details in turn. */
async function listOneByOne(): Promise<XendDomainRecord[]> {
  const domains: XendDomainRecord[] = [];
  for (const name of await client.listDomainNames()) domains.push(await client.getDomain(name));
  return domains;
}

const listAtOnce = () => client.listDomains();
const oneRequest = await requestsFor(listAtOnce);
const oneByOne = await requestsFor(listOneByOne);

describe(`list ${DOMAINS} domains with full info`, () => {
  afterAll(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  bench(`one request: GET /xend/domain?detail=1 (${oneRequest} request)`, () => requestsFor(listAtOnce).then(() => {}), {
    iterations: 10,
    time: 0,
  });

  bench(`libvirt 0.1.3: names, then one GET per domain (${oneByOne} requests)`, () => requestsFor(listOneByOne).then(() => {}), {
    iterations: 3,
    time: 0,
  });
});
