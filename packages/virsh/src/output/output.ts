/** Where commands write: stdout and stderr, with virsh's quiet mode. */
export interface Output {
  readonly quiet: boolean;
  print(text: string): void;
  /** Printed only when not quiet (virsh's vshPrintExtra). */
  printExtra(text: string): void;
  error(text: string): void;
}

export function processOutput(quiet: boolean): Output {
  return {
    quiet,
    print: (text) => process.stdout.write(text),
    printExtra: (text) => {
      if (!quiet) process.stdout.write(text);
    },
    error: (text) => process.stderr.write(text),
  };
}
