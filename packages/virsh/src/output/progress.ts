import type { Output } from './output.js';

/**
 * virsh's job progress line on stderr, "\r<label>: [ NN %]", redrawn in place.
 * The virt API reports no partial progress, so it shows the start and the end.
 */
export class ProgressLine {
  constructor(
    private readonly out: Output,
    private readonly label: string,
  ) {}

  show(percent: number): void {
    this.out.stderr(`\r${this.label}: [${String(Math.floor(percent)).padStart(3)} %]`);
  }
}

/** Runs `job` with a progress line when asked to (--verbose) or when stderr is a terminal. */
export async function withProgress<T>(out: Output, label: string, wanted: boolean, job: () => Promise<T>): Promise<T> {
  if (!wanted && !out.stderrIsTTY) return job();
  const line = new ProgressLine(out, label);
  // Off a terminal (--verbose into a file) only the final state is worth a line, as virsh 9 prints it.
  if (out.stderrIsTTY) line.show(0);
  const result = await job();
  line.show(100);
  return result;
}
