import { HEADER_SIZE } from '../protocol/header.js';
import { XsType } from '../protocol/message-type.js';

/** A watch event waiting to be sent: encoded only when the client has room for it. */
interface PendingEvent {
  path: string;
  token: Uint8Array;
}

type OutgoingItem = Uint8Array | PendingEvent;

/** What a queued event costs besides its frame: the queue entry and its duplicate-check entry. */
const EVENT_ENTRY_BYTES = 96;

function eventFrameBytes(event: PendingEvent): number {
  return HEADER_SIZE + Buffer.byteLength(event.path) + 1 + event.token.length + 1;
}

/**
 * What one connection has to send, in order: encoded replies and watch events not yet encoded.
 * A watch fan-out costs one small entry per watcher, and the bytes are built only as each client
 * takes them. For a client that is not keeping up, an event identical to one still waiting here
 * is dropped, as C xenstored drops it.
 */
export class Outbox {
  /** Bytes the queue holds or stands for (frames plus entry costs). */
  bytes = 0;
  /** Replies queued. */
  replies = 0;
  private items: OutgoingItem[] = [];
  private head = 0;
  /** token → paths of its events waiting here. */
  private readonly waitingEvents = new Map<Uint8Array, Set<string>>();

  get isEmpty(): boolean {
    return this.head === this.items.length;
  }

  pushReply(frame: Uint8Array): number {
    this.items.push(frame);
    this.replies++;
    this.bytes += frame.length;
    return frame.length;
  }

  /** Queues an event, unless `dropDuplicate` and the same one waits already; returns the bytes it added. */
  pushEvent(path: string, token: Uint8Array, dropDuplicate: boolean): number {
    let paths = this.waitingEvents.get(token);
    if (dropDuplicate && paths?.has(path)) return 0;
    if (!paths) {
      paths = new Set();
      this.waitingEvents.set(token, paths);
    }
    paths.add(path);
    const event = { path, token };
    this.items.push(event);
    const cost = eventFrameBytes(event) + EVENT_ENTRY_BYTES;
    this.bytes += cost;
    return cost;
  }

  /**
   * Takes items from the front, about `maxBytes` of frames (at least one item), encoded into one
   * buffer; also says how many replies it holds and how many queued bytes it released.
   * (An event queued twice stays listed as waiting until its last copy leaves: close enough.)
   */
  take(maxBytes: number): { chunk: Buffer; replies: number; released: number } {
    const end = this.chunkEnd(maxBytes);
    let size = 0;
    for (let i = this.head; i < end; i++) size += frameBytes(this.items[i]!);
    const chunk = Buffer.allocUnsafe(size);
    let offset = 0;
    let replies = 0;
    let released = 0;
    for (let i = this.head; i < end; i++) {
      const item = this.items[i]!;
      if (item instanceof Uint8Array) {
        chunk.set(item, offset);
        offset += item.length;
        replies++;
        released += item.length;
      } else {
        offset = writeEvent(chunk, offset, item);
        this.waitingEvents.get(item.token)?.delete(item.path);
        released += eventFrameBytes(item) + EVENT_ENTRY_BYTES;
      }
    }
    this.head = end;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.replies -= replies;
    this.bytes -= released;
    return { chunk, replies, released };
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.replies = 0;
    this.bytes = 0;
    this.waitingEvents.clear();
  }

  private chunkEnd(maxBytes: number): number {
    let end = this.head;
    let size = 0;
    while (end < this.items.length && (end === this.head || size + frameBytes(this.items[end]!) <= maxBytes)) {
      size += frameBytes(this.items[end]!);
      end++;
    }
    return end;
  }
}

function frameBytes(item: OutgoingItem): number {
  return item instanceof Uint8Array ? item.length : eventFrameBytes(item);
}

/** Writes a WATCH_EVENT frame (`path\0token\0`, req_id and tx_id 0) at `offset`. */
function writeEvent(chunk: Buffer, offset: number, event: PendingEvent): number {
  const payloadStart = offset + HEADER_SIZE;
  let at = payloadStart + chunk.write(event.path, payloadStart, 'utf8');
  chunk[at++] = 0;
  chunk.set(event.token, at);
  at += event.token.length;
  chunk[at++] = 0;
  chunk.writeUInt32LE(XsType.WATCH_EVENT, offset);
  chunk.writeUInt32LE(0, offset + 4);
  chunk.writeUInt32LE(0, offset + 8);
  chunk.writeUInt32LE(at - payloadStart, offset + 12);
  return at;
}
