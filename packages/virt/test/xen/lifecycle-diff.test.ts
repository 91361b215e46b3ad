import { decodeDomainInfo } from '@libvirt-ts/hypercall';
import { describe, expect, it } from 'vitest';
import { DomainEventStartedDetail, DomainEventStoppedDetail, DomainEventType } from '../../src/constants.js';
import { LifecycleDiff, type SeenDomain } from '../../src/drivers/xen/lifecycle-diff.js';

const PAUSED = 1 << 3;
const RUNNING = 1 << 5;
const DYING = 1 << 0;
const shutdown = (code: number) => (1 << 2) | (code << 16);

/** A domain as getdomaininfo decodes it, with these flags (and no xenstore name for `null`). */
function seen(id: number, flags: number, named: string | null = `guest${id}`, uuidByte = id): SeenDomain {
  const name = named ?? undefined;
  const handle = new Uint8Array(16).fill(uuidByte);
  const info = decodeDomainInfo(
    { domain: id, flags, totPages: 256n, maxPages: 512n, sharedInfoFrame: 0n, cpuTime: 0n, nrOnlineVcpus: 1, maxVcpuId: 0, ssidref: 0, handle },
    4096,
  );
  return { name, uuid: handle, info };
}
const brief = (events: ReturnType<LifecycleDiff['next']>) => events.map((e) => [e.ref.name, e.event, e.detail]);

describe('LifecycleDiff: Xen domain list changes as libvirt 9 libxl events', () => {
  it('tells nothing of what existed at the first look', () => {
    const diff = new LifecycleDiff([seen(0, RUNNING, 'Domain-0'), seen(3, PAUSED)]);
    expect(diff.next([seen(0, RUNNING, 'Domain-0'), seen(3, PAUSED)])).toEqual([]);
    expect(brief(diff.next([seen(0, RUNNING, 'Domain-0'), seen(3, RUNNING)]))).toEqual([['guest3', DomainEventType.RESUMED, 0]]);
  });

  it('waits for a name, and does not call the unpause that ends an xl build a resume', () => {
    const diff = new LifecycleDiff([]);
    expect(diff.next([seen(4, PAUSED, null)])).toEqual([]);
    expect(brief(diff.next([seen(4, PAUSED)]))).toEqual([['guest4', DomainEventType.STARTED, DomainEventStartedDetail.BOOTED]]);
    expect(diff.next([seen(4, RUNNING)])).toEqual([]);
    expect(brief(diff.next([seen(4, PAUSED)]))).toEqual([['guest4', DomainEventType.SUSPENDED, 0]]);
  });

  it('a guest reboot: STOPPED SHUTDOWN, nothing more as the old domain goes, STARTED BOOTED for the new one', () => {
    const diff = new LifecycleDiff([seen(5, RUNNING)]);
    expect(brief(diff.next([seen(5, shutdown(1))]))).toEqual([['guest5', DomainEventType.STOPPED, DomainEventStoppedDetail.SHUTDOWN]]);
    expect(diff.next([seen(5, DYING | shutdown(1), null)])).toEqual([]);
    expect(brief(diff.next([seen(6, RUNNING, 'guest5', 5)]))).toEqual([['guest5', DomainEventType.STARTED, DomainEventStartedDetail.BOOTED]]);
  });

  it('crash, suspend (save), dying and vanishing; codes libvirt 9 leaves unhandled give nothing', () => {
    const diff = new LifecycleDiff([seen(1, RUNNING), seen(2, RUNNING), seen(3, RUNNING), seen(4, RUNNING), seen(7, RUNNING)]);
    expect(brief(diff.next([seen(1, shutdown(3)), seen(2, shutdown(2)), seen(3, DYING), seen(7, shutdown(4))]))).toEqual([
      ['guest4', DomainEventType.STOPPED, DomainEventStoppedDetail.DESTROYED],
      ['guest1', DomainEventType.STOPPED, DomainEventStoppedDetail.CRASHED],
      ['guest2', DomainEventType.STOPPED, DomainEventStoppedDetail.SAVED],
      ['guest3', DomainEventType.STOPPED, DomainEventStoppedDetail.DESTROYED],
    ]);
    expect(diff.next([seen(7, shutdown(4))])).toEqual([]);
  });

  it('a hint from our own operation gives the detail Xen cannot tell', () => {
    const diff = new LifecycleDiff([seen(2, RUNNING)]);
    diff.hint('02020202-0202-0202-0202-020202020202', { stopped: DomainEventStoppedDetail.SAVED });
    diff.hint('09090909-0909-0909-0909-090909090909', { started: DomainEventStartedDetail.RESTORED });
    expect(brief(diff.next([seen(9, RUNNING)]))).toEqual([
      ['guest2', DomainEventType.STOPPED, DomainEventStoppedDetail.SAVED],
      ['guest9', DomainEventType.STARTED, DomainEventStartedDetail.RESTORED],
    ]);
  });
});
