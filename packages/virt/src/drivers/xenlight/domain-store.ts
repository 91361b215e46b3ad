// node:fs's `promises` is read on first use: importing node:fs/promises would load it, with
// readline and streams, whenever virt loads (virsh start-up).
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { DomainState, RunningReason } from '../../constants.js';

/** What the driver remembers of a domain it started, beside what Xen knows (libvirt's status XML). */
export interface DomainStatus {
  /** The domain's live definition, as dumpxml prints it (without the id). */
  xml: string;
  /** The state this driver last put the domain in (virDomainState) and why (that state's reason number). */
  state: number;
  reason: number;
  /** The uuid, 8-4-4-4-12, to tell a new domain of the same name from the one this record is about. */
  uuid: string;
  /** The Xen domain id it was recorded for: xl rebuilds a rebooting domain under a new one. */
  id?: number;
}

/**
 * The record that applies to the running domain `id` of this uuid, if any. A record of a stopped
 * domain (SHUTOFF, kept for a persistent definition's reason) is not about a running one. One
 * recorded under another id is of a domain xl rebuilt as it rebooted (on_reboot=restart): it runs
 * as freshly BOOTED, as libvirt's libxl driver restarts it.
 */
export function statusOfRunning(status: DomainStatus | undefined, uuid: string, id: number): DomainStatus | undefined {
  if (status === undefined || status.uuid !== uuid || status.state === DomainState.SHUTOFF) return undefined;
  if (status.id !== undefined && status.id !== id) return { ...status, id, state: DomainState.RUNNING, reason: RunningReason.BOOTED };
  return status;
}

/**
 * The driver's files: persistent definitions as `<config>/<name>.xml` (autostart links as
 * `<config>/autostart/<name>.xml`, as libvirt's /etc/libvirt/libxl/ has them) and the status of the
 * domains it started as `<state>/<name>.json` (a persistent one's stays when it stops, saying why). Writes go to a temporary file renamed into place, so a
 * crash never leaves half a definition.
 */
export class DomainStore {
  constructor(
    readonly configDir: string,
    readonly stateDir: string,
  ) {}

  definitionPath(name: string): string {
    return join(this.configDir, `${checkedName(name)}.xml`);
  }

  async readDefinition(name: string): Promise<string | undefined> {
    return readOptionalFile(this.definitionPath(name));
  }

  /** Every persistent definition, by name. */
  async listDefinitions(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const file of await listOptional(this.configDir)) {
      if (!file.endsWith('.xml')) continue;
      const xml = await readOptionalFile(join(this.configDir, file));
      if (xml !== undefined) out.set(file.slice(0, -4), xml);
    }
    return out;
  }

  async writeDefinition(name: string, xml: string): Promise<void> {
    await writeAtomically(this.configDir, this.definitionPath(name), xml);
  }

  async removeDefinition(name: string): Promise<void> {
    await fs.rm(this.definitionPath(name), { force: true });
    await this.setAutostart(name, false);
  }

  async autostart(name: string): Promise<boolean> {
    return (await readOptionalFile(this.#autostartPath(name))) !== undefined;
  }

  async setAutostart(name: string, on: boolean): Promise<void> {
    const path = this.#autostartPath(name);
    if (!on) return fs.rm(path, { force: true });
    await writeAtomically(join(this.configDir, 'autostart'), path, `${name}\n`);
  }

  async readStatus(name: string): Promise<DomainStatus | undefined> {
    const text = await readOptionalFile(this.#statusPath(name));
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as DomainStatus;
    } catch {
      return undefined; // a status we cannot read is one we do not have: Xen's view is used
    }
  }

  async writeStatus(name: string, status: DomainStatus): Promise<void> {
    await writeAtomically(this.stateDir, this.#statusPath(name), `${JSON.stringify(status)}\n`);
  }

  async removeStatus(name: string): Promise<void> {
    await fs.rm(this.#statusPath(name), { force: true });
  }

  #statusPath(name: string): string {
    return join(this.stateDir, `${checkedName(name)}.json`);
  }

  #autostartPath(name: string): string {
    return join(this.configDir, 'autostart', `${checkedName(name)}.xml`);
  }
}

/** A domain name becomes a file name: one that could leave the folder is refused. */
function checkedName(name: string): string {
  if (name === '' || name.includes('/') || name === '.' || name === '..' || name.includes('\0')) {
    throw new TypeError(`domain name '${name}' cannot name a file`);
  }
  return name;
}

async function writeAtomically(dir: string, path: string, text: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text, { mode: 0o600 });
  await fs.rename(temporary, path);
}

/** A file's text, undefined when it does not exist. */
export async function readOptionalFile(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function listOptional(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
