import { atom, list, printSexpr, type SExpr, sexprEquals } from '@libvirt-ts/sexpr';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secondsToNanoseconds } from '../../src/protocol/cpu-time.js';
import { encodeForm } from '../../src/protocol/http-exchange.js';
import { decodeSaveImage, encodeSaveImage } from '../../src/testing/save-image.js';

describe('round trips', () => {
  it('seconds written with up to 9 decimals read back as the same nanoseconds', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 9 }), (nanoseconds, decimals) => {
        // Keep only `decimals` digits below the second, then write it as xend would.
        const unit = 10n ** BigInt(9 - decimals);
        const value = (nanoseconds / unit) * unit;
        const whole = value / 1_000_000_000n;
        const fraction = (value % 1_000_000_000n).toString().padStart(9, '0').slice(0, decimals);
        const text = decimals === 0 ? `${whole}` : `${whole}.${fraction}`;
        expect(secondsToNanoseconds(text)).toBe(value);
      }),
    );
  });

  it('form fields of any text reach the server as sent', () => {
    const field = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(field, field), { maxLength: 6 }), (form) => {
        expect([...new URLSearchParams(encodeForm(form))]).toEqual(form);
      }),
    );
  });

  it('a save image gives back the config it was written with', () => {
    const leaf = fc.string({ unit: 'grapheme', maxLength: 12 }).map((text): SExpr => atom(text));
    const { tree } = fc.letrec<{ tree: SExpr }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }).map((items) => list(...items))),
    }));
    fc.assert(
      fc.property(tree, (config) => {
        const decoded = decodeSaveImage(encodeSaveImage(config));
        expect(sexprEquals(decoded, config), printSexpr(decoded)).toBe(true);
      }),
    );
  });
});
