// The domainsnapshot reader and writer: libvirt's layout, values kept, and the writer's output
// valid against libvirt's own domainsnapshot.rng (Debian libvirt0 9.0), checked by xmllint.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DomainSnapshotConfig, formatSnapshotXml, parseXml, readSnapshotElement, XmlFormatError } from '../src/index.js';

const read = (xml: string, strict = false): DomainSnapshotConfig => readSnapshotElement(parseXml(xml), xml, { strict });

const FULL = `<domainsnapshot>
  <name>s2</name>
  <description>a &amp; b</description>
  <state>running</state>
  <parent>
    <name>s1</name>
  </parent>
  <creationTime>1700000002</creationTime>
  <memory snapshot='external' file='/m'/>
  <disks>
    <disk name='vda' snapshot='external' type='file'>
      <driver type='qcow2'/>
      <source file='/x.s2'/>
    </disk>
    <disk name='vdb' snapshot='no'/>
  </disks>
  <domain type='test'>
    <name>test</name>
    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
    <memory unit='KiB'>1024</memory>
    <currentMemory unit='KiB'>1024</currentMemory>
    <vcpu placement='static'>1</vcpu>
    <os>
      <type arch='i686'>hvm</type>
    </os>
    <clock offset='utc'/>
    <on_poweroff>destroy</on_poweroff>
    <on_reboot>restart</on_reboot>
    <on_crash>destroy</on_crash>
    <devices>
    </devices>
  </domain>
  <active>1</active>
</domainsnapshot>
`;

describe('domainsnapshot XML', () => {
  it('reads every field and writes the document back as libvirt lays it out', () => {
    const config = read(FULL, true);
    expect(config).toMatchObject({
      name: 's2',
      description: 'a & b',
      state: 'running',
      parent: 's1',
      creationTime: 1700000002,
      memory: { snapshot: 'external', file: '/m' },
      disks: [{ name: 'vda', snapshot: 'external', type: 'file', driverType: 'qcow2', sourceFile: '/x.s2' }, { name: 'vdb', snapshot: 'no' }],
      active: true,
    });
    expect(config.domain?.name).toBe('test');
    expect(formatSnapshotXml(config)).toBe(FULL);
  });

  it('keeps a domain given by its UUID alone', () => {
    const xml = '<domainsnapshot>\n  <name>old</name>\n  <domain>\n    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n  </domain>\n</domainsnapshot>\n';
    expect(read(xml).domainUuid).toBe('6695eb01-f6a4-8304-79aa-97f2502e193f');
    expect(formatSnapshotXml(read(xml))).toBe(xml);
  });

  it('refuses values libvirt does not know, naming where they stand', () => {
    const fail = (xml: string) => {
      try {
        read(xml);
      } catch (error) {
        if (XmlFormatError.isInstance(error)) return { code: error.code, path: error.path, value: error.value };
      }
      return undefined;
    };
    expect(fail("<domainsnapshot><memory snapshot='bogus'/></domainsnapshot>")).toEqual({ code: 'INVALID_ARG', path: '/domainsnapshot/memory/@snapshot', value: 'bogus' });
    expect(fail('<domainsnapshot><state>asleep</state></domainsnapshot>')).toMatchObject({ code: 'INVALID_ARG', path: '/domainsnapshot/state' });
    expect(fail('<domainsnapshot><disks><disk/></disks></domainsnapshot>')).toMatchObject({ code: 'XML_ERROR', path: '/domainsnapshot/disks/disk/@name' });
    expect(fail('<other/>')).toMatchObject({ code: 'XML_ERROR', path: '/other' });
    expect(() => read('<domainsnapshot><bogus/></domainsnapshot>', true)).toThrow(/unknown element <bogus>/);
  });

  const SCHEMA = '/usr/share/libvirt/schemas/domainsnapshot.rng';
  const xmllint = spawnSync('xmllint', ['--version']).status === 0;
  it.skipIf(!existsSync(SCHEMA) || !xmllint)(`writes documents that validate against ${SCHEMA}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'xml-format-snapshot-'));
    try {
      const file = join(dir, 'snapshot.xml');
      const { active: _internal, ...config } = read(FULL);
      writeFileSync(file, formatSnapshotXml(config));
      const report = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, file], { encoding: 'utf8' });
      expect(report.stderr).toContain(`${file} validates`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
