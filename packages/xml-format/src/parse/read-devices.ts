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
  const controllersOfType = new Map<string | undefined, number>();
  // One pass over the children; each kind goes to its own list.
  devices.forEachChild({
    disk: (disk) => config.disks.push(readDisk(disk)),
    controller: (controller) => {
      const type = controller.attribute('type');
      const previous = controllersOfType.get(type) ?? 0;
      controllersOfType.set(type, previous + 1);
      config.controllers.push(readController(controller, previous));
    },
    interface: (nic) => config.interfaces.push(readInterface(nic)),
    serial: (serial) => config.serials.push(readCharDevice(serial)),
    parallel: (parallel) => config.parallels.push(readCharDevice(parallel)),
    console: (console) => config.consoles.push(readCharDevice(console)),
    input: (input) => config.inputs.push(readInput(input)),
    graphics: (graphics) => config.graphics.push(readGraphics(graphics)),
    sound: (sound) => config.sounds.push(readSound(sound)),
    video: (video) => config.videos.push(readVideo(video)),
    hostdev: (hostdev) => config.hostdevs.push(readHostdev(hostdev)),
  });
  const memballoon = devices.child('memballoon');
  if (memballoon !== undefined) config.memballoon = readMemballoon(memballoon);
  return config;
}
