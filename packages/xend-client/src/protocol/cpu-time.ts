const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * xend's `cpu_time` (seconds, as Python prints a float: `1.23`, `1090.79869479`, `1e-05`)
 * to nanoseconds, exactly: the decimal digits are shifted rather than multiplied as a
 * double, so no rounding creeps in. Digits below a nanosecond are dropped, as libvirt's
 * cast to an integer did. Undefined when the text is not a number.
 */
export function secondsToNanoseconds(text: string): bigint | undefined {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  const digits = whole + fraction;
  const pointAt = whole.length + Number(exponent) + 9;
  if (pointAt <= 0) return 0n;
  const integerDigits = pointAt >= digits.length ? digits + '0'.repeat(pointAt - digits.length) : digits.slice(0, pointAt);
  const value = BigInt(integerDigits === '' ? '0' : integerDigits);
  return sign === '-' ? -value : value;
}
