import type { ConnectAuth, Connection } from '@libvirt-ts/virt';
import { VirshError } from './errors.js';
import { configuredDefaultUri, libvirtConfPath } from './libvirt-conf.js';

/** The URI used when none is named: LIBVIRT_DEFAULT_URI, else libvirt.conf's uri_default, else xen:/// on a Xen host. */
export function defaultUri(
  env: NodeJS.ProcessEnv,
  xenHostAvailable: () => boolean,
  configured: () => string | undefined = () => configuredDefaultUri(libvirtConfPath(env)),
): string {
  const fromEnv = env['LIBVIRT_DEFAULT_URI'];
  if (fromEnv) return fromEnv;
  const fromConfig = configured();
  // An empty uri_default is still a name (virConfGetValueString gives ""), unlike an empty variable.
  if (fromConfig !== undefined) return fromConfig;
  if (xenHostAvailable()) return 'xen:///';
  throw new VirshError({ code: 'COMMAND_FAILED', lines: [
    'no connection URI given and no Xen host found here (no xend or xenstored socket, no privcmd device); ' +
      'use -c test:///default for the test driver',
  ] });
}

/**
 * Opens a connection through @libvirt-ts/virt; `uri` undefined means the default one.
 * virt is loaded here, on first use, so `-v`, `help` or a parse error never pay for it.
 */
export async function openConnection(uri: string | undefined, readOnly: boolean, auth?: ConnectAuth): Promise<Connection> {
  const virt = await import('@libvirt-ts/virt');
  // virsh reports errors itself, from what the calls throw; libvirt's default
  // handler would print each one a second time on stderr.
  virt.setErrorFunc(() => {});
  // An empty URI (`connect ""`) means the default one, as in libvirt.
  const name = uri || defaultUri(process.env, () => virt.xenHostAvailable({}, process.env));
  if (!uri && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(name) && PARSABLE_REFERENCE.test(name)) {
    // libvirt 9 takes a default URI without a scheme (even "xen", or an empty uri_default) for no
    // driver, and formats the name it was given, none, into the error: '(null)'.
    throw new Error("no connection driver available for URI '(null)' does not include a driver name");
  }
  return virt.open(name, { readOnly, ...(auth ? { auth } : {}) });
}

/** RFC 3986's characters with well-formed escapes: what libxml2 parses (the rest is virt's "Unable to parse URI"). */
const PARSABLE_REFERENCE = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/;
