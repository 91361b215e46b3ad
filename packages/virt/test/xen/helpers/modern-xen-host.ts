import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakePrivcmd, SimulatedXen } from '@libvirt-ts/hypercall/testing';
import { XenstoreClient } from '@libvirt-ts/xenstore';
import { startXenstored, type Xenstored } from '@libvirt-ts/xenstore/server';
import { XlFailure, type XlToolstack } from '../../../src/drivers/xenlight/xl-toolstack.js';

/**
 * A Xen 4.17 host without xend, made of test parts: our xenstored on a unix socket, a simulated
 * hypervisor behind a fake privcmd, and an `xl` stand-in that builds domains into both from the
 * xl config file the driver writes (checking the kernel exists, as xl does). No xend socket exists.
 */
export interface ModernXenHost {
  dir: string;
  xen: SimulatedXen;
  xenstored: Xenstored;
  xl: FakeXl;
  /** open() options pointing the xenlight driver at all of it. */
  options(): Record<string, unknown>;
  /** The guest shuts itself down (SCHEDOP_shutdown with this code); xenstored hears it and fires `@releaseDomain`. */
  guestShutdown(id: number, reason: 'poweroff' | 'reboot' | 'crash'): Promise<void>;
  /** A running domain's xenstore node (undefined when absent). */
  read(path: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export async function startModernXenHost(): Promise<ModernXenHost> {
  const dir = mkdtempSync(join(tmpdir(), 'libvirt-ts-xenlight-'));
  const socket = join(dir, 'xenstored-socket');
  const xenstored = await startXenstored({ socketPath: socket, socketRoPath: join(dir, 'xenstored-socket_ro') });
  const xs = await XenstoreClient.connect({ path: socket });
  const xen = new SimulatedXen({
    generation: 'xen4',
    major: 4,
    minor: 17,
    extra: '.7',
    capabilities: 'xen-3.0-x86_64 ',
    interfaceVersion: 0x15,
    domains: { 0: { totPages: 262_144n, maxPages: 262_144n, handle: new Uint8Array(16) } },
    // the harness's QEMU host: node 0 spans a little more than the pages Xen counts in total
    host: { threadsPerCore: 1, coresPerSocket: 2, cpus: 2, nodes: 1, cpuKhz: 2_096_019, totalPages: 524_156n, freePages: 256_000n, nodePages: [524_253n], hwCap: HARNESS_HW_CAP },
  });
  await xs.write('/local/domain/0/name', 'Domain-0');
  const xl = new FakeXl(xen, xs, dir);
  /** What xenstored does on VIRQ_DOM_EXC: a domain gone from Xen is released, firing `@releaseDomain`. */
  const respond: typeof xen.respond = (call) => {
    const before = [...xen.domains.keys()];
    const result = xen.respond(call);
    for (const id of before) if (!xen.domains.has(id)) void xs.releaseDomain(id).catch(() => undefined);
    return result;
  };
  return {
    dir,
    xen,
    xenstored,
    xl,
    options: () => ({
      xendSocket: join(dir, 'no-xend-socket'),
      xendUrl: false,
      xenstoredSocket: socket,
      hypervisor: { backend: new FakePrivcmd(respond) },
      xlToolstack: xl,
      xenlightConfigDir: join(dir, 'etc'),
      xenlightStateDir: join(dir, 'run'),
    }),
    async guestShutdown(id, reason) {
      const domain = xen.domains.get(id)!;
      domain.flags = SHUTDOWN | (SHUTDOWN_CODES[reason] << 16);
      await xs.releaseDomain(id);
    },
    async read(path) {
      try {
        return await xs.read(path);
      } catch {
        return undefined;
      }
    },
    async close() {
      await xs.close();
      await xenstored.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** physinfo's hw_cap on the harness's QEMU Haswell-noTSX host (`xl info`: hw_caps), libvirt 9 names it Westmere. */
export const HARNESS_HW_CAP = (() => {
  const words = [0x178bfbfd, 0xc6d82203, 0x28100800, 0x21, 0x1, 0x389, 0, 0];
  const bytes = new Uint8Array(32);
  for (const [i, word] of words.entries()) new DataView(bytes.buffer).setUint32(i * 4, word, true);
  return bytes;
})();

const SHUTDOWN = 1 << 2;
const SHUTDOWN_CODES = { poweroff: 0, reboot: 1, crash: 3 } as const;

/** Reads `key = value` lines of an xl config (strings in double quotes, numbers bare). */
function parseXlConfig(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^(\w+) = "?(.*?)"?$/.exec(line.trim());
    if (match) out.set(match[1]!, match[2]!);
  }
  return out;
}

/** The xl stand-in: builds a domain into the simulated hypervisor and xenstore, as `xl create` leaves them. */
export class FakeXl implements XlToolstack {
  nextId = 1;
  readonly commands: string[] = [];

  constructor(
    readonly xen: SimulatedXen,
    readonly xs: XenstoreClient,
    readonly dir: string,
  ) {}

  async create(configFile: string, { paused }: { paused: boolean }): Promise<void> {
    this.commands.push(`create${paused ? ' -p' : ''}`);
    await this.#build(readFileSync(configFile, 'utf8'), paused);
  }

  async save(id: number, file: string): Promise<void> {
    this.commands.push(`save ${id}`);
    const config = await this.xs.read(`/local/domain/${id}/xl-config`).catch(() => undefined);
    if (!this.xen.domains.has(id) || config === undefined) throw new XlFailure('xl save', `Domain ${id} does not exist.`, 1);
    writeFileSync(file, `Xen saved domain, xl format\n${config}`);
    await this.#remove(id);
  }

  async restore(file: string): Promise<void> {
    this.commands.push('restore');
    if (!existsSync(file)) throw new XlFailure('xl restore', `xl: error: failed to open ${file}: No such file or directory`, 1);
    const [magic, ...config] = readFileSync(file, 'utf8').split('\n');
    if (magic !== 'Xen saved domain, xl format') throw new XlFailure('xl restore', 'File has wrong magic number - corrupt or for a different tool?', 1);
    await this.#build(config.join('\n'), false);
  }

  /** What xl's monitor does when the guest reboots (on_reboot=restart): the domain rebuilt from its config under a new id. */
  async rebuild(id: number): Promise<void> {
    const config = await this.xs.read(`/local/domain/${id}/xl-config`);
    await this.#remove(id);
    await this.#build(config, false);
  }

  async #build(text: string, paused: boolean): Promise<void> {
    const config = parseXlConfig(text);
    const name = config.get('name') ?? '';
    const kernel = config.get('kernel');
    if (kernel !== undefined && !existsSync(kernel)) {
      throw new XlFailure('xl create', `libxl: error: libxl_dom.c:xc_dom_kernel_file: cannot open ${kernel}: No such file or directory`, 3);
    }
    const memoryMib = Number(config.get('memory'));
    if (memoryMib > 4096) throw new XlFailure('xl create', 'libxl: error: libxl_create.c: cannot allocate memory for the domain', 3);
    const vcpus = Number(config.get('vcpus') ?? 1);
    const id = this.nextId++;
    const uuid = config.get('uuid') ?? '00000000-0000-0000-0000-0000000000ff';
    // xl builds the domain paused, introduces it to xenstored, and unpauses it unless asked not to
    this.xen.domains.set(id, {
      flags: 1 << 3,
      totPages: BigInt(memoryMib * 256),
      maxPages: BigInt(Number(config.get('maxmem') ?? memoryMib) * 256 + 256),
      cpuTime: 1_000_000n,
      vcpus,
      handle: Uint8Array.from(Buffer.from(uuid.replaceAll('-', ''), 'hex')),
    });
    const base = `/local/domain/${id}`;
    await this.xs.write(`${base}/name`, name);
    await this.xs.write(`${base}/vm`, `/vm/${uuid}`);
    await this.xs.write(`${base}/memory/static-max`, String(memoryMib * 1024));
    await this.xs.write(`${base}/memory/target`, String(memoryMib * 1024));
    for (let cpu = 0; cpu < vcpus; cpu++) await this.xs.write(`${base}/cpu/${cpu}/availability`, 'online');
    await this.xs.write(`${base}/control/shutdown`, '');
    await this.xs.write(`${base}/console/tty`, `/dev/pts/${id}`);
    await this.xs.write(`${base}/xl-config`, text);
    await this.xs.introduceDomain(id, 0xfeffc + id, 1);
    if (!paused) this.xen.domains.get(id)!.flags = 1 << 5;
  }

  async #remove(id: number): Promise<void> {
    this.xen.domains.delete(id);
    await this.xs.rm(`/local/domain/${id}`);
    await this.xs.releaseDomain(id);
  }
}
