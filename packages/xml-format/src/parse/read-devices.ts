// <devices>: each kind of device read into its own list, document order kept.
import type { DomainDevices } from '../model/devices.js';
import { emptyDevices } from '../model/empty-devices.js';
import type { ElementReader } from './element-reader.js';
import { readCharDevice } from './read-char-device.js';
import { readDisk } from './read-disk.js';
import { readGraphics } from './read-graphics.js';
import { readInterface } from './read-interface.js';
import { readController, readHostdev, readInput, readMemballoon, readSound, readVideo } from './read-other-devices.js';

export function readDevices(devices: ElementReader | undefined): DomainDevices {
  const config = emptyDevices();
  if (devices === undefined) return config;
  const emulator = devices.childText('emulator');
  if (emulator !== undefined) config.emulator = emulator;
  config.disks = devices.children('disk').map(readDisk);
  const controllersOfType = new Map<string | undefined, number>();
  config.controllers = devices.children('controller').map((controller) => {
    const type = controller.attribute('type');
    const previous = controllersOfType.get(type) ?? 0;
    controllersOfType.set(type, previous + 1);
    return readController(controller, previous);
  });
  config.interfaces = devices.children('interface').map(readInterface);
  config.serials = devices.children('serial').map(readCharDevice);
  config.parallels = devices.children('parallel').map(readCharDevice);
  config.consoles = devices.children('console').map(readCharDevice);
  config.inputs = devices.children('input').map(readInput);
  config.graphics = devices.children('graphics').map(readGraphics);
  config.sounds = devices.children('sound').map(readSound);
  config.videos = devices.children('video').map(readVideo);
  config.hostdevs = devices.children('hostdev').map(readHostdev);
  const memballoon = devices.child('memballoon');
  if (memballoon !== undefined) config.memballoon = readMemballoon(memballoon);
  return config;
}
