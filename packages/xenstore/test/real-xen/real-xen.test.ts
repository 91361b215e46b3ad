// Opt-in (about a minute per xenstored under QEMU): REAL_XEN=1, with this package built. Boots the
// project's Xen 4.17 harness (e2e/xen) once per xenstored and runs the job of job.ts there: our
// client against the real xenstored, over the socket and the device. The real-Xen suite of
// .ci/run runs the same jobs in the boots it shares with the other real-Xen jobs
// (e2e/xen/test/real-xen.test.ts).
import { describeDom0Boot } from '@libvirt-ts/test-utils';
import { xenstoreJob } from './job.js';

describeDom0Boot('real Xen 4.17, plain image, C xenstored', { variant: 'plain', xenstored: 'xenstored' }, [xenstoreJob('xenstored')]);
describeDom0Boot('real Xen 4.17, plain image, oxenstored', { variant: 'plain', xenstored: 'oxenstored' }, [xenstoreJob('oxenstored')]);
