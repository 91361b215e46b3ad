// `virsh event --loop` where no event can come (test:///default, one process): virsh 9 waits until
// Ctrl-C; ours must too, not end when nothing holds Node open. Side by side, stdin closed as in a script.
import { describe, expect, it } from 'vitest';
import { sleep, startWaiter } from './event-waiter.js';
import { bundlePath, realVirshPath } from './run-virsh.js';

/** Time for both to start and subscribe (Node's start on a loaded machine included). */
const SETTLE_MS = 3000;

describe.skipIf(!realVirshPath)("virsh event waits for Ctrl-C on test:///default, as virsh 9's", () => {
  it.each([[['--all', '--loop']], [['--all', '--loop', '--timestamp']], [['--event', 'lifecycle']]])(
    'event %j',
    async (args) => {
      const command = ['-c', 'test:///default', 'event', ...args];
      const waiters = [startWaiter([process.execPath, bundlePath], command), startWaiter([realVirshPath!], command)];
      await sleep(SETTLE_MS);
      expect(waiters.map((waiter) => waiter.exited())).toEqual([false, false]);
      for (const waiter of waiters) waiter.interrupt();
      const [ours, theirs] = await Promise.all(waiters.map((waiter) => waiter.done));
      expect(theirs).toEqual({ stdout: 'event loop interrupted\nevents received: 0\n\n', stderr: '', status: 1 });
      expect(ours).toEqual(theirs);
    },
    30_000,
  );
});
