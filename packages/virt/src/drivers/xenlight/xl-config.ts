import { domainToXenConfig } from '@libvirt-ts/xen-config';
import type { DomainConfig } from '@libvirt-ts/xml-format';
import { messageOf } from '../../errors/to-virt-error.js';
import type { VirtError } from '../../errors/virt-error.js';
import { xenDriverError } from '../xen/to-virt-error.js';

/**
 * A domain config as the `xl` config file `xl create` builds it from: `@libvirt-ts/xen-config`'s
 * conversion, byte for byte what libvirt 9's domxml-to-native xen-xl writes. What the format cannot
 * carry is CONFIG_UNSUPPORTED with the converter's reason.
 */
export function toXlConfig(config: DomainConfig): string {
  try {
    return domainToXenConfig('xen-xl', config);
  } catch (error) {
    throw unsupported(error);
  }
}

function unsupported(error: unknown): VirtError {
  return xenDriverError('LIBXL', 'CONFIG_UNSUPPORTED', messageOf(error), { cause: error });
}
