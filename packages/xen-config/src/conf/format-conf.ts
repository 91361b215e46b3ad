// Writer for the xl/xm config syntax, byte for byte as libvirt's virConf
// writes it (virConfWriteMem): `name = value` per line, lists as `[ a, b ]`.
import { XenConfigError } from '../xen-config-error.js';
import type { ConfValue, XenConfFile } from './conf-value.js';

export function formatXenConf(conf: XenConfFile): string {
  let out = '';
  for (const entry of conf.entries) {
    if (entry.name !== undefined) {
      out += `${entry.name} = ${formatValue(entry.value)}`;
      if (entry.comment !== undefined) out += ` #${entry.comment}`;
    } else {
      out += `#${entry.comment}`;
    }
    out += '\n';
  }
  return out;
}

export function formatValue(value: ConfValue): string {
  switch (value.type) {
    case 'number':
      if (!Number.isSafeInteger(value.value)) throw new XenConfigError({ code: 'INVALID_ARG', reason: `not an integer: ${value.value}` });
      return String(value.value);
    case 'string':
      return quote(value.value);
    case 'list':
      return `[ ${value.items.map(formatValue).join(', ')} ]`;
  }
}

// The quotes that keep the string intact: virConf has no escapes, so a value
// with a newline, or with both quote kinds, goes in triple quotes.
function quote(text: string): string {
  if (text.includes('\n')) return `"""${text}"""`;
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `"""${text}"""`;
}
