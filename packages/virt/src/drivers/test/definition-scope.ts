import type { DomainConfig } from '@libvirt-ts/xml-format';
import { DomainModificationImpact } from '../../constants.js';
import { definitionsFor } from './resource-changes.js';
import type { TestDomain } from './test-domain-list.js';
import { testErrorText } from './test-errors.js';

/**
 * virDomainObjGetOneDef: the one definition a getter reads (CURRENT: the running one of an active
 * domain, else the persistent one); LIVE with CONFIG is refused.
 */
export function oneDefinition(dom: TestDomain, flags: number): DomainConfig {
  const both = DomainModificationImpact.AFFECT_LIVE | DomainModificationImpact.AFFECT_CONFIG;
  if ((flags & both) === both) {
    throw testErrorText('INVALID_ARG', "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
  }
  const { live, config } = definitionsFor(dom, flags & both);
  return (live ?? config) as DomainConfig;
}
