import type { CharDeviceConfig } from '../model/devices.js';
import type { XmlWriter } from './xml-writer.js';
import { CHAR_DEVICE_TYPES, CHAR_PROTOCOLS, CHAR_SOURCE_MODES } from '../model/devices.js';

/** `<serial>`, `<parallel>` or `<console>` (the element name). */
export function formatCharDevice(out: XmlWriter, name: string, device: CharDeviceConfig): void {
  out.element(
    name,
    [
      ['type', out.oneOf('type', device.type, CHAR_DEVICE_TYPES)],
      ['tty', device.tty],
    ],
    () => {
      for (const source of device.sources) {
        out.empty('source', [
          ['mode', out.oneOf('sources.mode', source.mode, CHAR_SOURCE_MODES)],
          ['path', source.path],
          ['host', source.host],
          ['service', source.service],
        ]);
      }
      if (device.protocol !== undefined) out.empty('protocol', [['type', out.oneOf('protocol', device.protocol, CHAR_PROTOCOLS)]]);
      if (device.target !== undefined) {
        out.empty('target', [
          ['type', device.target.type],
          ['port', device.target.port],
        ]);
      }
    },
  );
}
