import { type DomainCheckpointConfig, readCheckpointElement, type XmlElement, XmlFormatError } from '@libvirt-ts/xml-format';
import { VirtError } from '../../errors/virt-error.js';
import { readDefinition } from './parse-definition.js';
import { checkXmlDocument, xmlError } from './xml-parse-error.js';

/** What libvirt's checkpoint parser reads only from a redefined checkpoint's XML (the rest it makes itself). */
const REDEFINE_ONLY = new Set(['creationTime', 'parent', 'domain']);
/** The elements domaincheckpoint.rng allows in `<domaincheckpoint>`, each at most once. */
const SCHEMA_ELEMENTS = new Set(['name', 'description', 'creationTime', 'parent', 'disks', 'domain']);

/**
 * virDomainCheckpointDefParseString as libvirt 9's test driver calls it: well-formedness in libxml2's
 * words (document `(domain_checkpoint)`), the root, the schema (libvirt always validates a
 * checkpoint), then checkpoint_conf.c's checks. Without `redefine` only name, description and disks
 * are read, as libvirt does.
 */
export function parseCheckpointDefinition(xml: string, redefine: boolean): DomainCheckpointConfig {
  const root = checkXmlDocument(xml, '(domain_checkpoint)', 'domaincheckpoint', 'memory');
  checkSchema(root);
  if (!redefine) root.children = root.children.filter((child) => !REDEFINE_ONLY.has(child.name));
  let def: DomainCheckpointConfig;
  try {
    def = readCheckpointElement(root, xml, { readDomain: (domain, source) => readDefinition(domain, source) });
  } catch (error) {
    if (VirtError.isInstance(error)) throw error;
    throw XmlFormatError.isInstance(error) ? xmlError(error.detail, error) : error;
  }
  if (redefine) {
    if (def.name === undefined) throw xmlError('a redefined checkpoint must have a name');
    if (def.creationTime === undefined) throw new VirtError({ code: 'INTERNAL_ERROR', domain: 'DOMAIN_CHECKPOINT', info: 'missing creationTime from existing checkpoint' });
  }
  return def;
}

/**
 * The parts of domaincheckpoint.rng a document breaks most often, in libxml2's words: an element
 * the schema does not know, and a known one (name, creation time, parent, disks) of the wrong form.
 * The nested `<domain>` is left to the domain parser.
 */
function checkSchema(root: XmlElement): void {
  const unknown = root.children.find((child) => !SCHEMA_ELEMENTS.has(child.name));
  if (unknown) throw schemaError([`Element domaincheckpoint has extra content: ${unknown.name}`]);
  const seen = new Set<string>();
  for (const child of root.children) {
    if (seen.has(child.name) || !validElement(child)) throw schemaError([`Extra element ${child.name} in interleave`, 'Element domaincheckpoint failed to validate content']);
    seen.add(child.name);
  }
}

const textOnly = (element: XmlElement, pattern: RegExp): boolean => element.children.length === 0 && pattern.test(element.text);

function validElement(element: XmlElement): boolean {
  switch (element.name) {
    case 'name':
      return textOnly(element, /^[^/]+$/);
    case 'creationTime':
      return textOnly(element, /^[0-9]+$/);
    case 'parent':
      return element.children.length === 1 && element.children[0]?.name === 'name' && textOnly(element.children[0], /^[^/]+$/);
    case 'disks':
      return element.children.length > 0 && element.children.every(validDisk);
    default:
      return true;
  }
}

/** `<disk name= [checkpoint='no' | checkpoint='bitmap' [bitmap=]]/>`. */
function validDisk(disk: XmlElement): boolean {
  if (disk.name !== 'disk' || disk.children.length > 0 || !disk.attributes.has('name')) return false;
  if ([...disk.attributes].some(([name]) => !['name', 'checkpoint', 'bitmap'].includes(name))) return false;
  const checkpoint = disk.attributes.get('checkpoint');
  if (checkpoint === 'no') return !disk.attributes.has('bitmap');
  return checkpoint === undefined || checkpoint === 'bitmap';
}

function schemaError(lines: string[]): VirtError {
  return new VirtError({
    code: 'XML_INVALID_SCHEMA',
    domain: 'XML',
    // libxml2's lines each end with a newline, the last one too
    info: ['Unable to validate doc against /usr/share/libvirt/schemas/domaincheckpoint.rng', ...lines, ''].join('\n'),
  });
}
