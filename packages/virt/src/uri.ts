/** A connection name parsed as libvirt parses URIs (virURIParse): scheme, server, port, path. */
export interface ParsedUri {
  /** Lower-cased, e.g. "test", "xen", "http". */
  scheme: string;
  /** Server name; empty for `scheme:///path`. */
  host: string;
  port: number | undefined;
  /** Percent-decoded path, e.g. "/default". */
  path: string;
  /** The query without "?", empty when absent. */
  query: string;
}

/**
 * Parses `name` as a URI. Returns undefined when it is not one (no scheme, e.g. a bare socket path
 * `/var/lib/xend/xend-socket`, or "xen" alone): drivers then look at the raw name.
 */
export function parseUri(name: string): ParsedUri | undefined {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(name)) return undefined;
  let url: URL;
  try {
    url = new URL(name);
  } catch {
    return undefined;
  }
  if (!isUriReference(name)) return undefined;
  return {
    scheme: url.protocol.slice(0, -1).toLowerCase(),
    host: url.hostname,
    port: url.port === '' ? undefined : Number(url.port),
    path: decodeURIComponent(url.pathname),
    query: url.search.replace(/^\?/, ''),
  };
}

/**
 * Whether libvirt 9's virURIParse (libxml2's xmlParseURI) takes `name`: every '%' starts an escape
 * of two hex digits, and a ':' in the first segment makes it a scheme, which must parse as a URL.
 */
export function isUriReference(name: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(name)) return false;
  const firstSegment = /^[^/?#]*/.exec(name)![0];
  if (!firstSegment.includes(':')) return true;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(name)) return false;
  try {
    new URL(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * libvirt's rule for "is this name for Xen": no name, or one that starts with "xen" in any case.
 * In a read-write open such a name fails as a whole when a Xen driver (other than the proxy) fails.
 */
export function isXenName(name: string | undefined): boolean {
  return name === undefined || name.toLowerCase().startsWith('xen');
}
