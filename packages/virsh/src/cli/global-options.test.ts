import { describe, expect, it } from 'vitest';
import { VirshError } from '../errors.js';
import { type GlobalOptions, parseGlobalOptions } from './global-options.js';

function options(argv: string[], env: NodeJS.ProcessEnv = {}): GlobalOptions {
  const action = parseGlobalOptions(argv, env);
  if (action.kind !== 'run') throw new Error(`expected options, got ${action.kind}`);
  return action.options;
}

function errorOf(argv: string[]): string {
  try {
    parseGlobalOptions(argv, {});
  } catch (err) {
    if (VirshError.isInstance(err)) return err.lines.join('\n');
  }
  throw new Error('no error');
}

describe('parseGlobalOptions', () => {
  it('reads -c in all its spellings and stops at the command', () => {
    for (const argv of [['-c', 'test:///default'], ['-ctest:///default'], ['--connect=test:///default'], ['--connect', 'test:///default'], ['--conn', 'test:///default']]) {
      expect(options([...argv, 'list', '-q'])).toMatchObject({ uri: 'test:///default', rest: ['list', '-q'], quiet: false });
    }
  });

  it('takes clustered short flags and -- before the command', () => {
    expect(options(['-qrt', '--', '-x'])).toMatchObject({ quiet: true, readOnly: true, timing: true, rest: ['-x'] });
  });

  it('takes the URI from VIRSH_DEFAULT_CONNECT_URI unless -c is given', () => {
    expect(options([], { VIRSH_DEFAULT_CONNECT_URI: 'test:///default' }).uri).toBe('test:///default');
    expect(options(['-c', 'xen:///'], { VIRSH_DEFAULT_CONNECT_URI: 'test:///default' }).uri).toBe('xen:///');
  });

  it('returns the help and version actions', () => {
    expect(parseGlobalOptions(['-h', 'list'], {})).toEqual({ kind: 'help' });
    expect(parseGlobalOptions(['-v'], {})).toEqual({ kind: 'version', long: false });
    expect(parseGlobalOptions(['--version=long'], {})).toEqual({ kind: 'version', long: true });
    expect(parseGlobalOptions(['-V'], {})).toEqual({ kind: 'version', long: true });
  });

  it('checks -d, -e and -k values', () => {
    expect(options(['-d', '2']).debug).toBe(2);
    expect(options(['-d', '9']).warnings).toEqual(['ignoring debug level 9 out of range [0-4]']);
    expect(errorOf(['-d', 'x'])).toBe('option -d takes a numeric argument');
    expect(errorOf(['--debug=x'])).toBe('option --debug takes a numeric argument');
    expect(errorOf(['-e', 'xy'])).toBe("Invalid string 'xy' for escape sequence");
    expect(options(['-e', '^]']).escape).toBe('^]');
    expect(errorOf(['-k', '-1'])).toBe('option -k requires a positive integer argument');
  });

  it("words unknown and incomplete options as virsh 9", () => {
    expect(errorOf(['-x'])).toBe("unsupported option '-x'. See --help.");
    expect(errorOf(['--bogus'])).toBe("unsupported option '--bogus'. See --help.");
    expect(errorOf(['--quiet=1'])).toBe("unsupported option '--quiet=1'. See --help.");
    expect(errorOf(['-c'])).toBe("option '-c'/'--connect' requires an argument");
    expect(errorOf(['--log'])).toBe("option '-l'/'--log' requires an argument");
  });
});
