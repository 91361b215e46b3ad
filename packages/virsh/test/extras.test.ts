import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePath, realVirshPath, runOurVirsh, runRealVirsh } from './run-virsh.js';
import { TmuxSession, tmuxPath } from './tmux-session.js';

const dir = mkdtempSync(join(tmpdir(), 'virsh-extras-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bash = existsSync('/bin/bash') ? '/bin/bash' : undefined;

describe('virsh completion', () => {
  it('refuses shells it has no script for', () => {
    const run = runOurVirsh(['completion', 'fish']);
    expect(run).toEqual({ stdout: '\n', stderr: "error: unsupported shell 'fish': expecting 'bash' or 'zsh'\n", status: 1 });
  });

  it.skipIf(!bash)('bash: the script completes commands, options and live domain names', () => {
    const script = runOurVirsh(['-q', 'completion', 'bash']).stdout;
    const file = join(dir, 'virsh.bash');
    writeFileSync(file, script);
    // A wrapper named virsh, so the script's calls of "virsh complete" reach this build.
    const wrapper = join(dir, 'virsh');
    writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${bundlePath}" "$@"\n`, { mode: 0o755 });
    const completeLine = (line: string) => {
      const words = line.split(' ');
      const probe = `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _virsh; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const result = spawnSync(bash as string, ['-c', probe], { encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env['PATH']}` }, timeout: 20_000 });
      expect(result.stderr).toBe('');
      return result.stdout.trim().split('\n').sort();
    };
    expect(completeLine(`${wrapper} dom`)).toEqual(['domblkinfo', 'domblklist', 'domcontrol', 'domid', 'domiflist', 'dominfo', 'dommemstat', 'domname', 'domrename', 'domstate', 'domstats', 'domuuid', 'domxml-from-native', 'domxml-to-native']);
    expect(completeLine(`${wrapper} -c test:///default list --al`)).toEqual(['--all']);
    expect(completeLine(`${wrapper} -c test:///default dominfo t`)).toEqual(['test']);
  });

  it('zsh: the script lists every command with its help', () => {
    const script = runOurVirsh(['-q', 'completion', 'zsh']).stdout;
    expect(script.startsWith('#compdef virsh\n')).toBe(true);
    expect(script).toContain("'dominfo:domain information'");
    expect(script).toContain("'--inactive[list inactive domains]'");
    const zsh = ['/usr/bin/zsh', '/bin/zsh'].find((p) => existsSync(p));
    if (zsh) {
      writeFileSync(join(dir, '_virsh'), script);
      expect(spawnSync(zsh, ['-n', join(dir, '_virsh')], { encoding: 'utf8' }).stderr).toBe('');
    }
  });
});

describe('-l/--log', () => {
  // The lines virsh 9 writes, with the time and the process id masked.
  const logged = (run: (args: string[]) => unknown, name: string) => {
    const file = join(dir, name);
    run(['-l', file, '-c', 'test:///default', 'domstate test; dominfo nosuch; frob2']);
    run(['-l', file, '-c', 'test:///default', 'dominfo nosuch2']);
    return readFileSync(file, 'utf8').replace(/^\[\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d virsh \d+\]/gm, '[time virsh pid]');
  };

  it('appends the error lines as virsh 9 does', () => {
    const ours = logged(runOurVirsh, 'ours.log');
    expect(ours).toBe("[time virsh pid] ERROR unknown command: 'frob2'\n[time virsh pid] ERROR failed to get domain 'nosuch2'\n");
    if (realVirshPath) expect(ours).toBe(logged(runRealVirsh, 'theirs.log'));
  });
});

describe('virsh complete (what the scripts call)', () => {
  it('completes domain names from the connection', () => {
    expect(runOurVirsh(['-q', '-c', 'test:///default', 'complete', '--', 'dominfo', 't']).stdout).toBe('test\n');
    // An empty word offers the options, as virsh 9.
    expect(runOurVirsh(['-q', '-c', 'test:///default', 'complete', '--', 'dominfo', '']).stdout).toBe('--domain\n');
    expect(runOurVirsh(['-q', 'complete', '--', 'list', '--na']).stdout).toBe('--name\n');
  });
});

describe.skipIf(!tmuxPath)('progress line of save and restore on a terminal', () => {
  it('draws "Save: [100 %]" and "Restore: [100 %]" on stderr', async () => {
    const session = TmuxSession.start(
      dir,
      'progress',
      `${process.execPath} ${bundlePath} -c test:///default 'save test ${dir}/img; restore ${dir}/img'; echo "EXITED:$?"; sleep 60`,
    );
    try {
      const screen = await session.waitFor((s) => s.includes('EXITED:'), 'the end of the script');
      expect(screen).toContain('Save: [100 %]');
      expect(screen).toContain(`Domain 'test' saved to ${dir}/img`);
      expect(screen).toContain('Restore: [100 %]');
      expect(screen).toContain(`Domain restored from ${dir}/img`);
      expect(screen).toContain('EXITED:0');
    } finally {
      session.kill();
    }
  });

  it('draws nothing when stderr is not a terminal, unless --verbose', () => {
    const quiet = runOurVirsh(['-c', 'test:///default', `save test ${dir}/img2; restore ${dir}/img2`]);
    expect(quiet.stderr).toBe('');
    const verbose = runOurVirsh(['-c', 'test:///default', `save test ${dir}/img3 --verbose`]);
    expect(verbose.stderr).toBe('\rSave: [100 %]');
  });
});
