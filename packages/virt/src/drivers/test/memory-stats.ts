import { DomainMemoryStatTags } from '../../constants.js';
import type { DomainMemoryStat } from '../../types.js';
import { isActive, type TestDomain } from './test-domain-list.js';
import { notRunning } from './test-errors.js';

/** The "last update" time libvirt 9's test driver reports (seconds, fixed). */
const LAST_UPDATE = 627319920n;

/**
 * testDomainMemoryStats: made-up statistics derived from the balloon size (the running definition's
 * current memory), none for a domain without a balloon. libvirt keeps the size in a C int, so a
 * balloon of 2^31 KiB or more wraps as C does; halves truncate toward zero.
 */
export function memoryStats(dom: TestDomain, nrStats: number): DomainMemoryStat[] {
  if (!isActive(dom)) throw notRunning();
  const balloon = dom.def.devices.memballoon;
  if (!balloon || balloon.model === 'none') return [];
  const current = BigInt(dom.def.currentMemory | 0);
  const asUnsigned = (value: bigint) => BigInt.asUintN(64, value);
  const T = DomainMemoryStatTags;
  const stats: Array<[number, bigint]> = [
    [T.ACTUAL_BALLOON, current],
    [T.SWAP_IN, 0n],
    [T.SWAP_OUT, 0n],
    [T.MAJOR_FAULT, 0n],
    [T.MINOR_FAULT, 0n],
    [T.UNUSED, current / 2n],
    [T.AVAILABLE, current],
    [T.USABLE, current / 2n],
    [T.LAST_UPDATE, LAST_UPDATE],
    [T.DISK_CACHES, current / 8n],
    [T.HUGETLB_PGALLOC, 0n],
    [T.HUGETLB_PGFAIL, 0n],
    [T.RSS, current / 2n],
  ];
  return stats.slice(0, nrStats).map(([tag, val]) => ({ tag, val: asUnsigned(val) }));
}
