import { formatUuid } from '@libvirt-ts/xml-format';
import type { DomainRef } from '../../driver.js';
import type { VirtError } from '../../errors/virt-error.js';
import { xenDriverError } from '../xen/to-virt-error.js';

/** libvirt 9's libxl wording for a domain that is gone (or never was): NO_DOMAIN. */
export function domainGone(ref: DomainRef): VirtError {
  return xenDriverError('LIBXL', 'NO_DOMAIN', `no domain with matching uuid '${formatUuid(ref.uuid)}' (${ref.name})`);
}

/** Dom0 cannot be paused, destroyed or saved: libvirt 9's refusal. */
export function notForDom0(): VirtError {
  return xenDriverError('LIBXL', 'OPERATION_INVALID', 'Domain-0 does not support requested operation');
}

export function notRunning(): VirtError {
  return xenDriverError('LIBXL', 'OPERATION_INVALID', 'domain is not running');
}

export function alreadyActive(name: string): VirtError {
  return xenDriverError('LIBXL', 'OPERATION_INVALID', `domain '${name}' is already active`);
}
