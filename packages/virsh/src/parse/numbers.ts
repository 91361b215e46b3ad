/**
 * Number parsing as libvirt's virStrToLong_* and virScaleInteger: base 10, leading
 * blanks and a sign allowed, nothing after the digits. Pure functions; they return
 * undefined (or a reason) instead of throwing so callers word the error.
 */

const INTEGER = /^[ \t\n\v\f\r]*([+-]?)(\d+)(.*)$/s;

interface SplitNumber {
  negative: boolean;
  digits: bigint;
  rest: string;
}

function splitNumber(text: string): SplitNumber | undefined {
  const match = INTEGER.exec(text);
  if (!match) return undefined;
  return { negative: match[1] === '-', digits: BigInt(match[2] as string), rest: match[3] as string };
}

/** A number with nothing after its digits. */
function wholeNumber(text: string): SplitNumber | undefined {
  const n = splitNumber(text);
  return n?.rest === '' ? n : undefined;
}

const UINT_MAX = 0xffffffffn;
const INT_MAX = 0x7fffffffn;

/** virStrToLong_uip: an unsigned int, negative numbers rejected. */
export function parseUnsignedInt(text: string): number | undefined {
  const n = wholeNumber(text);
  if (n === undefined || n.digits > UINT_MAX) return undefined;
  if (n.negative && n.digits !== 0n) return undefined;
  return Number(n.digits);
}

/** virStrToLong_ullp: an unsigned long long, negative numbers rejected. */
export function parseUnsignedLongLong(text: string): bigint | undefined {
  const n = wholeNumber(text);
  if (n === undefined || n.digits > ULLONG_MAX) return undefined;
  if (n.negative && n.digits !== 0n) return undefined;
  return n.digits;
}

/** virStrToLong_i: a signed int. */
export function parseInt32(text: string): number | undefined {
  const n = wholeNumber(text);
  if (n === undefined) return undefined;
  if (n.digits > (n.negative ? INT_MAX + 1n : INT_MAX)) return undefined;
  return Number(n.negative ? -n.digits : n.digits);
}

export type ScaledResult = { ok: true; value: bigint } | { ok: false; libvirtError?: string };

const ULLONG_MAX = 0xffffffffffffffffn;

/**
 * virStrToLong_ullp then virScaleInteger: digits, then an optional unit suffix
 * (b, k/KiB = 1024, KB = 1000, m, g, t, p, e). Without a suffix `defaultScale` applies.
 * Fails when the result exceeds `max`; `libvirtError` is the message libvirt adds.
 */
export function parseScaledInteger(text: string, defaultScale: bigint, max: bigint): ScaledResult {
  const n = splitNumber(text);
  if (!n || n.negative || n.digits > ULLONG_MAX) return { ok: false };
  const suffix = n.rest;
  let scale: bigint;
  if (suffix === '') {
    scale = defaultScale;
  } else if (suffix.toLowerCase() === 'b') {
    scale = 1n;
  } else {
    let base: bigint;
    if (suffix.length === 1 || suffix.slice(1).toLowerCase() === 'ib') base = 1024n;
    else if (suffix.length === 2 && suffix[1]?.toLowerCase() === 'b') base = 1000n;
    else return { ok: false, libvirtError: `invalid argument: unknown suffix '${suffix}'` };
    const power = 'kmgtpe'.indexOf((suffix[0] as string).toLowerCase()) + 1;
    if (power === 0) return { ok: false, libvirtError: `invalid argument: unknown suffix '${suffix}'` };
    scale = base ** BigInt(power);
  }
  if (n.digits > max / scale) {
    return { ok: false, libvirtError: `numerical overflow: value too large: ${n.digits}${suffix}` };
  }
  return { ok: true, value: n.digits * scale };
}
