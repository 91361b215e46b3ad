import { type DomainSnapshotConfig, readSnapshotElement, type SnapshotDisk, XmlFormatError } from '@libvirt-ts/xml-format';
import type { ErrorCodeName } from '../../errors/error-codes.js';
import { VirtError } from '../../errors/virt-error.js';
import { readDefinition } from './parse-definition.js';
import { checkXmlDocument, xmlError } from './xml-parse-error.js';

/** What libvirt's snapshot parser reads only from a redefined snapshot's XML (the rest it makes itself). */
const REDEFINE_ONLY = new Set(['state', 'creationTime', 'parent', 'domain', 'inactiveDomain', 'active']);

/** virStorageType names a snapshot disk may carry in `type=` (libvirt 9). */
const STORAGE_TYPES = ['file', 'block', 'dir', 'network', 'volume', 'nvme', 'vhostuser', 'vhostvdpa'];
/** virStorageFileFormat names accepted in `<driver type>` (`none` is not one). */
const DISK_FORMATS = ['raw', 'dir', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'vhd', 'ploop', 'cow', 'qcow', 'qcow2', 'qed', 'vmdk', 'luks'];

/**
 * virDomainSnapshotDefParseString as libvirt 9's test driver calls it: well-formedness in libxml2's
 * words (document `(domain_snapshot)`), the root, then the checks of snapshot_conf.c in its words.
 * Without `redefine` only name, description, memory and disks are read, as libvirt does.
 */
export function parseSnapshotDefinition(xml: string, redefine: boolean): DomainSnapshotConfig {
  const root = checkXmlDocument(xml, '(domain_snapshot)', 'domainsnapshot', 'memory');
  if (!redefine) root.children = root.children.filter((child) => !REDEFINE_ONLY.has(child.name));
  let def: DomainSnapshotConfig;
  try {
    def = readSnapshotElement(root, xml, { readDomain: (domain, source) => readDefinition(domain, source) });
  } catch (error) {
    throw VirtError.isInstance(error) ? error : snapshotXmlError(error);
  }
  if (redefine) checkRedefined(def, root.children.some((c) => c.name === 'creationTime'));
  checkMemory(def, redefine);
  for (const disk of def.disks ?? []) checkDisk(disk);
  return def;
}

function checkRedefined(def: DomainSnapshotConfig, hasCreationTime: boolean): void {
  if (def.name === undefined) throw xmlError('a redefined snapshot must have a name');
  if (!hasCreationTime) throw conf('INTERNAL_ERROR', 'missing creationTime from existing snapshot');
  if (def.state === undefined) throw xmlError('missing state from existing snapshot');
  if (def.state === 'nostate') throw conf('CONFIG_UNSUPPORTED', `Invalid state '${def.state}' in domain snapshot XML`);
}

/** The memory element's checks; `redefine` fills the location libvirt deduces from the state. */
function checkMemory(def: DomainSnapshotConfig, redefine: boolean): void {
  const memory = def.memory ?? {};
  if (memory.snapshot === 'manual') throw xmlError("'manual' memory snapshot mode not supported");
  const offline = def.state === 'shutoff' || def.state === 'disk-snapshot';
  let location = memory.snapshot;
  if (location === undefined && memory.file !== undefined) location = 'external';
  else if (location === undefined && redefine) location = offline ? 'no' : 'internal';
  if (memory.file !== undefined && location !== 'external') throw xmlError(`memory filename '${memory.file}' requires external snapshot`);
  if (memory.file === undefined && location === 'external') throw xmlError('external memory snapshots require a filename');
  if (redefine && offline && location !== undefined && location !== 'no') throw xmlError('memory state cannot be saved with offline or disk-only snapshot');
  if (memory.file !== undefined && !memory.file.startsWith('/')) throw xmlError(`memory snapshot file path (${memory.file}) must be absolute`);
  if (location !== undefined) def.memory = { ...memory, snapshot: location };
}

/** virDomainSnapshotDiskDefParseXML's checks; a disk given a file or format is external. */
function checkDisk(disk: SnapshotDisk): void {
  if (disk.type !== undefined && !STORAGE_TYPES.includes(disk.type)) throw invalidAttribute('type', 'disk', disk.type);
  if (disk.type === 'volume' || disk.type === 'dir') throw xmlError(`unsupported disk snapshot type '${disk.type}'`);
  if (disk.driverType !== undefined && !DISK_FORMATS.includes(disk.driverType)) {
    throw conf('CONFIG_UNSUPPORTED', `unknown disk snapshot driver '${disk.driverType}'`);
  }
  if (disk.sourceFile !== undefined && !disk.sourceFile.startsWith('/')) {
    throw xmlError(`disk snapshot image path '${disk.sourceFile}' must be absolute`);
  }
  if (disk.snapshot === undefined && (disk.sourceFile !== undefined || disk.driverType !== undefined)) disk.snapshot = 'external';
}

/** The reader's errors in libvirt 9's words, by where they stand. */
function snapshotXmlError(error: unknown): VirtError {
  if (!XmlFormatError.isInstance(error)) return conf('INTERNAL_ERROR', String(error));
  const path = error.path ?? '';
  const attribute = /\/([^/]+)\/@([^/]+)$/.exec(path);
  if (error.reason === 'MISSING_ATTRIBUTE' && path.endsWith('/disk/@name')) return conf('INTERNAL_ERROR', 'missing name from disk snapshot element');
  if (attribute && error.reason === 'INVALID_VALUE') return invalidAttribute(attribute[2] ?? '', attribute[1] ?? '', error.value ?? '');
  if (path === '/domainsnapshot/state') return conf('CONFIG_UNSUPPORTED', `Invalid state '${error.value?.trim() ?? ''}' in domain snapshot XML`);
  if (path === '/domainsnapshot/creationTime') return conf('INTERNAL_ERROR', 'missing creationTime from existing snapshot');
  return xmlError(error.detail, error);
}

/** virXMLPropEnum's words for a value it does not know. */
function invalidAttribute(attribute: string, element: string, value: string): VirtError {
  return xmlError(`Invalid value for attribute '${attribute}' in element '${element}': '${value}'.`);
}

/** An error of snapshot_conf.c (layer DOMAIN_SNAPSHOT). */
function conf(code: ErrorCodeName, detail: string): VirtError {
  return new VirtError({ code, domain: 'DOMAIN_SNAPSHOT', info: detail });
}
