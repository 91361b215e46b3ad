import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openReadOnly } from '@libvirt-ts/virt';
import { afterAll, expect, it } from 'vitest';
import { type DaemonProcess, type ProxyHost, socketName, startDaemon } from '../helpers/proxy-host.js';
import { type HostReading, proxyOnlyOptions, readHost } from '../helpers/read-host.mjs';

export interface AttackContext {
  daemon: DaemonProcess;
  /** The daemon's abstract socket name (leading NUL). */
  name: string;
  /** A line for the report: what the attack saw (connections closed, replies counted). */
  note(text: string): void;
}

export interface AttackOptions {
  /** Peak RSS the daemon must stay under during the attack (MiB); generous: it is not a benchmark. */
  rssBoundMiB: number;
}

/** A hang detector, not a time bound. */
const ATTACK_TIMEOUT_MS = 120_000;

interface Measurement {
  attack: string;
  startRssMiB: number;
  peakRssMiB: number;
  boundMiB: number;
  attackMs: number;
  goodClientMs: number;
  notes: string;
}

const measurements: Measurement[] = [];
const MiB = (kib: number) => Math.round((kib / 1024) * 10) / 10;

/**
 * One attack on a fresh daemon process, then the standing checks: a new client reads the whole
 * host through the proxy and gets what it got before the attack, the daemon is still alive, its
 * peak RSS stayed under the bound. Memory and times go to the report, never asserted as timings.
 */
export function attack(name: string, options: AttackOptions, getHost: () => { host: ProxyHost; baseline: HostReading }, run: (context: AttackContext) => Promise<void>): void {
  it(
    name,
    async () => {
      const { host, baseline } = getHost();
      const socket = socketName();
      const daemon = await startDaemon(host, ['--abstract', `@${socket.slice(1)}`, '-no-timeout']);
      try {
        const startKiB = daemon.rssKiB();
        daemon.resetPeak();
        const notes: string[] = [];
        const started = performance.now();
        await run({ daemon, name: socket, note: (text) => notes.push(text) });
        const attackMs = performance.now() - started;
        expect(daemon.exited, `the daemon died during the attack: ${daemon.stderr()}`).toBe(false);
        const peakKiB = daemon.peakRssKiB();

        const goodStarted = performance.now();
        const good = await openReadOnly('xen:///', proxyOnlyOptions(socket));
        try {
          expect(await readHost(good)).toEqual(baseline);
        } finally {
          await good.close();
        }
        const goodClientMs = performance.now() - goodStarted;
        measurements.push({ attack: name, startRssMiB: MiB(startKiB), peakRssMiB: MiB(peakKiB), boundMiB: options.rssBoundMiB, attackMs, goodClientMs, notes: notes.join('; ') });
        expect(MiB(peakKiB)).toBeLessThan(options.rssBoundMiB);
      } finally {
        await daemon.terminate();
      }
    },
    ATTACK_TIMEOUT_MS,
  );
}

/** Prints the measurements (and writes them to $FAULT_REPORT_DIR/<file> when set). */
export function reportMeasurements(file: string, title: string): void {
  afterAll(() => {
    if (measurements.length === 0) return;
    const lines = [
      `# ${title}`,
      '| attack | RSS MiB at start | peak RSS MiB (bound) | attack ms | good client ms | seen |',
      '|---|---|---|---|---|---|',
      ...measurements.map(
        (m) => `| ${m.attack} | ${m.startRssMiB} | ${m.peakRssMiB} (< ${m.boundMiB}) | ${m.attackMs.toFixed(0)} | ${m.goodClientMs.toFixed(1)} | ${m.notes} |`,
      ),
    ];
    console.log(lines.join('\n'));
    const directory = process.env['FAULT_REPORT_DIR'];
    if (directory) {
      mkdirSync(directory, { recursive: true });
      writeFileSync(join(directory, file), `${lines.join('\n')}\n`);
    }
  });
}
