// node:fs's `promises`, not node:fs/promises: importing that loads readline and streams at every virsh start-up
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseXml, type XmlElement } from '@libvirt-ts/xml-format';
import { readOptionalFile } from './domain-store.js';

/** Where Debian's libvirt0 installs libvirt's CPU map (src/cpu_map in libvirt's sources). */
export const LIBVIRT_CPU_MAP_DIR = '/usr/share/libvirt/cpu_map';

/** One cpuid output register's bits, keyed `cpuid:EAX_IN:ECX_IN:REG` (or `msr:INDEX:REG`). */
export type CpuBits = Map<string, number>;

export interface X86Feature {
  name: string;
  bits: CpuBits;
}

export interface X86Model {
  name: string;
  /** `<decode host='on'>`: libvirt may name a host CPU with this model. */
  decodeHost: boolean;
  bits: CpuBits;
}

/** libvirt's x86 CPU map: features in map order, models in index order. */
export interface X86CpuMap {
  features: X86Feature[];
  models: X86Model[];
}

/**
 * Reads libvirt's x86 CPU map as installed with libvirt (index.xml and the files it includes), as
 * libvirt's cpu_x86.c loads it; undefined when the folder is not there. The map is libvirt's data,
 * read where libvirt keeps it rather than carried in this package.
 */
export async function loadX86CpuMap(dir = LIBVIRT_CPU_MAP_DIR): Promise<X86CpuMap | undefined> {
  const index = await readOptionalFile(join(dir, 'index.xml'));
  if (index === undefined) return undefined;
  const arch = parseXml(index).children.find((e) => e.name === 'arch' && e.attributes.get('name') === 'x86');
  if (!arch) return undefined;
  const map: X86CpuMap = { features: [], models: [] };
  const byName = new Map<string, X86Feature>();
  for (const include of arch.children.filter((e) => e.name === 'include')) {
    const file = include.attributes.get('filename') ?? '';
    const text = await fs.readFile(join(dir, file), 'utf8');
    for (const element of parseXml(text).children) {
      if (element.name === 'feature') {
        const feature = { name: element.attributes.get('name') ?? '', bits: featureBits(element) };
        map.features.push(feature);
        byName.set(feature.name, feature);
      } else if (element.name === 'model') {
        map.models.push(readModel(element, byName, file));
      }
    }
  }
  return map;
}

function readModel(element: XmlElement, features: Map<string, X86Feature>, file: string): X86Model {
  const name = element.attributes.get('name') ?? '';
  const bits: CpuBits = new Map();
  for (const child of element.children.filter((e) => e.name === 'feature')) {
    const feature = features.get(child.attributes.get('name') ?? '');
    if (!feature) throw new Error(`${file}: CPU model ${name} names unknown feature '${child.attributes.get('name')}'`);
    addBits(bits, feature.bits);
  }
  const decode = element.children.find((e) => e.name === 'decode');
  return { name, decodeHost: decode?.attributes.get('host') === 'on', bits };
}

/** A feature's `<cpuid eax_in ecx_in eax ebx ecx edx/>` and `<msr index eax edx/>` bits. */
function featureBits(element: XmlElement): CpuBits {
  const bits: CpuBits = new Map();
  for (const item of element.children) {
    const number = (name: string) => Number(item.attributes.get(name) ?? 0);
    const registers = item.name === 'cpuid' ? ['eax', 'ebx', 'ecx', 'edx'] : ['eax', 'edx'];
    const key = item.name === 'cpuid' ? `cpuid:${number('eax_in')}:${number('ecx_in')}` : `msr:${number('index')}`;
    for (const register of registers) {
      const value = number(register) >>> 0;
      if (value !== 0) bits.set(`${key}:${register}`, ((bits.get(`${key}:${register}`) ?? 0) | value) >>> 0);
    }
  }
  return bits;
}

export function addBits(into: CpuBits, bits: CpuBits): void {
  for (const [key, value] of bits) into.set(key, ((into.get(key) ?? 0) | value) >>> 0);
}

/** `a` without the bits of `b`. */
export function subtractBits(a: CpuBits, b: CpuBits): CpuBits {
  const out: CpuBits = new Map();
  for (const [key, value] of a) {
    const left = (value & ~(b.get(key) ?? 0)) >>> 0;
    if (left !== 0) out.set(key, left);
  }
  return out;
}

export function containsBits(a: CpuBits, b: CpuBits): boolean {
  for (const [key, value] of b) if ((((a.get(key) ?? 0) & value) >>> 0) !== value) return false;
  return true;
}
