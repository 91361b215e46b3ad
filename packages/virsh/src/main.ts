// The command line: runs virsh on this process's descriptors, arguments and environment.
// Bundled on its own into dist/cli.cjs (CommonJS, so no top-level await), which the bin
// (bin.ts) runs.
import { fdWriter, isTerminal } from './output/fd-writer.js';
import { runVirsh } from './virsh.js';

const stderr = fdWriter(2);
runVirsh(process.argv.slice(2), {
  stdout: fdWriter(1),
  stderr,
  env: process.env,
  stdinIsTTY: isTerminal(0),
  stderrIsTTY: isTerminal(2),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    // A bug, not a user error: say so on one line rather than with a stack trace.
    stderr.write(`error: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
