import type { DomainConfig } from '@libvirt-ts/xml-format';

/**
 * A deep copy of a definition. A DomainConfig is plain data (objects, arrays, primitives), so a
 * direct walk does what structuredClone does, several times faster: node files copy every running
 * persistent domain's definition at load.
 */
export function cloneDef(def: DomainConfig): DomainConfig {
  return clonePlain(def);
}

function clonePlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = clonePlain((value as Record<string, unknown>)[key]);
  return copy as T;
}
