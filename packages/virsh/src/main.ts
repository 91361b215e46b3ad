import { fdWriter, isTerminal } from './output/fd-writer.js';
import { runVirsh } from './virsh.js';

process.exitCode = await runVirsh(process.argv.slice(2), {
  stdout: fdWriter(1),
  stderr: fdWriter(2),
  env: process.env,
  stdinIsTTY: isTerminal(0),
  stderrIsTTY: isTerminal(2),
});
