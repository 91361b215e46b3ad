import { fstatSync, writeSync } from 'node:fs';
import type { Writer } from './output.js';

/**
 * Writes straight to a file descriptor, synchronously. Touching process.stdout would
 * load Node's stream and socket modules, which cost more than a short command itself.
 * A descriptor left non-blocking by the parent answers EAGAIN when full: try again.
 */
export function fdWriter(fd: number): Writer {
  return {
    write(text: string) {
      const data = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < data.length) {
        try {
          offset += writeSync(fd, data, offset, data.length - offset);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') continue;
          // The reader went away (virsh ... | head): stop writing, as a closed pipe would.
          if (code === 'EPIPE') return;
          throw err;
        }
      }
    },
  };
}

/** Whether a descriptor is a terminal (a character device; /dev/null only costs a progress line). */
export function isTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}
