import { atom, fromArray, list, type SExpr } from '@libvirt-ts/sexpr';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { XendError } from '../../src/errors/xend-error.js';
import { fromXendSexpr } from '../../src/index.js';

// Whatever xend (or something posing as it) sends, fromXendSexpr gives a DomainConfig or a
// XendError: never a TypeError from a missing piece.

const KEYS = ['domid', 'name', 'uuid', 'memory', 'maxmem', 'vcpus', 'vcpu_avail', 'image', 'linux', 'hvm', 'kernel', 'loader',
  'boot', 'serial', 'parallel', 'soundhw', 'usbdevice', 'device', 'vbd', 'tap', 'vif', 'vfb', 'pci', 'dev', 'uname', 'mode',
  'mac', 'rate', 'bridge', 'script', 'type', 'vnc', 'vncdisplay', 'localtime', 'hpet', 'bootloader', 'on_crash'];
const VALUES = ['1', '0', 'x', '', 'file:/a', 'tap:qcow:/b', 'phy:sda', '00:16:3e:00:00:01', 'hda:cdrom', 'pty', 'none',
  'tcp:h:1', 'all', '4dea22b3-1d52-d8f3-2516-782e98ab3fa0', 'destroy', 'vnc', '10MB/s'];

const { tree } = fc.letrec<{ tree: SExpr }>((build) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...VALUES).map((value) => atom(value)),
    fc
      .tuple(fc.constantFrom(...KEYS), fc.array(build('tree'), { maxLength: 4 }))
      .map(([key, items]) => list(atom(key), ...items)),
  ),
}));

const base = [['name', 'x'], ['uuid', '4dea22b3-1d52-d8f3-2516-782e98ab3fa0'], ['vcpus', 1]] as const;

it('gives a DomainConfig or a XendError for any domain record', () => {
  fc.assert(
    fc.property(fc.array(tree, { maxLength: 8 }), (entries) => {
      try {
        fromXendSexpr(fromArray(['domain', ...entries, ...base.map((entry) => [...entry])]));
      } catch (error) {
        expect(XendError.isInstance(error), String(error)).toBe(true);
      }
    }),
    { numRuns: 2000 },
  );
});
