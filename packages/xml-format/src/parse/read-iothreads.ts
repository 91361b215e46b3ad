// <iothreads> and <iothreadids> -> IOThreadIdConfig[], with the ids libvirt fills in.
import type { IOThreadIdConfig } from '../model/domain.js';
import type { ElementReader } from './element-reader.js';

/**
 * virDomainDefParseIOThreads: the explicit `<iothreadids>` (each id at least 1, no id twice), then
 * as many filled ids as `<iothreads>` asks beyond them: the lowest ids from 1 not taken
 * (virDomainIOThreadIDDefArrayInit). Undefined when the domain has no IOThreads.
 */
export function readIOThreads(domain: ElementReader): IOThreadIdConfig[] | undefined {
  const count = domain.child('iothreads')?.unsignedText() ?? 0;
  const ids: IOThreadIdConfig[] = [];
  const taken = new Set<number>();
  for (const iothread of domain.child('iothreadids')?.children('iothread') ?? []) {
    const id = requiredId(iothread);
    if (taken.has(id)) iothread.failAttribute('id', 'XML_ERROR', `duplicate iothread id '${id}' found`, String(id));
    taken.add(id);
    ids.push({ id, autofill: false });
  }
  for (let id = 1; ids.length < count; id++) {
    if (!taken.has(id)) ids.push({ id, autofill: true });
  }
  return ids.length === 0 ? undefined : ids;
}

/** virXMLPropUInt with VIR_XML_PROP_REQUIRED (and VIR_XML_PROP_NONZERO unless `zeroOk`), in libvirt's words. */
export function requiredId(element: ElementReader, name = 'id', zeroOk = false): number {
  const text = element.attribute(name);
  if (text === undefined) {
    return element.fail('XML_ERROR', 'MISSING_ATTRIBUTE', `Missing required attribute '${name}' in element '${element.name}'`, undefined, undefined, `/@${name}`);
  }
  const value = /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(value <= 0xffffffff)) {
    element.failAttribute(name, 'XML_ERROR', `Invalid value for attribute '${name}' in element '${element.name}': '${text}'. Expected non-negative integer value`, text);
  }
  if (value === 0 && !zeroOk) element.failAttribute(name, 'XML_ERROR', `Invalid value for attribute '${name}' in element '${element.name}': Zero is not permitted`, text);
  return value;
}
