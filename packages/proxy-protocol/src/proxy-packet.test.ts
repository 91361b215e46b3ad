import { describe, expect, it } from 'vitest';
import {
  argOf,
  dataFromArg,
  dataFromLong,
  encodeProxyPacket,
  longOf,
  ProxyCommand,
  type ProxyPacket,
  ProxyPacketDecoder,
  ProxyPacketError,
} from './proxy-packet.js';
import { proxySocketAddress } from './proxy-socket-name.js';
import {
  decodeNameList,
  encodeNameList,
  decodeDomainInfo,
  decodeText,
  encodeText,
  decodeIdList,
  decodeName,
  decodeNodeInfo,
  decodeUuidAndName,
  encodeDomainInfo,
  encodeIdList,
  encodeName,
  encodeNodeInfo,
  encodeUuidAndName,
} from './proxy-payloads.js';

const lookupReply: ProxyPacket = {
  command: ProxyCommand.LOOKUP_ID,
  serial: 7,
  data: dataFromArg(0),
  extra: encodeUuidAndName(new Uint8Array(16).fill(0xab), 'pvtest'),
};

describe('proxy packet codec', () => {
  it('writes the header as libvirt laid it out', () => {
    const bytes = encodeProxyPacket({ command: ProxyCommand.LOOKUP_NAME, serial: 0x0102, data: dataFromArg(-1), extra: encodeName('ab') });
    expect(Array.from(bytes.subarray(0, 16))).toEqual([1, 0, 7, 0, 2, 1, 19, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    expect(Array.from(bytes.subarray(16))).toEqual([0x61, 0x62, 0]);
  });

  it('decodes packets split at every byte offset', () => {
    const first = encodeProxyPacket(lookupReply);
    const second = encodeProxyPacket({ command: ProxyCommand.VERSION, serial: 8, data: dataFromLong(3000001n), extra: new Uint8Array(0) });
    const stream = new Uint8Array([...first, ...second]);
    for (let cut = 0; cut <= stream.length; cut++) {
      const decoder = new ProxyPacketDecoder();
      const packets = [...decoder.push(stream.subarray(0, cut)), ...decoder.push(stream.subarray(cut))];
      expect(packets.map((p) => p.serial)).toEqual([7, 8]);
      expect(decodeUuidAndName(packets[0]!.extra).name).toBe('pvtest');
      expect(longOf(packets[1]!)).toBe(3000001n);
    }
  });

  it('rejects a wrong version or an impossible length with the stream offset', () => {
    const good = encodeProxyPacket(lookupReply);
    const badVersion = Uint8Array.from(good);
    badVersion[0] = 2;
    const decoder = new ProxyPacketDecoder();
    decoder.push(good);
    expect(() => decoder.push(badVersion)).toThrow(ProxyPacketError);
    const shortLength = Uint8Array.from(good);
    shortLength[6] = 4;
    shortLength[7] = 0;
    expect(() => new ProxyPacketDecoder().push(shortLength)).toThrow(/length 4 outside 16\.\.4096/);
    expect(() => new ProxyPacketDecoder().push(shortLength)).toThrow(expect.objectContaining({ code: 'BAD_LENGTH' }));
    let thrown: unknown;
    try {
      new ProxyPacketDecoder().push(new Uint8Array([...good, ...badVersion]));
    } catch (error) {
      thrown = error;
    }
    expect(ProxyPacketError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'BAD_VERSION', offset: good.length });
  });

  it('hands packets out one at a time, counting the bytes it still holds', () => {
    const one = encodeProxyPacket(lookupReply);
    const decoder = new ProxyPacketDecoder();
    decoder.feed(new Uint8Array([...one, ...one, ...one.subarray(0, 20)]));
    expect(decoder.bufferedBytes).toBe(2 * one.length + 20);
    expect(decoder.next()?.serial).toBe(7);
    expect(decoder.bufferedBytes).toBe(one.length + 20);
    expect(decoder.next()?.serial).toBe(7);
    expect(decoder.next()).toBeUndefined();
    decoder.feed(one.subarray(20));
    expect(decoder.next()?.serial).toBe(7);
    expect(decoder.bufferedBytes).toBe(0);
  });

  it('refuses an oversized length as soon as the header is in, before the body arrives', () => {
    const header = encodeProxyPacket(lookupReply).slice(0, 16);
    new DataView(header.buffer).setUint16(6, 4097, true);
    const decoder = new ProxyPacketDecoder();
    decoder.feed(header);
    expect(() => decoder.next()).toThrow(/length 4097 outside 16\.\.4096/);
  });

  it('refuses extra data beyond 4080 bytes', () => {
    expect(() => encodeProxyPacket({ ...lookupReply, extra: new Uint8Array(4081) })).toThrow(RangeError);
  });
});

describe('proxy payloads', () => {
  it('round-trips virDomainInfo in its 40-byte x86_64 layout', () => {
    const info = { state: 3 as const, maxMem: 524288, memory: 262144, nrVirtCpu: 2, cpuTime: 123456789012n };
    const bytes = encodeDomainInfo(info);
    expect(bytes.length).toBe(40);
    expect(bytes[0]).toBe(3);
    expect(new DataView(bytes.buffer).getUint16(24, true)).toBe(2);
    expect(decodeDomainInfo(bytes)).toEqual(info);
  });

  it('round-trips virNodeInfo, cutting the model to 31 bytes', () => {
    const info = { model: 'x86_64', memory: 1047552, cpus: 2, mhz: 2000, nodes: 1, sockets: 1, cores: 2, threads: 1 };
    expect(decodeNodeInfo(encodeNodeInfo(info))).toEqual(info);
    expect(decodeNodeInfo(encodeNodeInfo({ ...info, model: 'm'.repeat(40) })).model).toBe('m'.repeat(31));
  });

  it('round-trips id lists and names, refusing names over 1000 bytes', () => {
    expect(decodeIdList(encodeIdList([0, 5, 65535]), 3)).toEqual([0, 5, 65535]);
    expect(decodeName(encodeName('Domain-0'))).toBe('Domain-0');
    expect(() => encodeName('x'.repeat(1001))).toThrow(RangeError);
    expect(() => decodeName(new Uint8Array([0x61]))).toThrow(ProxyPacketError);
    expect(() => decodeIdList(new Uint8Array(4), 2)).toThrow(/too short/);
  });

  it('round-trips the NUL-separated names of LIST_DEFINED, refusing a list shorter than its count', () => {
    const names = ['guest-a', 'gäst', 'n'.repeat(1000)];
    const extra = encodeNameList(names);
    expect(extra.length).toBe(7 + 1 + 5 + 1 + 1000 + 1);
    expect(decodeNameList(extra, 3)).toEqual(names);
    expect(decodeNameList(new Uint8Array(0), 0)).toEqual([]);
    expect(() => decodeNameList(extra.subarray(0, 13), 3)).toThrow(/ends after 1/);
  });

  it('carries XML and OS type text without a NUL, up to 4080 bytes', () => {
    expect(decodeText(encodeText("<domain type='xen'/>"))).toBe("<domain type='xen'/>");
    expect(encodeText('x'.repeat(4080)).length).toBe(4080);
    expect(() => encodeText('x'.repeat(4081))).toThrow(RangeError);
  });

  it('pads an abstract socket name to the 108 bytes of sun_path, as libvirt bound it', () => {
    expect(proxySocketAddress('\0/tmp/livirt_proxy_conn')).toHaveLength(108);
    expect(proxySocketAddress('\0/tmp/é')).toHaveLength(107); // é is two bytes
    expect(proxySocketAddress('/run/proxy.sock')).toBe('/run/proxy.sock');
    expect(() => proxySocketAddress(`\0${'x'.repeat(108)}`)).toThrow(RangeError);
  });

  it('reads the int member of the data union', () => {
    expect(argOf({ ...lookupReply, data: dataFromArg(-1) })).toBe(-1);
  });
});
