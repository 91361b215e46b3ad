// virConnectDomainXMLToNative / FromNative: the connection methods on the test driver (NO_SUPPORT,
// read-only refusal, as libvirt 9), and the Xen drivers' implementation with libvirt's errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xenDomainXMLFromNative, xenDomainXMLToNative } from '../../src/drivers/xen/native-config.js';
import { open } from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

const corpus = (file: string): string => readFileSync(new URL(`../../../xen-config/test/fixtures/${file}`, import.meta.url), 'utf8');

describe('Connection.domainXMLToNative / domainXMLFromNative', () => {
  it('is not supported by the test driver, with libvirt 9 words', async () => {
    const conn = await open('test:///default');
    await expectVirtError(conn.domainXMLToNative('xen-xl', '<domain/>'), 'NO_SUPPORT', 'this function is not supported by the connection driver: virConnectDomainXMLToNative');
    await expectVirtError(conn.domainXMLFromNative('xen-xl', 'name = "a"\n'), 'NO_SUPPORT', 'this function is not supported by the connection driver: virConnectDomainXMLFromNative');
    await conn.close();
  });

  it('is refused on a read-only connection before any driver sees it', async () => {
    const conn = await open('test:///default', { readOnly: true });
    await expectVirtError(conn.domainXMLToNative('xen-xl', '<domain/>'), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virConnectDomainXMLToNative');
    await expectVirtError(conn.domainXMLFromNative('xen-xm', ''), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virConnectDomainXMLFromNative');
    await conn.close();
  });
});

describe("the Xen drivers' conversions", () => {
  it('convert libvirt corpus files both ways', () => {
    const xml = corpus('xlconfigdata/test-new-disk.xml');
    const cfg = corpus('xlconfigdata/test-new-disk.cfg');
    expect(xenDomainXMLToNative('xen-xl', xml, 0)).toBe(cfg);
    expect(xenDomainXMLFromNative('xen-xl', cfg, 0)).toBe(xml);
    expect(xenDomainXMLToNative('xen-xm', corpus('xmconfigdata/test-paravirt-vcpu.xml'), 0)).toBe(corpus('xmconfigdata/test-paravirt-vcpu.cfg'));
  });

  it('leave graphics passwords out of the XML, as libvirt formats it without the secure flag', () => {
    const xml = xenDomainXMLFromNative('xen-xm', corpus('xmconfigdata/test-paravirt-new-pvfb.cfg'), 0);
    expect(corpus('xmconfigdata/test-paravirt-new-pvfb.xml')).toContain(" passwd='123poi'");
    expect(xml).toBe(corpus('xmconfigdata/test-paravirt-new-pvfb.xml').replace(" passwd='123poi'", ''));
  });

  it('report what libvirt reports', async () => {
    const fail = (run: () => string) => Promise.resolve().then(run);
    await expectVirtError(fail(() => xenDomainXMLFromNative('xen-xl', 'name = "a"\nmemory = \n', 0)), 'CONF_SYNTAX', 'configuration file syntax error: memory conf:2: expecting a value', 'CONF');
    await expectVirtError(fail(() => xenDomainXMLFromNative('xen-xl', 'memory = 5\n', 0)), 'INTERNAL_ERROR', 'internal error: config value name was missing', 'XENXL');
    await expectVirtError(fail(() => xenDomainXMLFromNative('xen-xm', 'name = "a"\nmemory = "x"\n', 0)), 'INTERNAL_ERROR', 'internal error: config value memory was malformed', 'XENXM');
    await expectVirtError(fail(() => xenDomainXMLFromNative('xen-sxpr', '(domain)', 0)), 'OPERATION_UNSUPPORTED', "Operation not supported: conversion from 'xen-sxpr' format is no longer supported", 'LIBXL');
    await expectVirtError(fail(() => xenDomainXMLFromNative('vmware-vmx', '', 0)), 'INVALID_ARG', 'invalid argument: unsupported config type vmware-vmx', 'LIBXL');
    await expectVirtError(fail(() => xenDomainXMLFromNative('xen-xl', '', 1)), 'INVALID_ARG', 'invalid argument: unsupported flags (0x1) in function libxlConnectDomainXMLFromNative', 'LIBXL');
    // The XML is read before the format is looked at.
    const pv = corpus('xmconfigdata/test-paravirt-vcpu.xml');
    await expectVirtError(fail(() => xenDomainXMLToNative('qemu-argv', pv, 0)), 'INVALID_ARG', 'invalid argument: unsupported config type qemu-argv', 'LIBXL');
    const bad = await expectVirtError(fail(() => xenDomainXMLToNative('qemu-argv', '<domain>', 0)), 'XML_ERROR', expect.any(String) as unknown as string, 'XML');
    expect(bad.code).toBe('XML_ERROR');
  });
});
