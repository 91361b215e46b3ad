import { VirshError } from '../errors.js';
import { parseInt32 } from '../parse/numbers.js';

/** What the options before the command ask for. */
export interface GlobalOptions {
  uri: string | undefined;
  /** -c named the URI: it must connect before anything runs (VIRSH_DEFAULT_CONNECT_URI connects when needed). */
  uriFromOption: boolean;
  readOnly: boolean;
  quiet: boolean;
  timing: boolean;
  /** -d; undefined keeps virsh's default (errors only). */
  debug: number | undefined;
  escape: string | undefined;
  keepaliveInterval: number | undefined;
  keepaliveCount: number | undefined;
  logFile: string | undefined;
  /** The words after the options: none for the interactive shell. */
  rest: string[];
  /** Messages printed as "error: ..." that do not stop virsh (an out-of-range -d). */
  warnings: string[];
}

/** -h, -v and -V print and exit as soon as they are read. */
export type GlobalAction = { kind: 'run'; options: GlobalOptions } | { kind: 'help' } | { kind: 'version'; long: boolean };

interface OptionSpec {
  short: string;
  long: string;
  argument: 'none' | 'required' | 'optional';
}

/** virsh 9's getopt_long table ("+:c:d:e:hk:K:l:qrtvV"). */
const SPECS: OptionSpec[] = [
  { short: 'c', long: 'connect', argument: 'required' },
  { short: 'd', long: 'debug', argument: 'required' },
  { short: 'e', long: 'escape', argument: 'required' },
  { short: 'h', long: 'help', argument: 'none' },
  { short: 'k', long: 'keepalive-interval', argument: 'required' },
  { short: 'K', long: 'keepalive-count', argument: 'required' },
  { short: 'l', long: 'log', argument: 'required' },
  { short: 'q', long: 'quiet', argument: 'none' },
  { short: 'r', long: 'readonly', argument: 'none' },
  { short: 't', long: 'timing', argument: 'none' },
  { short: 'v', long: 'version', argument: 'optional' },
  { short: 'V', long: '', argument: 'none' },
];

const fail = (message: string) => new VirshError({ code: 'GLOBAL_OPTION', lines: [message] });

/** A console escape: one character, or ^ and a control-key letter (virshAllowedEscapeChar). */
const validEscape = (text: string) => text.length === 1 || (text.length === 2 && text[0] === '^' && /[@-_a-z]/.test(text[1] as string));

/**
 * Reads the options before the command as virsh 9 does with getopt_long: stops at
 * the first word that is not an option (or after `--`), accepts `-cURI`, `-c URI`,
 * `--connect=URI` and `--connect URI`, and reports errors in virsh's words.
 */
export function parseGlobalOptions(argv: readonly string[], env: NodeJS.ProcessEnv): GlobalAction {
  const options: GlobalOptions = {
    uri: env['VIRSH_DEFAULT_CONNECT_URI'] || undefined,
    uriFromOption: false,
    readOnly: false,
    quiet: false,
    timing: false,
    debug: undefined,
    escape: undefined,
    keepaliveInterval: undefined,
    keepaliveCount: undefined,
    logFile: undefined,
    rest: [],
    warnings: [],
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      i++;
      break;
    }
    if (arg.length < 2 || arg[0] !== '-') break;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      // getopt_long accepts any unambiguous prefix of a long option.
      const matches = SPECS.filter((s) => s.long !== '' && s.long.startsWith(name));
      const spec = matches.find((s) => s.long === name) ?? (matches.length === 1 ? matches[0] : undefined);
      if (!spec) throw fail(`unsupported option '${arg}'. See --help.`);
      let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
      if (spec.argument === 'none' && value !== undefined) throw fail(`unsupported option '${arg}'. See --help.`);
      if (spec.argument === 'required' && value === undefined) {
        value = argv[++i];
        if (value === undefined) throw fail(`option '-${spec.short}'/'--${spec.long}' requires an argument`);
      }
      const action = apply(options, spec, value, `--${spec.long}`);
      if (action) return action;
      continue;
    }
    // A cluster of short options: -qr, -cURI, -c URI.
    for (let j = 1; j < arg.length; j++) {
      const spec = SPECS.find((s) => s.short === arg[j]);
      if (!spec) throw fail(`unsupported option '-${arg[j]}'. See --help.`);
      let value: string | undefined;
      if (spec.argument === 'required') {
        value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        if (value === undefined) {
          throw fail(
            spec.long ? `option '-${spec.short}'/'--${spec.long}' requires an argument` : `option '-${spec.short}' requires an argument`,
          );
        }
        j = arg.length;
      }
      const action = apply(options, spec, value, `-${spec.short}`);
      if (action) return action;
    }
  }
  options.rest = argv.slice(i);
  return { kind: 'run', options };
}

function apply(options: GlobalOptions, spec: OptionSpec, value: string | undefined, given: string): GlobalAction | undefined {
  switch (spec.short) {
    case 'c':
      options.uri = value;
      options.uriFromOption = true;
      return undefined;
    case 'd': {
      const level = parseInt32(value as string);
      if (level === undefined) throw fail(`option ${given} takes a numeric argument`);
      if (level < 0 || level > 4) options.warnings.push(`ignoring debug level ${level} out of range [0-4]`);
      else options.debug = level;
      return undefined;
    }
    case 'e':
      if (!validEscape(value as string)) throw fail(`Invalid string '${value}' for escape sequence`);
      options.escape = value;
      return undefined;
    case 'h':
      return { kind: 'help' };
    case 'k':
    case 'K': {
      const n = parseInt32(value as string);
      if (n === undefined) throw fail(`Invalid value for option ${given}`);
      if (n < 0) throw fail(`option ${given} requires a positive integer argument`);
      if (spec.short === 'k') options.keepaliveInterval = n;
      else options.keepaliveCount = n;
      return undefined;
    }
    case 'l':
      options.logFile = value;
      return undefined;
    case 'q':
      options.quiet = true;
      return undefined;
    case 'r':
      options.readOnly = true;
      return undefined;
    case 't':
      options.timing = true;
      return undefined;
    case 'v':
      return { kind: 'version', long: value === 'long' };
    default:
      return { kind: 'version', long: true };
  }
}
