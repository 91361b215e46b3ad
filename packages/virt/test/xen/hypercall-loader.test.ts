/**
 * How the hypervisor driver loads the optional @libvirt-ts/hypercall: "not installed" declines
 * quietly, and any other load failure is reported as what it is. Each case is a real Node import
 * from a scratch directory: one with no such package, one where it is installed but broken.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHypercall } from '../../src/drivers/hypervisor/hypervisor-loader.js';
import { VirtError } from '../../src/index.js';

type HypercallModule = typeof import('@libvirt-ts/hypercall');

const scratch = mkdtempSync(join(tmpdir(), 'virt-hypercall-loader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An import of '@libvirt-ts/hypercall' as made from a module in `dir`. */
function importFrom(dir: string): () => Promise<HypercallModule> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'load.mjs'), "export const load = () => import('@libvirt-ts/hypercall');\n");
  return async () => (await import(pathToFileURL(join(dir, 'load.mjs')).href)).load();
}

/** Installs a package named @libvirt-ts/hypercall under `dir` whose index is `source`. */
function installHypercall(dir: string, source: string): void {
  const pkg = join(dir, 'node_modules/@libvirt-ts/hypercall');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@libvirt-ts/hypercall', type: 'module', exports: './index.js' }));
  writeFileSync(join(pkg, 'index.js'), source);
}

async function failureOf(promise: Promise<unknown>): Promise<VirtError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!VirtError.isInstance(error)) throw new Error(`expected a VirtError, got ${String(error)}`);
  return error;
}

describe('loading @libvirt-ts/hypercall', () => {
  it('is undefined (the driver declines) when the package is not installed', async () => {
    expect(await loadHypercall(importFrom(join(scratch, 'absent')))).toBeUndefined();
  });

  it('loads the workspace package', async () => {
    const hypercall = await loadHypercall();
    expect(typeof hypercall?.openHypervisor).toBe('function');
  });

  it('reports an installed package whose module fails to link (a missing export) as NO_XEN naming why', async () => {
    const dir = join(scratch, 'missing-export');
    installHypercall(dir, "import { noSuchExport } from 'node:fs';\nexport const openHypervisor = noSuchExport;\n");
    const error = await failureOf(loadHypercall(importFrom(dir)));
    expect(error.code).toBe('NO_XEN');
    expect(error.message).toContain('@libvirt-ts/hypercall is installed but did not load');
    expect(error.message).toContain("does not provide an export named 'noSuchExport'");
    expect((error.cause as Error).name).toBe('SyntaxError');
  });

  it('reports a missing dependency of the package as itself, not as the package not being installed', async () => {
    const dir = join(scratch, 'missing-dependency');
    installHypercall(dir, "export { default as openHypervisor } from 'node-gyp-build-not-there';\n");
    const error = await failureOf(loadHypercall(importFrom(dir)));
    expect(error.code).toBe('NO_XEN');
    expect(error.message).toContain("Cannot find package 'node-gyp-build-not-there'");
  });

  it('reports a package whose entry file is missing', async () => {
    const dir = join(scratch, 'no-entry');
    installHypercall(dir, '');
    rmSync(join(dir, 'node_modules/@libvirt-ts/hypercall/index.js'));
    const error = await failureOf(loadHypercall(importFrom(dir)));
    expect(error.code).toBe('NO_XEN');
    // Node says "Cannot find module '.../index.js'", vitest's runner "Failed to resolve entry".
    expect(error.message).toContain('@libvirt-ts/hypercall is installed but did not load: ');
  });
});
