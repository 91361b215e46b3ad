/**
 * What the xenlight driver asks of Xen's own toolstack: the operations that need libxl's domain
 * building (create, save, restore). Each rejects with an XlFailure carrying xl's own words.
 */
export interface XlToolstack {
  /** `xl create [-p] FILE`: builds and starts the domain the xl config file describes. */
  create(configFile: string, options: { paused: boolean }): Promise<void>;
  /** `xl save ID FILE`: saves the domain's memory to FILE and destroys it. */
  save(id: number, file: string): Promise<void>;
  /** `xl restore FILE`: starts the domain saved in FILE again. */
  restore(file: string): Promise<void>;
}

/** xl refused or failed: `detail` is what it printed on stderr (its "Parsing config" chatter left out). */
export class XlFailure extends Error {
  constructor(
    readonly command: string,
    readonly detail: string,
    readonly exitCode: number | null,
  ) {
    super(`${command}: ${detail}`);
    this.name = 'XlFailure';
  }
}

/** How long one xl command may take: a domain build under QEMU's emulation takes seconds, not minutes. */
const XL_TIMEOUT_MS = 180_000;

/** Runs the real `xl` binary (`binary`: a path or a name on PATH). */
export function xlCommandToolstack(binary: string): XlToolstack {
  return {
    create: (file, { paused }) => runXl(binary, ['create', ...(paused ? ['-p'] : []), file]),
    save: (id, file) => runXl(binary, ['save', String(id), file]),
    restore: (file) => runXl(binary, ['restore', file]),
  };
}

function runXl(binary: string, args: string[]): Promise<void> {
  const command = `xl ${args[0]}`;
  return new Promise((resolve, reject) => {
    // node:child_process loads when xl first runs, not when virt loads (virsh start-up)
    const { execFile } = process.getBuiltinModule('node:child_process');
    execFile(binary, args, { timeout: XL_TIMEOUT_MS, encoding: 'utf8' }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const code = typeof error.code === 'number' ? error.code : null;
      const detail = xlMessage(stderr) || (typeof error.code === 'string' ? `cannot run ${binary}: ${error.code}` : error.message);
      reject(new XlFailure(command, detail, code));
    });
  });
}

/** xl's stderr without its progress lines, one line. */
export function xlMessage(stderr: string): string {
  return stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('Parsing config from') && !line.startsWith('Saving to ') && !line.startsWith('Loading new save file'))
    .join('; ');
}
