// One xm/xl character device string ("pty", "tcp:host:port,server,nowait",
// "udp:chost:cport@bhost:bport", "unix:/path,server", "/dev/ttyS0"...) to a
// CharDeviceConfig, as libvirt's xenParseSxprChar reads it.
import type { CharDeviceConfig, CharDeviceType } from '@libvirt-ts/xml-format';
import { CHAR_DEVICE_TYPES } from '@libvirt-ts/xml-format';
import { internalError } from '../xen-config-error.js';

export function parseCharDevice(text: string): CharDeviceConfig {
  if (text.startsWith('/')) return { type: 'dev', sources: [{ path: text }] };
  const colon = text.indexOf(':');
  const prefix = colon < 0 ? text : text.slice(0, colon);
  const value = colon < 0 ? text : text.slice(colon + 1);
  if (prefix.startsWith('telnet')) return parseTcp(value, 'telnet');
  if (!(CHAR_DEVICE_TYPES as readonly string[]).includes(prefix)) throw internalError(`unknown chr device type '${prefix}'`);
  const type = prefix as CharDeviceType;
  switch (type) {
    case 'file':
    case 'pipe':
      return { type, sources: [{ path: value }] };
    case 'tcp':
      return parseTcp(value, 'raw');
    case 'udp':
      return parseUdp(value);
    case 'unix': {
      const comma = value.indexOf(',');
      const path = comma < 0 ? value : value.slice(0, comma);
      const listen = comma >= 0 && value.slice(comma).includes(',server');
      return { type, sources: [{ mode: listen ? 'bind' : 'connect', path }] };
    }
    default:
      return { type, sources: [] };
  }
}

function parseTcp(value: string, protocol: 'raw' | 'telnet'): CharDeviceConfig {
  const colon = value.indexOf(':');
  if (colon < 0) throw internalError('malformed char device string');
  const host = colon > 0 ? value.slice(0, colon) : undefined;
  const rest = value.slice(colon + 1);
  const comma = rest.indexOf(',');
  const service = comma < 0 ? rest : rest.slice(0, comma);
  const listen = comma >= 0 && rest.slice(comma).includes(',server');
  return { type: 'tcp', sources: [{ mode: listen ? 'bind' : 'connect', host, service }], protocol };
}

function parseUdp(value: string): CharDeviceConfig {
  const colon = value.indexOf(':');
  if (colon < 0) throw internalError('malformed char device string');
  const connectHost = colon > 0 ? value.slice(0, colon) : undefined;
  const at = value.indexOf('@', colon);
  if (at < 0) return { type: 'udp', sources: [{ mode: 'connect', host: connectHost, service: value.slice(colon + 1) }] };
  const connectService = value.slice(colon + 1, at);
  const bindColon = value.indexOf(':', at);
  if (bindColon < 0) throw internalError('malformed char device string');
  const bindHost = bindColon > at + 1 ? value.slice(at + 1, bindColon) : undefined;
  const bindService = value.slice(bindColon + 1);
  return {
    type: 'udp',
    sources: [
      { mode: 'bind', host: bindHost, service: bindService },
      { mode: 'connect', host: connectHost, service: connectService },
    ],
  };
}
