import { type CpuBits, containsBits, subtractBits, type X86CpuMap, type X86Feature } from './x86-cpu-map.js';

/** The host CPU as libvirt's capabilities name it: a model of the CPU map and the features beyond it. */
export interface HostCpuModel {
  model: string;
  features: string[];
}

/**
 * The cpuid words Xen's sysctl physinfo gives in hw_cap (Xen 4.7 on), as libvirt's libxl driver
 * reads them (libxlCapsNodeData): word 0 leaf 1 EDX, 1 leaf 1 ECX, 2 leaf 0x80000001 EDX,
 * 3 leaf 0x80000001 ECX, 4 leaf 0xD:1 EAX, 5 leaf 7:0 EBX, 6 leaf 7:0 ECX, 7 leaf 0x80000007 EDX.
 */
const HW_CAP_WORDS: readonly string[] = [
  'cpuid:1:0:edx',
  'cpuid:1:0:ecx',
  'cpuid:2147483649:0:edx',
  'cpuid:2147483649:0:ecx',
  'cpuid:13:1:eax',
  'cpuid:7:0:ebx',
  'cpuid:7:0:ecx',
  'cpuid:2147483655:0:edx',
];

export function hwCapBits(hwCap: Uint8Array): CpuBits {
  const view = new DataView(hwCap.buffer, hwCap.byteOffset, hwCap.byteLength);
  const bits: CpuBits = new Map();
  HW_CAP_WORDS.forEach((key, word) => {
    if ((word + 1) * 4 > hwCap.byteLength) return;
    const value = view.getUint32(word * 4, true);
    if (value !== 0) bits.set(key, value);
  });
  return bits;
}

/**
 * libvirt's x86Decode for a host CPU without vendor or signature data (all hw_cap carries): every
 * model that may name a host, newest first, whose features the host has all of; the one needing
 * the fewest extra features wins (the newer on a tie). The extra features are listed in the CPU
 * map's feature order, each once (a feature whose bits an earlier one took is not listed again).
 */
export function decodeHostCpu(data: CpuBits, map: X86CpuMap): HostCpuModel | undefined {
  let best: HostCpuModel | undefined;
  for (const model of [...map.models].reverse()) {
    if (!model.decodeHost || !containsBits(data, model.bits)) continue;
    const features = featureNames(subtractBits(data, model.bits), map.features);
    if (!best || features.length < best.features.length) best = { model: model.name, features };
  }
  return best;
}

/** x86DataToCPUFeatures: the map's features found in `bits`, in map order, each taking its bits. */
function featureNames(bits: CpuBits, features: readonly X86Feature[]): string[] {
  let left = bits;
  const names: string[] = [];
  for (const feature of features) {
    if (feature.bits.size === 0 || !containsBits(left, feature.bits)) continue;
    names.push(feature.name);
    left = subtractBits(left, feature.bits);
  }
  return names;
}
