/** virTimeStringNowRaw: "2026-12-03 20:15:13.123+0000", always UTC. */
export function formatEventTimestamp(when: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())} ` +
    `${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}:${pad(when.getUTCSeconds())}.${pad(when.getUTCMilliseconds(), 3)}+0000`
  );
}
