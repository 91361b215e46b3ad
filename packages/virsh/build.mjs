// Builds the published JavaScript of @libvirt-ts/virsh with esbuild; tsc (`tsc -b`, run
// before this) only writes the declarations, to dist/types. Everything virsh loads is bundled
// (virt and the packages below it, from their sources through the `@libvirt-ts/source`
// condition), so the package has no runtime dependency but the optional native
// @libvirt-ts/hypercall, which stays external and is declared as an optionalDependency.
//  - dist/index.js (+ dist/chunks/): the library, `import('@libvirt-ts/virsh')`, ES modules;
//    the virt library and the interactive shell are chunks loaded on first use.
//  - dist/cli.cjs: the command line in one CommonJS file, and dist/virsh.cjs, the bin that
//    runs it from V8's code cache (src/bin.ts). CommonJS because Node's ES module loader
//    costs more than the rest of a short command's start-up.
//  - dist/remote.cjs, dist/drivers.cjs, dist/remote-driver.cjs: what cli.cjs requires only when a
//    URI needs it (libvirtd's RPC protocol; the Xen and proxy drivers; the remote driver).
import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { build } from 'esbuild';
import { checkBundledOnce, registrySource, SPLIT_BUNDLES, sharedWithCliPlugin, splitBundleEntry, splitPointsPlugin } from './split-bundles.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  conditions: ['@libvirt-ts/source'],
  external: ['@libvirt-ts/hypercall'],
  // Smaller code parses faster; names are kept so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

// Clear what an earlier build wrote beside the declarations (tsc's old JavaScript too).
for (const entry of await readdir('dist').catch(() => [])) {
  if (entry !== 'types') await rm(`dist/${entry}`, { recursive: true, force: true });
}
await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  splitting: true,
  format: 'esm',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
});
// libvirtd's RPC client (its generated protocol is a third of the command line's code) is a
// bundle of its own, dist/remote.cjs, required by the remote driver when a URI needs it: every
// other start-up neither reads nor loads it. Nothing else in cli.cjs uses it, so no module is in
// both bundles.
await build({ ...common, entryPoints: ['../remote/src/index.ts'], format: 'cjs', outfile: 'dist/remote.cjs' });

const cliOptions = {
  ...common,
  external: [...common.external, '@libvirt-ts/remote', ...Object.keys(SPLIT_BUNDLES).map((bundle) => `./${bundle}`)],
  entryPoints: ['src/main.ts'],
  format: 'cjs',
  write: false,
  metafile: true,
  outfile: 'dist/cli.cjs',
};
// 1. What cli.cjs holds without the split bundles (see split-bundles.mjs).
const firstPass = await build({ ...cliOptions, plugins: [splitPointsPlugin(undefined)] });
const cliInputs = new Set(Object.keys(firstPass.metafile.inputs).map((input) => resolvePath(input)));
// 2. The split bundles, reading what cli.cjs holds from its registry.
const shared = new Set();
const splitBundles = new Map();
for (const [bundle, points] of Object.entries(SPLIT_BUNDLES)) {
  const result = await build({
    ...common,
    external: [...common.external, '@libvirt-ts/remote'],
    stdin: { contents: splitBundleEntry(points), resolveDir: process.cwd(), loader: 'ts' },
    format: 'cjs',
    write: false,
    metafile: true,
    outfile: `dist/${bundle}`,
    plugins: [sharedWithCliPlugin(cliInputs, shared)],
  });
  splitBundles.set(bundle, result);
}
// 3. cli.cjs with the registry of the modules the split bundles read.
const registryPath = resolvePath('dist/.shared-modules.mjs');
await mkdir('dist', { recursive: true });
await writeFile(registryPath, registrySource(shared));
const cli = await build({ ...cliOptions, plugins: [splitPointsPlugin(registryPath)] });
await rm(registryPath);
checkBundledOnce([
  ['cli.cjs', Object.keys(cli.metafile.inputs).filter((input) => !input.endsWith('.shared-modules.mjs'))],
  ...[...splitBundles].map(([bundle, result]) => [bundle, Object.keys(result.metafile.inputs)]),
]);
for (const input of Object.keys(cli.metafile.inputs)) {
  if (!input.startsWith('split-point:') && !input.endsWith('.shared-modules.mjs') && !cliInputs.has(resolvePath(input))) {
    throw new Error(`dist/cli.cjs: ${input} came in with the registry`);
  }
}
// The bin runs cli.cjs through vm.Script, where Node 20 cannot import(): each import() left in
// the bundle (of packages kept external) becomes a call of the bin's importModule. The bin's
// require resolves from dist/, beside remote.cjs and the split bundles.
const dynamicImport = /\bimport\((?="[^"]+"\))/g;
const remoteRequire = /\brequire\("@libvirt-ts\/remote"\)/g;
const cliSource = cli.outputFiles[0].text.replace(dynamicImport, 'importModule(').replace(remoteRequire, 'require("./remote.cjs")');
if (/@libvirt-ts\/remote"/.test(cliSource)) throw new Error('dist/cli.cjs: a reference to @libvirt-ts/remote the bin cannot resolve is left');
if (/\bimport\(/.test(cliSource)) throw new Error('dist/cli.cjs: an import() the bin cannot run is left');
// The split bundles are ordinary CommonJS modules (Node's require): import() works there as it is.
for (const [bundle, result] of splitBundles) await writeFile(`dist/${bundle}`, result.outputFiles[0].text.replace(remoteRequire, 'require("./remote.cjs")'));
await writeFile('dist/cli.cjs', cliSource);
const cliHash = createHash('sha256').update(cliSource).digest('hex').slice(0, 16);
const bin = 'dist/virsh.cjs';
await build({
  ...common,
  entryPoints: ['src/bin.ts'],
  format: 'cjs',
  outfile: bin,
  define: { CLI_BUNDLE_HASH: JSON.stringify(cliHash) },
  banner: { js: '#!/usr/bin/env node' },
});
await chmod(bin, 0o755);
