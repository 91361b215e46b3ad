import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { bench, describe } from 'vitest';
import { formatDomainXml, parseDomainXml } from '../src/index.js';

// Documents per second (vitest's hz) for parse and write, beside a raw saxes
// pass over the same text with no handlers: the floor any saxes-based parser
// pays. Target: parse within 2x of the raw pass.
const documents = {
  "guava.xml, libvirt 0.1.3's PV example": '../test/fixtures/v0.1.3/guava.xml',
  'test-pci-devs.xml, the largest corpus file': '../test/fixtures/xmconfigdata/test-pci-devs.xml',
};

for (const [title, path] of Object.entries(documents)) {
  const xml = readFileSync(new URL(path, import.meta.url), 'utf8');
  const config = parseDomainXml(xml);

  describe(`${title} (${xml.length} bytes)`, () => {
    bench('raw saxes pass (floor)', () => {
      new SaxesParser({ position: true }).write(xml).close();
    });

    bench('parseDomainXml', () => {
      parseDomainXml(xml);
    });

    bench('formatDomainXml', () => {
      formatDomainXml(config);
    });
  });
}
