import { closeSync, openSync, writeSync } from 'node:fs';
import { VirshError } from '../errors.js';

/** virsh's log levels, as written in the log file. */
export const LOG_LEVEL_NAMES = ['DEBUG', 'INFO', 'NOTICE', 'WARNING', 'ERROR'] as const;

/** The file of -l/--log: one "[date time virsh pid] LEVEL message" line per message. */
export class LogFile {
  private constructor(private readonly fd: number) {}

  /** Opens (creates, appends to) the file; fails as virsh 9 does. */
  static open(path: string): LogFile {
    try {
      return new LogFile(openSync(path, 'a', 0o644));
    } catch (err) {
      throw new VirshError({ code: 'GLOBAL_OPTION', lines: ['failed to open the log file. check the log file path'], cause: err });
    }
  }

  write(level: number, message: string, now = new Date()): void {
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp = `${now.getFullYear()}.${two(now.getMonth() + 1)}.${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
    const text = message.replace(/\n+$/, '');
    writeSync(this.fd, `[${stamp} virsh ${process.pid}] ${LOG_LEVEL_NAMES[level] ?? 'ERROR'} ${text}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}
