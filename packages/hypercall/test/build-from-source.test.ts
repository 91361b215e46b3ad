/**
 * `build:native` (native/build-from-source.mjs) builds the addon from source with node-gyp
 * against the running Node's own headers (no download), and the package then loads that
 * build. Runs the real script in a copy of the package without prebuilds.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAddonFrom } from '../src/backend/native-backend.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const nodeHeaders = join(resolve(dirname(process.execPath), '..'), 'include/node/node_api.h');

function whyNot(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux';
  if (!existsSync(nodeHeaders)) return `no local Node headers at ${nodeHeaders}`;
  for (const tool of ['make', 'c++', 'python3']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (Debian: build-essential python3)`;
    }
  }
  return undefined;
}
const missing = whyNot();
if (missing) console.warn(`skipping the build-from-source test: ${missing}`);

describe.skipIf(missing !== undefined)('building the addon from source', () => {
  let copy = '';
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'hypercall-source-'));
  });
  afterAll(() => copy && rmSync(copy, { recursive: true, force: true }));

  it('build:native compiles it with node-gyp into native/build, and it loads', { timeout: 240_000 }, () => {
    cpSync(join(packageRoot, 'package.json'), join(copy, 'package.json'));
    cpSync(join(packageRoot, 'native'), join(copy, 'native'), {
      recursive: true,
      filter: (path) => !/\/native\/(prebuilds|build)$/.test(path),
    });
    symlinkSync(join(packageRoot, 'node_modules'), join(copy, 'node_modules'));
    expect(loadAddonFrom(copy)).toBeInstanceOf(Error);

    const output = execFileSync(process.execPath, ['native/build-from-source.mjs'], {
      cwd: copy,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toContain(`built ${join(copy, 'native/build/Release/hypercall.node')}`);

    const addon = loadAddonFrom(copy);
    if (addon instanceof Error) throw addon;
    const handle = new addon.PrivcmdHandle('/dev/null');
    const address = handle.alloc(16);
    handle.write(address, Uint8Array.of(7, 8, 9));
    expect([...handle.read(address, 3)]).toEqual([7, 8, 9]);
    handle.close();
  });
});
