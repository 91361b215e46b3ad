import { memorySizeToKib } from '../values/memory-size.js';
import type { ElementReader } from './element-reader.js';

/** `<memory unit='…'>N</memory>` (and currentMemory, maxMemory) in KiB. */
export function readMemorySize(element: ElementReader): number {
  const unit = element.attribute('unit');
  const size = memorySizeToKib(element.text(), unit);
  if ('kib' in size) return size.kib;
  if (size.error === 'unit') element.failAttribute('unit', 'INVALID_ARG', `unknown <${element.name}> unit`, unit);
  if (size.error === 'range') element.failText('INVALID_ARG', `<${element.name}> is too large`);
  return element.failText('INVALID_ARG', `<${element.name}> is not a valid size`);
}
