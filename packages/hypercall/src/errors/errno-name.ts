import { constants } from 'node:os';

const namesByNumber = new Map<number, string>();
for (const [name, value] of Object.entries(constants.errno)) {
  if (!namesByNumber.has(value)) namesByNumber.set(value, name);
}

/** "EPERM" for 1, and so on; "errno 999" for a number the platform does not name. */
export function errnoName(errno: number): string {
  return namesByNumber.get(errno) ?? `errno ${errno}`;
}
