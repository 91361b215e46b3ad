#!/usr/bin/env node
// xenstored-ts --socket PATH [--socket-ro PATH]: serves until SIGINT or SIGTERM.
import { parseArgs } from 'node:util';
import { startXenstored } from './xenstored.js';

const usage = 'Usage: xenstored-ts --socket PATH [--socket-ro PATH]';

async function main(): Promise<number> {
  let values: { socket?: string | undefined; 'socket-ro'?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      options: { socket: { type: 'string' }, 'socket-ro': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`xenstored-ts: ${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!values.socket) {
    process.stderr.write(`xenstored-ts: --socket is required\n${usage}\n`);
    return 2;
  }
  const xenstored = await startXenstored({ socketPath: values.socket, socketRoPath: values['socket-ro'] });
  process.stderr.write(`xenstored-ts: listening on ${[values.socket, values['socket-ro']].filter(Boolean).join(' and ')}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await xenstored.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`xenstored-ts: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
