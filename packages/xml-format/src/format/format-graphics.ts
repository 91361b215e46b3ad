import type { GraphicsConfig } from '../model/devices.js';
import { yesNo } from './values.js';
import type { XmlWriter } from './xml-writer.js';

export function formatGraphics(out: XmlWriter, graphics: GraphicsConfig): void {
  // libvirt repeats the first address listen as the legacy listen= attribute.
  const first = graphics.listens[0];
  const legacyListen = first?.type === 'address' ? first.address : undefined;
  out.element(
    'graphics',
    [
      ['type', graphics.type],
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
          ['type', listen.type],
          ['address', listen.address],
          ['network', listen.network],
          ['socket', listen.socket],
        ]);
      }
    },
  );
}
