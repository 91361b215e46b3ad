/** What libvirt's ssh transport runs (virNetSocketNewConnectSSH and virNetClientSSHHelperCommand, libvirt 9). */
export interface SshCommandOptions {
  host: string;
  port?: number | undefined;
  user?: string | undefined;
  /** The ssh binary (the URI's `command`), default `ssh`. */
  binary?: string | undefined;
  keyfile?: string | undefined;
  /** `no_tty=1`: BatchMode, never ask for a password. */
  noTty?: boolean | undefined;
  /** `no_verify=1`: do not check the host key. */
  noVerify?: boolean | undefined;
  /** `netcat`: the remote nc binary (default nc); implies the netcat proxy. */
  netcat?: string | undefined;
  /** The remote socket, for the netcat proxy. */
  socket: string;
  /** The URI named the socket (`socket=`): libvirt then always uses netcat, as virt-ssh-helper cannot take one. */
  explicitSocket?: boolean | undefined;
  /** The URI virt-ssh-helper opens on the remote host. */
  name: string;
  readonly: boolean;
  proxy?: 'auto' | 'netcat' | 'native' | undefined;
}

/** POSIX shell single quoting: the text comes out as one word, whatever it holds. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The argv of the ssh child. Each URI part is its own argv element on this side, and every part that
 * reaches the remote shell (the socket, netcat path and URI inside the remote command) is quoted
 * for it, twice where libvirt nests `sh -c '...'`, so no URI can inject a command or an option.
 * (libvirt 9 leaves the socket path unquoted in the netcat command; this does not.)
 */
export function sshArgv(options: SshCommandOptions): string[] {
  const argv = [options.binary ?? 'ssh'];
  if (options.port !== undefined) argv.push('-p', String(options.port));
  if (options.user !== undefined) argv.push('-l', options.user);
  if (options.keyfile !== undefined) argv.push('-i', options.keyfile);
  argv.push('-T', '-e', 'none');
  if (options.noTty) argv.push('-o', 'BatchMode=yes');
  if (options.noVerify) argv.push('-o', 'StrictHostKeyChecking=no');
  argv.push('--', options.host, remoteCommand(options));
  return argv;
}

/** The command the remote shell runs: virt-ssh-helper if there, else nc on the socket. */
export function remoteCommand(options: SshCommandOptions): string {
  let proxy = options.proxy ?? (options.explicitSocket ? 'netcat' : 'auto');
  if (proxy === 'auto' && options.netcat !== undefined) proxy = 'netcat';
  const netcat = shellQuote(options.netcat ?? 'nc');
  const netcatScript =
    `if ${netcat} -q 2>&1 | grep "requires an argument" >/dev/null 2>&1; then ARG=-q0; else ARG=; fi; ` +
    `${netcat} $ARG -U ${shellQuote(options.socket)}`;
  const helperScript = `virt-ssh-helper${options.readonly ? ' -r' : ''} ${shellQuote(options.name)}`;
  const script =
    proxy === 'netcat'
      ? netcatScript
      : proxy === 'native'
        ? helperScript
        : `if command -v virt-ssh-helper >/dev/null 2>&1; then ${helperScript}; else ${netcatScript}; fi`;
  return `sh -c ${shellQuote(script)}`;
}
