/**
 * What a well-formed request looks like, per command (libvirt_proxy.c's checks, made strict): the
 * daemon closes a client whose packet breaks these. Pure: no I/O.
 */
import { PROXY_MAX_NAME, ProxyCommand, type ProxyPacket, proxyCommandName } from './proxy-packet.js';

const UUID_SIZE = 16;

/** Commands whose request is the bare header (the argument, if any, in the data union). */
const HEADER_ONLY: ReadonlySet<number> = new Set([
  ProxyCommand.NONE,
  ProxyCommand.VERSION,
  ProxyCommand.NODE_INFO,
  ProxyCommand.LIST,
  ProxyCommand.NUM_DOMAIN,
  ProxyCommand.LOOKUP_ID,
  ProxyCommand.MAX_MEMORY,
  ProxyCommand.DOMAIN_INFO,
  ProxyCommand.DOMAIN_XML,
  ProxyCommand.DOMAIN_OSTYPE,
  ProxyCommand.NUM_DEFINED,
  ProxyCommand.LIST_DEFINED,
]);

/** Commands whose request carries one NUL-terminated domain name. */
const NAMED: ReadonlySet<number> = new Set([ProxyCommand.LOOKUP_NAME, ProxyCommand.DOMAIN_FLAGS, ProxyCommand.DOMAIN_INFO_BY_NAME, ProxyCommand.DOMAIN_STATE]);

/**
 * Why `request` is malformed, or undefined when it is well laid out. A command the protocol does
 * not know is not malformed here (its framing already checked out): the daemon answers it with a
 * failure, as it answers every request it will not carry out.
 */
export function malformedRequestReason(request: ProxyPacket): string | undefined {
  const { command, extra } = request;
  if (HEADER_ONLY.has(command)) {
    return extra.length === 0 ? undefined : `${proxyCommandName(command)} carries ${extra.length} bytes after the header, expected none`;
  }
  if (command === ProxyCommand.LOOKUP_UUID) {
    return extra.length === UUID_SIZE ? undefined : `LOOKUP_UUID carries ${extra.length} bytes, expected a ${UUID_SIZE}-byte UUID`;
  }
  if (NAMED.has(command)) {
    const name = proxyCommandName(command);
    if (extra.length < 2 || extra.length > PROXY_MAX_NAME + 1) {
      return `${name} carries ${extra.length} bytes, expected a name of 1..${PROXY_MAX_NAME} bytes and its NUL`;
    }
    const nul = extra.indexOf(0);
    return nul === extra.length - 1 ? undefined : `${name} name is not a NUL-terminated string filling the packet`;
  }
  return undefined;
}
