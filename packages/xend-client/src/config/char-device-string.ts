import type { CharDeviceConfig, CharDeviceType, CharSource } from '@libvirt-ts/xml-format';
import { badXendSexpr, unsupportedByXend } from './config-errors.js';

// xend (qemu-dm) describes a serial or parallel port as one string: `pty`, `null`,
// `file:/path`, `/dev/ttyS0`, `tcp:host:port,server,nowait`, `telnet:host:port`,
// `udp:rhost:rport@lhost:lport`, `unix:/path,server,nowait`...

const SERVER_SUFFIX = ',server,nowait';

function sourceWithMode(device: CharDeviceConfig, mode: 'bind' | 'connect'): CharSource | undefined {
  return device.sources.find((source) => (source.mode ?? 'connect') === mode);
}

/** The xend string for a character device, or NO_SUPPORT for kinds xend has no spelling for. */
export function formatXendCharDevice(device: CharDeviceConfig): string {
  const first: CharSource = device.sources[0] ?? {};
  switch (device.type) {
    case 'null':
    case 'stdio':
    case 'vc':
    case 'pty':
      return device.type;
    case 'file':
    case 'pipe':
      return `${device.type}:${first.path ?? ''}`;
    case 'dev':
      return first.path ?? '';
    case 'tcp': {
      const protocol = device.protocol === undefined || device.protocol === 'raw' ? 'tcp' : 'telnet';
      const listen = first.mode === 'bind' ? SERVER_SUFFIX : '';
      return `${protocol}:${first.host ?? ''}:${first.service ?? ''}${listen}`;
    }
    case 'udp': {
      const connect = sourceWithMode(device, 'connect') ?? {};
      const bind = sourceWithMode(device, 'bind') ?? {};
      return `udp:${connect.host ?? ''}:${connect.service ?? ''}@${bind.host ?? ''}:${bind.service ?? ''}`;
    }
    case 'unix':
      return `unix:${first.path ?? ''}${first.mode === 'bind' ? SERVER_SUFFIX : ''}`;
    default:
      throw unsupportedByXend(`a character device of type '${device.type}'`);
  }
}

const XEND_CHAR_TYPES: readonly CharDeviceType[] = ['null', 'vc', 'pty', 'dev', 'file', 'pipe', 'stdio', 'udp', 'tcp', 'unix'];

/** Splits `text` at the first `separator`: [before, after], or [text, undefined] without one. */
function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + separator.length)];
}

/** A host:port pair of a tcp or udp string; an empty host is left out. */
function hostAndService(text: string, whole: string): { host?: string; service: string } {
  const [host, service] = splitOnce(text, ':');
  if (service === undefined) throw badXendSexpr(`malformed character device "${whole}": expected host:port`);
  return host === '' ? { service } : { host, service };
}

/** The device a xend string describes; `tty` is the pty path xenstore reported, if any. */
export function parseXendCharDevice(value: string, tty: string | undefined): CharDeviceConfig {
  if (value.startsWith('/')) return { type: 'dev', sources: [{ path: value }] };
  const [prefix, rest = ''] = splitOnce(value, ':');
  if (prefix.startsWith('telnet')) return parseTcp(rest, value, 'telnet');
  const type = XEND_CHAR_TYPES.find((known) => known === prefix);
  if (type === undefined) throw badXendSexpr(`unknown character device type '${prefix}' in "${value}"`);
  switch (type) {
    case 'pty':
      return tty === undefined ? { type, sources: [] } : { type, tty, sources: [{ path: tty }] };
    case 'file':
    case 'pipe':
      return { type, sources: [{ path: rest }] };
    case 'tcp':
      return parseTcp(rest, value, 'raw');
    case 'udp': {
      const [connect, bind] = splitOnce(rest, '@');
      const sources: CharSource[] = [];
      if (bind !== undefined) sources.push({ mode: 'bind', ...hostAndService(bind, value) });
      sources.push({ mode: 'connect', ...hostAndService(connect, value) });
      return { type, sources };
    }
    case 'unix': {
      const [path, options] = splitOnce(rest, ',');
      const mode = options !== undefined && `,${options}`.includes(',server') ? 'bind' : 'connect';
      return { type, sources: [{ mode, path }] };
    }
    default:
      return { type, sources: [] };
  }
}

function parseTcp(rest: string, whole: string, protocol: 'raw' | 'telnet'): CharDeviceConfig {
  const [address, options] = splitOnce(rest, ',');
  const mode = options !== undefined && `,${options}`.includes(',server') ? 'bind' : 'connect';
  return { type: 'tcp', sources: [{ mode, ...hostAndService(address, whole) }], protocol };
}
