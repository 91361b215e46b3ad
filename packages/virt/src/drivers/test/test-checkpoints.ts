// libvirt 9's test-driver checkpoints (testDomainCheckpoint*): kept per domain, nothing on disk.
import { type CheckpointDisk, formatCheckpointXml } from '@libvirt-ts/xml-format';
import { DomainCheckpointCreateFlags, DomainCheckpointDeleteFlags, DomainCheckpointListFlags, DomainCheckpointXMLFlags } from '../../constants.js';
import type { ErrorCodeName } from '../../errors/error-codes.js';
import { VirtError } from '../../errors/virt-error.js';
import type { TestCheckpoint } from './checkpoint-tree.js';
import { cloneDef } from './clone-def.js';
import { withLibvirtDevices } from './format-definition.js';
import { parseCheckpointDefinition } from './parse-checkpoint.js';
import { isActive, type TestDomain } from './test-domain-list.js';
import { checkFlags, notRunning, testError } from './test-errors.js';
import { diskSource, momentDomain } from './test-snapshots.js';

const { REDEFINE, QUIESCE } = DomainCheckpointCreateFlags;
const { ROOTS, TOPOLOGICAL, LEAVES, NO_LEAVES } = DomainCheckpointListFlags;

/** testDomainCheckpointCreateXML: a checkpoint of the running domain, or (REDEFINE) one described whole. Returns its name. */
export function createCheckpoint(dom: TestDomain, xml: string, flags: number): string {
  checkFlags(flags, REDEFINE | QUIESCE, 'testDomainCheckpointCreateXML');
  const redefine = (flags & REDEFINE) !== 0;
  if (dom.snapshots.size > 0) throw testError('OPERATION_UNSUPPORTED', 'cannot create checkpoint while snapshot exists');
  if (!isActive(dom)) throw testError('OPERATION_UNSUPPORTED', 'cannot create checkpoint for inactive domain');
  const def = parseCheckpointDefinition(xml, redefine);
  const tree = dom.checkpoints;
  let checkpoint: TestCheckpoint;
  let makeCurrent = !redefine;
  if (redefine) {
    checkpoint = def as TestCheckpoint;
    redefinePrep(dom, checkpoint);
    // the first redefined checkpoint, or a child of the current one, becomes current
    makeCurrent = tree.current === undefined || (checkpoint.parent !== undefined && checkpoint.parent === tree.current);
  } else {
    // virDomainMomentDefPostParse: the creation time, and a name from it when none was given.
    const creationTime = Math.floor(Date.now() / 1000);
    checkpoint = { ...def, name: def.name ?? String(creationTime), creationTime, domain: cloneDef(dom.def) };
    alignDisks(checkpoint);
    if (tree.get(checkpoint.name)) throw conf('OPERATION_FAILED', `domain moment ${checkpoint.name} already exists`);
    if (tree.current !== undefined) checkpoint.parent = tree.current;
  }
  tree.set(checkpoint);
  if (makeCurrent) tree.current = checkpoint.name;
  return checkpoint.name;
}

/** virDomainCheckpointRedefinePrep: the parent known and no cycle, the domain's UUID, the disks aligned or named. */
function redefinePrep(dom: TestDomain, checkpoint: TestCheckpoint): void {
  dom.checkpoints.checkCycles(checkpoint, (detail) => conf('INVALID_ARG', detail));
  if (checkpoint.domain === undefined) {
    assignBitmapNames(checkpoint);
    return;
  }
  const uuid = dom.def.uuid ?? '';
  if (checkpoint.domain.uuid !== uuid) throw conf('INVALID_ARG', `definition for checkpoint ${checkpoint.name} must use uuid ${uuid}`);
  alignDisks(checkpoint);
}

/**
 * virDomainCheckpointAlignDisks: the requested disks checked against the domain's and renamed to
 * their targets, then one entry per domain disk in its order: without `<disks>` every writable disk
 * gets a bitmap, with it the disks not named get none.
 */
function alignDisks(checkpoint: TestCheckpoint): void {
  const domainDisks = checkpoint.domain?.devices.disks ?? [];
  const requested = checkpoint.disks ?? [];
  if (requested.length > domainDisks.length) throw conf('CONFIG_UNSUPPORTED', 'too many disk checkpoint requests for domain');
  if (domainDisks.length === 0) throw conf('CONFIG_UNSUPPORTED', 'domain must have at least one disk to perform checkpoints');
  const unusable = (disk: (typeof domainDisks)[number]) => diskSource(disk) === undefined || disk.readonly === true;
  const byTarget = new Map<string, CheckpointDisk>();
  for (const disk of requested) {
    const match = domainDisks.find((d) => d.target.dev === disk.name || diskSource(d) === disk.name);
    if (!match) throw conf('CONFIG_UNSUPPORTED', `no disk named '${disk.name}'`);
    if (byTarget.has(match.target.dev)) throw conf('CONFIG_UNSUPPORTED', `disk '${disk.name}' specified twice`);
    byTarget.set(match.target.dev, disk);
    if (unusable(match) && disk.checkpoint !== 'no') throw conf('CONFIG_UNSUPPORTED', `disk '${disk.name}' is empty or readonly`);
    disk.name = match.target.dev;
  }
  const fallback = requested.length === 0 ? 'bitmap' : 'no';
  checkpoint.disks = domainDisks.map((d) => byTarget.get(d.target.dev) ?? { name: d.target.dev, checkpoint: unusable(d) ? 'no' : fallback });
  assignBitmapNames(checkpoint);
}

/** virDomainCheckpointDefAssignBitmapNames: a bitmap disk without a bitmap name takes the checkpoint's. */
function assignBitmapNames(checkpoint: TestCheckpoint): void {
  for (const disk of checkpoint.disks ?? []) if (disk.checkpoint === 'bitmap' && disk.bitmap === undefined) disk.bitmap = checkpoint.name;
}

/** testCheckpointObjFromName. */
export function findCheckpoint(dom: TestDomain, name: string): TestCheckpoint {
  const checkpoint = dom.checkpoints.get(name);
  if (!checkpoint) throw testError('NO_DOMAIN_CHECKPOINT', `no domain checkpoint with matching name '${name}'`);
  return checkpoint;
}

/** testDomainListAllCheckpoints (`from` undefined) and testDomainCheckpointListAllChildren: the names. */
export function listCheckpoints(dom: TestDomain, from: string | undefined, flags: number): string[] {
  const fn = from === undefined ? 'testDomainListAllCheckpoints' : 'testDomainCheckpointListAllChildren';
  checkFlags(flags, ROOTS | TOPOLOGICAL | LEAVES | NO_LEAVES, fn);
  if (from !== undefined) findCheckpoint(dom, from);
  return dom.checkpoints.list(from, flags).map((checkpoint) => checkpoint.name);
}

/** testDomainCheckpointGetParent. */
export function checkpointParent(dom: TestDomain, name: string, flags: number): string {
  checkFlags(flags, 0, 'testDomainCheckpointGetParent');
  const { parent } = findCheckpoint(dom, name);
  if (parent === undefined) throw testError('NO_DOMAIN_CHECKPOINT', `checkpoint '${name}' does not have a parent`);
  return parent;
}

/** testDomainCheckpointGetXMLDesc: SIZE needs the domain running (and the test driver measures no size to show). */
export function checkpointXml(dom: TestDomain, name: string, flags: number): string {
  const { SECURE, NO_DOMAIN, SIZE } = DomainCheckpointXMLFlags;
  checkFlags(flags, SECURE | NO_DOMAIN | SIZE, 'testDomainCheckpointGetXMLDesc');
  const { domain, ...rest } = findCheckpoint(dom, name);
  if ((flags & SIZE) !== 0 && !isActive(dom)) throw notRunning();
  const shown = domain === undefined ? rest : { ...rest, domain: momentDomain(domain, flags) };
  return withLibvirtDevices(formatCheckpointXml(shown, { noDomain: (flags & NO_DOMAIN) !== 0 }));
}

/** testDomainCheckpointDelete: the checkpoint (its children move up to its parent), or its children too, or only them. */
export function deleteCheckpoint(dom: TestDomain, name: string, flags: number): void {
  const { CHILDREN, METADATA_ONLY, CHILDREN_ONLY } = DomainCheckpointDeleteFlags;
  checkFlags(flags, CHILDREN | METADATA_ONLY | CHILDREN_ONLY, 'testDomainCheckpointDelete');
  findCheckpoint(dom, name);
  dom.checkpoints.delete(name, (flags & CHILDREN) !== 0, (flags & CHILDREN_ONLY) !== 0);
}

/** An error of checkpoint_conf.c (layer DOMAIN_CHECKPOINT). */
function conf(code: ErrorCodeName, detail: string): VirtError {
  return new VirtError({ code, domain: 'DOMAIN_CHECKPOINT', info: detail });
}
