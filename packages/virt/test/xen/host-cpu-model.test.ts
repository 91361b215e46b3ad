import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHostCpu, hwCapBits } from '../../src/drivers/xenlight/host-cpu-model.js';
import { addBits, type CpuBits, LIBVIRT_CPU_MAP_DIR, loadX86CpuMap } from '../../src/drivers/xenlight/x86-cpu-map.js';
import { HARNESS_HW_CAP } from './helpers/modern-xen-host.js';

// libvirt's own CPU map, as Debian's libvirt0 installs it (.ci/run installs libvirt0).
const haveMap = existsSync(`${LIBVIRT_CPU_MAP_DIR}/index.xml`);

/** libvirt 9's capabilities on the QEMU Haswell-noTSX host of the real-Xen harness: Westmere and these. */
const LIBVIRT9_EXTRAS = ['ht', 'pclmuldq', 'movbe', 'xsave', 'rdrand', 'hypervisor', 'fsgsbase', 'bmi1', 'smep', 'bmi2', 'erms', 'xsaveopt', 'rdtscp', 'abm'];

describe.skipIf(!haveMap)("the host CPU model from hw_cap, with libvirt's CPU map", () => {
  it('names the model needing the fewest extra features, listing them in map order', async () => {
    const map = (await loadX86CpuMap())!;
    const bits = (names: string[]): CpuBits => {
      const out: CpuBits = new Map();
      for (const name of names) addBits(out, map.features.find((f) => f.name === name)!.bits);
      return out;
    };
    const westmere = map.models.find((m) => m.name === 'Westmere')!;
    const host: CpuBits = new Map(westmere.bits);
    addBits(host, bits([...LIBVIRT9_EXTRAS].reverse()));
    expect(decodeHostCpu(host, map)).toEqual({ model: 'Westmere', features: LIBVIRT9_EXTRAS });
  });

  it("decodes the real-Xen harness's hw_cap (xl info: hw_caps) to libvirt 9's answer on the same boot", async () => {
    expect(decodeHostCpu(hwCapBits(HARNESS_HW_CAP), (await loadX86CpuMap())!)).toEqual({ model: 'Westmere', features: LIBVIRT9_EXTRAS });
  });

  it('no model when the host lacks a feature every model has; none without a map', async () => {
    const map = (await loadX86CpuMap())!;
    expect(decodeHostCpu(new Map(), map)).toBeUndefined();
    expect(await loadX86CpuMap('/nonexistent/cpu_map')).toBeUndefined();
  });

  it("reads hw_cap's words as libvirt's libxl driver does", () => {
    const hwCap = new Uint8Array(32);
    new DataView(hwCap.buffer).setUint32(0, 0x40, true); // leaf 1 EDX: pae
    new DataView(hwCap.buffer).setUint32(20, 0x8, true); // leaf 7 EBX: bmi1
    expect(hwCapBits(hwCap)).toEqual(new Map([['cpuid:1:0:edx', 0x40], ['cpuid:7:0:ebx', 0x8]]));
  });
});
