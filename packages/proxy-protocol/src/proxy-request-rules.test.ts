import { describe, expect, it } from 'vitest';
import { dataFromArg, ProxyCommand, type ProxyPacket } from './proxy-packet.js';
import { encodeName } from './proxy-payloads.js';
import { malformedRequestReason } from './proxy-request-rules.js';

const request = (command: number, extra: Uint8Array = new Uint8Array(0)): ProxyPacket => ({ command: command as ProxyCommand, serial: 1, data: dataFromArg(0), extra });

describe('proxy request rules', () => {
  it('accepts the header-only requests bare, and nothing after their header', () => {
    for (const command of [0, 1, 2, 3, 4, 5, 8, 9, 10, 11]) {
      expect(malformedRequestReason(request(command))).toBeUndefined();
      expect(malformedRequestReason(request(command, new Uint8Array(1)))).toMatch(/carries 1 bytes after the header/);
    }
  });

  it('wants exactly a UUID for LOOKUP_UUID', () => {
    expect(malformedRequestReason(request(ProxyCommand.LOOKUP_UUID, new Uint8Array(16)))).toBeUndefined();
    expect(malformedRequestReason(request(ProxyCommand.LOOKUP_UUID, new Uint8Array(8)))).toMatch(/expected a 16-byte UUID/);
    expect(malformedRequestReason(request(ProxyCommand.LOOKUP_UUID))).toBeDefined();
  });

  it('wants a NUL-terminated name of 1..1000 bytes filling LOOKUP_NAME', () => {
    expect(malformedRequestReason(request(ProxyCommand.LOOKUP_NAME, encodeName('pv')))).toBeUndefined();
    expect(malformedRequestReason(request(ProxyCommand.LOOKUP_NAME, encodeName('n'.repeat(1000))))).toBeUndefined();
    expect(malformedRequestReason(request(ProxyCommand.LOOKUP_NAME, new Uint8Array([0x61, 0x62])))).toMatch(/not a NUL-terminated/);
    expect(malformedRequestReason(request(ProxyCommand.LOOKUP_NAME, new Uint8Array([0x61, 0, 0x62, 0])))).toMatch(/not a NUL-terminated/);
    expect(malformedRequestReason(request(ProxyCommand.LOOKUP_NAME, new Uint8Array(1002).fill(0x61)))).toMatch(/1\.\.1000 bytes/);
    expect(malformedRequestReason(request(ProxyCommand.LOOKUP_NAME, new Uint8Array([0])))).toBeDefined();
  });

  it("holds libvirt-ts's additions to the same rules: NUM_DEFINED and LIST_DEFINED bare, DOMAIN_FLAGS, DOMAIN_INFO_BY_NAME and DOMAIN_STATE a name", () => {
    for (const command of [ProxyCommand.NUM_DEFINED, ProxyCommand.LIST_DEFINED]) {
      expect(malformedRequestReason(request(command))).toBeUndefined();
      expect(malformedRequestReason(request(command, encodeName('pv')))).toMatch(/carries 3 bytes after the header/);
    }
    for (const command of [ProxyCommand.DOMAIN_FLAGS, ProxyCommand.DOMAIN_INFO_BY_NAME, ProxyCommand.DOMAIN_STATE]) {
      expect(malformedRequestReason(request(command, encodeName('pv')))).toBeUndefined();
      expect(malformedRequestReason(request(command))).toMatch(/expected a name of 1\.\.1000 bytes/);
      expect(malformedRequestReason(request(command, new Uint8Array([0x61, 0, 0x62, 0])))).toMatch(/not a NUL-terminated/);
    }
  });

  it('leaves commands it does not know to the daemon, which answers them with a failure', () => {
    expect(malformedRequestReason(request(17))).toBeUndefined();
    expect(malformedRequestReason(request(65535, new Uint8Array(100)))).toBeUndefined();
  });
});
