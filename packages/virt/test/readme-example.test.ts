import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { unregisterDriver } from '../src/driver-author.js';

/** The README's "Adding a driver" example, run as written (its imports pointed at the sources). */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Adding a driver'));
const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const src = (file: string) => fileURLToPath(new URL(`../src/${file}`, import.meta.url));

let dir: string | undefined;
afterAll(async () => {
  unregisterDriver('Memory');
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('runs the README example of a new driver: it registers, opens its URI and answers', async () => {
  const runnable = code
    .replaceAll("'@libvirt-ts/virt/driver'", JSON.stringify(src('driver-author.ts')))
    .replaceAll("'@libvirt-ts/virt'", JSON.stringify(src('index.ts')));
  expect(runnable).toContain('registerDriver(');
  dir = await mkdtemp(join(fileURLToPath(new URL('.', import.meta.url)), '.readme-example-'));
  const file = join(dir, 'example.ts');
  await writeFile(file, runnable);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await import(file);
  expect(log).toHaveBeenCalledWith({ state: 1, maxMem: 1024, memory: 1024, nrVirtCpu: 1, cpuTime: 0n });
  log.mockRestore();
});
