import type { Output } from './output.js';

/** Prints one JSON document (two-space indented) and a newline. */
export function printJson(out: Output, value: unknown): void {
  out.print(`${JSON.stringify(value, null, 2)}\n`);
}
