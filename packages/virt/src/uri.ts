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
  } catch {
    return false;
  }
  // WHATWG's URL takes spaces, quotes, braces and non-ASCII, which libxml2 refuses.
  return followsRfc3986(name);
}

// RFC 3986's character classes, as libxml2's xmlParseURI applies them.
const UNRESERVED_OR_SUB_DELIM = "A-Za-z0-9\\-._~!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED_OR_SUB_DELIM}:@]|${PCT})`;
const AUTHORITY = new RegExp(
  `^(?:(?:[${UNRESERVED_OR_SUB_DELIM}:]|${PCT})*@)?(?:\\[[0-9A-Fa-f:.]+\\]|\\[v[0-9A-Fa-f]+\\.[${UNRESERVED_OR_SUB_DELIM}:]+\\]|(?:[${UNRESERVED_OR_SUB_DELIM}]|${PCT})*)(?::\\d*)?$`,
);
const PATH = new RegExp(`^(?:${PCHAR}|/)*$`);
const QUERY_OR_FRAGMENT = new RegExp(`^(?:${PCHAR}|[/?])*$`);

/** `scheme:` then an authority, path, query and fragment of RFC 3986's characters only. */
function followsRfc3986(name: string): boolean {
  let rest = name.slice(name.indexOf(':') + 1);
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    if (!QUERY_OR_FRAGMENT.test(rest.slice(hash + 1))) return false;
    rest = rest.slice(0, hash);
  }
  const question = rest.indexOf('?');
  if (question >= 0) {
    if (!QUERY_OR_FRAGMENT.test(rest.slice(question + 1))) return false;
    rest = rest.slice(0, question);
  }
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    if (!AUTHORITY.test(slash < 0 ? rest.slice(2) : rest.slice(2, slash))) return false;
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  return PATH.test(rest);
}

/**
 * libvirt's rule for "is this name for Xen": no name, or one that starts with "xen" in any case.
 * In a read-write open such a name fails as a whole when a Xen driver (other than the proxy) fails.
 */
export function isXenName(name: string | undefined): boolean {
  return name === undefined || name.toLowerCase().startsWith('xen');
}
