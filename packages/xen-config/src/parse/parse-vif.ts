// One `vif = [ "mac=…,bridge=…,script=…,model=…" ]` entry to an
// InterfaceConfig, as libvirt's xenParseVif reads it.
import type { InterfaceConfig } from '@libvirt-ts/xml-format';
import { internalError, unsupported } from '../xen-config-error.js';
import { splitKeyValues } from './key-values.js';

/** Field sizes of libvirt's fixed buffers: longer values are refused, as there. */
const LIMITS: Record<string, number> = { mac: 18, bridge: 50, model: 10, type: 10, vifname: 50, ip: 128, rate: 50 };

/** `netfrontType` is the `type=` value that means the PV netfront model: "vif" for xl, "netfront" for xm. */
export function parseVif(entry: string, netfrontType: string): InterfaceConfig {
  const fields = new Map<string, string>();
  for (const pair of splitKeyValues(entry)) {
    if (pair === undefined) throw internalError(`malformed vif entry '${entry}'`, 'vif');
    const limit = LIMITS[pair.key];
    if (limit !== undefined && pair.value.length >= limit) throw internalError(`${pair.key} ${pair.value} too big for destination`, 'vif');
    fields.set(pair.key, pair.value);
  }
  const script = fields.get('script');
  const bridge = fields.get('bridge') ?? '';
  const nic: InterfaceConfig = { type: bridge !== '' || script === 'vif-bridge' || script === 'vif-vnic' ? 'bridge' : 'ethernet', ips: [] };
  const mac = fields.get('mac');
  if (mac !== undefined && mac !== '') nic.mac = parseMac(mac);
  if (nic.type === 'bridge' && bridge !== '') {
    if (bridge.includes('.') || bridge.includes(':')) throw unsupported(`Open vSwitch VLAN bridges ('${bridge}') are not supported yet`, 'vif');
    nic.source = { bridge };
  }
  const ip = fields.get('ip') ?? '';
  if (ip !== '') nic.ips = ip.split(' ').filter((address) => address !== '').map((address) => ({ address, family: address.includes(':') ? 'ipv6' : 'ipv4' }));
  if (script !== undefined && script !== '') nic.script = script;
  const model = fields.get('model') ?? '';
  if (model !== '') nic.model = model;
  else if (fields.get('type') === netfrontType) nic.model = 'netfront';
  const vifname = fields.get('vifname') ?? '';
  if (vifname !== '') nic.target = vifname;
  const rate = fields.get('rate') ?? '';
  if (rate !== '') nic.bandwidth = { outbound: { average: parseRate(rate) } };
  return nic;
}

function parseMac(text: string): string {
  if (!/^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(text)) throw internalError(`malformed mac address '${text}'`, 'vif');
  return text
    .split(':')
    .map((byte) => byte.toLowerCase().padStart(2, '0'))
    .join(':');
}

/** "10MB/s", "5Mb/s@20ms": KiB per second, as xenParseSxprVifRate computes it. */
function parseRate(rate: string): number {
  const withoutInterval = rate.split('@')[0]!;
  const match = /^([0-9]+)([GMK]?)([Bb])\/s$/.exec(withoutInterval);
  if (match === null) throw internalError(`Invalid rate '${rate}' specified`, 'vif');
  let kib = Number(match[1]);
  if (match[2] === 'G') kib *= 1024 * 1024;
  else if (match[2] === 'M') kib *= 1024;
  if (match[3] === 'b') kib = Math.floor(kib / 8);
  return kib;
}
