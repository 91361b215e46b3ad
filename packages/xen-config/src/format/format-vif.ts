// An InterfaceConfig back to a `vif` entry (libvirt's xenFormatNet).
import type { InterfaceConfig } from '@libvirt-ts/xml-format';
import { unsupported } from '../xen-config-error.js';

/** Xen's default vif hotplug script. */
const DEFAULT_VIF_SCRIPT = 'vif-bridge';

export function formatVif(nic: InterfaceConfig, hvm: boolean, netfrontType: string): string {
  let out = `mac=${nic.mac ?? '00:00:00:00:00:00'}`;
  const ips = nic.ips.map((ip) => ip.address).join(' ');
  if (nic.type === 'bridge') {
    out += `,bridge=${nic.source?.bridge ?? ''}`;
    if (ips !== '') out += `,ip=${ips}`;
    out += `,script=${nic.script ?? DEFAULT_VIF_SCRIPT}`;
  } else if (nic.type === 'ethernet') {
    if (nic.script !== undefined) out += `,script=${nic.script}`;
    if (ips !== '') out += `,ip=${ips}`;
  } else if (nic.type === 'network') {
    // libvirt looks the network's bridge up through the connection; a converter alone cannot.
    throw unsupported(`network '${nic.source?.network ?? ''}' interfaces need a network driver to convert`);
  } else {
    throw unsupported(`Unsupported net type '${nic.type}'`);
  }
  if (nic.model !== undefined) out += hvm && nic.model === 'netfront' ? `,type=${netfrontType}` : `,model=${nic.model}`;
  if (nic.target !== undefined) out += `,vifname=${nic.target}`;
  const average = nic.bandwidth?.outbound?.average;
  if (average !== undefined && average !== 0) out += `,rate=${average}KB/s`;
  return out;
}
