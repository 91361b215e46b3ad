#!/usr/bin/env node
// xenstored-ts --socket PATH [--socket-ro PATH] [--domain-socket DOMID:PATH]...: serves until
// SIGINT or SIGTERM.
import { parseArgs } from 'node:util';
import { startXenstored } from './xenstored.js';

const usage = 'Usage: xenstored-ts --socket PATH [--socket-ro PATH] [--domain-socket DOMID:PATH]...';

/** How long a signalled daemon waits for its sockets to close before it exits anyway. */
const CLOSE_GRACE_MS = 500;

function domainSocket(text: string): { domid: number; path: string } {
  const match = /^(\d{1,5}):(.+)$/.exec(text);
  const domid = Number(match?.[1]);
  if (!match || domid < 1 || domid > 65535) throw new Error(`--domain-socket ${JSON.stringify(text)} is not DOMID:PATH with DOMID 1-65535`);
  return { domid, path: match[2]! };
}

async function main(): Promise<number> {
  let values: { socket?: string | undefined; 'socket-ro'?: string | undefined; 'domain-socket'?: string[] | undefined; help?: boolean | undefined };
  let domainSockets: { domid: number; path: string }[];
  try {
    ({ values } = parseArgs({
      options: {
        socket: { type: 'string' },
        'socket-ro': { type: 'string' },
        'domain-socket': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
    domainSockets = (values['domain-socket'] ?? []).map(domainSocket);
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
  const xenstored = await startXenstored({ socketPath: values.socket, socketRoPath: values['socket-ro'], domainSockets });
  const listening = [values.socket, values['socket-ro'], ...domainSockets.map(({ path }) => path)].filter(Boolean);
  process.stderr.write(`xenstored-ts: listening on ${listening.join(' and ')}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // Closing drops every client; should that ever stall, the signal still ends the daemon.
  setTimeout(() => process.exit(0), CLOSE_GRACE_MS).unref();
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
