// One xl disk spec (xl-disk-configuration(5)) to a DiskConfig, as libvirt
// reads it through libxlutil's xlu_disk_parse: comma-separated key=value
// pairs, flags and positional parameters target,format,vdev,access;
// `target=` takes the rest of the spec.
import type { DiskConfig } from '@libvirt-ts/xml-format';
import { internalError, unsupported } from '../xen-config-error.js';

const FORMATS: Record<string, string | undefined> = { raw: 'raw', qcow: 'qcow', qcow2: 'qcow2', vhd: 'vhd', xvhd: 'vhd', qed: 'qed', empty: undefined };
const POSITIONAL = ['target', 'format', 'vdev', 'access'] as const;

interface XlDiskSpec {
  target?: string;
  format?: string;
  vdev?: string;
  access?: string;
  devtype?: string;
  backendtype?: string;
}

export function parseXlDisk(entry: string, hvm: boolean): DiskConfig {
  const spec = splitSpec(entry);
  if (spec.vdev === undefined || spec.vdev === '') throw internalError(`disk spec '${entry}' has no vdev`, 'disk');
  const cdrom = spec.devtype === 'cdrom';
  const access = spec.access ?? 'rw';
  if (!['r', 'ro', 'w', 'rw', ''].includes(access)) throw internalError(`invalid access '${access}' in disk spec '${entry}'`, 'disk');
  const path = spec.target === '' ? undefined : spec.target;
  const disk: DiskConfig = {
    type: 'file',
    device: cdrom ? 'cdrom' : 'disk',
    target: { dev: spec.vdev, bus: spec.vdev.startsWith('xvd') || !hvm ? 'xen' : spec.vdev.startsWith('sd') ? 'scsi' : 'ide' },
  };
  const formatName = spec.format === undefined || spec.format === '' ? 'raw' : spec.format;
  if (!(formatName in FORMATS)) throw unsupported(`disk image format not supported: ${formatName}`, 'disk');
  if (cdrom) {
    disk.driver = { name: 'qemu', type: 'raw' };
  } else {
    const backend = spec.backendtype ?? '';
    const type = FORMATS[formatName];
    if (backend === 'phy') {
      disk.type = 'block';
      disk.driver = { name: 'phy' };
    } else if (backend === 'tap') {
      disk.driver = { name: 'tap' };
    } else if (backend === 'qdisk' || backend === '') {
      disk.driver = { name: 'qemu' };
    } else {
      throw unsupported(`disk backend not supported: ${backend}`, 'disk');
    }
    if (type !== undefined) disk.driver.type = type;
  }
  if (path !== undefined) setSource(disk, path);
  // A CD-ROM is read-only whatever the spec says.
  if (cdrom || access === 'r' || access === 'ro') disk.readonly = true;
  return disk;
}

function splitSpec(entry: string): XlDiskSpec {
  const spec: XlDiskSpec = {};
  let positional = 0;
  let rest = entry;
  while (rest.length > 0) {
    rest = rest.replace(/^[ \t]+/, '');
    if (rest.startsWith('target=')) {
      spec.target = rest.slice('target='.length);
      break;
    }
    const comma = rest.indexOf(',');
    const item = comma < 0 ? rest : rest.slice(0, comma);
    rest = comma < 0 ? '' : rest.slice(comma + 1);
    const equals = item.indexOf('=');
    if (equals >= 0) {
      const key = item.slice(0, equals);
      const value = item.slice(equals + 1);
      if (key === 'target' || key === 'format' || key === 'vdev' || key === 'access' || key === 'devtype' || key === 'backendtype') spec[key] = value;
      else throw unsupported(`disk option '${key}' is not supported`, 'disk');
    } else if (item === 'cdrom') {
      spec.devtype = 'cdrom';
    } else {
      const name = POSITIONAL[positional++];
      if (name === undefined) throw internalError(`too many positional parameters in disk spec '${entry}'`, 'disk');
      spec[name] = item;
    }
  }
  return spec;
}

function setSource(disk: DiskConfig, path: string): void {
  if (path.startsWith('rbd:')) {
    disk.type = 'network';
    disk.source = parseRbd(path.replaceAll('\\\\', '\\'));
  } else if (disk.type === 'block') {
    disk.source = { dev: path };
  } else {
    disk.source = { file: path };
  }
}

/** "rbd:pool/image:auth_supported=none:mon_host=a\:6789\;b": libvirt's RBD colon string. */
function parseRbd(text: string): NonNullable<DiskConfig['source']> {
  const parts = splitUnescaped(text.slice('rbd:'.length), ':');
  const source: NonNullable<DiskConfig['source']> = { protocol: 'rbd', name: parts[0]!.replaceAll('\\', '') };
  for (const option of parts.slice(1)) {
    const equals = option.indexOf('=');
    const key = equals < 0 ? option : option.slice(0, equals);
    const value = equals < 0 ? '' : option.slice(equals + 1);
    if (key === 'mon_host') {
      source.hosts = splitUnescaped(value, ';').map((host) => {
        const [name, port] = splitUnescaped(host, ':');
        return port === undefined ? { name: name!.replace(/^\[|\]$/g, '') } : { name: name!.replace(/^\[|\]$/g, ''), port: Number(port) };
      });
    } else if (key !== 'auth_supported') {
      throw unsupported(`rbd option '${key}' is not supported`, 'disk');
    }
  }
  return source;
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
