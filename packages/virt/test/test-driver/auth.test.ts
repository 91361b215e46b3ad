import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectAuth, type ConnectCredential, CredentialType, open, openAuth, openReadOnly } from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { libvirtSoAvailable, runLibvirtSo } from '../helpers/libvirt-so.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

const NODE = `<node>
  <domain type='test'><name>a</name><memory>1024</memory><os><type>hvm</type></os></domain>
  <auth><user password='secret'>alice</user><user>bob</user></auth>
</node>
`;

let dir: string;
let uri: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'virt-auth-'));
  await writeFile(join(dir, 'node.xml'), NODE);
  uri = `test://${join(dir, 'node.xml')}`;
  // No auth.conf of the machine's or the user's may answer for the callback.
  process.env['LIBVIRT_AUTH_FILE'] = join(dir, 'empty-auth.conf');
  await writeFile(join(dir, 'empty-auth.conf'), '');
});
afterAll(async () => {
  delete process.env['LIBVIRT_AUTH_FILE'];
  await rm(dir, { recursive: true, force: true });
});

/** A callback answering from `answers` by credential type, recording what it was asked. */
function answering(answers: Partial<Record<number, string>>, types = [CredentialType.AUTHNAME, CredentialType.PASSPHRASE]) {
  const asked: ConnectCredential[] = [];
  const auth: ConnectAuth = {
    credentialTypes: types,
    callback(credentials) {
      for (const c of credentials) {
        asked.push({ ...c });
        c.result = answers[c.type];
      }
    },
  };
  return { auth, asked };
}

describe('a node file with <auth>', () => {
  it('lets in a user with the right password, having asked for both', async () => {
    const { auth, asked } = answering({ [CredentialType.AUTHNAME]: 'alice', [CredentialType.PASSPHRASE]: 'secret' });
    const conn = await openAuth(uri, auth);
    expect(await conn.listDomains()).toEqual([1]);
    await conn.close();
    expect(asked.map((c) => [c.type, c.prompt, c.challenge])).toEqual([
      [CredentialType.AUTHNAME, 'Enter username for localhost', 'localhost'],
      [CredentialType.PASSPHRASE, "Enter alice's password for localhost", 'localhost'],
    ]);
  });

  it('asks a user without a password for nothing more', async () => {
    const { auth, asked } = answering({ [CredentialType.AUTHNAME]: 'bob' });
    await (await openAuth(uri, auth)).close();
    expect(asked).toHaveLength(1);
  });

  it('refuses a wrong password and an unknown user alike, after asking both for a password', async () => {
    const message = 'authentication failed: authentication failed, see test XML for the correct username/password';
    await expectVirtError(openAuth(uri, answering({ [CredentialType.AUTHNAME]: 'alice', [CredentialType.PASSPHRASE]: 'x' }).auth), 'AUTH_FAILED', message, 'TEST');
    const unknown = answering({ [CredentialType.AUTHNAME]: 'eve', [CredentialType.PASSPHRASE]: 'secret' });
    await expectVirtError(openAuth(uri, unknown.auth), 'AUTH_FAILED', message, 'TEST');
    expect(unknown.asked.map((c) => c.prompt)).toEqual(['Enter username for localhost', "Enter eve's password for localhost"]);
  });

  it('refuses open() and openReadOnly() without a callback, as libvirt 9 does', async () => {
    await expectVirtError(open(uri), 'INVALID_ARG', 'invalid argument: Missing authentication credentials', 'AUTH');
    await expectVirtError(openReadOnly(uri), 'INVALID_ARG', 'invalid argument: Missing authentication credentials', 'AUTH');
  });

  it('fails when the callback cannot answer, or cannot be asked for a name or a password', async () => {
    const throwing: ConnectAuth = {
      credentialTypes: [CredentialType.AUTHNAME],
      callback() {
        throw new Error('no terminal');
      },
    };
    await expectVirtError(openAuth(uri, throwing), 'AUTH_FAILED', 'authentication failed: Username request failed', 'AUTH');
    await expectVirtError(openAuth(uri, answering({}, [CredentialType.PASSPHRASE]).auth), 'AUTH_FAILED', 'authentication failed: Missing VIR_CRED_AUTHNAME credential type', 'AUTH');
    await expectVirtError(
      openAuth(uri, answering({ [CredentialType.AUTHNAME]: 'alice' }, [CredentialType.AUTHNAME]).auth),
      'OPERATION_UNSUPPORTED',
      'Operation not supported: no suitable callback authentication callback was found',
      'AUTH',
    );
  });

  it('takes the credentials from the auth file LIBVIRT_AUTH_FILE names, and says when that file is no key file', async () => {
    const file = join(dir, 'auth.conf');
    await writeFile(file, '[credentials-x]\nusername=alice\npassword=secret\n\n[auth-test-localhost]\ncredentials=x\n');
    process.env['LIBVIRT_AUTH_FILE'] = file;
    try {
      await (await open(uri)).close();
      await writeFile(file, 'not a key file\n');
      await expectVirtError(open(uri), 'CONF_SYNTAX', `configuration file syntax error: cannot read the auth file '${file}'`, 'AUTH');
    } finally {
      process.env['LIBVIRT_AUTH_FILE'] = join(dir, 'empty-auth.conf');
    }
  });
});

describe.skipIf(!libvirtSoAvailable)('libvirt.so.0 on the same node file', () => {
  it('gives the same message for virConnectOpen without a callback', () => {
    const body = 'print("opened" if lv.virConnectOpen(sys.argv[1].encode()) else last())';
    const env = { ...process.env, LIBVIRT_AUTH_FILE: join(dir, 'empty-auth.conf') };
    expect(runLibvirtSo(body, [uri], env)).toEqual(['invalid argument: Missing authentication credentials']);
  });
});
