// <serial>, <parallel>, <console>: a character device and its host side.
import type { CharDeviceConfig, CharSource } from '../model/devices.js';
import { CHAR_DEVICE_TYPES, CHAR_PROTOCOLS, CHAR_SOURCE_MODES } from '../model/devices.js';
import { withDefined } from '../values/defined.js';
import type { ElementReader } from './element-reader.js';

/** libvirt's default character device type is 'pty' (0.2.x wrote `<console tty='/dev/pts/5'/>`). */
export function readCharDevice(device: ElementReader): CharDeviceConfig {
  const target = device.child('target');
  const config = withDefined<CharDeviceConfig>(
    {
      type: device.enumAttribute('type', CHAR_DEVICE_TYPES) ?? 'pty',
      sources: device.children('source').map(readSource),
    },
    {
      tty: device.attribute('tty'),
      protocol: device.child('protocol')?.enumAttribute('type', CHAR_PROTOCOLS),
      target:
        target === undefined
          ? undefined
          : withDefined<NonNullable<CharDeviceConfig['target']>>(
              {},
              { type: target.attribute('type'), port: target.unsignedAttribute('port') },
            ),
    },
  );
  if (needsSource(config) && config.sources.length === 0) {
    device.missingElement('NO_SOURCE', `missing <source> for ${device.name} type '${config.type}'`);
  }
  return config;
}

function readSource(source: ElementReader): CharSource {
  return withDefined<CharSource>(
    {},
    {
      mode: source.enumAttribute('mode', CHAR_SOURCE_MODES),
      path: source.attribute('path'),
      host: source.attribute('host'),
      service: source.attribute('service'),
    },
  );
}

// The types whose host side has to be named; pty, null, vc, stdio need nothing.
function needsSource(config: CharDeviceConfig): boolean {
  return ['dev', 'file', 'pipe', 'udp', 'tcp', 'unix'].includes(config.type);
}
