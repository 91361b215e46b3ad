import { spawnSync } from 'node:child_process';

/** Whether Debian's virsh (libvirt-clients) is installed: the peer these tests compare with. */
export function virshAvailable(): boolean {
  return spawnSync('virsh', ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/** Runs one quiet virsh script on `uri` (bounded: 30 s) and returns what it printed. */
export function runVirsh(uri: string, script: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync('virsh', ['-q', '-c', uri, script], { encoding: 'utf8', timeout: 30_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Blanks what libvirt makes up at random (UUIDs and MACs of definitions that had none). */
export function maskRandom(xml: string): string {
  return xml.replace(/<uuid>[^<]*<\/uuid>/g, '<uuid>X</uuid>').replace(/address='52:54:00:[^']*'/g, "address='52:54:00:X'");
}
