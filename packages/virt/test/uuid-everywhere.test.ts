import { parseSexpr } from '@libvirt-ts/sexpr';
import { xenConfigToDomain } from '@libvirt-ts/xen-config';
import { decodeDomain, fromXendSexpr } from '@libvirt-ts/xend-client';
import { canonicalUuid, parseDomainXml } from '@libvirt-ts/xml-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '../src/index.js';
import type { Connection } from '../src/connection.js';

/** test:///default's built-in domain "test". */
const TEST_UUID = '6695eb01-f6a4-8304-79aa-97f2502e193f';

/**
 * Every place that reads a UUID reads it as libvirt's virUUIDParse, through xml-format's one UUID
 * module: the same text is accepted (as the same UUID) or refused in domain XML, xend's records
 * and domain sexprs, xm configs and virt's lookupByUUIDString.
 */
const READERS: Record<string, (text: string) => Promise<string | undefined>> = {
  'domain XML': async (text) => parseDomainXml(`<domain type='xen'><name>t</name><uuid>${text}</uuid><memory>65536</memory><os><type>linux</type><kernel>/k</kernel></os></domain>`).uuid,
  "xend's domain record": async (text) => decodeDomain(parseSexpr(`(domain (domid 1) (name t) (uuid '${text}'))`)).uuid,
  "xend's domain sexpr": async (text) =>
    fromXendSexpr(parseSexpr(`(domain (domid 1) (name t) (uuid '${text}') (memory 64) (maxmem 64) (vcpus 1) (image (linux (kernel /k))))`)).uuid,
  'xm config': async (text) => xenConfigToDomain('xen-xm', `name = "t"\nuuid = "${text}"\nmemory = 64\nkernel = "/k"\n`).uuid,
  'virt lookupByUUIDString': async (text) => (await conn.lookupByUUIDString(text)).UUIDString(),
};

let conn: Connection;
beforeAll(async () => {
  conn = await open('test:///default');
});
afterAll(async () => {
  await conn.close();
});

describe('one UUID reading everywhere (virUUIDParse)', () => {
  const accepted = [
    ['8-4-4-4-12', TEST_UUID],
    ['8-8-8-8 (12345678-12345678-...)', '6695eb01-f6a48304-79aa97f2-502e193f'],
    ['a leading space', ` ${TEST_UUID}`],
    ['surrounding spaces and tabs', `\t ${TEST_UUID} \t`],
    ['32 upper-case digits', TEST_UUID.replaceAll('-', '').toUpperCase()],
    ['spaces between pairs', '6695eb01 f6a4 8304 79aa 97f2 502e193f'],
    ['leading dashes', `--${TEST_UUID}`],
  ];
  const refused = [
    ['a dash inside a pair', `6-695eb01-f6a4-8304-79aa-97f2502e193f`],
    ['31 digits', TEST_UUID.slice(0, -1)],
    ['33 digits', `${TEST_UUID}0`],
    ['a stray letter after', `${TEST_UUID}g`],
    ['braces', `{${TEST_UUID}}`],
  ];

  for (const [where, read] of Object.entries(READERS)) {
    it.each(accepted)(`${where} accepts %s`, async (_, text) => {
      expect(canonicalUuid(text)).toBe(TEST_UUID);
      expect((await read(text))?.toLowerCase()).toBe(TEST_UUID);
    });

    it.each(refused)(`${where} refuses %s`, async (_, text) => {
      expect(canonicalUuid(text)).toBeUndefined();
      await expect(read(text)).rejects.toThrow(/uuid|not parseable/i);
    });
  }
});
