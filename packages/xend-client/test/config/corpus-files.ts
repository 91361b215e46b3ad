import { readdirSync, readFileSync } from 'node:fs';

// Loading libvirt's xml2sexpr / sexpr2xml fixtures (copied from ../shared/libvirt-data, see
// fixtures/SOURCE.txt).

export const fixturesDir = new URL('./fixtures/', import.meta.url);

/** A fixture's text. libvirt's test loader joined lines ending in a backslash; so do we. */
export function readFixture(folder: string, file: string): string {
  return readFileSync(new URL(`${folder}/${file}`, fixturesDir), 'utf8').replace(/\\\n/g, '');
}

/** Case names in `folder`: `xml2sexpr-fv.xml` with prefix `xml2sexpr-` and ext `.xml` is `fv`. */
export function caseNames(folder: string, prefix: string, extension: string): string[] {
  return readdirSync(new URL(`${folder}/`, fixturesDir))
    .filter((file) => file.startsWith(prefix) && file.endsWith(extension))
    .map((file) => file.slice(prefix.length, -extension.length))
    .sort();
}

/** Some of libvirt's .sexpr files have a ")" too many or too few, which its reader shrugged off. */
export const LIBVIRT_READER = { lenient: true } as const;
