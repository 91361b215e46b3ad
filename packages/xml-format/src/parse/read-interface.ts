// <interface>: a virtual NIC and how it reaches the host network.
import type { BandwidthLimit, InterfaceConfig, InterfaceIp } from '../model/devices.js';
import { INTERFACE_TYPES } from '../model/devices.js';
import { withDefined } from '../values/defined.js';
import { canonicalMac } from '../values/mac.js';
import type { ElementReader } from './element-reader.js';
import { readAddress } from './read-address.js';

export function readInterface(nic: ElementReader): InterfaceConfig {
  const source = nic.child('source');
  const bandwidth = nic.child('bandwidth');
  return withDefined<InterfaceConfig>(
    { type: nic.enumAttribute('type', INTERFACE_TYPES) ?? 'bridge', ips: nic.children('ip').map(readIp) },
    {
      mac: readMac(nic.child('mac')),
      source:
        source === undefined
          ? undefined
          : withDefined<NonNullable<InterfaceConfig['source']>>(
              {},
              {
                bridge: source.attribute('bridge'),
                dev: source.attribute('dev'),
                network: source.attribute('network'),
                mode: source.attribute('mode'),
              },
            ),
      bandwidth:
        bandwidth === undefined
          ? undefined
          : withDefined<NonNullable<InterfaceConfig['bandwidth']>>(
              {},
              { inbound: readLimit(bandwidth.child('inbound')), outbound: readLimit(bandwidth.child('outbound')) },
            ),
      script: nic.child('script')?.requireAttribute('path'),
      target: nic.child('target')?.requireAttribute('dev'),
      model: nic.child('model')?.requireAttribute('type'),
      address: readAddress(nic),
    },
  );
}

function readMac(mac: ElementReader | undefined): string | undefined {
  if (mac === undefined) return undefined;
  const address = mac.requireAttribute('address');
  return canonicalMac(address) ?? mac.failAttribute('address', 'INVALID_ARG', 'malformed MAC address', address);
}

function readIp(ip: ElementReader): InterfaceIp {
  const family = ip.enumAttribute('family', ['ipv4', 'ipv6'] as const);
  return withDefined<InterfaceIp>(
    { address: ip.requireAttribute('address') },
    { family, prefix: ip.unsignedAttribute('prefix', { max: family === 'ipv4' ? 32 : 128 }) },
  );
}

function readLimit(limit: ElementReader | undefined): BandwidthLimit | undefined {
  if (limit === undefined) return undefined;
  return withDefined<BandwidthLimit>(
    {},
    {
      average: limit.unsignedAttribute('average'),
      peak: limit.unsignedAttribute('peak'),
      burst: limit.unsignedAttribute('burst'),
    },
  );
}
