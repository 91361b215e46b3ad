import type { GraphicsConfig } from '../model/devices.js';
import { yesNo } from './values.js';
import type { XmlWriter } from './xml-writer.js';
import { GRAPHICS_LISTEN_TYPES, GRAPHICS_TYPES } from '../model/devices.js';

export function formatGraphics(out: XmlWriter, graphics: GraphicsConfig): void {
  // libvirt repeats the first address listen as the legacy listen= attribute.
  const first = graphics.listens[0];
  const legacyListen = first?.type === 'address' ? first.address : undefined;
  out.element(
    'graphics',
    [
      ['type', out.oneOf('type', graphics.type, GRAPHICS_TYPES)],
      ['port', graphics.port],
      ['autoport', yesNo(graphics.autoport)],
      ['listen', legacyListen],
      ['keymap', graphics.keymap],
      ['passwd', graphics.passwd],
      ['display', graphics.display],
      ['xauth', graphics.xauth],
      ['fullscreen', yesNo(graphics.fullscreen)],
    ],
    () => {
      for (const listen of graphics.listens) {
        out.empty('listen', [
          ['type', out.oneOf('listens.type', listen.type, GRAPHICS_LISTEN_TYPES)],
          ['address', listen.address],
          ['network', listen.network],
          ['socket', listen.socket],
        ]);
      }
    },
  );
}
