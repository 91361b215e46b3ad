import type { ConformanceCase } from './conformance-cases.js';

/**
 * A node file's `<auth>` (libvirt's testConnectAuthenticate): virsh asks for a username and, for a
 * user with a password or an unknown one, a password, on stdout, reading the answers from stdin;
 * auth.conf answers instead when it has them.
 */
const AUTH_NODE = `<node>
  <domain type='test'>
    <name>a</name>
    <memory>1024</memory>
    <os><type>hvm</type></os>
  </domain>
  <auth>
    <user password='secret'>alice</user>
    <user>bob</user>
  </auth>
</node>
`;
const files = { 'node.xml': () => AUTH_NODE };
const run = (name: string, input: string, command = 'list'): ConformanceCase => ({
  name: `auth-${name}`,
  args: ['-c', 'test:///@TMP/node.xml', command],
  files,
  input,
});
const authFile = (name: string, conf: string, input = ''): ConformanceCase => ({
  name: `auth-conf-${name}`,
  args: ['-c', 'test:///@TMP/node.xml', 'domname', '1'],
  files: { ...files, 'auth.conf': () => conf },
  env: { LIBVIRT_AUTH_FILE: '@TMP/auth.conf' },
  input,
});

export const AUTH_CASES: ConformanceCase[] = [
  run('right-password', 'alice\nsecret\n'),
  run('wrong-password', 'alice\nsecrets\n'),
  run('user-without-password', 'bob\n'),
  run('unknown-user', 'eve\nsecret\n'),
  run('no-input', ''),
  run('password-missing', 'alice\n'),
  run('name-case-matters', 'Alice\nsecret\n'),
  run('password-with-spaces-is-wrong', 'alice\n secret\n'),
  { ...run('readonly-asks-too', 'alice\nbad\n'), args: ['-r', '-c', 'test:///@TMP/node.xml', 'list'] },
  // A failed connect keeps the connection there was.
  { name: 'auth-connect-refused', args: ['-c', 'test:///default', 'connect test:///@TMP/node.xml; list'], files, input: 'alice\nxx\n' },
  { name: 'auth-connect-accepted', args: ['-c', 'test:///default', 'connect test:///@TMP/node.xml; list'], files, input: 'alice\nsecret\n' },
  {
    name: 'auth-empty-user-element',
    args: ['-c', 'test:///@TMP/node.xml', 'list'],
    files: { 'node.xml': () => AUTH_NODE.replace('<user>bob</user>', '<user password="x"></user>') },
  },
  authFile('both', '[credentials-t]\nusername=alice\npassword=secret\n[auth-test-localhost]\ncredentials=t\n'),
  authFile('username-only', '# a comment\n[credentials-t]\nusername=alice\n\n[auth-test-default]\ncredentials=t\n', 'secret\n'),
  authFile('wrong-password', '[credentials-t]\nusername=alice\npassword=nope\n[auth-test-localhost]\ncredentials=t\n'),
  authFile('other-host', '[credentials-t]\nusername=alice\npassword=secret\n[auth-test-elsewhere]\ncredentials=t\n', 'bob\n'),
  authFile('no-credentials-item', '[auth-test-localhost]\nx=1\n'),
  authFile('missing-credentials-group', '[auth-test-localhost]\ncredentials=zz\n'),
  {
    name: 'auth-conf-from-uri',
    args: ['-c', 'test:///@TMP/node.xml?authfile=@TMP/auth.conf', 'domname', '1'],
    files: { ...files, 'auth.conf': () => '[credentials-t]\nusername=bob\n[auth-test-localhost]\ncredentials=t\n' },
  },
  {
    name: 'auth-conf-xdg',
    args: ['-c', 'test:///@TMP/node.xml', 'domname', '1'],
    files: { ...files, 'xdg/libvirt/auth.conf': () => '[credentials-t]\nusername=alice\npassword=secret\n[auth-test-localhost]\ncredentials=t\n' },
    env: { XDG_CONFIG_HOME: '@TMP/xdg' },
  },
];
