import type { DiskConfig } from '@libvirt-ts/xml-format';
import type { DomainBlockInfo } from '../../types.js';
import type { TestDomain } from './test-domain-list.js';
import { testError } from './test-errors.js';

/** The sizes libvirt 9's test driver reports for every disk with a source (bytes). */
const TEST_BLOCK_INFO: DomainBlockInfo = { capacity: 1099506450432n, allocation: 1099511627776n, physical: 1099511627776n };

/** virDomainDiskByName: a disk of the running definition by target (vda) or source path. */
function diskByName(disks: readonly DiskConfig[], name: string): DiskConfig | undefined {
  return disks.find((disk) => disk.target.dev === name || sourcePath(disk) === name);
}

function sourcePath(disk: DiskConfig): string | undefined {
  const source = disk.source;
  if (!source) return undefined;
  return source.file ?? source.dev ?? source.dir ?? source.name;
}

/** testDomainGetBlockInfo: fixed sizes for a disk that exists and has a source. */
export function blockInfo(dom: TestDomain, disk: string): DomainBlockInfo {
  const found = diskByName(dom.def.devices.disks, disk);
  if (!found) throw testError('INVALID_ARG', `invalid path ${disk} not assigned to domain`);
  if (sourcePath(found) === undefined) {
    throw testError('INVALID_ARG', `disk '${disk}' does not currently have a source assigned`);
  }
  return { ...TEST_BLOCK_INFO };
}
