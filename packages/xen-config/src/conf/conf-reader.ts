// Typed lookups on a parsed config, with libvirt's rules and messages
// (xen_common.c's xenConfigGet*, virconf.c's virConfGetValue*): the first
// entry of a name wins, a missing setting takes the default.
import { internalError, XenConfigError } from '../xen-config-error.js';
import type { ConfValue, XenConfFile } from './conf-value.js';

/** libvirt names an in-memory config "memory conf" in its messages. */
const CONF_NAME = 'memory conf';

export class ConfReader {
  constructor(private readonly conf: XenConfFile) {}

  value(name: string): ConfValue | undefined {
    for (const entry of this.conf.entries) {
      if (entry.name === name) return entry.value;
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.value(name) !== undefined;
  }

  /** A string setting; an error when set to a number or a list. */
  string(name: string): string | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (value.type !== 'string') throw internalError(`${CONF_NAME}: expected a string for '${name}' parameter`, name);
    return value.value;
  }

  /** A string that must be there ("config value name was missing"). */
  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw internalError(`config value ${name} was missing`, name);
    return value;
  }

  /** 0/1 as a number, or the string "1"; anything else non-1 is false. */
  bool(name: string, fallback: number): number {
    const value = this.value(name);
    if (value === undefined) return fallback;
    if (value.type === 'number' && !value.signed) return value.value !== 0 ? 1 : 0;
    if (value.type === 'string') return value.value === '1' ? 1 : 0;
    throw malformed(name);
  }

  /** An unsigned number, also given as a decimal string. */
  unsigned(name: string, fallback: number): number {
    const value = this.value(name);
    if (value === undefined) return fallback;
    if (value.type === 'number' && !value.signed) return value.value;
    if (value.type === 'string' && /^\s*\+?\d+$/.test(value.value)) {
      const parsed = Number(value.value);
      if (Number.isSafeInteger(parsed)) return parsed;
    }
    throw malformed(name);
  }

  /**
   * A list of strings (`disk = [ "…", "…" ]`); undefined when the setting is
   * absent; an error when it is not a list of strings.
   */
  stringList(name: string): string[] | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (value.type !== 'list') throw internalError(`${CONF_NAME}: expected a string list for '${name}' parameter`, name);
    return value.items.map((item) => {
      if (item.type !== 'string') throw new XenConfigError({ code: 'CONF_SYNTAX', reason: `${CONF_NAME}: expected a string list for '${name}' parameter`, setting: name });
      return item.value;
    });
  }

  /** The string items of a list, skipping anything else, as libvirt's device list parsers do; [] when absent or not a list. */
  lenientStrings(name: string): string[] {
    const value = this.value(name);
    if (value?.type !== 'list') return [];
    return value.items.flatMap((item) => (item.type === 'string' ? [item.value] : []));
  }
}

export function malformed(name: string): XenConfigError {
  return internalError(`config value ${name} was malformed`, name);
}
