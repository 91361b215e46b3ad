import { RemoteError } from '../remote-error.js';
import type { RemoteMode } from './remote-uri.js';

export interface UnixSocketChoice {
  /** The hypervisor driver of the URI (`qemu`, `test`...), or undefined for `remote://`. */
  driver: string | undefined;
  mode: RemoteMode;
  readonly: boolean;
  /** A session URI (`qemu:///session`): the user's runtime directory instead of /var/run. */
  session: boolean;
  /** $XDG_RUNTIME_DIR (or its fallback) for session sockets. */
  userRuntimeDirectory?: string | undefined;
  /** Whether a socket path exists (I/O stays with the caller). */
  exists(path: string): boolean;
}

/**
 * The socket libvirt 9's client picks when the URI names none (remote_sockets.c remoteGetUNIXSocket,
 * as Debian builds it: remote_default_mode=legacy). `legacy` is the monolithic daemon's
 * `libvirt-sock` (or `libvirt-sock-ro`), which virtproxyd also serves on modular hosts; `direct` is
 * the driver's own daemon (`virtqemud-sock`...). `auto` takes direct if that socket exists, legacy otherwise.
 */
export function chooseUnixSocket(choice: UnixSocketChoice): string {
  const directory = choice.session ? `${choice.userRuntimeDirectory ?? '/run/user/0'}/libvirt` : '/var/run/libvirt';
  const socket = (prefix: string) =>
    choice.session ? `${directory}/${prefix}-sock` : `${directory}/${prefix}-${choice.readonly ? 'sock-ro' : 'sock'}`;
  const direct = choice.driver === undefined ? undefined : socket(`virt${choice.driver}d`);
  const legacy = socket('libvirt');
  let mode = choice.mode;
  if (mode === 'auto') mode = direct !== undefined && choice.exists(direct) ? 'direct' : 'legacy';
  if (mode === 'legacy') return legacy;
  if (direct === undefined) throw new RemoteError({ code: 'URI', message: 'Cannot use direct socket mode if no URI is set' });
  return direct;
}
