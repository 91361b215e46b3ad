/** virDomainState numbers, as libvirt's. */
export const DomainState = {
  NOSTATE: 0,
  RUNNING: 1,
  BLOCKED: 2,
  PAUSED: 3,
  SHUTDOWN: 4,
  SHUTOFF: 5,
  CRASHED: 6,
} as const;
export type DomainState = (typeof DomainState)[keyof typeof DomainState];

/**
 * xend's six-flag state string (`r-----`, `-b----`, `--p---`, `---s--`, `----c-`, `-----d`)
 * to a virDomainState. Several flags can be set at once; libvirt tests them in this order,
 * so the most serious wins. No state node at all, or no known flag, is NOSTATE.
 */
const STATE_PRIORITY: ReadonlyArray<readonly [string, DomainState]> = [
  ['c', DomainState.CRASHED],
  ['s', DomainState.SHUTDOWN],
  ['d', DomainState.SHUTOFF],
  ['p', DomainState.PAUSED],
  ['b', DomainState.BLOCKED],
  ['r', DomainState.RUNNING],
];

export function decodeDomainState(flags: string | undefined): DomainState {
  if (flags === undefined) return DomainState.NOSTATE;
  for (const [letter, state] of STATE_PRIORITY) if (flags.includes(letter)) return state;
  return DomainState.NOSTATE;
}
