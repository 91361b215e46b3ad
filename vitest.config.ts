import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One vitest project per package. Workspace imports resolve to `src/` through the
// `@libvirt-ts/source` export condition, so tests run against the sources without a build.
const packages = readdirSync(new URL('./packages', import.meta.url));

export default defineConfig({
  test: {
    projects: packages.map((name) => ({
      resolve: { conditions: ['@libvirt-ts/source'] },
      ssr: { resolve: { conditions: ['@libvirt-ts/source'] } },
      test: {
        name,
        root: `packages/${name}`,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        benchmark: { include: ['src/**/*.bench.ts', 'bench/**/*.bench.ts'] },
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
