/**
 * Opening privcmd through the Node-API addon. The addon is loaded on first use, never at
 * import, so the package imports cleanly where it cannot load (no prebuild for the
 * platform and no compiler) and openHypervisor then rejects with NO_XEN.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errnoName } from '../errors/errno-name.js';
import { HypercallError } from '../errors/hypercall-error.js';
import { isErrnoFailure, type PrivcmdBackend } from './privcmd-backend.js';

/** Where Linux offers privcmd: the misc device (4.x+), then xenfs. */
export const DEFAULT_PRIVCMD_DEVICES: readonly string[] = ['/dev/xen/privcmd', '/proc/xen/privcmd'];

export interface Addon {
  PrivcmdHandle: new (path: string) => PrivcmdBackend;
}

/** src/backend/ and dist/backend/ are both two levels below the package root. */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
let addon: Addon | Error | undefined;

/**
 * Loads the addon of the package at `packageRoot` with node-gyp-build: a build from source
 * (native/build/Release, made by `build:native`) if there is one, else the shipped
 * native/prebuilds/<platform>-<arch>; returns the Error instead of throwing.
 */
export function loadAddonFrom(packageRoot: string): Addon | Error {
  try {
    const require = createRequire(import.meta.url);
    const nodeGypBuild = require('node-gyp-build') as (dir: string) => Addon;
    return nodeGypBuild(join(packageRoot, 'native'));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The package's addon, or why it did not load (one attempt per process). */
export function loadAddon(): Addon | Error {
  addon ??= loadAddonFrom(PACKAGE_ROOT);
  return addon;
}

/** Opens the first of `devices` that exists, through `loaded` (the addon by default). */
export function openNativePrivcmd(
  devices: readonly string[] = DEFAULT_PRIVCMD_DEVICES,
  loaded: Addon | Error = loadAddon(),
): PrivcmdBackend {
  if (loaded instanceof Error) {
    throw new HypercallError({
      code: 'NO_XEN',
      message: `cannot use Xen: the hypercall addon did not load (${loaded.message})`,
      device: devices.join(', '),
      cause: loaded,
    });
  }
  const absent: string[] = [];
  for (const device of devices) {
    try {
      return new loaded.PrivcmdHandle(device);
    } catch (error) {
      if (!isErrnoFailure(error)) throw error;
      const name = errnoName(error.errno);
      if (name === 'ENOENT' || name === 'ENODEV' || name === 'ENXIO' || name === 'ENOTDIR') {
        absent.push(device);
        continue;
      }
      const denied = name === 'EACCES' || name === 'EPERM';
      throw new HypercallError({
        code: denied ? 'EPERM' : 'ERRNO',
        message: denied
          ? `cannot open ${device}: permission denied (Xen control needs root in dom0)`
          : `cannot open ${device}: ${name} (${error.message})`,
        device,
        errno: error.errno,
        cause: error,
      });
    }
  }
  throw new HypercallError({
    code: 'NO_XEN',
    message: `no Xen hypervisor: could not find ${absent.join(' or ')}`,
    device: absent.join(', '),
  });
}
