/**
 * xend's six state flags (`r-----`, `-b----`, `--p---`, `---s--`, `----c-`, `-----d`), by name.
 * `dying` is xend's `d`: the domain is being torn down.
 */
export type XendStateFlag = 'running' | 'blocked' | 'paused' | 'shutdown' | 'crashed' | 'dying';

/** The letters, most serious first: several can be set at once, and libvirt tests them in this order. */
const FLAG_LETTERS: ReadonlyArray<readonly [string, XendStateFlag]> = [
  ['c', 'crashed'],
  ['s', 'shutdown'],
  ['d', 'dying'],
  ['p', 'paused'],
  ['b', 'blocked'],
  ['r', 'running'],
];

/** The most serious flag set in xend's state string; undefined when there is none or no string. */
export function mostSeriousStateFlag(flags: string | undefined): XendStateFlag | undefined {
  if (flags === undefined) return undefined;
  for (const [letter, flag] of FLAG_LETTERS) if (flags.includes(letter)) return flag;
  return undefined;
}
