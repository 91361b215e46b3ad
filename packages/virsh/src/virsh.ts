import { terminalAuth } from './auth-prompt.js';
import { parseGlobalOptions } from './cli/global-options.js';
import { formatLongVersion, formatUsage } from './cli/usage.js';
import { VirshError } from './errors.js';
import { formatVersion, LIBVIRT_VERSION } from './libvirt-version.js';
import { LogFile } from './output/log-file.js';
import { createOutput, type Writer } from './output/output.js';
import { ArgvTokens, ScriptTokens } from './parse/tokens.js';
import { parseScript, reportError, runCommands } from './run-script.js';
import { DebugLevel, Session } from './session.js';

/** The process around virsh: its streams and environment (a test can pass its own). */
export interface VirshIO {
  stdout: Writer;
  stderr: Writer;
  env: NodeJS.ProcessEnv;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
}

/**
 * Runs virsh with `argv` (the words after the program name) as virsh 9 does and
 * resolves to the exit status.
 */
export async function runVirsh(argv: readonly string[], io: VirshIO): Promise<number> {
  let action: ReturnType<typeof parseGlobalOptions>;
  try {
    action = parseGlobalOptions(argv, io.env);
  } catch (err) {
    if (!VirshError.isInstance(err)) throw err;
    for (const line of err.lines) io.stderr.write(`error: ${line}\n`);
    return 1;
  }
  if (action.kind === 'help') {
    io.stdout.write(formatUsage());
    return 0;
  }
  if (action.kind === 'version') {
    io.stdout.write(action.long ? formatLongVersion(formatVersion(LIBVIRT_VERSION)) : `${formatVersion(LIBVIRT_VERSION)}\n`);
    return 0;
  }
  const options = action.options;
  for (const warning of options.warnings) io.stderr.write(`error: ${warning}\n`);
  let log: LogFile | undefined;
  try {
    if (options.logFile !== undefined) log = LogFile.open(options.logFile);
  } catch (err) {
    if (!VirshError.isInstance(err)) throw err;
    for (const line of err.lines) io.stderr.write(`error: ${line}\n`);
    return 1;
  }
  const out = createOutput(io.stdout, io.stderr, options.quiet, io.stderrIsTTY, log && ((message) => log.write(DebugLevel.ERROR, message)));
  const session = new Session(out, {
    uri: options.uri,
    readOnly: options.readOnly,
    quiet: options.quiet,
    timing: options.timing,
    debug: options.debug ?? DebugLevel.ERROR,
    interactive: options.rest.length === 0,
    keepaliveInterval: options.keepaliveInterval,
    keepaliveCount: options.keepaliveCount,
    auth: terminalAuth(out, io.stdinIsTTY),
    ...(log ? { log: (level: number, message: string) => log.write(level, message) } : {}),
  });
  try {
    if (session.interactive) {
      if (options.uriFromOption && !(await connectNamed(session))) return 1;
      const { runInteractive } = await import('./shell/interactive.js');
      await runInteractive(session, io);
      return 0;
    }
    // One word is a script; several are one command's words, taken literally.
    const rest = options.rest;
    // virsh 9 refuses an empty command string outright, silently.
    if (rest.length === 1 && rest[0] === '') return 1;
    if (rest.length === 1) session.debug(DebugLevel.INFO, `commands: "${rest[0]}"\n`);
    const tokens = rest.length === 1 ? new ScriptTokens(rest[0] as string) : new ArgvTokens(rest);
    const parsed = parseScript(tokens, session);
    if (!parsed) return 1;
    if (options.uriFromOption && !(await connectNamed(session))) return 1;
    return (await runCommands(parsed, session)) ? 0 : 1;
  } finally {
    out.flush();
    await session.disconnect().catch(() => undefined);
    log?.close();
  }
}

/** A URI named by -c must connect before anything runs (virsh 9 connects to VIRSH_DEFAULT_CONNECT_URI's when a command needs it). */
async function connectNamed(session: Session): Promise<boolean> {
  if (session.uri === undefined) return true;
  try {
    await session.connection();
    return true;
  } catch (err) {
    reportError(session, err);
    session.out.flush();
    return false;
  }
}
