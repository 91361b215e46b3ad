import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { DomainEventType, DomainState } from '../src/constants.js';
import { open } from '../src/index.js';

/**
 * The README's dashboard loop (section "Events"), run as written (its import pointed at the
 * sources) while another connection to test:///default acts; its Ctrl-C is the SIGINT listener it
 * registers, called by the test instead of a signal.
 */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Events'));
const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const src = (file: string) => fileURLToPath(new URL(`../src/${file}`, import.meta.url));

let dir: string | undefined;
afterAll(async () => {
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("runs the README's dashboard loop: each event updates its table, Ctrl-C ends it quietly", async () => {
  const runnable = code.replaceAll("'@libvirt-ts/virt'", JSON.stringify(src('index.ts')));
  expect(runnable).toContain('conn.domainEvents(');
  dir = await mkdtemp(join(fileURLToPath(new URL('.', import.meta.url)), '.readme-events-'));
  const file = join(dir, 'dashboard.ts');
  await writeFile(file, runnable);

  let ctrlC: (() => void) | undefined;
  const once = process.once.bind(process);
  vi.spyOn(process, 'once').mockImplementation(((name: string, listener: () => void) => {
    if (name !== 'SIGINT') return once(name, listener);
    ctrlC = listener;
    return process;
  }) as typeof process.once);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});

  const dashboard = import(file);
  await vi.waitFor(() => expect(ctrlC).toBeDefined());
  await using conn = await open('test:///default');
  const guest = await conn.lookupByName('test');
  // the loop subscribes right after it registers its Ctrl-C; act until it has heard the pause
  await vi.waitFor(async () => {
    if ((await guest.info()).state !== DomainState.PAUSED) await guest.suspend();
    expect(log).toHaveBeenCalled();
  });
  await guest.resume();
  await vi.waitFor(() => expect(log).toHaveBeenCalledTimes(2));

  const lines = log.mock.calls.map(([time, name, event, states]) => [typeof time, name, event, states]);
  expect(lines).toEqual([
    ['string', 'test', DomainEventType.SUSPENDED, [['test', DomainState.PAUSED]]],
    ['string', 'test', DomainEventType.RESUMED, [['test', DomainState.RUNNING]]],
  ]);
  ctrlC!();
  await expect(dashboard).resolves.toBeDefined();
});
