import type { DomainConfig } from '@libvirt-ts/xml-format';
import { DomainMetadataType, DomainModificationImpact } from '../../constants.js';
import { noSupport } from '../../dispatch.js';
import { oneDefinition } from './definition-scope.js';
import { definitionsFor } from './resource-changes.js';
import type { TestDomain } from './test-domain-list.js';
import { checkFlags, testError } from './test-errors.js';

const SCOPE_FLAGS = DomainModificationImpact.AFFECT_LIVE | DomainModificationImpact.AFFECT_CONFIG;

/** The field of a definition that a metadata type names; `<metadata>` elements are not modelled. */
function fieldOf(type: number, api: string): 'description' | 'title' {
  if (type === DomainMetadataType.DESCRIPTION) return 'description';
  if (type === DomainMetadataType.TITLE) return 'title';
  if (type === DomainMetadataType.ELEMENT) throw noSupport(`${api} with VIR_DOMAIN_METADATA_ELEMENT`);
  throw testError('INVALID_ARG', `unknown metadata type '${type}'`);
}

/** testDomainGetMetadata (virDomainObjGetMetadata): the title or description of the definition `flags` picks. */
export function getMetadata(dom: TestDomain, type: number, flags: number): string {
  checkFlags(flags, SCOPE_FLAGS, 'testDomainGetMetadata');
  const field = fieldOf(type, 'virDomainGetMetadata');
  const value = oneDefinition(dom, flags)[field];
  if (value === undefined) throw testError('NO_DOMAIN_METADATA', 'Requested metadata element is not present');
  return value;
}

/** testDomainSetMetadata (virDomainObjSetMetadata): sets, or with null or '' removes, on every definition `flags` picks. */
export function setMetadata(dom: TestDomain, type: number, metadata: string | null, flags: number): void {
  checkFlags(flags, SCOPE_FLAGS, 'testDomainSetMetadata');
  const field = fieldOf(type, 'virDomainSetMetadata');
  const { live, config } = definitionsFor(dom, flags);
  for (const def of [live, config]) if (def) setField(def, field, metadata);
}

function setField(def: DomainConfig, field: 'description' | 'title', value: string | null): void {
  if (value === null || value === '') delete def[field];
  else def[field] = value;
}
