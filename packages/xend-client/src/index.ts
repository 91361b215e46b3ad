// @libvirt-ts/xend-client: xend's HTTP interface (client), and domain config <-> xend sexpr.

// The client and its records.
export {
  type CallOptions,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_SLOW_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  type DomainName,
  type ShutdownReason,
  XendClient,
  type XendClientOptions,
} from './client/xend-client.js';
export { XendError, XendErrorCode, type XendErrorInit } from './errors/xend-error.js';
export { decodeDomain, decodeDomainList, decodeDomainNames, type XendDomainRecord } from './protocol/domain-record.js';
export { mostSeriousStateFlag, type XendStateFlag } from './protocol/domain-state.js';
export { decodeNode, type XendNodeRecord } from './protocol/node-record.js';
export { secondsToNanoseconds } from './protocol/cpu-time.js';
export { xenExtraRelease } from './protocol/version.js';
export { hasManagedDomains, xendConfigVersionOf } from './protocol/xend-config-version.js';
export {
  DEFAULT_XEND_HOST,
  DEFAULT_XEND_PORT,
  DEFAULT_XEND_SOCKET,
  describeEndpoint,
  endpointsForName,
  type XendEndpoint,
} from './transport/endpoint.js';

// Domain config <-> xend sexpr (src/config/).
export {
  DEFAULT_XEND_CONFIG_VERSION,
  type FromXendSexprOptions,
  fromXendSexpr,
  type ToXendConfigOptions,
  toXendConfig,
  type XendConfigVersion,
} from './config/index.js';
