import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XendClient, type XendClientOptions } from '../src/index.js';
import { type FakeXend, type FakeXendOptions, type FakeXendSeed, startFakeXend } from '../src/testing/index.js';

export type Transport = 'unix' | 'tcp';
export const TRANSPORTS: Transport[] = ['unix', 'tcp'];

export interface FakeSetup {
  fake: FakeXend;
  client: XendClient;
  /** A private temp folder (the unix socket lives here too); removed by `close`. */
  dir: string;
  /** A clock the fake reads; tests move it forward with `advance`. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/**
 * A fake xend on a unix socket in a temp folder, or on 127.0.0.1 with a free port, with a
 * manual clock (so cpu_time and shutdowns move only when a test says), and a client for it.
 */
export async function setUpFake(
  transport: Transport,
  seed: FakeXendSeed = {},
  options: FakeXendOptions & { client?: XendClientOptions } = {},
): Promise<FakeSetup> {
  const dir = await mkdtemp(join(tmpdir(), 'xend-client-'));
  let now = Date.UTC(2006, 6, 11);
  const listen = transport === 'unix' ? { socketPath: join(dir, 'xend-socket') } : { port: 0 };
  const fake = await startFakeXend(listen, seed, { clock: () => now, ...options });
  const client = new XendClient(fake.endpoint, { timeoutMs: 5_000, ...options.client });
  return {
    fake,
    client,
    dir,
    advance: (ms) => {
      now += ms;
    },
    close: async () => {
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The XendError a promise rejects with (fails the test if it resolves or throws another kind). */
export async function rejection(promise: Promise<unknown>): Promise<import('../src/index.js').XendError> {
  const { XendError } = await import('../src/index.js');
  try {
    await promise;
  } catch (error) {
    if (XendError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a XendError, but the call succeeded');
}
