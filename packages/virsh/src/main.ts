import { type Connection, open } from '@libvirt-ts/virt';
import { processOutput } from './output/output.js';
import { tokenizeScript } from './parse/tokenize.js';
import { runScript } from './run-script.js';

interface GlobalOptions {
  uri: string | undefined;
  readOnly: boolean;
  quiet: boolean;
  rest: string[];
}

function parseGlobalOptions(argv: string[]): GlobalOptions {
  const opts: GlobalOptions = {
    uri: process.env['VIRSH_DEFAULT_CONNECT_URI'] ?? process.env['LIBVIRT_DEFAULT_URI'],
    readOnly: false,
    quiet: false,
    rest: [],
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-c' || arg === '--connect') opts.uri = argv[++i];
    else if (arg.startsWith('--connect=')) opts.uri = arg.slice('--connect='.length);
    else if (arg === '-r' || arg === '--readonly') opts.readOnly = true;
    else if (arg === '-q' || arg === '--quiet') opts.quiet = true;
    else break;
  }
  opts.rest = argv.slice(i);
  return opts;
}

async function main(argv: string[]): Promise<number> {
  const opts = parseGlobalOptions(argv);
  const out = processOutput(opts.quiet);
  let conn: Promise<Connection> | undefined;
  const connection = () => {
    conn ??= open(opts.uri ?? 'xen:///', { readOnly: opts.readOnly });
    return conn;
  };
  // One argument is a script; several are one command's words.
  const script = opts.rest.length === 1 ? tokenizeScript(opts.rest[0] as string) : [opts.rest];
  const status = await runScript(script, out, connection);
  if (conn) await (await conn.catch(() => undefined))?.close();
  return status;
}

process.exitCode = await main(process.argv.slice(2));
