// Bundles the CLI into dist/virsh.js plus lazily loaded chunks (the virt library, the
// interactive shell), so that `virsh -v` or a parse error never load what they do not
// use. Workspace packages are taken from their sources (the `source` export condition);
// the native addon stays external.
import { chmod, rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist/chunks', { recursive: true, force: true });
await build({
  entryPoints: { virsh: 'src/main.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  external: ['@libvirt-ts/hypercall'],
  banner: { js: '#!/usr/bin/env node' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  // Smaller code parses faster; names are kept so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
await chmod('dist/virsh.js', 0o755);
