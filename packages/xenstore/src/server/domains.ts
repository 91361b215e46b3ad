import { XenstoreError } from '../errors.js';

export interface IntroducedDomain {
  gfn: number;
  eventChannel: number;
  /** Set by SET_TARGET. */
  target: number | undefined;
}

/** The domains introduced to xenstored; dom0 is always there. */
export class DomainTable {
  private readonly domains = new Map<number, IntroducedDomain>([[0, { gfn: 0, eventChannel: 0, target: undefined }]]);

  isIntroduced(domid: number): boolean {
    return this.domains.has(domid);
  }

  targetOf(domid: number): number | undefined {
    return this.domains.get(domid)?.target;
  }

  /** Returns false when the domain was already introduced with the same ring (nothing to fire). */
  introduce(domid: number, gfn: number, eventChannel: number): boolean {
    const known = this.domains.get(domid);
    if (known) {
      if (known.gfn !== gfn || known.eventChannel !== eventChannel) {
        throw new XenstoreError({ code: 'EEXIST', message: `domain ${domid} is already introduced with another ring` });
      }
      return false;
    }
    this.domains.set(domid, { gfn, eventChannel, target: undefined });
    return true;
  }

  release(domid: number): void {
    if (domid === 0) throw new XenstoreError({ code: 'EINVAL', message: 'dom0 cannot be released' });
    this.require(domid);
    this.domains.delete(domid);
  }

  setTarget(domid: number, target: number): void {
    this.require(domid).target = target;
  }

  require(domid: number): IntroducedDomain {
    const domain = this.domains.get(domid);
    if (!domain) throw new XenstoreError({ code: 'ENOENT', message: `domain ${domid} is not introduced` });
    return domain;
  }
}
