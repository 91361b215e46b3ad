import { describe, expect, it } from 'vitest';
import { formatCheckpointXml, parseXml, readCheckpointElement, XmlFormatError } from '../src/index.js';

const read = (xml: string, strict = false) => readCheckpointElement(parseXml(xml), xml, { strict });

describe('domaincheckpoint XML', () => {
  it('reads what libvirt reads (a disk without checkpoint= is a bitmap) and writes it back in its layout', () => {
    const xml =
      "<domaincheckpoint><disks><disk name='vdb' checkpoint='no'/><disk name='vda' bitmap='b1'/></disks><creationTime>5</creationTime><parent><name>p</name></parent><description>d &amp; e</description><name>c</name></domaincheckpoint>";
    const config = read(xml);
    expect(config).toEqual({
      name: 'c',
      description: 'd & e',
      parent: 'p',
      creationTime: 5,
      disks: [
        { name: 'vdb', checkpoint: 'no' },
        { name: 'vda', checkpoint: 'bitmap', bitmap: 'b1' },
      ],
    });
    expect(formatCheckpointXml(config)).toBe(
      "<domaincheckpoint>\n  <name>c</name>\n  <description>d &amp; e</description>\n  <parent>\n    <name>p</name>\n  </parent>\n  <creationTime>5</creationTime>\n  <disks>\n    <disk name='vdb' checkpoint='no'/>\n    <disk name='vda' checkpoint='bitmap' bitmap='b1'/>\n  </disks>\n</domaincheckpoint>\n",
    );
  });

  it('leaves the domain out when asked, and writes an empty checkpoint as one element', () => {
    const config = read("<domaincheckpoint><name>c</name><domain type='test'><name>t</name><memory>1024</memory><os><type>hvm</type></os></domain></domaincheckpoint>");
    expect(config.domain?.name).toBe('t');
    expect(formatCheckpointXml(config, { noDomain: true })).toBe('<domaincheckpoint>\n  <name>c</name>\n</domaincheckpoint>\n');
    expect(formatCheckpointXml({})).toBe('<domaincheckpoint/>\n');
  });

  it('refuses another root, a disk without a name, an unknown checkpoint type, and (strict) what it does not know', () => {
    const reason = (xml: string, strict = false) => {
      try {
        read(xml, strict);
      } catch (error) {
        expect(XmlFormatError.isInstance(error)).toBe(true);
        return (error as XmlFormatError).reason;
      }
      return undefined;
    };
    expect(reason('<domainsnapshot/>')).toBe('WRONG_ROOT');
    expect(reason('<domaincheckpoint><disks><disk/></disks></domaincheckpoint>')).toBe('MISSING_ATTRIBUTE');
    expect(reason("<domaincheckpoint><disks><disk name='a' checkpoint='x'/></disks></domaincheckpoint>")).toBe('INVALID_VALUE');
    expect(reason('<domaincheckpoint><foo/></domaincheckpoint>', true)).toBe('UNKNOWN_NODE');
  });
});
