import { isXenstoreError } from '../../errors/package-errors.js';
import type { XenstoreSession } from '../xenstore/xenstore-driver.js';

/** Reads and writes under one domain's xenstore home, as libxl and xl do. */
export class XenstoreDomains {
  constructor(readonly xs: XenstoreSession) {}

  /** `/local/domain/<id>/name`, or undefined when xenstore has no such domain (or no name yet). */
  name(id: number): Promise<string | undefined> {
    return this.readOptional(`/local/domain/${id}/name`);
  }

  /** How many of the domain's vcpus `cpu/N/availability` says are online; undefined without a cpu/ node. */
  async onlineVcpus(id: number): Promise<number | undefined> {
    const cpus = await this.directoryOptional(`/local/domain/${id}/cpu`);
    if (cpus === undefined || cpus.length === 0) return undefined;
    const states = await Promise.all(cpus.map((cpu) => this.readOptional(`/local/domain/${id}/cpu/${cpu}/availability`)));
    return states.filter((state) => state === 'online').length;
  }

  /** libxl_set_vcpuonline for a PV guest: `cpu/N/availability` online below `count`, offline from it up to `max`. */
  async setOnlineVcpus(id: number, count: number, max: number): Promise<void> {
    for (let cpu = 0; cpu < max; cpu++) {
      await this.xs.write(`/local/domain/${id}/cpu/${cpu}/availability`, cpu < count ? 'online' : 'offline');
    }
  }

  /** libxl_domain_shutdown / libxl_domain_reboot: the request the guest's PV control driver acts on. */
  async requestShutdown(id: number, action: 'poweroff' | 'reboot'): Promise<void> {
    await this.xs.write(`/local/domain/${id}/control/shutdown`, action);
  }

  /** `memory/static-max` (KiB), the ceiling xl set at build, or undefined. */
  async staticMaxKib(id: number): Promise<number | undefined> {
    const text = await this.readOptional(`/local/domain/${id}/memory/static-max`);
    const kib = Number.parseInt(text ?? '', 10);
    return Number.isSafeInteger(kib) ? kib : undefined;
  }

  /** The balloon target libxl_set_memory_target writes (KiB). */
  async setMemoryTarget(id: number, kib: number): Promise<void> {
    await this.xs.write(`/local/domain/${id}/memory/target`, String(kib));
  }

  async readOptional(path: string): Promise<string | undefined> {
    try {
      return await this.xs.read(path);
    } catch (error) {
      if (isXenstoreError(error) && error.code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async directoryOptional(path: string): Promise<string[] | undefined> {
    try {
      return await this.xs.directory(path);
    } catch (error) {
      if (isXenstoreError(error) && error.code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
