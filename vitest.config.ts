import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One vitest project per package, and one for the real-Xen suite (e2e/xen; it skips unless
// REAL_XEN=1). Workspace imports resolve to `src/` through the `@libvirt-ts/source` export condition, so
// tests run against the sources without a build.
const packages = readdirSync(new URL('./packages', import.meta.url));
const project = (name: string, root: string) => ({
  resolve: { conditions: ['@libvirt-ts/source'] },
  ssr: { resolve: { conditions: ['@libvirt-ts/source'] } },
  test: {
    name,
    root,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    benchmark: { include: ['src/**/*.bench.ts', 'bench/**/*.bench.ts'] },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [...packages.map((name) => project(name, `packages/${name}`)), project('e2e-xen', 'e2e/xen')],
  },
});
