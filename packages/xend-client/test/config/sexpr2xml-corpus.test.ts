import { parseSexpr } from '@libvirt-ts/sexpr';
import { formatDomainXml } from '@libvirt-ts/xml-format';
import { describe, expect, it } from 'vitest';
import { fromXendSexpr } from '../../src/config/index.js';
import type { XendConfigVersion } from '../../src/config/index.js';
import { caseNames, readFixture } from './corpus-files.js';

// sexpr in -> expected XML out, byte for byte through xml-format's writer. As in libvirt's
// test, xenstore is absent: no console tty, VNC port unknown (-1).

interface Case {
  name: string;
  version: XendConfigVersion;
}

function check(folder: string, { name, version }: Case) {
  const domain = fromXendSexpr(parseSexpr(readFixture(folder, `sexpr2xml-${name}.sexpr`)), { xendConfigVersion: version });
  expect(formatDomainXml(domain)).toBe(readFixture(folder, `sexpr2xml-${name}.xml`));
}

/** Cases whose expected file cannot be met, with the reason (also in the README); run with `it.fails`. */
const UNPASSABLE: Record<string, string> = {};

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
