// The corpus under test/fixtures, by folder.
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('./fixtures/', import.meta.url);

export interface Fixture {
  /** `sexpr2xmldata/sexpr2xml-pv.xml` */
  name: string;
  text: string;
}

export function fixtures(folder: string): Fixture[] {
  const dir = new URL(`${folder}/`, root);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.xml'))
    .sort()
    .map((file) => ({ name: `${folder}/${file}`, text: readFileSync(new URL(file, dir), 'utf8') }));
}

export function fixtureText(path: string): string {
  return readFileSync(new URL(path, root), 'utf8');
}

/** Every domain document of the corpus that is well-formed. */
export function allDomainFixtures(): Fixture[] {
  return ['sexpr2xmldata', 'xml2sexprdata', 'xmconfigdata', 'v0.1.3', 'v0.1.5-earliest', 'v0.2.0', 'peer-virsh']
    .flatMap(fixtures)
    .filter((fixture) => !['peer-virsh/malformed.xml', 'peer-virsh/notxml.xml'].includes(fixture.name));
}

/**
 * Corpus files that are not libvirt formatter output, so `write(parse(file))`
 * cannot reproduce them. Each entry says why (also listed in the README).
 */
export const NOT_FORMATTER_OUTPUT: Readonly<Record<string, string>> = {
  'sexpr2xmldata/sexpr2xml-fv-legacy-vfb.xml':
    'hand-written: its <interface> precedes the <disk>s and its <target> precedes <mac>, an order libvirt never writes',
  'xmconfigdata/test-fullvirt-usbtablet-no-bus.xml':
    'an input of a failing xml->xm case: <currentMemory> before <memory>, <on_*> before <features>',
};
