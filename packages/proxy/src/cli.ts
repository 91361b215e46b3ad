#!/usr/bin/env node
// libvirt-ts-proxy [-v]... [-no-timeout] [--idle-timeout S] [--max-clients N] [--abstract @NAME|none] [--socket PATH]
import { setErrorFunc } from '@libvirt-ts/virt';
import { runProxy } from './run-proxy.js';

// clients asking for domains that do not exist are routine: virt's default handler would print each
setErrorFunc(() => {});
process.exitCode = await runProxy(process.argv.slice(2));
