import { fdWriter, isTerminal } from './output/fd-writer.js';
import { runVirsh } from './virsh.js';

const stderr = fdWriter(2);
try {
  process.exitCode = await runVirsh(process.argv.slice(2), {
    stdout: fdWriter(1),
    stderr,
    env: process.env,
    stdinIsTTY: isTerminal(0),
    stderrIsTTY: isTerminal(2),
  });
} catch (err) {
  // A bug, not a user error: say so on one line rather than with a stack trace.
  stderr.write(`error: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
