// What may differ between libvirt 9's output and ours on the same boot, and nothing more:
// CPU time, and the ids Xen hands out to domains (each create, restore or reboot gets a new
// one, and libvirt's side ran first). Domain-0's id 0 is never masked.

/** The output with CPU time and guest domain ids replaced by <cpu-time> and <id>. */
export function mask(command, text) {
  let masked = text
    // dominfo
    .replace(/^(CPU time:\s+)\S+$/gm, '$1<cpu-time>')
    .replace(/^(Id:\s+)[1-9]\d*$/gm, '$1<id>')
    // dumpxml of a running domain
    .replace(/(<domain type='xen' id=')[1-9]\d*'/g, "$1<id>'");
  // list: a row starts with the id, padded to the column; the padding after it depends on
  // the id's width, so it is folded to one space.
  if (/^list\b/.test(command)) masked = masked.replace(/^ [1-9]\d* +/gm, ' <id> ');
  if (/^domid\b/.test(command)) masked = masked.replace(/^[1-9]\d*$/m, '<id>');
  return masked;
}
