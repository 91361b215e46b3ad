#!/usr/bin/env node
// fake-xend: a fake xend 3.x on a unix socket or TCP port, until SIGINT or SIGTERM.
//   fake-xend --socket PATH [--seed FILE.json] [--shutdown-delay MS]
//   fake-xend --port N [--host ADDR] [--seed FILE.json] [--shutdown-delay MS]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type FakeXendListen, type FakeXendSeed, startFakeXend } from '../testing/index.js';

const USAGE = 'usage: fake-xend (--socket PATH | --port N [--host ADDR]) [--seed FILE.json] [--shutdown-delay MS]';

function fail(message: string): never {
  process.stderr.write(`fake-xend: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseCommandLine(): { listen: FakeXendListen; seed: FakeXendSeed; shutdownDelayMs: number | undefined } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        socket: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'shutdown-delay': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const { socket, port, host, seed: seedFile } = values as Record<string, string | undefined>;
  if ((socket === undefined) === (port === undefined)) fail('give exactly one of --socket and --port');
  if (port !== undefined && !/^\d+$/.test(port)) fail(`--port must be a number, not ${JSON.stringify(port)}`);
  const delay = values['shutdown-delay'] as string | undefined;
  if (delay !== undefined && !/^\d+$/.test(delay)) fail(`--shutdown-delay must be milliseconds, not ${JSON.stringify(delay)}`);
  let seed: FakeXendSeed = {};
  if (seedFile !== undefined) {
    try {
      seed = JSON.parse(readFileSync(seedFile, 'utf8')) as FakeXendSeed;
    } catch (error) {
      fail(`cannot read the seed ${seedFile}: ${(error as Error).message}`);
    }
  }
  const listen: FakeXendListen =
    socket !== undefined ? { socketPath: socket } : { port: Number(port), ...(host === undefined ? {} : { host }) };
  return { listen, seed, shutdownDelayMs: delay === undefined ? undefined : Number(delay) };
}

const { listen, seed, shutdownDelayMs } = parseCommandLine();
try {
  const fake = await startFakeXend(listen, seed, shutdownDelayMs === undefined ? {} : { shutdownDelayMs });
  process.stdout.write(`fake-xend listening on ${fake.url}\n`);
  const stop = () => {
    fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  fail((error as Error).message);
}
