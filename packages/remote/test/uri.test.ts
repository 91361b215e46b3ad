import { describe, expect, it } from 'vitest';
import { chooseUnixSocket, parseRemoteUri, pkiFiles, RemoteError } from '../src/index.js';

describe('connection URIs, as libvirt 9 remote driver reads them', () => {
  it('driver, transport, server, port, user, path and the name the server opens', () => {
    expect(parseRemoteUri('test+unix:///default?socket=/tmp/d/libvirt-sock')).toMatchObject({
      driver: 'test',
      transport: 'unix',
      host: undefined,
      path: '/default',
      params: { socket: '/tmp/d/libvirt-sock' },
      name: 'test:///default',
    });
    expect(parseRemoteUri('qemu+ssh://root@host.example:2222/system?keyfile=/k&no_verify=1&foo=bar')).toMatchObject({
      driver: 'qemu',
      transport: 'ssh',
      user: 'root',
      host: 'host.example',
      port: 2222,
      params: { keyfile: '/k', no_verify: true },
      name: 'qemu:///system?foo=bar',
    });
    expect(parseRemoteUri('test+tcp://127.0.0.1:16509/default')).toMatchObject({ transport: 'tcp', host: '127.0.0.1', port: 16509 });
    expect(parseRemoteUri('xen+tls://[::1]/')).toMatchObject({ transport: 'tls', host: '::1', name: 'xen:///' });
    expect(parseRemoteUri('qemu://host/system')).toMatchObject({ transport: 'tls', host: 'host' });
    expect(parseRemoteUri('qemu:///system')).toMatchObject({ transport: 'unix' });
    expect(parseRemoteUri('remote+unix:///?mode=direct')).toMatchObject({ driver: 'remote', name: '', params: { mode: 'direct' } });
    expect(parseRemoteUri('test+unix:///default?name=test:///other')).toMatchObject({ name: 'test:///other' });
  });

  it('refuses what libvirt refuses, with URI errors', () => {
    const refusals: [string, RegExp][] = [
      ['test+carrier-pigeon:///default', /transport 'carrier-pigeon' is not one of unix, tcp, tls, ssh/],
      ['test+unix://somehost/default', /using unix socket and remote server 'somehost' is not supported/],
      ['test+unix:///default?mode=sideways', /unknown remote mode 'sideways'/],
      ['test+unix:///default?no_verify=yes', /no_verify must be 0 or 1/],
      ['test+tcp://host:99999/', /port 99999 is out of range/],
      ['qemu+ssh://-oProxyCommand=evil/system', /bad host name|starts with '-'/],
      ['qemu+ssh://a;b/system', /bad host name 'a;b'/],
      ['not a uri', /expected driver/],
    ];
    for (const [uri, message] of refusals) {
      let error: unknown;
      try {
        parseRemoteUri(uri);
      } catch (e) {
        error = e;
      }
      expect(RemoteError.isInstance(error), uri).toBe(true);
      expect((error as RemoteError).code).toBe('URI');
      expect((error as RemoteError).message, uri).toMatch(message);
    }
  });
});

describe('the default unix socket, chosen as libvirt 9 chooses it', () => {
  const none = () => false;
  it('legacy: the monolithic libvirtd (or virtproxyd) libvirt-sock, -ro when read-only', () => {
    expect(chooseUnixSocket({ driver: 'qemu', mode: 'legacy', readonly: false, session: false, exists: none })).toBe('/var/run/libvirt/libvirt-sock');
    expect(chooseUnixSocket({ driver: 'qemu', mode: 'legacy', readonly: true, session: false, exists: none })).toBe('/var/run/libvirt/libvirt-sock-ro');
  });

  it('direct: the driver daemon socket', () => {
    expect(chooseUnixSocket({ driver: 'qemu', mode: 'direct', readonly: false, session: false, exists: none })).toBe('/var/run/libvirt/virtqemud-sock');
    expect(chooseUnixSocket({ driver: 'network', mode: 'direct', readonly: true, session: false, exists: none })).toBe('/var/run/libvirt/virtnetworkd-sock-ro');
    expect(() => chooseUnixSocket({ driver: undefined, mode: 'direct', readonly: false, session: false, exists: none })).toThrow(/no URI is set/);
  });

  it('auto: direct when the modular daemon socket exists, else legacy (Debian builds remote_default_mode=legacy)', () => {
    const modular = (path: string) => path === '/var/run/libvirt/virtqemud-sock';
    expect(chooseUnixSocket({ driver: 'qemu', mode: 'auto', readonly: false, session: false, exists: modular })).toBe('/var/run/libvirt/virtqemud-sock');
    expect(chooseUnixSocket({ driver: 'qemu', mode: 'auto', readonly: false, session: false, exists: none })).toBe('/var/run/libvirt/libvirt-sock');
    expect(chooseUnixSocket({ driver: 'qemu', mode: 'auto', readonly: false, session: true, userRuntimeDirectory: '/run/user/1000', exists: none })).toBe(
      '/run/user/1000/libvirt/libvirt-sock',
    );
  });
});

describe('libvirt PKI layout', () => {
  it('pkipath, root and user defaults', () => {
    expect(pkiFiles({ pkipath: '/p', root: true })).toEqual({ ca: '/p/cacert.pem', cert: '/p/clientcert.pem', key: '/p/clientkey.pem' });
    expect(pkiFiles({ root: true })).toEqual({ ca: '/etc/pki/CA/cacert.pem', cert: '/etc/pki/libvirt/clientcert.pem', key: '/etc/pki/libvirt/private/clientkey.pem' });
    expect(pkiFiles({ root: false, home: '/home/u' })).toEqual({ ca: '/home/u/.pki/libvirt/cacert.pem', cert: '/home/u/.pki/libvirt/clientcert.pem', key: '/home/u/.pki/libvirt/clientkey.pem' });
  });
});
