import { commandByName } from './commands/table.js';
import { errorMessage, VirshError } from './errors.js';
import { CommandOptions } from './parse/command-options.js';
import { type ParsedCommand, parseCommands } from './parse/parse-commands.js';
import type { TokenSource } from './parse/tokens.js';
import { DebugLevel, type Session } from './session.js';

/**
 * Parses then runs commands as virsh 9 does: a parse error anywhere stops the script
 * before anything runs; a failing command does not stop the rest. Returns whether the
 * last command that ran succeeded.
 */
export async function runTokens(tokens: TokenSource, session: Session): Promise<boolean> {
  const parsed = parseScript(tokens, session);
  return parsed ? runCommands(parsed, session) : false;
}

/** Parses a whole script; on a parse error prints it and returns undefined. */
export function parseScript(tokens: TokenSource, session: Session): ParsedCommand[] | undefined {
  try {
    const parsed = parseCommands(tokens, commandByName);
    traceOptions(session, parsed);
    return parsed;
  } catch (err) {
    reportError(session, err);
    session.out.flush();
    return undefined;
  }
}

export async function runCommands(parsed: ParsedCommand[], session: Session): Promise<boolean> {
  let ok = true;
  for (const { def, values } of parsed) {
    const started = session.timing ? process.hrtime.bigint() : 0n;
    // One command: inline, not in a function of its own, as a script may run thousands.
    try {
      // Connected, the usual case: no await, so no microtask turn per command.
      if (!def.noConnect && !session.connected) await session.connection();
      await def.run({ options: new CommandOptions(def, values), session });
      ok = true;
    } catch (err) {
      reportError(session, err);
      ok = false;
    }
    if (session.stopRequested) {
      session.out.flush();
      return ok;
    }
    if (session.timing) session.out.print(`\n(Time: ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(3)} ms)\n\n`);
    else session.out.printExtra('\n');
  }
  session.out.flush();
  return ok;
}

/** Prints an error as virsh does: one "error: ..." line per message. */
export function reportError(session: Session, err: unknown): void {
  if (VirshError.isInstance(err)) {
    for (const line of err.lines) session.out.error(line);
  } else {
    session.out.error(errorMessage(err));
  }
}

/** The -d trace of what each option was bound to (virsh prints it at INFO level). */
function traceOptions(session: Session, parsed: ParsedCommand[]): void {
  if (session.debugLevel > DebugLevel.INFO) return;
  for (const { def, values } of parsed) {
    for (const [name, value] of values) {
      const shown = value === true ? '(none)' : Array.isArray(value) ? value.join(' ') : value;
      session.debug(DebugLevel.INFO, `${def.name}: ${name}(${value === true ? 'bool' : 'optdata'}): ${shown}\n`);
    }
  }
}
