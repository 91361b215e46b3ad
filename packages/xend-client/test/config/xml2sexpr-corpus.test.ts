import { parseSexpr, printSexpr, sexprEquals } from '@libvirt-ts/sexpr';
import { parseDomainXml } from '@libvirt-ts/xml-format';
import { describe, expect, it } from 'vitest';
import { toXendConfig } from '../../src/config/index.js';
import type { XendConfigVersion } from '../../src/config/index.js';
import { caseNames, LIBVIRT_READER, readFixture } from './corpus-files.js';

// XML in -> expected sexpr out, compared structurally (libvirt compared bytes of its own
// spelling; quoting and spacing are not part of what xend reads).

interface Case {
  input: string;
  output: string;
  version: XendConfigVersion;
}

function check(folder: string, { input, output, version }: Case) {
  const domain = parseDomainXml(readFixture(folder, `xml2sexpr-${input}.xml`));
  const expected = parseSexpr(readFixture(folder, `xml2sexpr-${output}.sexpr`), LIBVIRT_READER);
  const actual = toXendConfig(domain, { xendConfigVersion: version });
  if (!sexprEquals(actual, expected)) expect(printSexpr(actual)).toBe(printSexpr(expected));
}

/**
 * Cases whose expected file cannot be met, with the reason (also in the README). They are run
 * with `it.fails`, so one that starts passing turns red and gets moved back.
 */
const UNPASSABLE: Record<string, string> = {
  'last-xml2sexpr/fv-usbtablet':
    'stale expected file mixing Xen 3.0.2 and 3.1 output; libvirt never ran it (its list has fv-usbmouse twice)',
};

function runCases(folder: string, cases: Case[]) {
  for (const testCase of cases) {
    const name = `${testCase.input} -> ${testCase.output} (xendConfigVersion ${testCase.version})`;
    const reason = UNPASSABLE[`${folder}/${testCase.input}`];
    if (reason === undefined) it(name, () => check(folder, testCase));
    else it.fails(`${name}: known mismatch, ${reason}`, () => check(folder, testCase));
  }
}

describe("xml2sexpr: libvirt's last corpus (xend 3.1+)", () => {
  const cases: Case[] = caseNames('last-xml2sexpr', 'xml2sexpr-', '.xml').map((name) => ({ input: name, output: name, version: 4 }));
  // libvirt's list also converts fv.xml against fv-v2.sexpr: identical once versions merged.
  cases.push({ input: 'fv', output: 'fv-v2', version: 4 });
  runCases('last-xml2sexpr', cases);
});
