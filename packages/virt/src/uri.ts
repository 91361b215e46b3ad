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
  /**
   * The name as libvirt 9 gives it back (virConnectGetURI, virURIFormat of virURIParse): the
   * path and fragment decoded then escaped as libxml2's xmlSaveUri escapes them (`%64efault`
   * is `default`, a ':' in the path is `%3A`), the query as written, the scheme's case kept.
   */
  canonical: string;
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
  const parts = splitUri(name);
  return {
    scheme: parts.scheme.toLowerCase(),
    host: url.hostname,
    port: url.port === '' ? undefined : Number(url.port),
    // libxml2 keeps dot segments ('/./default' is a file path, not test:///default).
    path: percentDecode(parts.path),
    query: parts.query ?? '',
    canonical: formatUri(parts),
  };
}

/** The raw parts of `scheme:[//authority]path[?query][#fragment]` (RFC 3986's split, nothing decoded). */
interface UriParts {
  scheme: string;
  authority: string | undefined;
  path: string;
  query: string | undefined;
  fragment: string | undefined;
}

function splitUri(name: string): UriParts {
  const colon = name.indexOf(':');
  let rest = name.slice(colon + 1);
  const cut = (mark: string): string | undefined => {
    const at = rest.indexOf(mark);
    if (at < 0) return undefined;
    const tail = rest.slice(at + 1);
    rest = rest.slice(0, at);
    return tail;
  };
  const fragment = cut('#');
  const query = cut('?');
  let authority: string | undefined;
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  return { scheme: name.slice(0, colon), authority, path: rest, query, fragment };
}

/**
 * %XX escapes to their bytes, read as UTF-8 (libxml2's xmlURIUnescapeString works on bytes).
 * The text is ASCII: isUriReference refuses anything else.
 */
function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '%' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const MARK = "-_.!~*'()";
const PATH_KEEPS = `${MARK}/;@&=+$,`;
const FRAGMENT_KEEPS = `${MARK};/?:@&=+$,[]`;

/** Escapes every UTF-8 byte but letters, digits and `keeps` as %XX (upper-case hex), as xmlSaveUri. */
function escapeAs(text: string, keeps: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9]/.test(ch) || keeps.includes(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** virURIFormat of what virURIParse made of `parts`: `scheme:/path` gains its `//` too. */
function formatUri(parts: UriParts): string {
  let text = `${parts.scheme}://${parts.authority ?? ''}${escapeAs(percentDecode(parts.path), PATH_KEEPS)}`;
  if (parts.query !== undefined) text += `?${parts.query}`;
  if (parts.fragment !== undefined) text += `#${escapeAs(percentDecode(parts.fragment), FRAGMENT_KEEPS)}`;
  return text;
}

/**
 * Whether libvirt 9's virURIParse (libxml2's xmlParseURI) takes `name`: every '%' starts an escape
 * of two hex digits, and a ':' in the first segment makes it a scheme, which must parse as a URL.
 */
export function isUriReference(name: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(name)) return false;
  const firstSegment = /^[^/?#]*/.exec(name)![0];
  // A reference without a scheme (a xend socket path, "xen") is a path, query and fragment.
  if (!firstSegment.includes(':')) return followsRfc3986(`:${name}`);
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
  const { authority, path, query, fragment } = splitUri(name);
  return (
    [query, fragment].every((part) => part === undefined || QUERY_OR_FRAGMENT.test(part)) &&
    (authority === undefined || AUTHORITY.test(authority)) &&
    PATH.test(path)
  );
}

/**
 * libvirt's rule for "is this name for Xen": no name, or one that starts with "xen" in any case.
 * In a read-write open such a name fails as a whole when a Xen driver (other than the proxy) fails.
 */
export function isXenName(name: string | undefined): boolean {
  return name === undefined || name.toLowerCase().startsWith('xen');
}
