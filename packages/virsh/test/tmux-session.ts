import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const tmuxPath = ['/usr/bin/tmux', '/usr/local/bin/tmux'].find((p) => existsSync(p));

/** A program running in a detached tmux pane on a private server socket. */
export class TmuxSession {
  constructor(
    private readonly socket: string,
    private readonly name: string,
  ) {}

  static start(dir: string, name: string, command: string): TmuxSession {
    // A server per session: kill() stops its server, and a new session on a server still
    // shutting down fails ("server exited unexpectedly", seen in CI).
    const session = new TmuxSession(join(dir, `tmux-${name}.sock`), name);
    session.tmux('new-session', '-d', '-s', name, '-x', '160', '-y', '50', command);
    return session;
  }

  tmux(...args: string[]): string {
    const result = spawnSync(tmuxPath as string, ['-S', this.socket, ...args], { encoding: 'utf8', timeout: 10_000 });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Types keys: literal text, or tmux key names such as Enter, Tab, Up, C-d. */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  /** Polls the screen until `test` holds; bounded, so a broken shell fails instead of hanging. */
  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  kill(): void {
    spawnSync(tmuxPath as string, ['-S', this.socket, 'kill-server'], { timeout: 10_000 });
  }
}
