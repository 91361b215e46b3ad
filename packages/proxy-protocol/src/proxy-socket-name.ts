/**
 * Where libvirt_proxy listens, and how the name is bound. Pure: strings only, no I/O.
 */

/** A Linux abstract socket (the "livirt" typo is libvirt's own: PROXY_SOCKET_PATH). */
export const DEFAULT_PROXY_SOCKET = '\0/tmp/livirt_proxy_conn';
/** sun_path of struct sockaddr_un on Linux. */
export const SUN_PATH_SIZE = 108;

/**
 * The name as bound. libvirt passes the full sizeof(sockaddr_un) = 110 to bind and connect, so an
 * abstract name is the 108-byte sun_path: the name padded with NULs. Node binds exactly the string
 * it is given, so the padding is added here; a path socket stays as it is.
 */
export function proxySocketAddress(socketName: string): string {
  if (!socketName.startsWith('\0')) return socketName;
  const bytes = new TextEncoder().encode(socketName).length;
  if (bytes > SUN_PATH_SIZE) throw new RangeError(`abstract socket name of ${bytes} bytes exceeds sun_path's ${SUN_PATH_SIZE}`);
  return socketName + '\0'.repeat(SUN_PATH_SIZE - bytes);
}

/** A printable form of the socket name for messages (`@` for the leading NUL, as /proc/net/unix shows it). */
export function printableSocketName(socketName: string): string {
  return socketName.startsWith('\0') ? `@${socketName.slice(1)}` : socketName;
}
