import { describe, expect, it } from 'vitest';
import { formatXendCharDevice, parseXendCharDevice } from '../../src/config/char-device-string.js';

describe('xend character device strings', () => {
  it.each([
    'null',
    'stdio',
    'vc',
    'pty',
    'file:/tmp/serial.log',
    'pipe:/tmp/serial.pipe',
    '/dev/ttyS0',
    'tcp:localhost:9999',
    'tcp:localhost:9999,server,nowait',
    'tcp::9999',
    'telnet:localhost:9999,server,nowait',
    'udp:localhost:9998@localhost:9999',
    'udp::9998@:9999',
    'unix:/tmp/serial.sock',
    'unix:/tmp/serial.sock,server,nowait',
  ])('%s reads and writes back the same', (text) => {
    expect(formatXendCharDevice(parseXendCharDevice(text, undefined))).toBe(text);
  });

  it('reads the parts libvirt shows', () => {
    expect(parseXendCharDevice('telnet:host:23,server,nowait', undefined)).toEqual({
      type: 'tcp',
      protocol: 'telnet',
      sources: [{ mode: 'bind', host: 'host', service: '23' }],
    });
    expect(parseXendCharDevice('udp:a:1@b:2', undefined).sources).toEqual([
      { mode: 'bind', host: 'b', service: '2' },
      { mode: 'connect', host: 'a', service: '1' },
    ]);
    expect(parseXendCharDevice('pty', '/dev/pts/3')).toEqual({ type: 'pty', tty: '/dev/pts/3', sources: [{ path: '/dev/pts/3' }] });
  });

  it('rejects what xend has no spelling for', () => {
    expect(() => parseXendCharDevice('tcp:nohostport', undefined)).toThrow(/expected host:port/);
    expect(() => formatXendCharDevice({ type: 'spicevmc', sources: [] })).toThrow(/xend cannot express/);
  });
});
