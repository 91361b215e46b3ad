import { RemoteError } from '../remote-error.js';

export type RemoteTransportName = 'unix' | 'tcp' | 'tls' | 'ssh';
export type RemoteMode = 'auto' | 'legacy' | 'direct';

/** A connection URI as libvirt's remote driver reads it (libvirt 9, remote_driver.c doRemoteOpen). */
export interface RemoteUri {
  /** The URI as given. */
  uri: string;
  /** The hypervisor driver, before `+`: `qemu`, `test`, `xen`... (`remote` lets the server choose). */
  driver: string;
  transport: RemoteTransportName;
  /** The server; undefined for a local one. */
  host: string | undefined;
  port: number | undefined;
  user: string | undefined;
  /** e.g. `/system`, `/default`. */
  path: string;
  /** The parameters the remote driver itself takes (`socket`, `mode`, `pkipath`, `no_verify`...). */
  params: RemoteUriParams;
  /** The URI the server opens (CONNECT_OPEN's name): the driver's URI with the remote driver's parts taken out. */
  name: string;
}

export interface RemoteUriParams {
  name?: string;
  command?: string;
  socket?: string;
  auth?: string;
  netcat?: string;
  keyfile?: string;
  pkipath?: string;
  mode?: RemoteMode;
  proxy?: 'auto' | 'netcat' | 'native';
  no_verify?: boolean;
  no_tty?: boolean;
}

const STRING_PARAMS = new Set(['name', 'command', 'socket', 'auth', 'sshauth', 'netcat', 'keyfile', 'pkipath', 'known_hosts', 'known_hosts_verify', 'tls_priority', 'mode', 'proxy']);
const BOOL_PARAMS = new Set(['no_sanity', 'no_verify', 'no_tty']);
const TRANSPORTS: Record<string, RemoteTransportName | undefined> = { unix: 'unix', tcp: 'tcp', tls: 'tls', ssh: 'ssh' };

function invalid(uri: string, message: string): RemoteError {
  return new RemoteError({ code: 'URI', message: `invalid URI '${uri}': ${message}` });
}

function decode(uri: string, text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalid(uri, `bad escape in '${text}'`);
  }
}

/**
 * Parses a remote connection URI: `driver[+transport]://[user@][host][:port]/path[?params]`. A URI
 * with no transport is `unix` without a host and `tls` with one, as in libvirt. Throws `URI`.
 */
export function parseRemoteUri(uri: string): RemoteUri {
  const match = /^([A-Za-z][A-Za-z0-9.-]*)(?:\+([A-Za-z0-9_-]+))?:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/.exec(uri);
  if (!match) throw invalid(uri, 'expected driver[+transport]://[user@][host][:port]/path');
  const [, driver, transportText, authority = '', rawPath = '', query] = match;
  const userAt = authority.lastIndexOf('@');
  const user = userAt >= 0 ? decode(uri, authority.slice(0, userAt)) : undefined;
  const hostPort = userAt >= 0 ? authority.slice(userAt + 1) : authority;
  const hostMatch = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]*)(?::(\d*))?$/.exec(hostPort);
  if (!hostMatch) throw invalid(uri, `bad server '${hostPort}'`);
  const host = hostMatch[1] === '' ? undefined : decode(uri, hostMatch[1]!.replace(/^\[(.*)\]$/, '$1'));
  const port = hostMatch[2] ? Number(hostMatch[2]) : undefined;
  if (port !== undefined && (port < 1 || port > 65535)) throw invalid(uri, `port ${port} is out of range`);
  if (host !== undefined && !/^[A-Za-z0-9._:%-]+$/.test(host)) throw invalid(uri, `bad host name '${host}'`);
  if (host?.startsWith('-')) throw invalid(uri, `host name '${host}' starts with '-'`);

  let transport: RemoteTransportName;
  if (transportText === undefined) {
    transport = host === undefined ? 'unix' : 'tls';
  } else {
    const known = TRANSPORTS[transportText.toLowerCase()];
    if (known === undefined) throw invalid(uri, `transport '${transportText}' is not one of unix, tcp, tls, ssh`);
    transport = known;
  }
  if (transport === 'unix' && host !== undefined) throw invalid(uri, `using unix socket and remote server '${host}' is not supported`);

  const params: Record<string, string | boolean> = {};
  const kept: string[] = [];
  for (const part of (query ?? '').split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = decode(uri, equals < 0 ? part : part.slice(0, equals));
    const value = equals < 0 ? '' : decode(uri, part.slice(equals + 1));
    const lower = key.toLowerCase();
    if (STRING_PARAMS.has(lower)) params[lower] = value;
    else if (BOOL_PARAMS.has(lower)) {
      if (value !== '0' && value !== '1') throw invalid(uri, `${key} must be 0 or 1`);
      params[lower] = value === '1';
    } else if (lower !== 'authfile') kept.push(part);
  }
  if (params['mode'] !== undefined && !['auto', 'legacy', 'direct'].includes(params['mode'] as string)) {
    throw invalid(uri, `unknown remote mode '${params['mode']}'`);
  }
  if (params['proxy'] !== undefined && !['auto', 'netcat', 'native'].includes(params['proxy'] as string)) {
    throw invalid(uri, `unknown proxy type '${params['proxy']}'`);
  }

  const path = decode(uri, rawPath);
  const name =
    (params['name'] as string | undefined) ??
    (driver === 'remote' ? '' : `${driver}://${path}${kept.length ? `?${kept.join('&')}` : ''}`);
  return { uri, driver: driver!, transport, host, port, user, path, params: params as RemoteUriParams, name };
}
