// Memory sizes with libvirt's `unit=` suffixes (virScaleInteger), converted
// to KiB and rounded up to a whole KiB as libvirt's parser does.

const UNIT_BYTES: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  ['b', 1n],
  ['bytes', 1n],
  ['k', 1024n],
  ['kib', 1024n],
  ['kb', 1000n],
  ['m', 1024n ** 2n],
  ['mib', 1024n ** 2n],
  ['mb', 1000n ** 2n],
  ['g', 1024n ** 3n],
  ['gib', 1024n ** 3n],
  ['gb', 1000n ** 3n],
  ['t', 1024n ** 4n],
  ['tib', 1024n ** 4n],
  ['tb', 1000n ** 4n],
  ['p', 1024n ** 5n],
  ['pib', 1024n ** 5n],
  ['pb', 1000n ** 5n],
  ['e', 1024n ** 6n],
  ['eib', 1024n ** 6n],
  ['eb', 1000n ** 6n],
]);

export type MemorySizeResult = { kib: number } | { error: 'unit' | 'number' | 'range' };

/** `text` (a decimal integer) in `unit` (default KiB) as whole KiB, rounded up. */
export function memorySizeToKib(text: string, unit: string | undefined): MemorySizeResult {
  // The common case, a plain KiB count, needs no big-integer arithmetic.
  if ((unit === undefined || unit === 'KiB') && /^\d{1,15}$/.test(text)) return { kib: Number(text) };
  const bytesPerUnit = UNIT_BYTES.get((unit ?? 'KiB').toLowerCase());
  if (bytesPerUnit === undefined) return { error: 'unit' };
  const digits = text.trim();
  if (!/^\+?\d{1,30}$/.test(digits)) return { error: 'number' };
  const bytes = BigInt(digits.replace('+', '')) * bytesPerUnit;
  const kib = (bytes + 1023n) / 1024n;
  if (kib > BigInt(Number.MAX_SAFE_INTEGER)) return { error: 'range' };
  return { kib: Number(kib) };
}
