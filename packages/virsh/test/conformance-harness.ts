import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ConformanceCase } from './conformance-cases.js';
import type { RunOptions, VirshRun } from './run-virsh.js';

export const inputsDir = fileURLToPath(new URL('./fixtures/inputs', import.meta.url));
export const nodesDir = fileURLToPath(new URL('./fixtures/nodes', import.meta.url));
export const expectedDir = fileURLToPath(new URL('./fixtures/conformance', import.meta.url));
export const libvirtDir = fileURLToPath(new URL('./fixtures/libvirt', import.meta.url));

/** virsh 9 hands URIs it has no local driver for to libvirtd; there is no daemon here. */
/** `-c test:///default`, the arguments most cases start with. */
export const TEST_DEFAULT_ARGS = ['-c', 'test:///default'];
/** One script of commands on test:///default. */
export const testDefaultScript = (text: string): string[] => [...TEST_DEFAULT_ARGS, text];

export const NO_DAEMON = {
  lines: /^error: (Failed to connect socket to '\/var\/run\/libvirt\/libvirt-sock'|no connection driver available for)/,
  reason: 'virsh 9 falls back to the libvirtd socket; libvirt-ts has no daemon and names the missing driver',
};

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const HEX32 = /\b[0-9a-f]{32}\b/gi;

/** UUIDs written in the fixtures (and test:///default's): everything else virsh made up. */
const knownUuids = (() => {
  const known = new Set(['6695eb01-f6a4-8304-79aa-97f2502e193f']);
  for (const dir of [inputsDir, nodesDir, libvirtDir]) {
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const m of text.matchAll(UUID)) known.add(m[0].toLowerCase());
      for (const m of text.matchAll(HEX32)) {
        const h = m[0].toLowerCase();
        known.add(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
      }
    }
  }
  return known;
})();

/** Within a day of now: a time the run itself made (a snapshot's creation time), not one a case wrote. */
const madeNow = (ms: number): boolean => Math.abs(ms - Date.now()) < 86_400_000;

/** `2026-12-04 18:42:37 +0000` as snapshot-list prints a creation time. */
const LOCAL_TIMESTAMP = /\b(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-]\d\d)(\d\d)\b/g;

/**
 * Masks what virsh itself makes random: the test driver's CPU time (the clock),
 * UUIDs of domains defined without one, -t timings, and the times (and default names) of
 * snapshots taken during the run; paths become placeholders.
 */
export function normalize(text: string, tmp: string): string {
  return text
    .replaceAll(tmp, '@TMP')
    .replaceAll(inputsDir, '@IN')
    .replaceAll(nodesDir, '@NODES')
    .replaceAll(libvirtDir, '@LIBVIRT')
    .replace(/^(CPU time: +)\d+\.\ds$/gm, '$1<cpu-time>s')
    .replace(/\(Time: \d+\.\d{3} ms\)/g, '(Time: <ms>)')
    .replace(UUID, (uuid) => (knownUuids.has(uuid.toLowerCase()) ? uuid : '<random-uuid>'))
    .replace(LOCAL_TIMESTAMP, (text, day, time, hours, minutes) => (madeNow(Date.parse(`${day}T${time}${hours}:${minutes}`)) ? '<now>' : text))
    .replace(/\b\d{10}\b/g, (digits) => (madeNow(Number(digits) * 1000) ? '<now-epoch>' : digits));
}

const substitute = (text: string, tmp: string) =>
  text.replaceAll('@IN', inputsDir).replaceAll('@NODES', nodesDir).replaceAll('@LIBVIRT', libvirtDir).replaceAll('@TMP', tmp);

/**
 * Makes a named pipe and a writer process that fills it once virsh opens it for reading.
 * The writer copies from a file: virsh runs synchronously, so this process cannot feed it.
 */
function feedFifo(path: string, content: string): () => void {
  writeFileSync(`${path}.content`, content);
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo ${path}: ${made.stderr}`);
  const writer = spawn('sh', ['-c', 'exec cat "$0.content" > "$0"', path], { stdio: 'ignore' });
  return () => writer.kill();
}

/** Runs one case with a fresh temporary directory (its working directory too) and normalizes the result. */
export function runCase(run: (args: string[], options: RunOptions) => VirshRun, c: ConformanceCase): VirshRun {
  const tmp = mkdtempSync(join(tmpdir(), 'virsh-conf-'));
  try {
    mkdirSync(join(tmp, 'cache'));
    for (const [name, content] of Object.entries(c.files ?? {})) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeFileSync(join(tmp, name), content());
    }
    const stopWriters = Object.entries(c.fifos ?? {}).map(([name, content]) => feedFifo(join(tmp, name), content()));
    const env = Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, substitute(v, tmp)]));
    // nobody must reach the directory and its files.
    if (c.unprivileged) chmodSync(tmp, 0o777);
    const result = run(
      c.args.map((a) => substitute(a, tmp)),
      {
        env: { HOME: tmp, ...env },
        cwd: tmp,
        ...(c.input === undefined ? {} : { input: c.input }),
        ...(c.unprivileged ? { unprivileged: true } : {}),
      },
    );
    for (const stop of stopWriters) stop();
    const stdout = c.dropLines ? dropMatching(result.stdout, c.dropLines) : result.stdout;
    return { stdout: normalize(stdout, tmp), stderr: normalize(result.stderr, tmp), status: result.status };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const dropMatching = (text: string, lines: RegExp): string =>
  text
    .split('\n')
    .filter((line) => !lines.test(line))
    .join('\n');

/** True when every line of `ours` appears in `theirs`, in the same order. */
export function isOrderedSubset(ours: string, theirs: string): boolean {
  const wanted = ours.split('\n');
  const lines = theirs.split('\n');
  let at = 0;
  for (const line of wanted) {
    while (at < lines.length && lines[at] !== line) at++;
    if (at >= lines.length) return false;
    at++;
  }
  return true;
}

/**
 * Asserts that our run of case `c` is virsh 9's: stdout, stderr and status equal (our stdout an
 * ordered subset of theirs for `subset` cases), after dropping the case's known-difference lines.
 */
export function expectConformant(c: ConformanceCase, ours: VirshRun, theirs: VirshRun): void {
  const known = c.knownDifference;
  const keep = (run: VirshRun): VirshRun =>
    known
      ? {
          ...run,
          stderr: run.stderr
            .split('\n')
            .filter((line) => !known.lines.test(line))
            .join('\n'),
        }
      : run;
  const [o, t] = [keep(ours), keep(theirs)];
  if (c.compare === 'subset') {
    expect(isOrderedSubset(o.stdout, t.stdout), `our stdout:\n${o.stdout}`).toBe(true);
    expect({ stderr: o.stderr, status: o.status }).toEqual({ stderr: t.stderr, status: t.status });
  } else {
    expect(o).toEqual(t);
  }
}
