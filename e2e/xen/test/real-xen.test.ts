/**
 * The real-Xen suite (.ci/run's real-Xen step): every real-Xen job of the project in two boots of
 * the libvirt image (it has everything the plain one has, plus libvirt 9), one QEMU at a time.
 * - C xenstored: our xenstore client, the hypercall addon, virt's Xen drivers, libvirt-ts-proxy,
 *   our virsh against libvirt 9's on every scenario, and the domain events against libvirt 9's;
 * - oxenstored: our xenstore client against the OCaml xenstored.
 * Each job starts from dom0 as it booted (run-jobs.sh puts it back after each one) and has its
 * own tests. Opt-in with REAL_XEN=1; a boot that fails for the harness's own reasons is retried
 * once, then its jobs' tests skip, saying why.
 */
import { describeDom0Boot } from '@libvirt-ts/test-utils';
import { hypercallJob } from '../../../packages/hypercall/test/real-xen/job.js';
import { proxyJob } from '../../../packages/proxy/test/real-xen/job.js';
import { virtJob } from '../../../packages/virt/test/xen/real-xen/job.js';
import { xenstoreJob } from '../../../packages/xenstore/test/real-xen/job.js';
import { eventsVsLibvirtJob } from './jobs/events-vs-libvirt.js';
import { virshVsLibvirtJob } from './jobs/virsh-vs-libvirt.js';

describeDom0Boot('real Xen 4.17, libvirt image, C xenstored', { variant: 'libvirt', xenstored: 'xenstored' }, [
  xenstoreJob('xenstored'),
  hypercallJob,
  virtJob,
  proxyJob,
  virshVsLibvirtJob,
  eventsVsLibvirtJob,
]);
describeDom0Boot('real Xen 4.17, libvirt image, oxenstored', { variant: 'libvirt', xenstored: 'oxenstored' }, [xenstoreJob('oxenstored')]);
