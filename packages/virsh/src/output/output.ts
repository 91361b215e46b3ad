/** Where virsh writes: stdout (buffered per command), stderr, and quiet mode. */
export interface Output {
  readonly quiet: boolean;
  /** stderr is a terminal: progress lines are worth drawing. */
  readonly stderrIsTTY: boolean;
  /** virsh's vshPrint: always printed. */
  print(text: string): void;
  /** virsh's vshPrintExtra: left out in quiet mode. */
  printExtra(text: string): void;
  /** One "error: <message>" line on stderr, after flushing stdout so the order is kept. */
  error(message: string): void;
  /** Raw text on stderr (progress lines). */
  stderr(text: string): void;
  flush(): void;
}

export interface Writer {
  write(text: string): void;
}

/** Collects stdout and writes it in large pieces: 1,000 small commands cost one write. */
/** Where error lines are also logged (-l), at virsh's ERROR level. */
export type ErrorLog = (message: string) => void;

export function createOutput(stdout: Writer, stderr: Writer, quiet: boolean, stderrIsTTY = false, log?: ErrorLog): Output {
  let pending = '';
  const flush = () => {
    if (pending) stdout.write(pending);
    pending = '';
  };
  const print = (text: string) => {
    pending += text;
    if (pending.length > 65536) flush();
  };
  return {
    quiet,
    stderrIsTTY,
    print,
    printExtra: (text) => {
      if (!quiet) print(text);
    },
    error: (message) => {
      log?.(message);
      flush();
      stderr.write(`error: ${message}\n`);
    },
    stderr: (text) => {
      flush();
      stderr.write(text);
    },
    flush,
  };
}
