import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as remote from '../src/index.js';
import {
  decodeBody,
  encodePacket,
  PACKET_MAX,
  type Packet,
  PacketDecoder,
  REMOTE_PROC_DOMAIN_GET_INFO,
  REMOTE_PROGRAM,
  RemoteError,
  VIR_NET_CALL,
  VIR_NET_OK,
  VIR_NET_REPLY,
  type XdrCodec,
  XdrReader,
  XdrWriter,
  xdrRemoteDomainGetInfoArgs,
  xdrRemoteDomainGetInfoRet,
  xdrRemoteNodeGetInfoRet,
  xdrRemoteTypedParam,
} from '../src/index.js';
import { codecName, parseRpcgen } from '../src/rpcgen/index.js';
import { XdrArbitraries } from './arbitrary-xdr.js';

const UUID = Uint8Array.from({ length: 16 }, (_, i) => i * 16 + i);

function roundTrip<T>(codec: XdrCodec<T>, value: T): T {
  const writer = new XdrWriter(8);
  codec.encode(writer, value);
  const reader = new XdrReader(writer.toBytes());
  const decoded = codec.decode(reader);
  reader.done();
  return decoded;
}

describe('XDR encoding (RFC 4506) of the generated codecs', () => {
  it('virDomainGetInfo arguments: name, uuid, id; strings padded to 4 bytes', () => {
    const writer = new XdrWriter();
    xdrRemoteDomainGetInfoArgs.encode(writer, { dom: { name: 'test', uuid: UUID, id: 1 } });
    expect(Buffer.from(writer.toBytes()).toString('hex')).toBe(
      `00000004${Buffer.from('test').toString('hex')}${Buffer.from(UUID).toString('hex')}00000001`,
    );
    const odd = new XdrWriter();
    xdrRemoteDomainGetInfoArgs.encode(odd, { dom: { name: 'abcde', uuid: UUID, id: -1 } });
    expect(Buffer.from(odd.toBytes()).toString('hex')).toBe(`00000005${Buffer.from('abcde').toString('hex')}000000${Buffer.from(UUID).toString('hex')}ffffffff`);
  });

  it('unsigned char and unsigned short take 4 bytes each, as rpcgen writes them', () => {
    const writer = new XdrWriter();
    xdrRemoteDomainGetInfoRet.encode(writer, { state: 1, maxMem: 8388608n, memory: 2097152n, nrVirtCpu: 2, cpuTime: 1n << 40n });
    expect(writer.length).toBe(4 + 8 + 8 + 4 + 8);
  });

  it('char model[32] is 32 ints (128 bytes)', () => {
    const writer = new XdrWriter();
    xdrRemoteNodeGetInfoRet.encode(writer, { model: Array(32).fill(0x41), memory: 1n, cpus: 1, mhz: 1, nodes: 1, sockets: 1, cores: 1, threads: 1 });
    expect(writer.length).toBe(128 + 8 + 6 * 4);
  });

  it('a typed parameter is a union: the discriminant, then the arm', () => {
    const writer = new XdrWriter();
    xdrRemoteTypedParam.encode(writer, { field: 'weight', value: { type: 2, ui: 50 } });
    expect(Buffer.from(writer.toBytes()).toString('hex')).toBe(`00000006${Buffer.from('weight').toString('hex')}00000000000200000032`);
    expect(roundTrip(xdrRemoteTypedParam, { field: 'x', value: { type: 5, d: 1.5 } })).toEqual({ field: 'x', value: { type: 5, d: 1.5 } });
    expect(() => roundTrip(xdrRemoteTypedParam, { field: 'x', value: { type: 9, ui: 1 } as never })).toThrow(/remote_typed_param_value type/);
  });

  it('refuses values the type cannot hold, with a typed error', () => {
    const bad: [string, () => void][] = [
      ['int over 2^31', () => new XdrWriter().int(2 ** 31)],
      ['fraction', () => new XdrWriter().uint(1.5)],
      ['negative unsigned', () => new XdrWriter().uint(-1)],
      ['unsigned char 256', () => xdrRemoteDomainGetInfoRet.encode(new XdrWriter(), { state: 256, maxMem: 0n, memory: 0n, nrVirtCpu: 0, cpuTime: 0n })],
      ['hyper as number', () => new XdrWriter().uhyper(5 as never)],
      ['uuid of 15 bytes', () => xdrRemoteDomainGetInfoArgs.encode(new XdrWriter(), { dom: { name: 'x', uuid: new Uint8Array(15), id: 0 } })],
      ['string over its limit', () => new XdrWriter().string('x'.repeat(11), 10)],
    ];
    for (const [what, encode] of bad) {
      expect(encode, what).toThrow(RemoteError);
      try {
        encode();
      } catch (error) {
        expect((error as RemoteError).code, what).toBe('XDR');
      }
    }
  });

  it('decoding checks bounds: short data, lying counts, bad bools, left-over bytes', () => {
    const lyingCount = new Uint8Array([0x00, 0x10, 0x00, 0x00]);
    expect(() => new XdrReader(lyingCount).variableOpaque(0xffffffff)).toThrow(/more than the 0 bytes left/);
    expect(() => new XdrReader(new Uint8Array([0, 0, 0, 11, 0x61])).string(10)).toThrow(/over the limit of 10 at byte 0/);
    expect(() => new XdrReader(new Uint8Array([0, 0, 0])).int()).toThrow(/int needs 4 bytes, 3 left at byte 0/);
    expect(() => new XdrReader(new Uint8Array([0, 0, 0, 2])).bool()).toThrow(/2 is not a bool/);
    expect(() => new XdrReader(new Uint8Array([0, 0, 0, 2, 0xff, 0xfe, 0, 0])).string(10)).toThrow(/not UTF-8/);
    const reader = new XdrReader(new Uint8Array(8));
    reader.int();
    expect(() => reader.done()).toThrow(/4 bytes left over at byte 4/);
  });

  // Every type of libvirt 9.0's remote_protocol.x and virnetprotocol.x, with values fast-check makes.
  for (const file of ['remote_protocol.x', 'virnetprotocol.x']) {
    const spec = parseRpcgen(readFileSync(new URL(`../protocol/${file}`, import.meta.url), 'utf8'), file);
    const arbitraries = new XdrArbitraries(spec);
    it(`decode(encode(x)) is x for each of the ${arbitraries.typeNames().length} types of ${file}`, () => {
      for (const typeName of arbitraries.typeNames()) {
        const codec = (remote as unknown as Record<string, XdrCodec<unknown>>)[codecName(typeName)];
        expect(codec, typeName).toBeDefined();
        fc.assert(
          fc.property(arbitraries.of(typeName), (value) => {
            expect(roundTrip(codec!, value)).toEqual(value);
          }),
          { numRuns: 20 },
        );
      }
    });
  }
});

function callPacket(serial: number, name: string): Uint8Array {
  return encodePacket(
    new XdrWriter(),
    { prog: REMOTE_PROGRAM, vers: 1, proc: REMOTE_PROC_DOMAIN_GET_INFO, type: VIR_NET_CALL, serial, status: VIR_NET_OK },
    xdrRemoteDomainGetInfoArgs,
    { dom: { name, uuid: UUID, id: serial } },
  );
}

describe('packet framing: length word and header', () => {
  it('writes the length (itself included) and the 24-byte header', () => {
    const bytes = callPacket(7, 'test');
    expect(bytes.length).toBe(4 + 24 + 4 + 4 + 16 + 4);
    expect(Buffer.from(bytes.subarray(0, 28)).toString('hex')).toBe(
      `0000${bytes.length.toString(16).padStart(4, '0')}` + '20008086' + '00000001' + '00000010' + '00000000' + '00000007' + '00000000',
    );
  });

  const stream = [callPacket(1, 'a'), callPacket(2, 'longer-domain-name'), callPacket(3, ''), callPacket(4, 'x'.repeat(300))];
  const joined = Buffer.concat(stream);

  function decodeAll(chunks: Uint8Array[]): Packet[] {
    const packets: Packet[] = [];
    const decoder = new PacketDecoder((packet) => packets.push(packet));
    for (const chunk of chunks) decoder.push(chunk);
    expect(decoder.buffered).toBe(0);
    return packets;
  }

  function check(packets: Packet[]): void {
    expect(packets.map((packet) => packet.header.serial)).toEqual([1, 2, 3, 4]);
    expect(packets.map((packet) => decodeBody(packet, xdrRemoteDomainGetInfoArgs).dom.name)).toEqual(['a', 'longer-domain-name', '', 'x'.repeat(300)]);
  }

  it('reads the same packets when the stream is split at every byte offset', () => {
    for (let split = 0; split <= joined.length; split++) {
      check(decodeAll([joined.subarray(0, split), joined.subarray(split)]));
    }
  });

  it('reads the same packets from one byte at a time, and from any random split', () => {
    check(decodeAll([...joined].map((byte) => Uint8Array.of(byte))));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: joined.length }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), joined.length];
        check(decodeAll(points.slice(1).map((end, i) => joined.subarray(points[i]!, end))));
      }),
    );
  });

  it('a length under the header size or over libvirt 9 limit (32 MiB + 4) is a typed error, and stays one', () => {
    const tooSmall = new PacketDecoder(() => {});
    expect(() => tooSmall.push(new Uint8Array([0, 0, 0, 27]))).toThrow(/packet 27 bytes received from server too small, want 28/);
    expect(() => tooSmall.push(callPacket(1, 'a'))).toThrow(/too small/);
    expect(PACKET_MAX).toBe(33554432 + 4);
    const tooLarge = new PacketDecoder(() => {});
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, PACKET_MAX + 1);
    for (const byte of header) {
      try {
        tooLarge.push(Uint8Array.of(byte));
      } catch (error) {
        expect((error as RemoteError).code).toBe('TOO_LARGE');
      }
    }
    expect(() => tooLarge.push(new Uint8Array(1))).toThrow(RemoteError);
  });

  it('an announced length reserves nothing: memory follows the bytes received', () => {
    const decoder = new PacketDecoder(() => {});
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, PACKET_MAX);
    decoder.push(header);
    decoder.push(new Uint8Array(100));
    expect(decoder.buffered).toBe(104);
  });

  it('a reply header with an unknown type is a protocol error', () => {
    const bytes = encodePacket(new XdrWriter(), { prog: REMOTE_PROGRAM, vers: 1, proc: 1, type: VIR_NET_REPLY, serial: 1, status: VIR_NET_OK }, remote.xdrVoid, undefined);
    new DataView(bytes.buffer).setInt32(16, 77);
    expect(() => new PacketDecoder(() => {}).push(bytes)).toThrow(/bad packet header: 77 is not a virNetMessageType at byte 16/);
  });
});
