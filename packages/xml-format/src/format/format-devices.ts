// <devices>: each kind in libvirt's formatting order.
import type { DomainDevices } from '../model/devices.js';
import { formatCharDevice } from './format-char-device.js';
import { formatDisk } from './format-disk.js';
import { formatGraphics } from './format-graphics.js';
import { formatInterface } from './format-interface.js';
import { formatController, formatHostdev, formatInput, formatMemballoon, formatSound, formatVideo } from './format-other-devices.js';
import type { XmlWriter } from './xml-writer.js';

export function formatDevices(out: XmlWriter, devices: DomainDevices): void {
  out.element('devices', [], () => {
    out.text('emulator', devices.emulator);
    const each = <T>(field: string, list: readonly T[], format: (device: T) => void): void => {
      if (!Array.isArray(list)) out.require(field, undefined);
      list.forEach((device, index) => {
        out.at(`devices.${field}[${index}]`, () => format(device));
      });
    };
    each('disks', devices.disks, (disk) => formatDisk(out, disk));
    each('controllers', devices.controllers, (controller) => formatController(out, controller));
    each('interfaces', devices.interfaces, (nic) => formatInterface(out, nic));
    each('serials', devices.serials, (serial) => formatCharDevice(out, 'serial', serial));
    each('parallels', devices.parallels, (parallel) => formatCharDevice(out, 'parallel', parallel));
    each('consoles', devices.consoles, (console) => formatCharDevice(out, 'console', console));
    each('inputs', devices.inputs, (input) => formatInput(out, input));
    each('graphics', devices.graphics, (graphics) => formatGraphics(out, graphics));
    each('sounds', devices.sounds, (sound) => formatSound(out, sound));
    each('videos', devices.videos, (video) => formatVideo(out, video));
    each('hostdevs', devices.hostdevs, (hostdev) => formatHostdev(out, hostdev));
    if (devices.memballoon !== undefined) out.at('devices.memballoon', () => formatMemballoon(out, devices.memballoon!));
  }, false);
}
