import type { DomainEvent } from '@libvirt-ts/virt';
import { failed, VirshError } from '../errors.js';
import { EVENT_KINDS, lifecycleWords } from '../events/event-names.js';
import { formatEventTimestamp } from '../events/event-timestamp.js';
import { parseInt32 } from '../parse/numbers.js';
import type { CommandContext, CommandDef } from './command.js';
import { lookupDomain } from './domain-lookup.js';

type WaitOutcome = 'done' | 'timeout' | 'interrupt';

export const eventCommand: CommandDef = {
  name: 'event',
  group: 'events',
  summary: 'Domain Events',
  description: 'List event types, or wait for domain events to occur',
  options: [
    { name: 'domain', type: 'string', help: 'filter by domain name, id or uuid', completer: 'domain' },
    { name: 'event', type: 'string', help: 'which event type to wait for' },
    { name: 'all', type: 'bool', help: 'wait for all events instead of just one type' },
    { name: 'loop', type: 'bool', help: 'loop until timeout or interrupt, rather than one-shot' },
    { name: 'timeout', type: 'number', help: 'timeout seconds' },
    { name: 'list', type: 'bool', help: 'list valid event types' },
    { name: 'timestamp', type: 'bool', help: 'show timestamp for each printed event' },
  ],
  async run(ctx) {
    const { options, session } = ctx;
    const out = session.out;
    options.exclusive('all', 'event');
    options.exclusive('list', 'all');
    options.exclusive('list', 'event');
    if (options.bool('list')) {
      for (const kind of EVENT_KINDS) out.print(`${kind}\n`);
      return;
    }
    const kind = options.string('event');
    if (kind === undefined && !options.bool('all')) throw failed('one of --list, --all, or --event <type> is required');
    if (kind !== undefined && !(EVENT_KINDS as readonly string[]).includes(kind)) throw failed(`unknown event type ${kind}`);
    const timeoutMs = timeoutOption(ctx);
    const domain = options.has('domain') ? (await lookupDomain(ctx)).domain : undefined;
    const conn = await session.connection();

    const loop = options.bool('loop');
    const timestamp = options.bool('timestamp');
    let count = 0;
    const print = ({ domain: dom, event, detail }: DomainEvent) => {
      const line = `event 'lifecycle' for domain '${dom.name()}': ${lifecycleWords(event, detail)}\n`;
      out.print(timestamp ? `${formatEventTimestamp(new Date())}: ${line}` : line);
      out.flush();
      count++;
    };
    // Only lifecycle events exist in this library; the other kinds subscribe (so a driver without
    // events still says so) but none ever arrives, as none does from libvirt 9's test driver.
    const events = conn.domainEvents({ domain, events: kind === undefined || kind === 'lifecycle' ? undefined : [] });
    const outcome = await waitForEvents(events, { loop, timeoutMs, onEvent: print });
    if (outcome === 'interrupt') out.print('event loop interrupted\n');
    if (outcome === 'timeout') out.print('event loop timed out\n');
    out.print(`events received: ${count}\n`);
    // virsh's cmdEvent fails, printing nothing more, when no event came.
    if (count === 0) throw new VirshError({ code: 'COMMAND_FAILED', lines: [], command: 'event' });
  },
};

/** vshCommandOptTimeoutToMs: whole seconds above 0 that fit in an int once in milliseconds. */
function timeoutOption({ options }: CommandContext): number | undefined {
  const text = options.string('timeout');
  if (text === undefined) return undefined;
  const seconds = parseInt32(text);
  if (seconds === undefined || seconds <= 0 || seconds > Math.floor(2147483647 / 1000)) {
    throw failed(`Numeric value '${text}' for <timeout> option is malformed or out of range`);
  }
  return seconds * 1000;
}

/** vshEventWait: the first event (or every one, with `loop`) until the timeout or Ctrl-C. */
async function waitForEvents(
  events: AsyncIterableIterator<DomainEvent>,
  { loop, timeoutMs, onEvent }: { loop: boolean; timeoutMs: number | undefined; onEvent: (event: DomainEvent) => void },
): Promise<WaitOutcome> {
  let timer: NodeJS.Timeout | undefined;
  let interrupted: () => void = () => {};
  // virsh 9 waits for Ctrl-C even where no event can come; Node would exit once nothing holds it
  // (test:///default has no socket), so a timer holds the process while it waits.
  const holdOpen = setInterval(() => {}, 2 ** 30);
  try {
    return await new Promise<WaitOutcome>((resolve, reject) => {
      if (timeoutMs !== undefined) timer = setTimeout(() => resolve('timeout'), timeoutMs);
      interrupted = () => resolve('interrupt');
      process.once('SIGINT', interrupted);
      void (async () => {
        for await (const event of events) {
          onEvent(event);
          if (!loop) return resolve('done');
        }
      })().catch(reject);
    });
  } finally {
    clearTimeout(timer);
    clearInterval(holdOpen);
    process.removeListener('SIGINT', interrupted);
    await events.return?.();
  }
}
