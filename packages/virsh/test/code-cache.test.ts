/**
 * The bin (dist/virsh.cjs) runs the command line from V8's code cache: the first run makes the
 * cache, later runs use it, and a cache V8 refuses (here: garbage) is made anew; the output is
 * the same every time, and a directory that cannot be written only means no cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOurVirsh } from './run-virsh.js';

const LIST_ALL = ' Id   Name   State\n----------------------\n 1    test   running\n\n';
const cacheHome = mkdtempSync(join(tmpdir(), 'virsh-code-cache-'));
afterAll(() => rmSync(cacheHome, { recursive: true, force: true }));

function listAll(xdgCacheHome: string) {
  return runOurVirsh(['-c', 'test:///default', 'list', '--all'], { env: { ...process.env, XDG_CACHE_HOME: xdgCacheHome } });
}

function cacheFiles(): string[] {
  return readdirSync(join(cacheHome, 'libvirt-ts')).map((name) => join(cacheHome, 'libvirt-ts', name));
}

describe('the code cache of the virsh bin', () => {
  it('is made by the first run and used, unchanged, by the next', () => {
    expect(listAll(cacheHome)).toEqual({ stdout: LIST_ALL, stderr: '', status: 0 });
    const [cache, ...others] = cacheFiles();
    expect(others).toEqual([]);
    expect(cache).toMatch(/virsh-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.v8cache$/);
    const made = statSync(cache!).mtimeMs;
    expect(listAll(cacheHome)).toEqual({ stdout: LIST_ALL, stderr: '', status: 0 });
    expect(statSync(cache!).mtimeMs).toBe(made);
  });

  it('is made anew when V8 refuses it, and the run is not affected', () => {
    const [cache] = cacheFiles();
    writeFileSync(cache!, Buffer.alloc(4096, 0x5a));
    expect(listAll(cacheHome)).toEqual({ stdout: LIST_ALL, stderr: '', status: 0 });
    expect(readFileSync(cache!).equals(Buffer.alloc(4096, 0x5a))).toBe(false);
    expect(statSync(cache!).size).toBeGreaterThan(10_000);
  });

  it('is skipped where its directory cannot be made', () => {
    expect(listAll('/dev/null/no-cache')).toEqual({ stdout: LIST_ALL, stderr: '', status: 0 });
  });
});
