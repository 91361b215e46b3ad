import { spawnSync } from 'node:child_process';

/** Whether Debian's virsh (libvirt-clients) is installed: the peer these tests compare with. */
export function virshAvailable(): boolean {
  return spawnSync('virsh', ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/**
 * Runs one quiet virsh script on `uri` and returns what it printed. virsh 9 sometimes hangs in a
 * script that saves a domain (about 1 run in 30, polling its job pipe; see the peer notes), so a
 * run is bounded to 60 s (long corpus scripts on a loaded machine need it) and tried up to 3 times.
 */
export function runVirsh(uri: string, script: string): { stdout: string; stderr: string; status: number | null } {
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync('virsh', ['-q', '-c', uri, script], { encoding: 'utf8', timeout: 60_000 });
    if ((result.signal === null && result.error === undefined) || attempt === 3) {
      return { stdout: result.stdout, stderr: result.stderr, status: result.status };
    }
  }
}

/** Blanks what libvirt makes up at random (UUIDs and MACs of definitions that had none). */
export function maskRandom(xml: string): string {
  return xml.replace(/<uuid>[^<]*<\/uuid>/g, '<uuid>X</uuid>').replace(/address='52:54:00:[^']*'/g, "address='52:54:00:X'");
}
