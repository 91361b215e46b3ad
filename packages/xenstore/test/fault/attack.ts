import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { XenstoreClient } from '../../src/index.js';
import { type DaemonProcess, startDaemonProcess } from './daemon-process.js';

/** Guest domains every attacked daemon has a socket for. */
export const GUESTS = [5, 6] as const;

/** The tree every attacked daemon starts with; the standing checks compare against it. */
export const SEED_TREE: Record<string, string> = {
  '/local/domain/0/name': 'Domain-0',
  '/local/domain/5/name': 'guest-5',
  '/local/domain/5/data/private': 'only 5 reads this',
  '/local/domain/6/name': 'guest-6',
  '/vm/u1/image/ostype': 'linux',
  '/secret/key': 'dom0 only',
};

export interface AttackContext {
  daemon: DaemonProcess;
  /** A dom0 client for setting the stage; attacks use their own connections. */
  dom0: XenstoreClient;
}

export interface AttackOptions {
  /** Peak RSS the daemon must stay under during the attack (MiB); generous, it is not a benchmark. */
  rssBoundMiB: number;
  /** Subtrees the attack may legitimately change (the rest of the tree must come through as seeded). */
  mayChange?: readonly string[];
}

/** A hang detector, not a time bound: attacks take seconds, on a loaded machine tens of them. */
const ATTACK_TIMEOUT_MS = 120_000;

interface Measurement {
  attack: string;
  peakRssMiB: number;
  boundMiB: number;
  attackMs: number;
  goodClientMs: number;
  sigtermMs: number;
}

const measurements: Measurement[] = [];

const MiB = (kib: number) => Math.round((kib / 1024) * 10) / 10;

async function seed(path: string): Promise<XenstoreClient> {
  const dom0 = await XenstoreClient.connect({ path });
  for (const [node, value] of Object.entries(SEED_TREE)) await dom0.write(node, value);
  for (const domid of GUESTS) await dom0.setPermissions(`/local/domain/${domid}`, [`n${domid}`]);
  await dom0.setPermissions('/local/domain/5/data/private', ['n5']);
  await dom0.setPermissions('/secret', ['n0']);
  return dom0;
}

/** Paths added, removed or changed between two trees. */
function treeDifferences(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path));
}

async function treeOf(client: XenstoreClient): Promise<Map<string, string>> {
  return new Map((await client.readTree('/')).map(({ path, value }) => [path, value]));
}

/**
 * One attack on a fresh daemon process, then the standing checks: a new client is served, the
 * seeded tree is intact, peak RSS stayed under the bound, SIGTERM ends the daemon (exit 0).
 * Memory and times are recorded for the report, never asserted as timings.
 */
export function attack(name: string, options: AttackOptions, run: (context: AttackContext) => Promise<void>): void {
  it(name, async () => {
    const daemon = await startDaemonProcess(GUESTS);
    try {
      const dom0 = await seed(daemon.socketPath);
      const before = await treeOf(dom0);
      daemon.resetPeak();
      const started = performance.now();
      await run({ daemon, dom0 });
      const attackMs = performance.now() - started;
      expect(daemon.exited, 'the daemon died during the attack').toBe(false);
      const peakKiB = daemon.peakRssKiB();

      const goodStarted = performance.now();
      const good = await XenstoreClient.connect({ path: daemon.socketPath });
      await good.write('/after-attack', 'served');
      expect(await good.read('/after-attack')).toBe('served');
      const goodClientMs = performance.now() - goodStarted;
      const after = await treeOf(good);
      const changeable = (path: string) => path === '/after-attack' || (options.mayChange ?? []).some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
      expect(treeDifferences(before, after).filter((path) => !changeable(path)), 'nodes changed outside the attack\'s own subtrees').toEqual([]);
      await Promise.all([good.close(), dom0.close()]);

      const ended = await daemon.terminate();
      expect({ code: ended.code, signal: ended.signal }).toEqual({ code: 0, signal: null });
      measurements.push({ attack: name, peakRssMiB: MiB(peakKiB), boundMiB: options.rssBoundMiB, attackMs, goodClientMs, sigtermMs: ended.ms });
      expect(MiB(peakKiB)).toBeLessThan(options.rssBoundMiB);
    } finally {
      if (!daemon.exited) await daemon.terminate(1000);
    }
  }, ATTACK_TIMEOUT_MS);
}

/** Prints the measurements (and writes them to $FAULT_REPORT_DIR/<file> when set). */
export function reportMeasurements(file: string, title: string): void {
  afterAll(() => {
    if (measurements.length === 0) return;
    const lines = [
      `# ${title}`,
      '| attack | peak RSS MiB (bound) | attack ms | good client ms | SIGTERM to exit ms |',
      '|---|---|---|---|---|',
      ...measurements.map((m) => `| ${m.attack} | ${m.peakRssMiB} (< ${m.boundMiB}) | ${m.attackMs.toFixed(0)} | ${m.goodClientMs.toFixed(1)} | ${m.sigtermMs.toFixed(1)} |`),
    ];
    console.log(lines.join('\n'));
    const directory = process.env['FAULT_REPORT_DIR'];
    if (directory) {
      mkdirSync(directory, { recursive: true });
      writeFileSync(join(directory, file), `${lines.join('\n')}\n`);
    }
  });
}
