import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { ConnectAuth } from '@libvirt-ts/virt';
import { CredentialType } from '@libvirt-ts/virt/constants';
import type { Output } from './output/output.js';

/** The credential types virsh answers (virConnectAuthPtrDefault's). */
const ANSWERED: readonly CredentialType[] = [
  CredentialType.AUTHNAME,
  CredentialType.ECHOPROMPT,
  CredentialType.REALM,
  CredentialType.PASSPHRASE,
  CredentialType.NOECHOPROMPT,
  CredentialType.EXTERNAL,
];

const SECRET: readonly CredentialType[] = [CredentialType.PASSPHRASE, CredentialType.NOECHOPROMPT];

/**
 * virConnectAuthCallbackDefault, which virsh 9 opens with: each prompt on stdout as
 * "PROMPT: " (with " [DEFAULT]" when there is one), the answer one line of stdin; end of
 * input answers "". On a terminal a secret is read with echo off, then a newline is shown.
 */
export function terminalAuth(out: Output, stdinIsTTY: boolean): ConnectAuth {
  return {
    credentialTypes: ANSWERED,
    callback(credentials) {
      for (const credential of credentials) {
        const secret = SECRET.includes(credential.type);
        out.print(credential.defaultResult === undefined ? `${credential.prompt}: ` : `${credential.prompt} [${credential.defaultResult}]: `);
        out.flush();
        const line = secret && stdinIsTTY ? readWithoutEcho() : readLine();
        credential.result = line === '' && credential.defaultResult !== undefined ? credential.defaultResult : line;
      }
    },
  };
}

/**
 * One line of stdin, read a byte at a time so that what follows stays for the commands that read
 * it next. A descriptor left non-blocking answers EAGAIN until input arrives: wait and try again.
 */
function readLine(): string {
  const bytes: number[] = [];
  const byte = Buffer.alloc(1);
  for (;;) {
    let count: number;
    try {
      count = readSync(0, byte, 0, 1, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    // A terminal in raw mode (the interactive shell's) ends a line with a carriage return.
    if (count === 0 || byte[0] === 0x0a || byte[0] === 0x0d) break;
    if (byte[0] === 0x7f) bytes.pop();
    else bytes.push(byte[0] as number);
  }
  return Buffer.from(bytes).toString('utf8');
}

/** getpass(): the terminal's echo off while the line is typed, then the newline it did not show. */
function readWithoutEcho(): string {
  // node:child_process (with net and streams) loads here, not at every virsh start-up
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const stty = (setting: string) => spawnSync('stty', [setting], { stdio: ['inherit', 'ignore', 'ignore'] });
  stty('-echo');
  try {
    return readLine();
  } finally {
    stty('echo');
    showNewline();
  }
}

function showNewline(): void {
  try {
    const tty = openSync('/dev/tty', 'w');
    writeSync(tty, '\n');
    closeSync(tty);
  } catch {
    // No controlling terminal: nothing was typed on one either.
  }
}
