/**
 * The `virsh` bin (dist/virsh.cjs): runs the command-line bundle dist/cli.cjs from V8's code
 * cache when this Node has one for it, so a short command does not spend most of its time
 * compiling JavaScript. The cache is made by the first run (after it, so it holds the functions
 * that run compiled) under $XDG_CACHE_HOME/libvirt-ts (else ~/.cache/libvirt-ts), one file per
 * bundle, Node version and architecture; V8 refuses a cache that does not fit (another V8, other
 * flags), and then it is made anew. Nothing is cached where that directory cannot be written.
 * Both files are CommonJS: Node's ES module loader would cost more than the rest of the start-up.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** A hash of dist/cli.cjs, put here by build.mjs. */
declare const CLI_BUNDLE_HASH: string;

const bundlePath = join(__dirname, 'cli.cjs');

function cacheDirectory(): string | undefined {
  const { XDG_CACHE_HOME, HOME } = process.env;
  if (XDG_CACHE_HOME) return join(XDG_CACHE_HOME, 'libvirt-ts');
  return HOME ? join(HOME, '.cache', 'libvirt-ts') : undefined;
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache whole or not at all (a rename), so a run never reads half of one, and drops
 * the caches of other builds, so rebuilding or upgrading does not pile them up.
 */
function saveCache(directory: string, path: string, data: Buffer): void {
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, path);
    for (const name of readdirSync(directory)) {
      if (/^virsh-.*\.v8cache$/.test(name) && join(directory, name) !== path) rmSync(join(directory, name), { force: true });
    }
  } catch {
    // A cache that cannot be written only costs the next run some time.
  }
}

// No optimizing compiler (TurboFan): a virsh run is short, and compiling its hot functions on
// V8's background threads cost more CPU than the optimized code saved (1,000 dominfo in one run:
// ~130 us of CPU per command with it, ~40 without; a 1,000-domain node file: half the per-domain
// cost; a 10,000-domain one: the same). Ignition and Sparkplug still run. Set before the bundle is
// compiled, as V8 keys its code cache on the flags.
setFlagsFromString('--no-opt');

const directory = cacheDirectory();
const cachePath = directory && join(directory, `virsh-${CLI_BUNDLE_HASH}-${process.version}-${process.arch}.v8cache`);
const cachedData = cachePath ? readIfThere(cachePath) : undefined;
// The wrapper Node gives a CommonJS module, so the bundle runs as if required, plus
// `importModule`: build.mjs turns the bundle's import() calls into calls of it, made here, as
// Node 20's vm.Script cannot import (without --experimental-vm-modules, or at all from cached
// code). It resolves from this file, which sits beside the bundle.
const script = new Script(
  `(function (exports, require, module, __filename, __dirname, importModule) {${readFileSync(bundlePath, 'utf8')}\n})`,
  { filename: bundlePath, cachedData },
);
if (directory && cachePath && (!cachedData || script.cachedDataRejected)) {
  process.once('exit', () => saveCache(directory, cachePath, script.createCachedData()));
}
const cli = { exports: {} };
const importModule = (specifier: string): Promise<unknown> => import(specifier);
script.runInThisContext()(cli.exports, require, cli, bundlePath, __dirname, importModule);
