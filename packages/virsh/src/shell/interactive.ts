import { createInterface, type Interface } from 'node:readline';
import { completionSources } from '../commands/completion.js';
import { ScriptTokens } from '../parse/tokens.js';
import { runTokens } from '../run-script.js';
import type { Session } from '../session.js';
import type { VirshIO } from '../virsh.js';
import { complete } from './completer.js';
import { historyPath, historySize, loadHistory, saveHistory } from './history.js';

const BANNER =
  'Welcome to virsh, the virtualization interactive terminal.\n\n' +
  "Type:  'help' for help with commands\n       'quit' to quit\n\n";

const promptFor = (session: Session) => (session.readOnly ? 'virsh > ' : 'virsh # ');

/** Runs one line typed at the prompt; empty lines do nothing. */
async function runLine(line: string, session: Session, history: string[]): Promise<void> {
  if (line === '') return;
  history.push(line);
  await runTokens(new ScriptTokens(line), session);
  session.out.flush();
}

/**
 * The interactive shell: banner, `virsh # ` prompt (`virsh > ` read-only), history kept
 * in virsh 9's file, tab completion on a terminal, `quit`/`exit` or Ctrl-D to leave.
 * Off a terminal the typed lines are echoed after the prompt, as GNU readline does.
 */
export async function runInteractive(session: Session, io: VirshIO): Promise<void> {
  const out = session.out;
  if (!out.quiet) out.print(BANNER);
  out.flush();
  const file = historyPath(io.env);
  const size = historySize(io.env);
  const history = await loadHistory(file);
  const startLength = history.length;
  const rl = createInterface({
    input: process.stdin,
    output: io.stdinIsTTY ? process.stdout : undefined,
    terminal: io.stdinIsTTY,
    historySize: size,
    history: [...history].reverse(),
    removeHistoryDuplicates: false,
    completer: (line: string, callback: (err: null, result: [string[], string]) => void) => {
      // readline shows the candidates sorted (rl_sort_completion_matches).
      complete(line, completionSources(session, false)).then(
        ([candidates, word]) => callback(null, [[...candidates].sort(), word]),
        () => callback(null, [[], line]),
      );
    },
  });
  try {
    if (io.stdinIsTTY) await terminalLoop(rl, session, history);
    else await pipeLoop(rl, session, history);
  } finally {
    rl.close();
    out.print('\n');
    out.flush();
    if (history.length > startLength || size === 0) await saveHistory(file, history, size).catch(() => undefined);
  }
}

async function terminalLoop(rl: Interface, session: Session, history: string[]): Promise<void> {
  rl.on('SIGINT', () => {
    // Ctrl-C drops the line being typed, as virsh does, and prompts again.
    rl.write(null, { ctrl: true, name: 'u' });
    process.stdout.write('\n');
    rl.prompt();
  });
  rl.setPrompt(promptFor(session));
  rl.prompt();
  for await (const line of rl) {
    await runLine(line, session, history);
    if (session.stopRequested) return;
    rl.setPrompt(promptFor(session));
    rl.prompt();
  }
}

async function pipeLoop(rl: Interface, session: Session, history: string[]): Promise<void> {
  const out = session.out;
  out.print(promptFor(session));
  out.flush();
  for await (const line of rl) {
    out.print(`${line}\n`);
    await runLine(line, session, history);
    if (session.stopRequested) return;
    out.print(promptFor(session));
    out.flush();
  }
}
