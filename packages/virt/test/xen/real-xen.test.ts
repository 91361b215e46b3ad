/**
 * The Xen drivers on a real Xen 4.17 host, in a boot of its own of the project's Xen-in-QEMU
 * harness (e2e/xen): the job of real-xen/job.ts. The real-Xen suite of .ci/run runs the same job
 * in a boot shared with the other real-Xen jobs (e2e/xen/test/real-xen.test.ts). Opt-in with
 * REAL_XEN=1; skips with the reason otherwise, or when dom0 cannot boot.
 */
import { describeDom0Boot } from '@libvirt-ts/test-utils';
import { virtJob } from './real-xen/job.js';

describeDom0Boot('real Xen 4.17, plain image', { variant: 'plain' }, [virtJob]);
