import { spawn } from 'node:child_process';
import { RemoteError } from '../remote-error.js';
import { StreamTransport } from './stream-transport.js';
import type { RemoteTransport } from './transport.js';

/**
 * Runs the ssh argv (see `sshArgv`) and speaks the protocol over its stdin/stdout, as libvirt's ssh
 * transport does. ssh's stderr is kept (the last 4 KiB) for the error when the child ends.
 */
export function connectSsh(argv: readonly string[], description: string): RemoteTransport {
  const [binary, ...args] = argv;
  if (binary === undefined) throw new RemoteError({ code: 'CONNECT', message: 'no ssh command' });
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], shell: false });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-4096);
  });
  const transport = new StreamTransport(description, child.stdout, child.stdin, () => {
    child.stdin.destroy();
    child.stdout.destroy();
    if (child.exitCode === null) child.kill();
  });
  child.on('error', (error) => child.stdout.destroy(new RemoteError({ code: 'CONNECT', message: `cannot run ${binary}: ${error.message}`, cause: error })));
  child.on('exit', (code, signal) => {
    if (code !== 0 && stderr.trim() !== '') {
      child.stdout.destroy(new RemoteError({ code: 'CONNECT', message: `${binary} exited with ${code ?? signal}: ${stderr.trim()}` }));
    }
  });
  return transport;
}
