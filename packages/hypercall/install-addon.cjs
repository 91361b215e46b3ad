#!/usr/bin/env node
// Install script: use the prebuilt addon if it loads; otherwise build it from source with
// node-gyp against the running Node's own headers (nothing is downloaded when they are
// there); if that fails too, warn and succeed: the package then works without Xen access
// (openHypervisor rejects with NO_XEN) and nothing that depends on it breaks.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = __dirname;

function addonLoads() {
  const probe = spawnSync(process.execPath, ['-e', `require('node-gyp-build')(${JSON.stringify(root)})`], {
    cwd: root,
    stdio: 'ignore',
  });
  return probe.status === 0;
}

function nodeGypCommand() {
  if (process.env.npm_config_node_gyp) return [process.execPath, process.env.npm_config_node_gyp];
  try {
    return [process.execPath, require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] })];
  } catch {
    return ['node-gyp'];
  }
}

// Official tarballs and distribution packages ship headers at <prefix>/include/node.
function localNodeDir() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return existsSync(path.join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

if (!addonLoads()) {
  const [command, ...args] = nodeGypCommand();
  const nodedir = localNodeDir();
  args.push('rebuild', ...(nodedir ? [`--nodedir=${nodedir}`] : []));
  const build = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (build.status !== 0 || !addonLoads()) {
    console.warn(
      '@libvirt-ts/hypercall: no prebuilt addon for this platform and building it failed; ' +
        'openHypervisor() will reject with NO_XEN. Everything else works.',
    );
  }
}
