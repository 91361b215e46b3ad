#!/usr/bin/env node
// The built daemon over the test host in DIR: `fake-xen-proxy.mjs DIR [daemon arguments]`. The
// same runProxy the bin runs; only the Xen drivers' peers are the test parts (not reachable from
// the bin's command line).
import { runProxy } from '@libvirt-ts/proxy';
import { setErrorFunc } from '@libvirt-ts/virt';
import { fakeXenOptions } from './fake-xen-options.mjs';

setErrorFunc(() => {});
const [dir, ...args] = process.argv.slice(2);
process.exitCode = await runProxy(args, { xenOptions: await fakeXenOptions(dir) });
