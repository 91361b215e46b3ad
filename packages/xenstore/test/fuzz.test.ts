import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMessage, HEADER_SIZE, nulTerminated, PAYLOAD_MAX, XenstoreClient, XsType } from '../src/index.js';
import { startTemporaryXenstored, type TemporaryXenstored } from '../src/server/index.js';
import { RawConnection } from './raw-connection.js';
import { SeededRandom } from './seeded-random.js';

const SEED = 0x5eed_0006;
const FRAMES = 12_000;
const BATCH = 150;
const GUEST = 7;

const PATHS = ['/', '/tool', '/tool/xenstored', '/local', '/local/domain', `/local/domain/${GUEST}`, 'data', 'data/x', '/vm', '@introduceDomain', '@releaseDomain', '', '/a//b', '/x/', 'device/vif/0'];
const WORDS = ['T', 'F', '0', '1', '7', '65535', '65536', '-1', 'b0', 'r7', 'n7', 'w7', 'q', 'quota', 'help', 'tok', ''];

/** A well-formed request of a random type (the corpus mutated frames start from). */
function validRequest(random: SeededRandom): Uint8Array {
  const type = random.pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 18, 19, 21, 22]);
  const args = Array.from({ length: 1 + random.int(3) }, (_, i) => (i === 0 ? random.pick(PATHS) : random.pick(WORDS)));
  const payload = type === XsType.WRITE ? new Uint8Array([...nulTerminated([args[0]!]), ...random.bytes(random.int(64))]) : nulTerminated(args);
  return encodeMessage({ type, reqId: random.int(2 ** 32), txId: random.int(4) === 0 ? random.int(5) : 0, payload });
}

function flipBit(frame: Uint8Array, index: number, random: SeededRandom): void {
  frame[index] = frame[index]! ^ (1 << random.int(8));
}

/** Random or mutated frames that keep the framing intact: the server must answer each one. */
function framedFuzz(random: SeededRandom): Uint8Array {
  const frame = validRequest(random);
  const view = new DataView(frame.buffer, frame.byteOffset);
  switch (random.int(6)) {
    case 0: // noise payload under a plausible header
      return encodeMessage({ type: random.int(40), reqId: random.int(2 ** 32), txId: random.int(2 ** 32), payload: random.bytes(random.int(200)) });
    case 1: // flipped payload bytes
      for (let i = 0; i < 1 + random.int(4); i++) {
        if (frame.length > HEADER_SIZE) flipBit(frame, HEADER_SIZE + random.int(frame.length - HEADER_SIZE), random);
      }
      return frame;
    case 2: {
      // truncated payload, length adjusted
      const cut = Math.max(HEADER_SIZE, frame.length - 1 - random.int(4));
      view.setUint32(12, cut - HEADER_SIZE, true);
      return frame.subarray(0, cut);
    }
    case 3: // any type number
      view.setUint32(0, random.int(2 ** 32), true);
      return frame;
    case 4: // any transaction id
      view.setUint32(8, random.int(2 ** 32), true);
      return frame;
    default:
      return frame;
  }
}

/** Frames that break the stream: flipped header bytes, lengths that lie, oversized lengths. */
function streamBreakingFuzz(random: SeededRandom): Uint8Array {
  const frame = validRequest(random);
  const view = new DataView(frame.buffer, frame.byteOffset);
  switch (random.int(3)) {
    case 0:
      for (let i = 0; i < 1 + random.int(4); i++) flipBit(frame, random.int(frame.length), random);
      return frame;
    case 1:
      view.setUint32(12, random.int(64), true);
      return frame;
    default:
      view.setUint32(12, PAYLOAD_MAX + 1 + random.int(2 ** 31), true);
      return frame;
  }
}

describe('fuzzing the server over real sockets', () => {
  let xenstored: TemporaryXenstored;
  let good: XenstoreClient;

  beforeAll(async () => {
    xenstored = await startTemporaryXenstored({ guestDomains: [GUEST] });
    good = await XenstoreClient.connect({ path: xenstored.socketPath });
    await good.write('/local/domain/0/name', 'Domain-0');
    await good.write('/vm/u1/image/ostype', 'linux');
    await good.mkdir(`/local/domain/${GUEST}`);
    await good.setPermissions(`/local/domain/${GUEST}`, [`n${GUEST}`]);
  });

  afterAll(async () => {
    await good.close();
    await xenstored.close();
  });

  it(`survives ${FRAMES} seeded frames (seed ${SEED}) while a well-behaved client keeps working`, async () => {
    const before = xenstored.dump();
    const random = new SeededRandom(SEED);
    const targets = [xenstored.socketRoPath!, xenstored.guestSocketPath(GUEST)];
    const connections: RawConnection[] = await Promise.all(targets.map((path) => RawConnection.open(path)));
    let dropped = 0;
    const replies = { errors: 0, answers: 0 };
    const tally = (connection: RawConnection) => {
      for (const frame of connection.frames.splice(0)) {
        if (frame.type === XsType.ERROR) replies.errors++;
        else replies.answers++;
      }
    };

    let fuzzing = true;
    const goodWork = (async () => {
      let round = 0;
      while (fuzzing || round < 20) {
        const path = `/good/${round % 10}`;
        await good.write(path, `value ${round}`);
        expect(await good.read(path)).toBe(`value ${round}`);
        await good.transaction(async (tx) => tx.write('/good/tx', String(round)));
        expect(await good.read('/local/domain/0/name')).toBe('Domain-0');
        round++;
      }
      return round;
    })();

    for (let sent = 0; sent < FRAMES; sent += BATCH) {
      for (let i = 0; i < connections.length; i++) {
        tally(connections[i]!);
        if (connections[i]!.socket.destroyed) {
          dropped++;
          connections[i] = await RawConnection.open(targets[i]!);
        }
      }
      // One batch in ten breaks the framing (the server may then drop the connection).
      const breaking = random.int(10) === 0;
      const batch = Array.from({ length: BATCH }, (_, i) => (breaking && i === BATCH - 1 ? streamBreakingFuzz(random) : framedFuzz(random)));
      const connection = connections[random.int(connections.length)]!;
      connection.send(Buffer.concat(batch));
      // A round trip on the well-behaved client paces the fuzzer without sleeping.
      await good.read('/tool/xenstored');
    }
    fuzzing = false;
    const goodRounds = await goodWork;
    for (const connection of connections) connection.close();
    await Promise.all(connections.map((connection) => connection.closed));
    for (const connection of connections) tally(connection);
    console.log(`fuzz: ${JSON.stringify(replies)}, ${dropped} connections dropped`);
    // The frames reached the request handlers: many refused, many answered.
    expect(replies.errors).toBeGreaterThan(FRAMES / 10);
    expect(replies.answers).toBeGreaterThan(FRAMES / 50);

    // The fuzzers (read-only and guest connections) could change nothing outside the guest's home.
    const after = xenstored.dump();
    const outsideGuest = (tree: Record<string, string>) =>
      Object.fromEntries(Object.entries(tree).filter(([path]) => !path.startsWith(`/local/domain/${GUEST}`) && !path.startsWith('/good')));
    expect(outsideGuest(after)).toEqual(outsideGuest(before));
    expect(after['/good/tx']).toBe(String(goodRounds - 1));
    expect(goodRounds).toBeGreaterThanOrEqual(20);
    expect(dropped).toBeGreaterThan(0); // oversized frames did close connections

    const fresh = await XenstoreClient.connect({ path: xenstored.socketPath });
    expect(await fresh.read('/vm/u1/image/ostype')).toBe('linux');
    await fresh.close();
  });
});
