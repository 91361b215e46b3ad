// Hostile requests whose answers must match Xen 4.17's C xenstored. Plain Node with no imports
// beyond node:net, so the same file runs in a real Xen dom0 (fault-real-xen.test.ts) and against
// xenstored-ts (fault-compare.test.ts). Each probe runs on a fresh dom0 connection; an answer is
// "TYPE payload" (payload bytes as latin1, NULs shown as |), or "closed" when the server hung up.
// As a program: `node probe-requests.mjs SOCKET [RESTART-COMMAND]` prints `RESULT {json}`; after
// a probe that leaves the socket refusing connections, it notes "server died" and runs the
// restart command (C xenstored is restarted in dom0 so the remaining probes still run).
import { execSync } from 'node:child_process';
import { createConnection } from 'node:net';

const TYPE_NAMES = { 0: 'CONTROL', 1: 'DIRECTORY', 2: 'READ', 3: 'GET_PERMS', 4: 'WATCH', 5: 'UNWATCH', 6: 'TRANSACTION_START', 7: 'TRANSACTION_END', 10: 'GET_DOMAIN_PATH', 11: 'WRITE', 12: 'MKDIR', 13: 'RM', 14: 'SET_PERMS', 15: 'WATCH_EVENT', 16: 'ERROR', 17: 'IS_DOMAIN_INTRODUCED', 21: 'RESET_WATCHES', 22: 'DIRECTORY_PART' };
const T = { CONTROL: 0, DIRECTORY: 1, READ: 2, GET_PERMS: 3, WATCH: 4, UNWATCH: 5, TRANSACTION_START: 6, TRANSACTION_END: 7, INTRODUCE: 8, RELEASE: 9, GET_DOMAIN_PATH: 10, WRITE: 11, MKDIR: 12, RM: 13, SET_PERMS: 14, IS_DOMAIN_INTRODUCED: 17, RESET_WATCHES: 21, DIRECTORY_PART: 22 };

const bytes = (text) => Buffer.from(text, 'latin1');
/** `a\0b\0` from strings or byte buffers. */
const args = (...parts) => Buffer.concat(parts.flatMap((part) => [typeof part === 'string' ? bytes(part) : part, Buffer.alloc(1)]));

function frame(type, payload, { reqId = 1, txId = 0, length = payload.length } = {}) {
  const header = Buffer.alloc(16);
  header.writeUInt32LE(type, 0);
  header.writeUInt32LE(reqId, 4);
  header.writeUInt32LE(txId, 8);
  header.writeUInt32LE(length, 12);
  return Buffer.concat([header, payload]);
}

const PROBE = '/probe-fault';
/** A step marked so is sent inside the transaction the probe last started. */
const IN_LAST_TRANSACTION = true;
const long = (n) => 'x'.repeat(n);

/** name → steps; a step is [frame, replies to wait for (1), whether it goes in the last transaction]. */
export const PROBES = {
  'read without NUL': [[frame(T.READ, bytes('/tool'))]],
  'read with two arguments': [[frame(T.READ, args('/tool', 'x'))]],
  'read empty payload': [[frame(T.READ, Buffer.alloc(0))]],
  'read ""': [[frame(T.READ, args(''))]],
  'read /a//b': [[frame(T.READ, args('/a//b'))]],
  'read trailing slash': [[frame(T.READ, args('/tool/'))]],
  'read space in path': [[frame(T.READ, args('/a b'))]],
  'read non-ASCII path': [[frame(T.READ, args(Buffer.from([0x2f, 0xc3, 0xa9])))]],
  'read absolute path of 3072': [[frame(T.READ, args(`/${long(3071)}`))]],
  'read absolute path of 3073': [[frame(T.READ, args(`/${long(3072)}`))]],
  'read relative path of 2049': [[frame(T.READ, args(long(2049)))]],
  'write @foo': [[frame(T.WRITE, Buffer.concat([args('@foo'), bytes('v')]))], [frame(T.READ, args('/local/domain/0/@foo'), { reqId: 2 })]],
  'read @foo': [[frame(T.READ, args('@foo'))]],
  'mkdir @introduceDomain': [[frame(T.MKDIR, args('@introduceDomain'))]],
  'rm @releaseDomain': [[frame(T.RM, args('@releaseDomain'))]],
  'directory @introduceDomain': [[frame(T.DIRECTORY, args('@introduceDomain'))]],
  'get-perms @releaseDomain': [[frame(T.GET_PERMS, args('@releaseDomain'))]],
  'set-perms @foo': [[frame(T.SET_PERMS, args('@foo', 'n0'))]],
  'relative write': [[frame(T.WRITE, Buffer.concat([args('probe-rel/x'), bytes('v')]))], [frame(T.READ, args('/local/domain/0/probe-rel/x'), { reqId: 2 })], [frame(T.RM, args('/local/domain/0/probe-rel'), { reqId: 3 })]],
  'write non-UTF-8 value': [[frame(T.WRITE, Buffer.concat([args(`${PROBE}/v`), Buffer.from([0xff, 0x00, 0xfe])]))], [frame(T.READ, args(`${PROBE}/v`), { reqId: 2 })], [frame(T.RM, args(PROBE), { reqId: 3 })]],
  'watch with a non-UTF-8 token': [[frame(T.WATCH, args('/tool', Buffer.from([0xff, 0xfe, 0x61]))), 2]],
  'watch @foo': [[frame(T.WATCH, args('@foo', 't')), 2]],
  'watch with an empty path': [[frame(T.WATCH, args('', 't'))]],
  'unwatch unknown': [[frame(T.UNWATCH, args('/tool', 'nope'))]],
  'transaction end outside a transaction': [[frame(T.TRANSACTION_END, args('T'))]],
  'transaction end of an unknown transaction': [[frame(T.TRANSACTION_END, args('T'), { txId: 12345 })]],
  'read in an unknown transaction': [[frame(T.READ, args('/tool'), { txId: 777 })]],
  'transaction end with X': [[frame(T.TRANSACTION_START, args('')), 1], [frame(T.TRANSACTION_END, args('X'), { reqId: 2 }), 1, IN_LAST_TRANSACTION]],
  'get-domain-path abc': [[frame(T.GET_DOMAIN_PATH, args('abc'))]],
  'get-domain-path 65536': [[frame(T.GET_DOMAIN_PATH, args('65536'))]],
  'is-domain-introduced 99': [[frame(T.IS_DOMAIN_INTRODUCED, args('99'))]],
  'introduce nonsense': [[frame(T.INTRODUCE, args('x', 'y', 'z'))]],
  'release dom0': [[frame(T.RELEASE, args('0'))]],
  'set-perms bad permission': [[frame(T.MKDIR, args(PROBE)), 1], [frame(T.SET_PERMS, args(PROBE, 'q5'), { reqId: 2 })], [frame(T.RM, args(PROBE), { reqId: 3 })]],
  'set-perms no permission': [[frame(T.SET_PERMS, args('/tool'))]],
  'rm /': [[frame(T.RM, args('/'))]],
  'directory-part bad offset': [[frame(T.DIRECTORY_PART, args('/', 'zz'))]],
  'directory-part offset past the end': [[frame(T.DIRECTORY_PART, args('/', '100000'))]],
  'frame longer than 4096': [[frame(T.READ, args('/tool'), { length: 4097 })]],
  'write of 4096 bytes payload': [[frame(T.WRITE, Buffer.concat([args(`${PROBE}/big`), Buffer.alloc(4096 - PROBE.length - 5, 0x61)]))], [frame(T.RM, args(PROBE), { reqId: 2 })]],
  'control unknown command': [[frame(T.CONTROL, args('no-such-command'))]],
  // C xenstored limits watches and transactions of unprivileged domains only.
  'dom0 sets 129 watches': Array.from({ length: 129 }, (_, i) => [frame(T.WATCH, args('/tool', `w${i}`), { reqId: i + 1 }), i < 128 ? 2 : 1]),
  'dom0 opens 11 transactions': Array.from({ length: 11 }, (_, i) => [frame(T.TRANSACTION_START, args(''), { reqId: i + 1 })]),
  'reset-watches with junk': [[frame(T.RESET_WATCHES, args('junk', 'more'))]],
  'unknown type 20': [[frame(20, args(''))]],
  'unknown type 23': [[frame(23, args(''))]],
  'unknown type 99': [[frame(99, args('/'))]],
  'unknown type 0xffff': [[frame(0xffff, args('/'))]],
};

function describeFrame(message) {
  const name = TYPE_NAMES[message.type] ?? String(message.type);
  if (message.type === T.TRANSACTION_START) return `${name} <id>`; // ids are the server's choice
  return `${name} ${message.payload.toString('latin1').replaceAll('\0', '|')}`;
}

/** Runs one probe on a fresh connection: every reply frame it got, or "closed". */
function runProbe(socketPath, steps) {
  return new Promise((resolve) => {
    const socket = createConnection({ path: socketPath });
    const answers = [];
    let buffered = Buffer.alloc(0);
    let step = 0;
    let waitingFor = 0;
    let lastTransaction = 0;
    let done = false;
    const finish = (extra) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(extra ? [...answers, extra] : answers);
    };
    const timer = setTimeout(() => finish('no answer'), 3000);
    const sendNext = () => {
      if (step === steps.length) return finish();
      const [bytes, expect = 1, inLastTransaction = false] = steps[step++];
      if (inLastTransaction) bytes.writeUInt32LE(lastTransaction, 8);
      waitingFor = expect;
      socket.write(bytes);
    };
    socket.on('connect', sendNext);
    socket.on('error', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 16 && buffered.length >= 16 + buffered.readUInt32LE(12)) {
        const length = buffered.readUInt32LE(12);
        const message = { type: buffered.readUInt32LE(0), payload: buffered.subarray(16, 16 + length) };
        buffered = buffered.subarray(16 + length);
        if (message.type === T.TRANSACTION_START) lastTransaction = Number(message.payload.toString('latin1').replace('\0', ''));
        answers.push(describeFrame(message));
        if (--waitingFor === 0) sendNext();
      }
    });
  });
}

/** Whether the server accepts a connection now. */
function accepting(socketPath) {
  return new Promise((resolve) => {
    const socket = createConnection({ path: socketPath });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Every probe's answers, by name; `revive()` is awaited after a probe the server did not survive. */
export async function runProbes(socketPath, revive = async () => {}) {
  const results = {};
  for (const [name, steps] of Object.entries(PROBES)) {
    results[name] = await runProbe(socketPath, steps);
    if (!(await accepting(socketPath))) {
      results[name].push('server died');
      await revive();
    }
  }
  return results;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const socketPath = process.argv[2] ?? '/var/run/xenstored/socket';
  const restart = process.argv[3];
  const results = await runProbes(socketPath, async () => {
    if (!restart) throw new Error('the server died and there is no restart command');
    execSync(restart, { stdio: 'inherit' });
    for (let i = 0; i < 20 && !(await accepting(socketPath)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  });
  console.log(`RESULT ${JSON.stringify(results)}`);
}
