/**
 * The libvirt_proxy wire format of libvirt 0.1.2/0.1.3 (proxy_internal.h): a 16-byte header
 * (version, command, serial, total length as u16, then an 8-byte data union) followed by up to
 * 4080 bytes of `extra`. Native byte order of x86_64, i.e. little-endian. Pure: no I/O. Shared by
 * virt's proxy driver (the client) and @libvirt-ts/proxy (the daemon).
 */

export const PROXY_PROTO_VERSION = 1;
export const PROXY_HEADER_SIZE = 16;
export const PROXY_MAX_PACKET = 4096;
export const PROXY_MAX_EXTRA = PROXY_MAX_PACKET - PROXY_HEADER_SIZE;
/** Names longer than this are refused by the proxy (it copies them into 1000-byte buffers). */
export const PROXY_MAX_NAME = 1000;
/** Serials run 1..4095 and then wrap to 0. */
export const PROXY_SERIAL_MODULO = 4096;

/** virProxyCommand */
export const ProxyCommand = {
  NONE: 0,
  VERSION: 1,
  NODE_INFO: 2,
  LIST: 3,
  NUM_DOMAIN: 4,
  LOOKUP_ID: 5,
  LOOKUP_UUID: 6,
  LOOKUP_NAME: 7,
  MAX_MEMORY: 8,
  DOMAIN_INFO: 9,
  /** Added after 0.1.3 (libvirt 0.2): the domain's XML description, as text without a NUL. */
  DOMAIN_XML: 10,
  /** Added after 0.1.3 (libvirt 0.2): the domain's OS type, as text without a NUL. */
  DOMAIN_OSTYPE: 11,
  // libvirt-ts's additions, for what `virsh list --all` and `dominfo` read beyond running domains
  // (a libvirt daemon answers them with a failure, as every command it does not know):
  /** The number of defined domains that are not running. */
  NUM_DEFINED: 12,
  /** Their names: arg the count, extra the NUL-terminated names one after another. */
  LIST_DEFINED: 13,
  /** For a domain named in extra, running or not: arg the DomainFlag bits. */
  DOMAIN_FLAGS: 14,
  /** For a domain named in extra, running or not: its DOMAIN_INFO. */
  DOMAIN_INFO_BY_NAME: 15,
  /** For a domain named in extra, running or not: arg the state plus 256 times its reason (virDomainGetState). */
  DOMAIN_STATE: 16,
} as const;

/**
 * DOMAIN_FLAGS reply bits; each flag's bit shifted by KNOWN_SHIFT says the daemon's driver could
 * tell it (a driver without autostart, say, leaves that bit unknown rather than false).
 */
export const ProxyDomainFlag = {
  KNOWN_SHIFT: 8,
  ACTIVE: 1,
  PERSISTENT: 2,
  AUTOSTART: 4,
  MANAGED_SAVE: 8,
} as const;
export type ProxyCommand = (typeof ProxyCommand)[keyof typeof ProxyCommand];

const COMMAND_NAMES = new Map<number, string>(Object.entries(ProxyCommand).map(([name, value]) => [value, name]));

export function proxyCommandName(command: number): string {
  return COMMAND_NAMES.get(command) ?? `unknown command ${command}`;
}

export interface ProxyPacket {
  command: ProxyCommand;
  serial: number;
  /** The 8-byte data union: `arg` (int) and `larg` (long) overlay the same bytes. */
  data: Uint8Array;
  extra: Uint8Array;
}

/** Thrown for a packet that breaks the format; `offset` is where in the stream it started. */
/** What was wrong with a packet: its version, its length, or the payload its command carries. */
export type ProxyPacketErrorCode = 'BAD_VERSION' | 'BAD_LENGTH' | 'BAD_PAYLOAD';

export interface ProxyPacketErrorInit {
  code: ProxyPacketErrorCode;
  message: string;
  /** Where in the stream (or payload) the bad packet starts. */
  offset: number;
  cause?: unknown;
}

const marker = Symbol.for('libvirt-ts.ProxyPacketError');

export class ProxyPacketError extends Error {
  override readonly name = 'ProxyPacketError';
  readonly code: ProxyPacketErrorCode;
  readonly offset: number;
  readonly [marker] = true;

  constructor(init: ProxyPacketErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.offset = init.offset;
  }

  /** True for a ProxyPacketError from any copy of this package. */
  static isInstance(value: unknown): value is ProxyPacketError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

/** The data union holding an int in its first 4 bytes (the rest zero). */
export function dataFromArg(arg: number): Uint8Array {
  const data = new Uint8Array(8);
  new DataView(data.buffer).setInt32(0, arg, true);
  return data;
}

/** The data union holding a long (64-bit on x86_64). */
export function dataFromLong(value: bigint): Uint8Array {
  const data = new Uint8Array(8);
  new DataView(data.buffer).setBigInt64(0, value, true);
  return data;
}

export function argOf(packet: ProxyPacket): number {
  return new DataView(packet.data.buffer, packet.data.byteOffset, 8).getInt32(0, true);
}

export function longOf(packet: ProxyPacket): bigint {
  return new DataView(packet.data.buffer, packet.data.byteOffset, 8).getBigInt64(0, true);
}

export function encodeProxyPacket(packet: ProxyPacket): Uint8Array {
  if (packet.extra.length > PROXY_MAX_EXTRA) {
    throw new RangeError(`proxy packet extra of ${packet.extra.length} bytes exceeds ${PROXY_MAX_EXTRA}`);
  }
  const bytes = new Uint8Array(PROXY_HEADER_SIZE + packet.extra.length);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, PROXY_PROTO_VERSION, true);
  view.setUint16(2, packet.command, true);
  view.setUint16(4, packet.serial, true);
  view.setUint16(6, bytes.length, true);
  bytes.set(packet.data.subarray(0, 8), 8);
  bytes.set(packet.extra, PROXY_HEADER_SIZE);
  return bytes;
}

/**
 * Push-based decoder: feed socket chunks, take whole packets out one at a time (so a reader can
 * stop taking while it is busy and the unread bytes stay counted in `bufferedBytes`). A bad version
 * or length is a ProxyPacketError as soon as the header is in (the peer is then out of step for good).
 */
export class ProxyPacketDecoder {
  #buffer = new Uint8Array(0);
  #at = 0;
  #consumed = 0;

  /** Bytes fed and not yet taken as packets. */
  get bufferedBytes(): number {
    return this.#buffer.length - this.#at;
  }

  feed(chunk: Uint8Array): void {
    const rest = this.#buffer.subarray(this.#at);
    const joined = new Uint8Array(rest.length + chunk.length);
    joined.set(rest);
    joined.set(chunk, rest.length);
    this.#consumed += this.#at;
    this.#buffer = joined;
    this.#at = 0;
  }

  /** The next whole packet, or undefined until more bytes arrive. */
  next(): ProxyPacket | undefined {
    if (this.bufferedBytes < PROXY_HEADER_SIZE) return undefined;
    const view = new DataView(this.#buffer.buffer, this.#buffer.byteOffset + this.#at);
    const version = view.getUint16(0, true);
    const length = view.getUint16(6, true);
    const streamOffset = this.#consumed + this.#at;
    if (version !== PROXY_PROTO_VERSION) {
      throw new ProxyPacketError({ code: 'BAD_VERSION', message: `proxy packet version ${version}, expected ${PROXY_PROTO_VERSION}`, offset: streamOffset });
    }
    if (length < PROXY_HEADER_SIZE || length > PROXY_MAX_PACKET) {
      throw new ProxyPacketError({ code: 'BAD_LENGTH', message: `proxy packet length ${length} outside ${PROXY_HEADER_SIZE}..${PROXY_MAX_PACKET}`, offset: streamOffset });
    }
    if (this.bufferedBytes < length) return undefined;
    const at = this.#at;
    this.#at += length;
    return {
      command: view.getUint16(2, true) as ProxyCommand,
      serial: view.getUint16(4, true),
      data: this.#buffer.slice(at + 8, at + PROXY_HEADER_SIZE),
      extra: this.#buffer.slice(at + PROXY_HEADER_SIZE, at + length),
    };
  }

  /** feed() and then every whole packet. */
  push(chunk: Uint8Array): ProxyPacket[] {
    this.feed(chunk);
    const packets: ProxyPacket[] = [];
    for (let packet = this.next(); packet; packet = this.next()) packets.push(packet);
    return packets;
  }
}
