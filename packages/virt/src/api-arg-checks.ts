import { DomainMetadataType, DomainModificationImpact } from './constants.js';
import { VirtError } from './errors/virt-error.js';

const invalidArg = (message: string) => new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message });

/** libvirt.c's argument checks of the metadata calls, before any driver is asked (`api` names the call). */
export function checkMetadataArgs(api: string, type: number, metadata: string | null | undefined, key: string | null, uri: string | null): void {
  if (type === DomainMetadataType.TITLE && metadata?.includes('\n')) throw invalidArg("metadata title can't contain newlines");
  if (type === DomainMetadataType.TITLE || type === DomainMetadataType.DESCRIPTION) {
    if (uri !== null) throw invalidArg(`uri in ${api} must be NULL`);
    if (key !== null) throw invalidArg(`key in ${api} must be NULL`);
  } else if (type === DomainMetadataType.ELEMENT) {
    if (uri === null) throw invalidArg(`uri in ${api} must not be NULL`);
    if (metadata && key === null) throw invalidArg(`key in ${api} must not be NULL`);
  }
  // libvirt leaves other types to the driver (future expansion)
}

/** libvirt.c's VIR_EXCLUSIVE_FLAGS_GOTO: two flags that cannot be asked together, by their C names. */
export function checkExclusiveFlags(flags: number, a: number, aName: string, b: number, bName: string): void {
  if ((flags & a) !== 0 && (flags & b) !== 0) throw invalidArg(`Flags '${aName}' and '${bName}' are mutually exclusive`);
}

/** The getters that read one definition refuse AFFECT_LIVE with AFFECT_CONFIG. */
export function checkOneDefFlags(flags: number): void {
  const { AFFECT_LIVE, AFFECT_CONFIG } = DomainModificationImpact;
  checkExclusiveFlags(flags, AFFECT_LIVE, 'VIR_DOMAIN_AFFECT_LIVE', AFFECT_CONFIG, 'VIR_DOMAIN_AFFECT_CONFIG');
}
