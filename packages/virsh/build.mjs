// Builds the published JavaScript of @libvirt-ts/virsh with esbuild; tsc (`tsc -b`, run
// before this) only writes the declarations, to dist/types. Two entry points share chunks:
// dist/virsh.js, the bin, and dist/index.js, the library (`import('@libvirt-ts/virsh')`).
// Everything virsh loads is bundled (virt and the packages below it, from their sources
// through the `@libvirt-ts/source` condition), so the package has no runtime dependency but
// the optional native @libvirt-ts/hypercall, which stays external and is declared as an
// optionalDependency. The virt library and the interactive shell are lazily loaded chunks,
// so `virsh -v` or a parse error never load what they do not use.
import { chmod, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';

// Clear what an earlier build wrote beside the declarations (tsc's old JavaScript too).
for (const entry of await readdir('dist').catch(() => [])) {
  if (entry !== 'types') await rm(`dist/${entry}`, { recursive: true, force: true });
}
await build({
  entryPoints: { virsh: 'src/main.ts', index: 'src/index.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@libvirt-ts/source'],
  external: ['@libvirt-ts/hypercall'],
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  // Smaller code parses faster; names are kept so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
// Only the bin gets the shebang and the execute bit.
const bin = 'dist/virsh.js';
await writeFile(bin, `#!/usr/bin/env node\n${await readFile(bin, 'utf8')}`);
await chmod(bin, 0o755);
