#!/usr/bin/env node
// Builds the addon from source into native/build/Release, where the package looks first (before
// the shipped native/prebuilds). Never run on install: `pnpm --filter @libvirt-ts/hypercall
// build:native` in the repository, or `node native/build-from-source.mjs` in an installed copy.
// Needs a C++ compiler, make, python3 and node-gyp; it builds against the running Node's own
// headers when they are installed beside it (Debian's nodejs, official tarballs), so nothing is
// downloaded then.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const nativeDir = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** node-gyp from the package's dependencies, else the one npm names for its scripts, else PATH's. */
function nodeGypCommand() {
  try {
    return [process.execPath, require.resolve('node-gyp/bin/node-gyp.js')];
  } catch {
    if (process.env.npm_config_node_gyp) return [process.execPath, process.env.npm_config_node_gyp];
    return ['node-gyp'];
  }
}

/** <prefix>/include/node of the running Node, where its headers are installed. */
function localNodeDir() {
  const prefix = resolve(dirname(process.execPath), '..');
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

const [command, ...args] = nodeGypCommand();
const nodeDir = localNodeDir();
args.push('rebuild', ...(nodeDir ? [`--nodedir=${nodeDir}`] : []));
const build = spawnSync(command, args, { cwd: nativeDir, stdio: 'inherit' });
if (build.error || build.status !== 0) {
  console.error(`@libvirt-ts/hypercall: building the addon failed (${build.error?.message ?? `${command} exited with ${build.status}`})`);
  process.exit(1);
}
// The build is only done if node-gyp-build now picks it (over the prebuild) and it loads.
const addonPath = require('node-gyp-build').resolve(nativeDir);
if (!addonPath.startsWith(join(nativeDir, 'build'))) {
  console.error(`@libvirt-ts/hypercall: node-gyp-build picks ${addonPath}, not the build`);
  process.exit(1);
}
require(addonPath);
console.log(`@libvirt-ts/hypercall: built ${addonPath}`);
