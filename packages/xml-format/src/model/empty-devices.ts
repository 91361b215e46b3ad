import type { DomainDevices } from './devices.js';

/** A `<devices>` with nothing in it: every list present and empty. Handy to build a DomainConfig. */
export function emptyDevices(): DomainDevices {
  return {
    disks: [],
    controllers: [],
    interfaces: [],
    serials: [],
    parallels: [],
    consoles: [],
    inputs: [],
    graphics: [],
    sounds: [],
    videos: [],
    hostdevs: [],
  };
}
