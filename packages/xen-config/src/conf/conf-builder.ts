// Builds a config as libvirt's formatter does (virConfSetValue): a setting
// set again keeps its first position and takes the new value.
import { XenConfigError } from '../xen-config-error.js';
import type { ConfEntry, ConfValue, XenConfFile } from './conf-value.js';

export class ConfBuilder {
  private readonly entries: ConfEntry[] = [];

  set(name: string, value: ConfValue): void {
    const index = this.entries.findIndex((entry) => entry.name === name);
    if (index >= 0) this.entries[index] = { name, value };
    else this.entries.push({ name, value });
  }

  setString(name: string, value: string): void {
    this.set(name, { type: 'string', value });
  }

  setInt(name: string, value: number): void {
    // xenConfigSetInt stores a C long: anything larger overflows.
    if (!Number.isSafeInteger(value)) {
      throw new XenConfigError({ code: 'OVERFLOW', reason: `failed to store ${value} to ${name}`, setting: name });
    }
    this.set(name, { type: 'number', value, signed: true });
  }

  /** A list of strings; nothing is set for an empty list, as libvirt skips those. */
  setStringList(name: string, values: readonly string[]): void {
    if (values.length === 0) return;
    this.set(name, { type: 'list', items: values.map((value) => ({ type: 'string', value })) });
  }

  build(): XenConfFile {
    return { entries: this.entries };
  }
}
