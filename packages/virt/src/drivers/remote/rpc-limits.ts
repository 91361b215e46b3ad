import { VirtError } from '../../errors/virt-error.js';

/**
 * libvirt's client refuses, before sending, a request whose answer could not fit in one RPC message
 * (remote_protocol.x's *_MAX bounds): VIR_ERR_RPC in the REMOTE domain, worded as libvirt 9's.
 */
export function checkRpcLimit(value: number, max: number, what: string): void {
  if (value > max) throw new VirtError({ code: 'RPC', domain: 'REMOTE', info: `${what} exceeds maximum: ${value} > ${max}` });
}

/** An answer from libvirtd that breaks the bounds the request set (libvirt's client checks them too). */
export function rpcReplyError(detail: string): VirtError {
  return new VirtError({ code: 'RPC', domain: 'REMOTE', info: detail });
}
