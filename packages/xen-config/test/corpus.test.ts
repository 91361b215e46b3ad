// libvirt 9.0.0's own xl/xm corpus: each case, in each direction libvirt's
// tests run it, must give libvirt's expected file byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_XEN_CAPABILITIES, domainXmlFromXenConfig, domainXmlToXenConfig, type XenConfigFormat } from '../src/index.js';
import { type CorpusCase, type Direction, XL_CASES, XM_CASES } from './corpus-cases.js';
import { KNOWN_GAPS } from './known-gaps.js';

function fixture(folder: string, file: string): string {
  // libvirt's xlconfigtest replaces the firmware directory placeholder with its build's.
  return readFileSync(new URL(`./fixtures/${folder}/${file}`, import.meta.url), 'utf8').replaceAll('/LIBXL_FIRMWARE_DIR/ovmf.bin', DEFAULT_XEN_CAPABILITIES.ovmfLoader);
}

function convert(format: XenConfigFormat, folder: string, name: string, direction: Direction): { got: string; expected: string } {
  const xml = fixture(folder, `test-${name}.xml`);
  const cfg = fixture(folder, `test-${name}.cfg`);
  return direction === 'toNative' ? { got: domainXmlToXenConfig(format, xml), expected: cfg } : { got: domainXmlFromXenConfig(format, cfg), expected: xml };
}

for (const [format, folder, cases] of [
  ['xen-xl', 'xlconfigdata', XL_CASES],
  ['xen-xm', 'xmconfigdata', XM_CASES],
] as [XenConfigFormat, string, CorpusCase[]][]) {
  describe(`${folder}: ${format} conversions byte-identical to libvirt 9`, () => {
    for (const { name, directions } of cases) {
      for (const direction of directions) {
        const title = `${direction === 'toNative' ? 'xml -> cfg' : 'cfg -> xml'} ${name}`;
        const gap = KNOWN_GAPS[`${format} ${direction} ${name}`];
        const test = () => {
          const { got, expected } = convert(format, folder, name, direction);
          expect(got).toBe(expected);
        };
        if (gap === undefined) it(title, test);
        else it.fails(`${title} (known gap: ${gap})`, test);
      }
    }
  });
}
