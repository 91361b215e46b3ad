import { virsh9Position } from '../help/virsh9-commands.js';
import { attachDeviceCommand, detachDeviceCommand } from './attach-detach-device.js';
import { attachDiskCommand } from './attach-disk.js';
import { attachInterfaceCommand } from './attach-interface.js';
import { autostartCommand } from './autostart.js';
import { blkiotuneCommand } from './blkiotune.js';
import { checkpointCreateAsCommand, checkpointCreateCommand } from './checkpoint-create.js';
import { checkpointEditCommand } from './checkpoint-edit.js';
import { checkpointDeleteCommand, checkpointDumpxmlCommand, checkpointInfoCommand, checkpointParentCommand } from './checkpoint-info.js';
import { checkpointListCommand } from './checkpoint-list.js';
import type { CommandDef } from './command.js';
import { completeCommand, completionCommand } from './completion.js';
import { cpuStatsCommand } from './cpu-stats.js';
import { createCommand, defineCommand } from './create-define.js';
import { descCommand } from './desc.js';
import { detachDiskCommand } from './detach-disk.js';
import { detachInterfaceCommand } from './detach-interface.js';
import { domidCommand, domnameCommand, domuuidCommand } from './domain-ids.js';
import { domblkinfoCommand } from './domblkinfo.js';
import { domblklistCommand } from './domblklist.js';
import { domcontrolCommand } from './domcontrol.js';
import { domiflistCommand } from './domiflist.js';
import { dominfoCommand } from './dominfo.js';
import { dommemstatCommand } from './dommemstat.js';
import { domrenameCommand } from './domrename.js';
import { domstateCommand } from './domstate.js';
import { domstatsCommand } from './domstats.js';
import { domxmlFromNativeCommand, domxmlToNativeCommand } from './domxml-native.js';
import { dumpxmlCommand } from './dumpxml.js';
import { editCommand } from './edit-domain.js';
import { eventCommand } from './event.js';
import { helpCommand } from './help.js';
import { capabilitiesCommand, hostnameCommand, nodeinfoCommand, uriCommand, versionCommand } from './host-info.js';
import { iothreadaddCommand, iothreaddelCommand, iothreadinfoCommand, iothreadpinCommand, iothreadsetCommand } from './iothreads.js';
import {
  destroyCommand,
  rebootCommand,
  resetCommand,
  resumeCommand,
  shutdownCommand,
  startCommand,
  suspendCommand,
  undefineCommand,
} from './lifecycle.js';
import { listCommand } from './list.js';
import { managedSaveCommand, managedSaveRemoveCommand } from './managed-save.js';
import { setmaxmemCommand, setmemCommand, setvcpusCommand } from './memory-vcpus.js';
import { poolDefineAsCommand } from './pool-define-as.js';
import { qemuMonitorCommandCommand } from './qemu-monitor-command.js';
import { restoreCommand, saveCommand } from './save-restore.js';
import { schedinfoCommand } from './schedinfo.js';
import { selfTestCommand } from './self-test.js';
import { cd, connect, echo, exit, pwd, quit } from './shell-builtins.js';
import { snapshotCreateAsCommand, snapshotCreateCommand } from './snapshot-create.js';
import { snapshotEditCommand } from './snapshot-edit.js';
import { snapshotCurrentCommand, snapshotDumpxmlCommand, snapshotInfoCommand, snapshotParentCommand } from './snapshot-info.js';
import { snapshotListCommand } from './snapshot-list.js';
import { snapshotDeleteCommand, snapshotRevertCommand } from './snapshot-revert-delete.js';
import { vcpucountCommand } from './vcpu-count.js';
import { emulatorpinCommand, vcpuinfoCommand, vcpupinCommand } from './vcpu-pin.js';

/** Every command. Built on first use (help.ts imports this module); allCommands() puts it in virsh 9's order. */
const buildTable = (): readonly CommandDef[] => [
  attachDeviceCommand,
  attachDiskCommand,
  attachInterfaceCommand,
  autostartCommand,
  blkiotuneCommand,
  cpuStatsCommand,
  createCommand,
  defineCommand,
  descCommand,
  destroyCommand,
  detachDeviceCommand,
  detachDiskCommand,
  detachInterfaceCommand,
  domidCommand,
  domnameCommand,
  domrenameCommand,
  domuuidCommand,
  domxmlFromNativeCommand,
  domxmlToNativeCommand,
  dumpxmlCommand,
  editCommand,
  iothreadinfoCommand,
  iothreadpinCommand,
  iothreadaddCommand,
  iothreadsetCommand,
  iothreaddelCommand,
  managedSaveCommand,
  managedSaveRemoveCommand,
  qemuMonitorCommandCommand,
  rebootCommand,
  resetCommand,
  restoreCommand,
  resumeCommand,
  saveCommand,
  schedinfoCommand,
  setmaxmemCommand,
  setmemCommand,
  setvcpusCommand,
  shutdownCommand,
  startCommand,
  suspendCommand,
  undefineCommand,
  vcpucountCommand,
  vcpuinfoCommand,
  vcpupinCommand,
  emulatorpinCommand,
  domblkinfoCommand,
  domblklistCommand,
  domcontrolCommand,
  domiflistCommand,
  dominfoCommand,
  dommemstatCommand,
  domstateCommand,
  domstatsCommand,
  listCommand,
  eventCommand,
  capabilitiesCommand,
  hostnameCommand,
  nodeinfoCommand,
  uriCommand,
  versionCommand,
  poolDefineAsCommand,
  snapshotCreateCommand,
  snapshotCreateAsCommand,
  snapshotCurrentCommand,
  snapshotDeleteCommand,
  snapshotDumpxmlCommand,
  snapshotEditCommand,
  snapshotInfoCommand,
  snapshotListCommand,
  snapshotParentCommand,
  snapshotRevertCommand,
  checkpointCreateCommand,
  checkpointCreateAsCommand,
  checkpointDeleteCommand,
  checkpointDumpxmlCommand,
  checkpointEditCommand,
  checkpointInfoCommand,
  checkpointListCommand,
  checkpointParentCommand,
  cd,
  echo,
  exit,
  helpCommand,
  pwd,
  quit,
  connect,
  completeCommand,
  completionCommand,
  selfTestCommand,
];

let table: readonly CommandDef[] | undefined;
let byName: Map<string, CommandDef> | undefined;

/**
 * Every command, in the order virsh 9's `help` lists them (help/virsh9-commands.ts); ours that
 * virsh 9 lacks (the hidden extensions) after them, as the table has them.
 */
export function allCommands(): readonly CommandDef[] {
  table ??= sortedAsVirsh9(buildTable());
  return table;
}

function sortedAsVirsh9(commands: readonly CommandDef[]): readonly CommandDef[] {
  const rank = (def: CommandDef) => virsh9Position(def.name) ?? Number.MAX_SAFE_INTEGER;
  return [...commands].sort((a, b) => rank(a) - rank(b));
}

export function commandByName(name: string): CommandDef | undefined {
  byName ??= new Map(allCommands().map((c) => [c.name, c]));
  return byName.get(name);
}
