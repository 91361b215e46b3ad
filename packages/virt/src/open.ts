import { type Connection, connectionOver } from './connection.js';
import type { Driver, DriverOpenRequest, OpenedDriver } from './driver.js';
import { registeredDrivers } from './driver-registry.js';
import { registerBuiltinDrivers } from './drivers/builtin-drivers.js';
import { ConnectionEngine } from './engine/connection-engine.js';
import { reportError } from './errors/error-reporting.js';
import { toVirtError } from './errors/to-virt-error.js';
import { VirtError } from './errors/virt-error.js';
import type { ConnectAuth, OpenOptions } from './types.js';
import { isUriReference, parseUri } from './uri.js';

/** The URI a connection reports when open() was given none. */
export const DEFAULT_URI = 'xen:///';

/**
 * virConnectOpen / virConnectOpenReadOnly. Every registered driver is offered the name, in
 * priority order (the built-in ones in libvirt's: hypervisor, proxy, xend, xenstore, test); those
 * that open are kept.
 * - No name (or "") means the Xen node, as in 0.1.3.
 * - A driver that fails is skipped, unless its factory's `failureAbortsOpen` says the failure aborts
 *   the whole open (libvirt's Xen rule for read-write Xen names): the drivers already opened are closed.
 * - Read-only open: drivers are asked to be quiet (decline rather than fail); one opened driver suffices.
 * - A name libvirt 9 cannot parse as a URI: INTERNAL_ERROR "Unable to parse URI <name>".
 * - No driver opened: the first driver failure if any (e.g. a node file's XML error), else
 *   NO_CONNECT "no connection driver available for <name>" (for a name without a scheme, libvirt
 *   9's "URI '<name>' does not include a driver name").
 */
export async function open(uri?: string, options: OpenOptions = {}): Promise<Connection> {
  registerBuiltinDrivers();
  const name = uri === '' ? undefined : uri;
  if (name !== undefined && !isUriReference(name)) {
    throw reported(new VirtError({ code: 'INTERNAL_ERROR', domain: 'URI', info: `Unable to parse URI ${name}`, str1: name }));
  }
  const readOnly = options.readOnly === true;
  const request: DriverOpenRequest = { name, uri: name === undefined ? undefined : parseUri(name), readOnly, quiet: readOnly, options };
  const opened: OpenedDriver[] = [];
  let firstFailure: VirtError | undefined;

  for (const factory of registeredDrivers()) {
    let driver: Driver | undefined;
    try {
      driver = await factory.open(request);
    } catch (error) {
      const failure = toVirtError(error);
      if (factory.failureAbortsOpen?.(request)) {
        await Promise.allSettled(opened.map(({ driver }) => driver.close()));
        throw reported(failure);
      }
      firstFailure ??= failure;
      continue;
    }
    if (driver) opened.push({ driver, factory });
  }

  if (opened.length === 0) {
    // libvirt 9 words a name without a scheme (0.1.3 let drivers read such names, and still does).
    const info = name === undefined ? DEFAULT_URI : request.uri === undefined ? `URI '${name}' does not include a driver name` : name;
    throw reported(firstFailure ?? new VirtError({ code: 'NO_CONNECT', domain: 'NONE', info, str1: name }));
  }
  return connectionOver(new ConnectionEngine(request.uri?.canonical ?? name ?? DEFAULT_URI, readOnly, opened));
}

/** virConnectOpenReadOnly: a connection on which every call that changes something fails with OPERATION_DENIED. */
export function openReadOnly(uri?: string, options: OpenOptions = {}): Promise<Connection> {
  return open(uri, { ...options, readOnly: true });
}

/** Open failures have no connection yet: they go to the global record and handler. */
function reported(error: VirtError): VirtError {
  reportError(error);
  return error;
}

/** virConnectOpenAuth: open() with `auth` to answer a driver's requests for credentials. */
export function openAuth(uri: string | undefined, auth: ConnectAuth, options: OpenOptions = {}): Promise<Connection> {
  return open(uri, { ...options, auth });
}
