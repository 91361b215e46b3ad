import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { XendClient } from '../src/index.js';

const BIN = fileURLToPath(new URL('../dist/bin/fake-xend.js', import.meta.url));
const built = existsSync(BIN);

interface Run {
  child: ChildProcess;
  /** Resolves with the first stdout line. */
  firstLine: Promise<string>;
  exit: Promise<{ code: number | null; stderr: string }>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
    });
    child.once('exit', () => reject(new Error(`fake-xend exited before printing: ${stderr}`)));
  });
  firstLine.catch(() => {});
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
  return { child, firstLine, exit };
}

describe.skipIf(!built)('fake-xend command (needs `pnpm build`)', () => {
  const children: ChildProcess[] = [];
  let dir: string | undefined;
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('serves a seeded node on a unix socket until SIGTERM, then removes the socket', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-xend-cli-'));
    const socketPath = join(dir, 'xend-socket');
    const seedFile = join(dir, 'seed.json');
    await writeFile(seedFile, JSON.stringify({ node: { nr_cpus: 6 }, domains: [{ name: 'seeded', memory: 64 }] }));
    const fake = run(['--socket', socketPath, '--seed', seedFile]);
    children.push(fake.child);
    expect(await fake.firstLine).toBe(`fake-xend listening on ${socketPath}`);
    const client = await XendClient.open(socketPath);
    expect(await client.listDomainNames()).toEqual(['Domain-0', 'seeded']);
    expect((await client.getNode()).nrCpus).toBe(6);
    fake.child.kill('SIGTERM');
    expect((await fake.exit).code).toBe(0);
    expect(existsSync(socketPath)).toBe(false);
  });

  it('serves on a TCP port', async () => {
    const fake = run(['--port', '0']);
    children.push(fake.child);
    const line = await fake.firstLine;
    const url = /^fake-xend listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
    expect(url).toBeDefined();
    const client = await XendClient.open(url);
    expect((await client.getDomain(0)).name).toBe('Domain-0');
    fake.child.kill('SIGINT');
    expect((await fake.exit).code).toBe(0);
  });

  it.each([
    [[], /give exactly one of --socket and --port/],
    [['--port', 'eighty'], /--port must be a number/],
    [['--port', '0', '--bogus'], /Unknown option '--bogus'/],
    [['--port', '0', '--seed', '/nonexistent/seed.json'], /cannot read the seed/],
  ])('exits 2 with a message for %j', async (args, message) => {
    const fake = run(args);
    children.push(fake.child);
    const { code, stderr } = await fake.exit;
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^usage: fake-xend/m);
  });
});
