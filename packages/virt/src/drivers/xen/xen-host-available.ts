import { statSync } from 'node:fs';
import { XEN_DEFAULTS, type XenOpenOptions } from './xen-options.js';

/**
 * Whether this machine looks like a Xen host: xend's socket, xenstored's socket or a privcmd
 * device exists. Only `stat` calls, nothing is opened, so virsh can ask it before choosing
 * `xen:///` as its default URI.
 */
export function xenHostAvailable(options: XenOpenOptions = {}, env: NodeJS.ProcessEnv = process.env): boolean {
  const sockets = [options.xendSocket ?? XEN_DEFAULTS.xendSocket, options.xenstoredSocket ?? env['XENSTORED_PATH'] ?? XEN_DEFAULTS.xenstoredSocket];
  const devices = options.privcmdDevice ? [options.privcmdDevice] : XEN_DEFAULTS.privcmdDevices;
  return sockets.some((path) => statSync(path, { throwIfNoEntry: false })?.isSocket() === true) ||
    devices.some((path) => statSync(path, { throwIfNoEntry: false })?.isCharacterDevice() === true);
}
