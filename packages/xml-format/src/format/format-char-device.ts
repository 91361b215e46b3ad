import type { CharDeviceConfig } from '../model/devices.js';
import type { XmlWriter } from './xml-writer.js';

/** `<serial>`, `<parallel>` or `<console>` (the element name). */
export function formatCharDevice(out: XmlWriter, name: string, device: CharDeviceConfig): void {
  out.element(
    name,
    [
      ['type', device.type],
      ['tty', device.tty],
    ],
    () => {
      for (const source of device.sources) {
        out.empty('source', [
          ['mode', source.mode],
          ['path', source.path],
          ['host', source.host],
          ['service', source.service],
        ]);
      }
      if (device.protocol !== undefined) out.empty('protocol', [['type', device.protocol]]);
      if (device.target !== undefined) {
        out.empty('target', [
          ['type', device.target.type],
          ['port', device.target.port],
        ]);
      }
    },
  );
}
