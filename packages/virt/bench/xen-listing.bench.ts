import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeXend } from '@libvirt-ts/xend-client/testing';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { Connection } from '../src/connection.js';
import { open } from '../src/index.js';

// Listing 200 domains with their info over xend: our one `?detail=1` request per listing against
// 0.1.3's way (list the ids, then requests per domain for its details).
const DOMAINS = 200;
const dir = mkdtempSync(join(tmpdir(), 'libvirt-ts-bench-'));
let conn: Connection;
let closeXend: () => Promise<void>;

beforeAll(async () => {
  const seed = { domains: Array.from({ length: DOMAINS }, (_, i) => ({ name: `guest${i}`, id: i + 1, memory: 256, vcpus: 1 })) };
  const xend = await startFakeXend({ socketPath: join(dir, 'xend-socket') }, seed);
  closeXend = () => xend.close();
  conn = await open(join(dir, 'xend-socket'));
});

afterAll(async () => {
  await conn.close();
  await closeXend();
  rmSync(dir, { recursive: true, force: true });
});

describe(`list ${DOMAINS} domains with their info over xend (virsh list)`, () => {
  bench('one request (listAllDomainsWithInfo)', async () => {
    await conn.listAllDomainsWithInfo();
  });

  bench("0.1.3's way: ids, then a lookup and a getInfo per domain", async () => {
    const ids = await conn.listDomains();
    await Promise.all(ids.map(async (id) => (await conn.lookupByID(id)).info()));
  });
});
