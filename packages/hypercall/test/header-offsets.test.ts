/**
 * The Xen 4.x layouts against Xen's own headers (Debian's libxen-dev, Xen 4.17): a C
 * program generated from the TypeScript layouts prints sizeof/offsetof of every struct
 * and field they use, and the values of the constants; both sides must agree. The
 * interface versions must be those of a release the package knows.
 * XEN_HEADER_DIRS=dir1:dir2 checks other header sets (each dir holding xen/domctl.h), e.g.
 * the public headers of each RELEASE-4.x.0 tag of Xen's repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOMID_FIRST_RESERVED,
  DomainFlag,
  Hypercall,
  ShutdownReasonNames,
  type StructLayout,
  XenVersionOp,
  xen4,
} from '../src/index.js';
import { XEN_CAPABILITIES_INFO_LEN, XEN_EXTRAVERSION_LEN } from '../src/abi/xen-version.js';

const headerDirs = (process.env.XEN_HEADER_DIRS ?? '/usr/include').split(':').filter(Boolean);
const compiler = ['cc', 'gcc', 'clang'].find((cc) => {
  try {
    execFileSync(cc, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const absentHeaders = headerDirs.filter((dir) => !existsSync(join(dir, 'xen/domctl.h')));
const missing =
  absentHeaders.length > 0
    ? `${absentHeaders.map((dir) => join(dir, 'xen/domctl.h')).join(', ')} not found (install Debian's libxen-dev)`
    : compiler === undefined
    ? 'no C compiler (install build-essential)'
    : undefined;
if (missing) console.warn(`skipping the header-offset test: ${missing}`);

// biome-ignore lint/suspicious/noExplicitAny: layouts of different field sets
const layouts: StructLayout<any>[] = [
  xen4.xenSysctl,
  xen4.xenSysctlGetDomainInfoList,
  xen4.xenSysctlPhysinfo,
  xen4.xenSysctlNumainfo,
  xen4.xenSysctlMeminfo,
  xen4.xenDomctl,
  xen4.xenDomctlMaxMem,
  xen4.xenDomctlMaxVcpus,
  xen4.xenDomctlGetDomainInfo,
];

/** name -> value, what the TypeScript side says; the C program prints the same names. */
function expectedFromTypeScript(release: xen4.Xen4InterfaceVersions): Map<string, { c: string; value: number }> {
  const out = new Map<string, { c: string; value: number }>();
  for (const layout of layouts) {
    const struct = `struct ${layout.name}`;
    out.set(`sizeof ${layout.name}`, { c: `sizeof(${struct})`, value: layout.size });
    for (const [field, spec] of Object.entries(layout.fields) as [string, { offset: number; length: number }][]) {
      out.set(`offsetof ${layout.name}.${field}`, { c: `offsetof(${struct}, ${field})`, value: spec.offset });
      out.set(`sizeof ${layout.name}.${field}`, { c: `sizeof(((${struct} *)0)->${field})`, value: spec.length });
    }
  }
  const constants: [string, number][] = [
    ['offsetof(struct xen_sysctl, u)', xen4.SYSCTL_UNION_OFFSET],
    ['offsetof(struct xen_domctl, u)', xen4.DOMCTL_UNION_OFFSET],
    ['XEN_SYSCTL_INTERFACE_VERSION', release.sysctl],
    ['XEN_DOMCTL_INTERFACE_VERSION', release.domctl],
    ['__HYPERVISOR_xen_version', Hypercall.xen_version],
    ['__HYPERVISOR_sysctl', Hypercall.sysctl],
    ['__HYPERVISOR_domctl', Hypercall.domctl],
    ['XENVER_version', XenVersionOp.version],
    ['XENVER_extraversion', XenVersionOp.extraversion],
    ['XENVER_capabilities', XenVersionOp.capabilities],
    ['XENVER_pagesize', XenVersionOp.pagesize],
    ['XEN_EXTRAVERSION_LEN', XEN_EXTRAVERSION_LEN],
    ['XEN_CAPABILITIES_INFO_LEN', XEN_CAPABILITIES_INFO_LEN],
    ['DOMID_FIRST_RESERVED', DOMID_FIRST_RESERVED],
    ['sizeof(xen_domain_handle_t)', xen4.xenDomctlGetDomainInfo.fields.handle.length],
    ['XEN_DOMINF_dying', DomainFlag.dying],
    ['XEN_DOMINF_hvm_guest', DomainFlag.hvm],
    ['XEN_DOMINF_shutdown', DomainFlag.shutdown],
    ['XEN_DOMINF_paused', DomainFlag.paused],
    ['XEN_DOMINF_blocked', DomainFlag.blocked],
    ['XEN_DOMINF_running', DomainFlag.running],
    ['XEN_DOMINF_debugged', DomainFlag.debugged],
    ['XEN_DOMINF_xs_domain', DomainFlag.xenstoreDomain],
    ['XEN_DOMINF_hap', DomainFlag.hap],
    ['XEN_DOMINF_shutdownshift', 16],
    ['XEN_DOMINF_shutdownmask', 255],
    ...ShutdownReasonNames.map((name, code): [string, number] => [`SHUTDOWN_${name}`, code]),
    ...Object.entries(xen4.DomctlCmd),
    ...Object.entries(xen4.SysctlCmd),
  ];
  for (const [c, value] of constants) out.set(c, { c, value });
  return out;
}

function cProgram(expected: Map<string, { c: string }>): string {
  const lines = [...expected].map(
    ([name, { c }]) => `  printf("%s=%llu\\n", ${JSON.stringify(name)}, (unsigned long long)(${c}));`,
  );
  return [
    '#define __XEN_TOOLS__ 1 /* as Xen\'s own tools: domctl.h and sysctl.h require it */',
    '#include <stddef.h>',
    '#include <stdint.h>',
    '#include <stdio.h>',
    '#include <xen/xen.h>',
    '#include <xen/version.h>',
    '#include <xen/sched.h>',
    '#include <xen/domctl.h>',
    '#include <xen/sysctl.h>',
    'int main(void) {',
    ...lines,
    '  return 0;',
    '}',
    '',
  ].join('\n');
}

/** Compiles and runs the program for `expected` against the headers in `includeDir`. */
function printFromHeaders(dir: string, includeDir: string, expected: Map<string, { c: string }>): Record<string, number> {
  writeFileSync(join(dir, 'offsets.c'), cProgram(expected));
  execFileSync(compiler!, ['-Wall', '-I', includeDir, '-o', join(dir, 'offsets'), join(dir, 'offsets.c')], {
    stdio: 'pipe',
  });
  const printed = execFileSync(join(dir, 'offsets'), { encoding: 'utf8' });
  return Object.fromEntries(
    printed
      .trim()
      .split('\n')
      .map((line) => {
        const at = line.lastIndexOf('=');
        return [line.slice(0, at), Number(line.slice(at + 1))];
      }),
  );
}

describe.skipIf(missing !== undefined)('Xen 4.x layouts against Xen\'s headers', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hypercall-offsets-'));
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  for (const includeDir of headerDirs) {
    it(`every sizeof, offsetof and constant the ABI layer uses matches ${includeDir}/xen`, () => {
      const versions = printFromHeaders(
        dir,
        includeDir,
        new Map(['XEN_SYSCTL_INTERFACE_VERSION', 'XEN_DOMCTL_INTERFACE_VERSION'].map((c) => [c, { c }])),
      );
      const release = xen4.XEN4_RELEASES.find(
        (r) => r.sysctl === versions.XEN_SYSCTL_INTERFACE_VERSION && r.domctl === versions.XEN_DOMCTL_INTERFACE_VERSION,
      );
      expect(release, `headers of an unknown release: ${JSON.stringify(versions)}`).toBeDefined();
      const expected = expectedFromTypeScript(release!);
      const fromHeaders = printFromHeaders(dir, includeDir, expected);
      const fromTypeScript = Object.fromEntries([...expected].map(([name, { value }]) => [name, value]));
      expect(fromTypeScript).toEqual(fromHeaders);
      expect(Object.keys(fromHeaders).length).toBeGreaterThan(60);
    });
  }
});
