// The drivers test:/// never runs are bundles of their own beside dist/cli.cjs, so a start-up on
// the test driver neither reads nor compiles them: Xen's four drivers and the proxy's in
// dist/drivers.cjs, libvirtd's remote driver in dist/remote-driver.cjs (it requires
// dist/remote.cjs, the RPC protocol). Their factories stay in cli.cjs and load them through
// import(), which in cli.cjs becomes a require of the split bundle.
//
// What a split bundle shares with cli.cjs (virt's errors, constants, engine; xml-format...) must
// stay one instance: classes are matched with instanceof, error handlers are module state. So a
// split bundle does not bundle it again: it reads cli.cjs's own modules, from a registry cli.cjs
// hands over just before its first require of a split bundle.
import { relative, resolve } from 'node:path';

export const SPLIT_BUNDLES = {
  'drivers.cjs': {
    'xenlight-driver': '../virt/src/drivers/xenlight/xenlight-driver.ts',
    'xend-driver': '../virt/src/drivers/xend/xend-driver.ts',
    'xenstore-driver': '../virt/src/drivers/xenstore/xenstore-driver.ts',
    'hypervisor-driver': '../virt/src/drivers/hypervisor/hypervisor-driver.ts',
    'proxy-driver': '../virt/src/drivers/proxy/proxy-driver.ts',
    xenstore: '../xenstore/src/index.ts',
  },
  'remote-driver.cjs': {
    'remote-open': '../virt/src/drivers/remote/remote-open.ts',
  },
};

const SHARED_KEY = '@libvirt-ts/virsh shared modules';

/** A module's key in the registry: its path relative to this package, the same in every bundle. */
const keyOf = (file) => relative(process.cwd(), file);

/** Split point by the file a dynamic import() resolves to: which bundle and which export. */
const splitPoints = new Map(
  Object.entries(SPLIT_BUNDLES).flatMap(([bundle, points]) => Object.entries(points).map(([name, file]) => [resolve(file), { bundle, name }])),
);

/**
 * cli.cjs's side: an import() of a split point becomes a module that hands over the shared
 * modules and requires the split bundle. Without a registry yet (the first pass, which only
 * finds what cli.cjs holds), an empty module.
 */
export function splitPointsPlugin(registryPath) {
  return {
    name: 'split-points',
    setup(build) {
      build.onResolve({ filter: /./ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.splitResolve) return undefined;
        const { path } = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { splitResolve: true } });
        const point = splitPoints.get(path);
        return point ? { path: `${point.bundle}#${point.name}`, namespace: 'split-point' } : undefined;
      });
      build.onLoad({ filter: /./, namespace: 'split-point' }, (args) => {
        const [bundle, name] = args.path.split('#');
        const contents = registryPath
          ? `require(${JSON.stringify(registryPath)}).handOverSharedModules();\nmodule.exports = require("./${bundle}")[${JSON.stringify(name)}];`
          : 'module.exports = {};';
        return { contents, resolveDir: process.cwd(), loader: 'js' };
      });
    },
  };
}

/** A split bundle's side: each module cli.cjs holds (`cliInputs`) is read from the registry; `shared` collects them. */
export function sharedWithCliPlugin(cliInputs, shared) {
  return {
    name: 'shared-with-cli',
    setup(build) {
      build.onResolve({ filter: /./ }, async (args) => {
        if (args.pluginData?.sharedResolve || args.kind === 'entry-point') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { sharedResolve: true } });
        if (resolved.errors.length > 0 || resolved.external || !cliInputs.has(resolved.path)) return undefined;
        shared.add(resolved.path);
        return { path: resolved.path, namespace: 'shared-with-cli' };
      });
      build.onLoad({ filter: /./, namespace: 'shared-with-cli' }, (args) => ({
        contents: `module.exports = globalThis[Symbol.for(${JSON.stringify(SHARED_KEY)})][${JSON.stringify(keyOf(args.path))}];`,
        loader: 'js',
      }));
    },
  };
}

/** The entry of a split bundle: its split points' namespaces by name. */
export function splitBundleEntry(points) {
  return Object.entries(points)
    .map(([name, file]) => `export * as ${JSON.stringify(name)} from ${JSON.stringify(file)};`)
    .join('\n');
}

/** The registry module bundled into cli.cjs: the shared modules' namespaces, handed over once. */
export function registrySource(shared) {
  const files = [...shared].sort();
  return [
    ...files.map((file, i) => `import * as m${i} from ${JSON.stringify(file)};`),
    'export function handOverSharedModules() {',
    `  globalThis[Symbol.for(${JSON.stringify(SHARED_KEY)})] ??= {${files.map((file, i) => `${JSON.stringify(keyOf(file))}: m${i}`).join(', ')}};`,
    '}',
  ].join('\n');
}

/** Fails the build when a module other than a shared one is bundled twice. */
export function checkBundledOnce(bundles) {
  const owner = new Map();
  for (const [name, inputs] of bundles) {
    for (const input of inputs) {
      if (input.startsWith('shared-with-cli:') || input.startsWith('split-point:') || input.startsWith('<stdin>')) continue;
      const file = resolve(input);
      if (owner.has(file)) throw new Error(`${input} is bundled in both dist/${owner.get(file)} and dist/${name}`);
      owner.set(file, name);
    }
  }
}
