import { describe, expect, it } from 'vitest';
import { XendError } from '../../src/errors/xend-error.js';
import { describeEndpoint, endpointsForName } from '../../src/transport/endpoint.js';

describe('endpointsForName', () => {
  it.each([undefined, '', 'xen'])('%j tries the default socket, then localhost:8000', (name) => {
    expect(endpointsForName(name)).toEqual([
      { kind: 'unix', socketPath: '/var/lib/xend/xend-socket' },
      { kind: 'tcp', host: 'localhost', port: 8000 },
    ]);
  });

  it('reads http://host:port and defaults the port to 8000', () => {
    expect(endpointsForName('http://xenhost:8001')).toEqual([{ kind: 'tcp', host: 'xenhost', port: 8001 }]);
    expect(endpointsForName('http://xenhost')).toEqual([{ kind: 'tcp', host: 'xenhost', port: 8000 }]);
    expect(endpointsForName('http://[::1]:9000/')).toEqual([{ kind: 'tcp', host: '::1', port: 9000 }]);
  });

  it('takes a name without a scheme as a socket path', () => {
    expect(endpointsForName('/tmp/xend.sock')).toEqual([{ kind: 'unix', socketPath: '/tmp/xend.sock' }]);
  });

  it('refuses other schemes with NO_SUPPORT', () => {
    const attempt = () => endpointsForName('https://xenhost:8000');
    expect(attempt).toThrow(XendError);
    expect(attempt).toThrow(/scheme "https" is not supported/);
    try {
      attempt();
    } catch (error) {
      expect((error as XendError).code).toBe('NO_SUPPORT');
    }
  });

  it('describes endpoints for messages', () => {
    expect(describeEndpoint({ kind: 'unix', socketPath: '/s' })).toBe('unix:/s');
    expect(describeEndpoint({ kind: 'tcp', host: '::1', port: 1 })).toBe('http://[::1]:1');
  });
});

describe('XendClient.open', () => {
  it('rejects (never throws) for an unsupported scheme', async () => {
    const { XendClient } = await import('../../src/client/xend-client.js');
    const opening = XendClient.open('ftp://xenhost');
    await expect(opening).rejects.toMatchObject({ code: 'NO_SUPPORT' });
  });
});
