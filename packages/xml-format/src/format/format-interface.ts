import type { BandwidthLimit, InterfaceConfig } from '../model/devices.js';
import { formatAddress } from './format-address.js';
import type { XmlWriter } from './xml-writer.js';
import { INTERFACE_TYPES } from '../model/devices.js';

export function formatInterface(out: XmlWriter, nic: InterfaceConfig): void {
  out.element('interface', [['type', out.oneOf('type', nic.type, INTERFACE_TYPES)]], () => {
    if (nic.mac !== undefined) out.empty('mac', [['address', nic.mac]]);
    if (nic.source !== undefined) {
      out.empty('source', [
        ['bridge', nic.source.bridge],
        ['dev', nic.source.dev],
        ['network', nic.source.network],
        ['mode', nic.source.mode],
      ]);
    }
    for (const ip of nic.ips) {
      out.empty('ip', [
        ['address', ip.address],
        ['family', ip.family],
        ['prefix', ip.prefix],
      ]);
    }
    const bandwidth = nic.bandwidth;
    if (bandwidth !== undefined) {
      out.element('bandwidth', [], () => {
        formatLimit(out, 'inbound', bandwidth.inbound);
        formatLimit(out, 'outbound', bandwidth.outbound);
      });
    }
    if (nic.script !== undefined) out.empty('script', [['path', nic.script]]);
    if (nic.target !== undefined) out.empty('target', [['dev', nic.target]]);
    if (nic.model !== undefined) out.empty('model', [['type', nic.model]]);
    formatAddress(out, nic.address);
  });
}

function formatLimit(out: XmlWriter, name: string, limit: BandwidthLimit | undefined): void {
  if (limit === undefined) return;
  out.empty(name, [
    ['average', limit.average],
    ['peak', limit.peak],
    ['burst', limit.burst],
  ]);
}
