// Runs in dom0 (see in-dom0.sh) as root or as nobody: our virsh's read-only commands on xen:///,
// and for nobody a write too, in this one Node process through the virsh package's
// runVirsh(argv, io), the function its bin runs (a Node start costs 3.5-20 s in the emulated
// dom0). Each command connects and disconnects as the bin does. Its stdout, stderr and exit
// status go to out/WHO-N.{out,err,rc} (N from 1, the order of READ_ONLY) and out/nobody-write.*.
// usage: node virsh-commands.mjs root|nobody
import { writeFileSync } from 'node:fs';
import { runVirsh } from './node_modules/@libvirt-ts/virsh/dist/index.js';

const READ_ONLY = ['list --all', 'dominfo 0', 'nodeinfo', 'domuuid Domain-0', 'dumpxml 0'];
const who = process.argv[2];
if (who !== 'root' && who !== 'nobody') throw new Error(`usage: virsh-commands.mjs root|nobody (got ${who})`);

async function record(name, argv) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: {
      write(text) {
        stdout += text;
      },
    },
    stderr: {
      write(text) {
        stderr += text;
      },
    },
    env: process.env,
    stdinIsTTY: false,
    stderrIsTTY: false,
  };
  const rc = await runVirsh(argv, io).catch((error) => {
    stderr += `runVirsh threw: ${error?.stack ?? error}\n`;
    return 'threw';
  });
  writeFileSync(`out/${name}.out`, stdout);
  writeFileSync(`out/${name}.err`, stderr);
  writeFileSync(`out/${name}.rc`, `${rc}\n`);
  console.log(`IN-DOM0: ${who}: virsh ${argv.join(' ')}: status ${rc}${rc === 0 ? '' : `: ${stderr.slice(0, 200)}`}`);
}

for (const [index, command] of READ_ONLY.entries()) await record(`${who}-${index + 1}`, ['-r', '-c', 'xen:///', ...command.split(' ')]);
// what nobody may not do, through the same path: a write must be refused
if (who === 'nobody') await record('nobody-write', ['-c', 'xen:///', 'setmem', '0', '1024']);
