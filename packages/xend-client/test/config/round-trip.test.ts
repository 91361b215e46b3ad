import { fromArray, type SExpr, toArray } from '@libvirt-ts/sexpr';
import { parseDomainXml } from '@libvirt-ts/xml-format';
import { describe, expect, it } from 'vitest';
import { fromXendSexpr, toXendConfig } from '../../src/index.js';
import { caseNames, readFixture } from './corpus-files.js';
import { legacyView } from './domain-content.js';

// What toXendConfig writes, read back as xend would report it, gives the same domain.

/** The `(vm ...)` config as the `(domain ...)` record xend answers with. */
function asDomainRecord(vm: SExpr): SExpr {
  const [, ...entries] = toArray(vm) as unknown[];
  return fromArray(['domain', ...entries] as never);
}

describe('toXendConfig then fromXendSexpr keeps the domain', () => {
  it.each(caseNames('last-xml2sexpr', 'xml2sexpr-', '.xml'))('%s', (name) => {
    const original = parseDomainXml(readFixture('last-xml2sexpr', `xml2sexpr-${name}.xml`));
    const back = fromXendSexpr(asDomainRecord(toXendConfig(original)));
    const byTarget = (view: ReturnType<typeof legacyView>) => ({
      ...view,
      id: undefined,
      disks: [...view.disks].sort((a, b) => a.target.localeCompare(b.target)),
      os: { ...view.os, boot: view.os.type === 'hvm' && view.os.kernel === undefined ? view.os.boot : [] },
    });
    const expected = byTarget(legacyView(original));
    // With a bootloader, libvirt passes only the kernel arguments on (the bootloader finds the kernel).
    if (original.bootloader !== undefined) expected.os = { ...expected.os, kernel: undefined, initrd: undefined };
    // libvirt's defaults that the XML left implicit come back explicit.
    expected.interfaces = expected.interfaces.map((net) =>
      net.type === 'bridge' && net.script === undefined ? { ...net, script: 'vif-bridge' } : net,
    );
    if (original.os.type === 'hvm' && expected.os.boot.length === 0 && original.os.kernel === undefined) {
      expected.os.boot = ['hd'];
    }
    expect(byTarget(legacyView(back))).toEqual(expected);
    expect(back.currentMemory).toBe(Math.ceil(original.currentMemory / 1024) * 1024);
  });
});
