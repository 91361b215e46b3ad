import { parseSexpr } from '@libvirt-ts/sexpr';
import { type DomainConfig, formatDomainXml, parseDomainXml } from '@libvirt-ts/xml-format';
import { describe, expect, it } from 'vitest';
import { fromXendSexpr } from '../../src/config/index.js';
import type { XendConfigVersion } from '../../src/config/index.js';
import { caseNames, LIBVIRT_READER, readFixture } from './corpus-files.js';
import { legacyView } from './domain-content.js';

// sexpr in -> expected XML out, byte for byte through xml-format's writer. As in libvirt's
// test, xenstore is absent: no console tty, VNC port unknown (-1).

interface Case {
  name: string;
  version: XendConfigVersion;
}

/**
 * libvirt's test formatted without VIR_DOMAIN_XML_SECURE, which leaves VNC passwords out;
 * formatDomainXml has no such flag, so the test drops them before writing.
 */
function withoutSecrets(domain: DomainConfig): DomainConfig {
  const graphics = domain.devices.graphics.map(({ passwd: _secret, ...rest }) => rest);
  return { ...domain, devices: { ...domain.devices, graphics } };
}

function check(folder: string, { name, version }: Case) {
  const sexpr = parseSexpr(readFixture(folder, `sexpr2xml-${name}.sexpr`), LIBVIRT_READER);
  const domain = fromXendSexpr(sexpr, { xendConfigVersion: version });
  expect(formatDomainXml(withoutSecrets(domain))).toBe(readFixture(folder, `sexpr2xml-${name}.xml`));
}

/** Cases whose expected file cannot be met, with the reason (also in the README); run with `it.fails`. */
const UNPASSABLE: Record<string, string> = {
  'last-sexpr2xml/fv-legacy-vfb':
    "stale expected file never in libvirt's list: its (vfb) has no type, which libvirt (and we) reject",
};

function runCases(folder: string, cases: Case[]) {
  for (const testCase of cases) {
    const title = `${testCase.name} (xendConfigVersion ${testCase.version})`;
    const reason = UNPASSABLE[`${folder}/${testCase.name}`];
    if (reason === undefined) it(title, () => check(folder, testCase));
    else it.fails(`${title}: known mismatch, ${reason}`, () => check(folder, testCase));
  }
}

describe("sexpr2xml: libvirt's last corpus (xend 3.1+)", () => {
  runCases('last-sexpr2xml', caseNames('last-sexpr2xml', 'sexpr2xml-', '.sexpr').map((name) => ({ name, version: 4 })));
});

// The 2006-2007 expected files are libvirt 0.1.5/0.2.0 XML (no units, <os> before <memory>,
// other element orders), which xml-format's writer does not produce: byte-for-byte they cannot
// match. What they say is checked instead: the expected XML is read with parseDomainXml and
// both configs are compared on what both eras express.

function checkLegacy(folder: string, { name, version }: Case) {
  const sexpr = parseSexpr(readFixture(folder, `sexpr2xml-${name}.sexpr`), LIBVIRT_READER);
  const expected = parseDomainXml(readFixture(folder, `sexpr2xml-${name}.xml`));
  expect(legacyView(fromXendSexpr(sexpr, { xendConfigVersion: version }))).toEqual(legacyView(expected));
}

const LEGACY_UNPASSABLE: Record<string, string> = {};

function runLegacyCases(folder: string, cases: Case[]) {
  for (const testCase of cases) {
    const title = `${testCase.name} (xendConfigVersion ${testCase.version}), compared on content`;
    const reason = LEGACY_UNPASSABLE[`${folder}/${testCase.name}`];
    if (reason === undefined) it(title, () => checkLegacy(folder, testCase));
    else it.fails(`${title}: known mismatch, ${reason}`, () => checkLegacy(folder, testCase));
  }
}

// libvirt 0.2.0's list: Xen 3.0.2 (1) for pv and fv, 3.0.4 (3) for pv-vfb-new, 3.0.3 (2) else.
const V020_VERSIONS: Record<string, XendConfigVersion> = { pv: 1, fv: 1, 'pv-vfb-new': 3 };

describe('sexpr2xml: libvirt 0.2.0 corpus', () => {
  const names = caseNames('v0.2.0-sexpr2xml', 'sexpr2xml-', '.sexpr');
  runLegacyCases('v0.2.0-sexpr2xml', names.map((name) => ({ name, version: V020_VERSIONS[name] ?? 2 })));
});

describe('sexpr2xml: libvirt 0.1.5 corpus (Xen 3.0.2)', () => {
  runLegacyCases('v0.1.5', caseNames('v0.1.5', 'sexpr2xml-', '.sexpr').map((name) => ({ name, version: 1 })));
});
