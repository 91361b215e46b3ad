// `@libvirt-ts/remote/testing`: starts real libvirtd 9 daemons for tests: each with its own config, socket folder, TCP and
// TLS ports and certificates (openssl), and `test:///default` behind it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LIBVIRTD = '/usr/sbin/libvirtd';

/** Why the real-libvirtd tests cannot run here, or undefined when they can. */
export function libvirtdMissing(): string | undefined {
  if (!existsSync(LIBVIRTD)) return 'libvirtd is not installed (apt-get install libvirt-daemon)';
  if (process.getuid?.() !== 0) return 'libvirtd tests need root';
  return undefined;
}

/** libvirt's QEMU driver will not start without these (done once, idempotently). */
function ensureUsers(): void {
  try {
    execFileSync('getent', ['group', 'kvm'], { stdio: 'ignore' });
  } catch {
    execFileSync('groupadd', ['-r', 'kvm'], { stdio: 'ignore' });
  }
  try {
    execFileSync('id', ['libvirt-qemu'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['-r', 'libvirt-qemu'], { stdio: 'ignore' });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Pki {
  directory: string;
  /** The client's folder in libvirt's `pkipath` layout: cacert.pem, clientcert.pem, clientkey.pem. */
  clientDirectory: string;
  serverKey: string;
  serverCert: string;
  ca: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

/** A CA, a server certificate for 127.0.0.1/localhost and a client certificate, made by openssl. */
export function makePki(directory: string): Pki {
  const client = join(directory, 'client');
  execFileSync('mkdir', ['-p', client]);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'cakey.pem', '-out', 'cacert.pem', '-days', '2', '-subj', '/CN=libvirt-ts test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], directory);
  const issue = (name: string, cn: string, extensions: string) => {
    writeFileSync(join(directory, `${name}.ext`), extensions);
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}key.pem`, '-out', `${name}.csr`, '-subj', `/O=libvirt-ts/CN=${cn}`], directory);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'cacert.pem', '-CAkey', 'cakey.pem', '-CAcreateserial', '-out', `${name}cert.pem`, '-days', '2', '-extfile', `${name}.ext`], directory);
  };
  issue('server', 'localhost', 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n');
  issue('client', 'client', 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n');
  execFileSync('cp', [join(directory, 'cacert.pem'), join(client, 'cacert.pem')]);
  execFileSync('cp', [join(directory, 'clientcert.pem'), join(client, 'clientcert.pem')]);
  execFileSync('cp', [join(directory, 'clientkey.pem'), join(client, 'clientkey.pem')]);
  return {
    directory,
    clientDirectory: client,
    serverKey: join(directory, 'serverkey.pem'),
    serverCert: join(directory, 'servercert.pem'),
    ca: join(directory, 'cacert.pem'),
  };
}

export interface Libvirtd {
  directory: string;
  socket: string;
  readonlySocket: string;
  tcpPort: number;
  tlsPort: number | undefined;
  pki: Pki | undefined;
  process: ChildProcess;
  /** `test+unix:///default?socket=...` */
  unixUri: string;
  /** Sends a signal (SIGSTOP, SIGKILL...). */
  signal(name: NodeJS.Signals): void;
  /** Stops the daemon and removes its folder. */
  stop(): Promise<void>;
}

async function waitFor(check: () => boolean, what: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (child.exitCode !== null) throw new Error(`libvirtd exited with ${child.exitCode} before ${what}: ${log()}`);
    if (Date.now() > deadline) throw new Error(`libvirtd: no ${what} after 20 s: ${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function tcpAnswers(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts one libvirtd with a private config; `tls` adds a TLS listener with fresh certificates. */
export async function startLibvirtd(options: { tls?: boolean; maxClientRequests?: number } = {}): Promise<Libvirtd> {
  ensureUsers();
  const directory = mkdtempSync(join(tmpdir(), 'libvirtd-ts-'));
  const tcpPort = await freePort();
  const tlsPort = options.tls ? await freePort() : undefined;
  const pki = options.tls ? makePki(join(directory, 'pki')) : undefined;
  const config = [
    `unix_sock_dir = "${directory}"`,
    'auth_unix_rw = "none"',
    'auth_unix_ro = "none"',
    'listen_tcp = 1',
    `tcp_port = "${tcpPort}"`,
    'listen_addr = "127.0.0.1"',
    'auth_tcp = "none"',
    `listen_tls = ${options.tls ? 1 : 0}`,
    ...(pki
      ? [`tls_port = "${tlsPort}"`, 'auth_tls = "none"', `key_file = "${pki.serverKey}"`, `cert_file = "${pki.serverCert}"`, `ca_file = "${pki.ca}"`]
      : []),
    'log_outputs = "3:stderr"',
    // libvirtd runs at most this many calls of one client at once (default 5).
    ...(options.maxClientRequests ? [`max_client_requests = ${options.maxClientRequests}`] : []),
  ].join('\n');
  writeFileSync(join(directory, 'libvirtd.conf'), `${config}\n`);
  let log = '';
  // Each daemon gets private /run/libvirt and /var/lib/libvirt (a mount namespace with tmpfs on
  // them): libvirtd's drivers keep pid files and state there, and two daemons would collide.
  const script = [
    'mkdir -p /run/libvirt /var/lib/libvirt',
    'mount -t tmpfs libvirt-ts /run/libvirt',
    'mount -t tmpfs libvirt-ts /var/lib/libvirt',
    `exec ${LIBVIRTD} -f "$1" --listen -p "$2"`,
  ].join(' && ');
  const child = spawn(
    'unshare',
    ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', join(directory, 'libvirtd.conf'), join(directory, 'libvirtd.pid')],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    log = (log + text).slice(-8192);
  });
  const socket = join(directory, 'libvirt-sock');
  await waitFor(() => existsSync(socket), 'unix socket', child, () => log);
  let tcpUp = false;
  await waitFor(
    () => {
      void tcpAnswers(tcpPort).then((up) => {
        tcpUp ||= up;
      });
      return tcpUp;
    },
    'TCP listener',
    child,
    () => log,
  );
  return {
    directory,
    socket,
    readonlySocket: join(directory, 'libvirt-sock-ro'),
    tcpPort,
    tlsPort,
    pki,
    process: child,
    unixUri: `test+unix:///default?socket=${socket}`,
    signal(name) {
      child.kill(name);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
