// The ssh transport's command line: nothing in a URI can become a command or an option.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRemoteUri, remoteCommand, sshArgv } from '../src/index.js';

const work = mkdtempSync(join(tmpdir(), 'ssh-argv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('ssh argv, as libvirt 9 builds it', () => {
  it('options, then --, the host and one remote command', () => {
    const argv = sshArgv({ host: 'host', port: 2222, user: 'root', keyfile: '/k', noTty: true, noVerify: true, socket: '/var/run/libvirt/libvirt-sock', name: 'qemu:///system', readonly: false });
    expect(argv.slice(0, -1)).toEqual(['ssh', '-p', '2222', '-l', 'root', '-i', '/k', '-T', '-e', 'none', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '--', 'host']);
    expect(argv.at(-1)).toBe(
      `sh -c 'if command -v virt-ssh-helper >/dev/null 2>&1; then virt-ssh-helper '\\''qemu:///system'\\''; else if '\\''nc'\\'' -q 2>&1 | grep "requires an argument" >/dev/null 2>&1; then ARG=-q0; else ARG=; fi; '\\''nc'\\'' $ARG -U '\\''/var/run/libvirt/libvirt-sock'\\''; fi'`,
    );
  });

  it('a URI socket means netcat; read-only passes -r to virt-ssh-helper', () => {
    expect(remoteCommand({ host: 'h', socket: '/s', explicitSocket: true, name: 'x', readonly: false })).not.toContain('virt-ssh-helper');
    expect(remoteCommand({ host: 'h', socket: '/s', name: 'qemu:///system', readonly: true, proxy: 'native' })).toBe(`sh -c 'virt-ssh-helper -r '\\''qemu:///system'\\'''`);
  });

  it('hostile socket, netcat and name values reach the remote shell as plain words', () => {
    // A fake nc records its argv; the remote command runs in a real sh, as sshd would run it.
    const marker = join(work, 'pwned');
    const record = join(work, 'nc-argv');
    const fakeNc = join(work, 'nc');
    writeFileSync(fakeNc, `#!/bin/sh\nfor a; do printf '%s\\n' "$a"; done > ${record}\n`);
    chmodSync(fakeNc, 0o755);
    const evil = `/tmp/x'; touch ${marker}; echo '$(touch ${marker})\`touch ${marker}\`"`;
    const uri = parseRemoteUri(`qemu+ssh://user@host/system?socket=${encodeURIComponent(evil)}&netcat=${encodeURIComponent(fakeNc)}`);
    const argv = sshArgv({ host: uri.host!, user: uri.user, socket: uri.params.socket!, explicitSocket: true, netcat: uri.params.netcat, name: uri.name, readonly: false });
    execFileSync('sh', ['-c', argv.at(-1)!]);
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(record, 'utf8').trim().split('\n').slice(-2)).toEqual(['-U', evil]);
  });

  it('user names and key files are separate argv elements, never shell text', () => {
    const argv = sshArgv({ host: 'h', user: '-oProxyCommand=touch /tmp/x', keyfile: '$(id)', socket: '/s', name: 'n', readonly: false });
    expect(argv.slice(1, 5)).toEqual(['-l', '-oProxyCommand=touch /tmp/x', '-i', '$(id)']);
  });
});
