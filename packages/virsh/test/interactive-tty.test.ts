import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePath } from './run-virsh.js';
import { TmuxSession, tmuxPath } from './tmux-session.js';

// The interactive shell on a real pseudo-terminal, driven through tmux.
describe.skipIf(!tmuxPath)(`interactive shell in a terminal${tmuxPath ? '' : ' (tmux is not installed: skipped)'}`, () => {
  let dir: string;
  let shell: TmuxSession;
  const lastLine = (screen: string) => screen.trimEnd().split('\n').pop() ?? '';

  const start = (name: string, args = '-c test:///default') =>
    TmuxSession.start(
      dir,
      name,
      `env XDG_CACHE_HOME=${dir}/cache HOME=${dir} ${process.execPath} ${bundlePath} ${args}; echo "EXITED:$?"; sleep 60`,
    );

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'virsh-tty-'));
    shell = start('first');
  });

  afterAll(() => {
    shell?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the banner and the virsh # prompt', async () => {
    const screen = await shell.waitFor((s) => lastLine(s) === 'virsh #', 'the prompt');
    expect(screen).toContain('Welcome to virsh, the virtualization interactive terminal.');
    expect(screen).toContain("Type:  'help' for help with commands\n       'quit' to quit");
    expect(lastLine(screen)).toBe('virsh #');
  });

  it('runs a command and prompts again', async () => {
    shell.type('list');
    shell.send('Enter');
    const screen = await shell.waitFor((s) => s.includes(' 1    test   running'), 'the list');
    expect(screen).toContain(' Id   Name   State\n----------------------\n 1    test   running');
    await shell.waitFor((s) => lastLine(s) === 'virsh #', 'the next prompt');
  });

  it('completes command names, option names and domain names with Tab', async () => {
    // domstate and domstats share 'domstat': Tab completes the common prefix
    shell.type('domst');
    shell.send('Tab');
    await shell.waitFor((s) => lastLine(s) === 'virsh # domstat', 'the completed prefix');
    shell.type('e te');
    shell.send('Tab');
    await shell.waitFor((s) => lastLine(s) === 'virsh # domstate test', 'the completed domain name');
    shell.type(' --rea');
    shell.send('Tab');
    await shell.waitFor((s) => lastLine(s) === 'virsh # domstate test --reason', 'the completed option');
    shell.send('Enter');
    await shell.waitFor((s) => s.includes('running (booted)') || s.includes('running (unknown)'), 'the state');
  });

  it('lists the candidates when the word is ambiguous', async () => {
    await shell.waitFor((s) => lastLine(s) === 'virsh #', 'the prompt');
    // Keys must arrive one by one: Node's readline takes a burst of keys for a paste.
    shell.type('do');
    shell.send('Tab');
    await shell.waitFor((s) => lastLine(s) === 'virsh # dom', 'the common prefix');
    shell.send('Tab');
    const screen = await shell.waitFor((s) => s.includes('domid') && s.includes('dominfo'), 'the candidates');
    expect(screen).toMatch(/domid\s+domiflist\s+dominfo\s+dommemstat\s+domname\s+domrename\s+domstate\s+domstats\s+domuuid/);
    expect(screen).not.toContain('dumpxml');
    await shell.waitFor((s) => lastLine(s) === 'virsh # dom', 'the line typed so far');
    shell.send('C-u');
  });

  it('reports errors and keeps going', async () => {
    shell.type('frobnicate');
    shell.send('Enter');
    await shell.waitFor((s) => s.includes("error: unknown command: 'frobnicate'"), 'the error');
    await shell.waitFor((s) => lastLine(s) === 'virsh #', 'the next prompt');
  });

  it('leaves on Ctrl-D with status 0 and keeps the history', async () => {
    shell.send('C-d');
    await shell.waitFor((s) => s.includes('EXITED:0'), 'the exit');
    const history = readFileSync(join(dir, 'cache', 'libvirt', 'virsh', 'history'), 'utf8');
    expect(history).toBe('list\ndomstate test --reason\nfrobnicate\n');
  });

  it('offers the history of the last run with Up', async () => {
    const second = start('second', '-r -c test:///default');
    try {
      await second.waitFor((s) => lastLine(s) === 'virsh >', 'the read-only prompt');
      second.send('Up');
      await second.waitFor((s) => lastLine(s) === 'virsh > frobnicate', 'the last history line');
      second.send('Up');
      await second.waitFor((s) => lastLine(s) === 'virsh > domstate test --reason', 'the line before');
      second.send('C-u');
      second.type('quit');
      second.send('Enter');
      await second.waitFor((s) => s.includes('EXITED:0'), 'the exit');
    } finally {
      second.kill();
    }
  });

  it("asks a node file's <auth> user on the terminal, the password without echo", async () => {
    writeFileSync(
      join(dir, 'auth.xml'),
      "<node><domain type='test'><name>a</name><memory>1024</memory><os><type>hvm</type></os></domain><auth><user password='hunter2'>alice</user></auth></node>",
    );
    const third = start('third', `-c test://${dir}/auth.xml domname 1`);
    try {
      await third.waitFor((s) => lastLine(s) === 'Enter username for localhost:', 'the username prompt');
      third.type('alice');
      third.send('Enter');
      await third.waitFor((s) => lastLine(s) === "Enter alice's password for localhost:", 'the password prompt');
      third.type('hunter2');
      third.send('Enter');
      const screen = await third.waitFor((s) => s.includes('EXITED:0'), 'the exit');
      expect(screen).toContain("Enter username for localhost: alice\nEnter alice's password for localhost:\na\n");
      expect(screen).not.toContain('hunter2');
    } finally {
      third.kill();
    }
  });
  it('asks again after a failed edit: ? explains the keys, y edits again', async () => {
    // the first run of the editor breaks the document, the next one changes the memory
    const editor = join(dir, 'editor.sh');
    const ran = join(dir, 'editor-ran');
    writeFileSync(
      editor,
      `#!/bin/sh\nif [ -e ${ran} ]; then sed -i 's/<dom /<domain /;s/8388608/4194304/g' "$1"; else sed -i 's/<domain /<dom /' "$1"; touch ${ran}; fi\n`,
      { mode: 0o755 },
    );
    const prompt = 'Failed. Try again? [y,n,i,f,?]:';
    const run = (name: string, script: string) =>
      TmuxSession.start(dir, name, `env EDITOR=${editor} ${process.execPath} ${bundlePath} -c test:///default '${script}'; echo "EXITED:$?"; sleep 60`);
    const fourth = run('fourth', 'edit test; dumpxml test --inactive');
    try {
      await fourth.waitFor((s) => lastLine(s) === prompt, 'the question');
      fourth.type('?');
      await fourth.waitFor((s) => s.includes('? - print this help'), 'the keys');
      fourth.type('x');
      fourth.type('y');
      const screen = await fourth.waitFor((s) => s.includes('EXITED:0'), 'the exit');
      expect(screen).toContain('error: (domain_definition):');
      expect(screen).toContain(
        `${prompt}\ny - yes, start editor again\nn - no, throw away my changes\ni - turn off validation and try to redefine again\nf - force, try to redefine again\n? - print this help\n${prompt}\nDomain 'test' XML configuration edited.\n`,
      );
      expect(screen).toContain('<memory unit=\'KiB\'>4194304</memory>');
    } finally {
      fourth.kill();
    }
    rmSync(ran);
    const fifth = run('fifth', 'snapshot-create-as test s1; snapshot-edit test s1');
    try {
      await fifth.waitFor((s) => lastLine(s) === 'Failed. Try again? [y,n,f,?]:', 'the question without i');
      fifth.type('n');
      const screen = await fifth.waitFor((s) => s.includes('EXITED:1'), 'the exit');
      expect(screen).toContain('Failed. Try again? [y,n,f,?]:\nerror: Failed to update s1\n');
    } finally {
      fifth.kill();
    }
  });
});
