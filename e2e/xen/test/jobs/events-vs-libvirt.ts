/**
 * Domain lifecycle events on a real Xen 4.17, ours against libvirt 9's, a job of the libvirt
 * image's boot (../../scenarios/events-in-dom0.sh): `virsh event --all --loop --timestamp` runs
 * while another virsh creates, pauses, resumes and destroys the guest; first libvirt 9's virsh
 * through libvirtd on xen:///system, then (libvirtd stopped) ours on xen:///, which has no daemon
 * and hears the other virsh through xenstored's watches and the hypercall domain list. The event
 * lines must be the same once timestamps are masked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type Dom0JobSpec, skipUnlessBooted } from '@libvirt-ts/test-utils';
import { afterAll, expect, it } from 'vitest';
import { stageVirsh, virshNotBuilt } from './virsh-build.js';

/** virsh's `--timestamp` prefix (local time with milliseconds and the zone) masked. */
const maskTimestamps = (text: string) => text.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}[+-]\d{4}: /gm, '<time>: ');

export const eventsVsLibvirtJob: Dom0JobSpec = {
  name: 'events-vs-libvirt',
  title: 'virsh event on xen:/// vs libvirt 9 on xen:///system, Xen 4.17',
  variant: 'libvirt',
  unavailable: virshNotBuilt,
  stage: (share) => stageVirsh(share, ['events-in-dom0.sh', 'libvirtd.sh']),
  command: 'sh events-in-dom0.sh',
  /**
   * The job took 215 s at a load average of 10-15 (libvirtd's start, libvirt 9's side 62 s, ours
   * 144 s: each of our virsh commands starts Node under TCG) and about 350 s at 22; room beyond that
   * before it counts as hung.
   */
  timeoutSeconds: 540,
  tests(outcome, share) {
    const read = (name: string) => (existsSync(share().path(`out/${name}`)) ? readFileSync(share().path(`out/${name}`), 'utf8') : undefined);

    afterAll(() => {
      if (!outcome().booted) return;
      const [libvirt, ours] = [read('events-libvirt.txt'), read('events-ours.txt')];
      if (libvirt !== undefined) console.log(`libvirt 9's events on real Xen:\n${libvirt}`);
      if (ours !== undefined) console.log(`our events on real Xen:\n${ours}`);
    });

    it('prints the events libvirt 9 prints while a guest is created, paused, resumed and destroyed', (context) => {
      const run = outcome();
      skipUnlessBooted(context, run);
      const [libvirt, ours] = [read('events-libvirt.txt'), read('events-ours.txt')];
      expect(libvirt, `no record of libvirt 9's side (status ${run.code}):\n${run.output.slice(-4000)}`).toBeDefined();
      expect(ours, `no record of our side (status ${run.code}):\n${run.output.slice(-4000)}`).toBeDefined();
      expect(run.code).toBe(0);
      // libvirt 9's side must have seen the four steps, or the comparison says nothing
      expect(maskTimestamps(libvirt!)).toContain("<time>: event 'lifecycle' for domain 'tinyguest': Stopped Destroyed");
      expect(maskTimestamps(ours!)).toBe(maskTimestamps(libvirt!));
      expect(read('events-ours.err')).toBe(read('events-libvirt.err'));
    });
  },
};
