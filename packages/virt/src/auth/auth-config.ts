import { VirtError } from '../errors/virt-error.js';

/**
 * libvirt's auth.conf (virauthconfig.c, a GLib key file): `[auth-SERVICE-HOST]` (or
 * `[auth-SERVICE-default]`) names a `credentials` group, `[credentials-NAME]` holds `username` and
 * `password`. Pure: the caller reads the file.
 */
export class AuthConfig {
  readonly #groups: Map<string, Map<string, string>>;

  private constructor(
    readonly path: string,
    groups: Map<string, Map<string, string>>,
  ) {
    this.#groups = groups;
  }

  /** Parses the key file; undefined when it is not one (libvirt then gives up without a message). */
  static parse(path: string, text: string): AuthConfig | undefined {
    const groups = new Map<string, Map<string, string>>();
    let current: Map<string, string> | undefined;
    for (const rawLine of text.split('\n')) {
      const line = rawLine.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) continue;
      const header = /^\[([^[\]]+)\]\s*$/.exec(line);
      if (header) {
        current = groups.get(header[1] as string) ?? new Map();
        groups.set(header[1] as string, current);
        continue;
      }
      const equals = line.indexOf('=');
      if (!current || equals <= 0) return undefined;
      current.set(line.slice(0, equals).trimEnd(), unescapeValue(line.slice(equals + 1).replace(/^\s+/, '')));
    }
    return new AuthConfig(path, groups);
  }

  /** virAuthConfigLookup: the credential `name` for `service` on `hostname`, undefined when none is configured. */
  lookup(service: string, hostname: string, name: string): string | undefined {
    let authGroup = `auth-${service}-${hostname}`;
    if (!this.#groups.has(authGroup)) authGroup = `auth-${service}-default`;
    const auth = this.#groups.get(authGroup);
    if (!auth) return undefined;
    const credentials = auth.get('credentials');
    if (credentials === undefined) {
      throw confSyntax(`Missing item 'credentials' in group '${authGroup}' in '${this.path}'`);
    }
    const group = this.#groups.get(`credentials-${credentials}`);
    if (!group) {
      throw confSyntax(`Missing group 'credentials-${credentials}' referenced from group '${authGroup}' in '${this.path}'`);
    }
    return group.get(name);
  }
}

function confSyntax(detail: string): VirtError {
  return new VirtError({ code: 'CONF_SYNTAX', domain: 'NONE', info: detail });
}

/** GLib key-file value escapes: \s \n \t \r \\. */
function unescapeValue(value: string): string {
  return value.replace(/\\([sntr\\])/g, (_, c: string) => ({ s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' })[c] as string);
}
