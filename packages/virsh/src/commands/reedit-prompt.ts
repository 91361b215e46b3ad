import { errorMessage } from '../errors.js';
import type { Output } from '../output/output.js';

/** vshAskReedit's answers: edit again, give up, ignore validation, force the redefine again. */
export type ReeditAnswer = 'y' | 'n' | 'i' | 'f';

/**
 * vshAskReedit: on a terminal, reports `cause`, then asks "MSG Try again?" with the terminal raw
 * until one of the offered keys comes ('?' explains them). Off a terminal it asks nothing: undefined.
 */
export function askReedit(out: Output, cause: unknown, message: string, relaxAvailable: boolean): ReeditAnswer | undefined {
  if (!process.getBuiltinModule('node:tty').isatty(0)) return undefined;
  out.error(errorMessage(cause));
  // node:child_process loads here, only when a terminal is asked
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const stty = (...args: string[]) => spawnSync('stty', args, { stdio: ['inherit', 'pipe', 'ignore'], encoding: 'utf8' }).stdout.trim();
  const saved = stty('-g');
  stty('raw', '-echo');
  try {
    for (;;) {
      out.print(`\r${message} Try again? ${relaxAvailable ? '[y,n,i,f,?]' : '[y,n,f,?]'}: `);
      out.flush();
      const key = readKey().toLowerCase();
      if (key === '?') {
        const help = ['', 'y - yes, start editor again', 'n - no, throw away my changes'];
        if (relaxAvailable) help.push('i - turn off validation and try to redefine again');
        help.push('f - force, try to redefine again', '? - print this help');
        out.print(help.map((line) => `${line}\r\n`).join(''));
      } else if (key === 'y' || key === 'n' || key === 'f' || (relaxAvailable && key === 'i')) {
        return key;
      }
    }
  } finally {
    stty(saved);
    out.print('\r\n');
  }
}

/** One byte of stdin (the terminal is raw: no Enter needed); end of input answers 'n'. */
function readKey(): string {
  const { readSync } = process.getBuiltinModule('node:fs');
  const byte = Buffer.alloc(1);
  return readSync(0, byte, 0, 1, null) === 0 ? 'n' : byte.toString('latin1');
}
