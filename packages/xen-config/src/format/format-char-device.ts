// A character device back to the xm/xl string libvirt writes (xenFormatSxprChr).
import type { CharDeviceConfig } from '@libvirt-ts/xml-format';
import { unsupported } from '../xen-config-error.js';

export function formatCharDevice(device: CharDeviceConfig): string {
  const source = device.sources[0];
  switch (device.type) {
    case 'null':
    case 'stdio':
    case 'vc':
    case 'pty':
      return device.type;
    case 'file':
    case 'pipe':
      return `${device.type}:${escapeSexpr(source?.path ?? '')}`;
    case 'dev':
      return escapeSexpr(source?.path ?? '');
    case 'tcp':
      return `${device.protocol === undefined || device.protocol === 'raw' ? 'tcp' : 'telnet'}:${source?.host ?? ''}:${source?.service ?? ''}${source?.mode === 'bind' ? ',server,nowait' : ''}`;
    case 'udp': {
      const connect = device.sources.find((candidate) => candidate.mode !== 'bind');
      const bind = device.sources.find((candidate) => candidate.mode === 'bind');
      return `udp:${connect?.host ?? ''}:${connect?.service ?? ''}@${bind?.host ?? ''}:${bind?.service ?? ''}`;
    }
    case 'unix':
      return `unix:${escapeSexpr(source?.path ?? '')}${source?.mode === 'bind' ? ',server,nowait' : ''}`;
    default:
      throw unsupported(`unsupported chr device type '${device.type}'`);
  }
}

/** libvirt's virBufferEscapeSexpr: a backslash before each backslash and single quote. */
export function escapeSexpr(text: string): string {
  return text.replace(/[\\']/g, (char) => `\\${char}`);
}
