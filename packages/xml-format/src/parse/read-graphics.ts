// <graphics>: the guest's display (VNC server or local SDL window).
import type { GraphicsConfig, GraphicsListen } from '../model/devices.js';
import { GRAPHICS_LISTEN_TYPES, GRAPHICS_TYPES } from '../model/devices.js';
import { withDefined } from '../values/defined.js';
import type { ElementReader } from './element-reader.js';

export function readGraphics(graphics: ElementReader): GraphicsConfig {
  const type = graphics.enumAttribute('type', GRAPHICS_TYPES);
  if (type === undefined) graphics.missingAttribute('type');
  const port = graphics.integerAttribute('port');
  if (port !== undefined && (port < -1 || port > 65535)) {
    graphics.failAttribute('port', 'INVALID_ARG', 'graphics port must be -1 or 0..65535', String(port));
  }
  return withDefined<GraphicsConfig>(
    { type, listens: readListens(graphics) },
    {
      port,
      autoport: graphics.booleanAttribute('autoport'),
      keymap: graphics.attribute('keymap'),
      passwd: graphics.attribute('passwd'),
      display: graphics.attribute('display'),
      xauth: graphics.attribute('xauth'),
      fullscreen: graphics.booleanAttribute('fullscreen'),
    },
  );
}

// The legacy listen='addr' attribute is the first address listen, as in libvirt.
function readListens(graphics: ElementReader): GraphicsListen[] {
  const legacyAddress = graphics.attribute('listen');
  const listens = graphics.children('listen').map((listen) => {
    const type = listen.enumAttribute('type', GRAPHICS_LISTEN_TYPES);
    if (type === undefined) return listen.missingAttribute('type');
    return withDefined<GraphicsListen>(
      { type },
      { address: listen.attribute('address'), network: listen.attribute('network'), socket: listen.attribute('socket') },
    );
  });
  if (legacyAddress === undefined) return listens;
  const first = listens[0];
  if (first === undefined) return [{ type: 'address', address: legacyAddress }];
  if (first.type === 'address' && first.address !== undefined && first.address !== legacyAddress) {
    graphics.failAttribute('listen', 'INVALID_ARG', `graphics listen attribute does not match the first <listen> address '${first.address}'`, legacyAddress);
  }
  if (first.type === 'address' && first.address === undefined) first.address = legacyAddress;
  return listens;
}
