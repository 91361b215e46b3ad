import type { XenOpenOptions } from '@libvirt-ts/virt';

export function fakeXenOptions(dir: string): Promise<XenOpenOptions>;
