/**
 * `@libvirt-ts/proxy-protocol`: libvirt_proxy's packets as libvirt 0.1.3 (and 0.2's XML and OS type
 * additions) laid them out, and libvirt-ts's five additions for defined domains and states (commands 12-16). Pure: no I/O. The client is virt's proxy driver; the daemon is
 * `@libvirt-ts/proxy`.
 */
export {
  argOf,
  dataFromArg,
  dataFromLong,
  encodeProxyPacket,
  longOf,
  PROXY_HEADER_SIZE,
  PROXY_MAX_EXTRA,
  PROXY_MAX_NAME,
  PROXY_MAX_PACKET,
  PROXY_PROTO_VERSION,
  PROXY_SERIAL_MODULO,
  ProxyCommand,
  ProxyDomainFlag,
  type ProxyPacket,
  ProxyPacketDecoder,
  ProxyPacketError,
  type ProxyPacketErrorCode,
  type ProxyPacketErrorInit,
  proxyCommandName,
} from './proxy-packet.js';
export {
  DOMAIN_INFO_SIZE,
  decodeDomainInfo,
  decodeIdList,
  decodeName,
  decodeNameList,
  decodeNodeInfo,
  decodeText,
  decodeUuid,
  decodeUuidAndName,
  encodeDomainInfo,
  encodeIdList,
  encodeName,
  encodeNameList,
  encodeNodeInfo,
  encodeText,
  encodeUuidAndName,
  NODE_INFO_SIZE,
  type ProxyDomainInfo,
  type ProxyNodeInfo,
} from './proxy-payloads.js';
export { malformedRequestReason } from './proxy-request-rules.js';
export { DEFAULT_PROXY_SOCKET, printableSocketName, proxySocketAddress, SUN_PATH_SIZE } from './proxy-socket-name.js';
