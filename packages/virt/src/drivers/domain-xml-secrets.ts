import type { DomainConfig } from '@libvirt-ts/xml-format';
import { DomainXMLFlags } from '../constants.js';

/**
 * What every driver's virDomainGetXMLDesc shows of a definition's secrets: graphics passwords only
 * when `flags` has VIR_DOMAIN_XML_SECURE, as libvirt does. Returns `def` itself when there is
 * nothing to hide.
 */
export function shownSecrets(def: DomainConfig, flags: number): DomainConfig {
  if ((flags & DomainXMLFlags.XML_SECURE) !== 0) return def;
  if (!def.devices.graphics.some((g) => g.passwd !== undefined)) return def;
  const graphics = def.devices.graphics.map(({ passwd: _hidden, ...g }) => g);
  return { ...def, devices: { ...def.devices, graphics } };
}
