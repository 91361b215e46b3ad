// Bundles the CLI into one executable ESM file. Workspace packages are taken from
// their sources (the `source` export condition); the native addon stays external.
import { chmod } from 'node:fs/promises';
import { build } from 'esbuild';

const outfile = 'dist/virsh.js';
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  external: ['@libvirt-ts/hypercall'],
  banner: { js: '#!/usr/bin/env node' },
  outfile,
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
