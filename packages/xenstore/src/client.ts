import { XenstoreError } from './errors.js';
import { XenstoreOperations, checkPath, type SendRequest } from './operations.js';
import { isXsErrnoName } from './protocol/errno.js';
import { FrameDecoder } from './protocol/frame-decoder.js';
import { encodeMessage, type XsMessage } from './protocol/message.js';
import { MODIFYING_TYPES, XsType } from './protocol/message-type.js';
import { MAX_DOMID } from './protocol/permissions.js';
import { fromUtf8, nulTerminated, splitNulTerminated } from './protocol/strings.js';
import { XenstoreTransaction } from './transaction.js';
import { type LocateOptions, openTransport } from './transport/locate.js';
import type { XenstoreTransport } from './transport/transport.js';
import { type WatchOptions, XenstoreWatch } from './watch.js';

export interface ConnectOptions {
  /** A socket or device path. Default: libxenstore's search ($XENSTORED_PATH, /var/run/xenstored/socket, /dev/xen/xenbus). */
  path?: string | undefined;
  /** Refuse writes locally with EROFS, and search `socket_ro` first. */
  readOnly?: boolean | undefined;
  /** Environment for the search (default: process.env). */
  env?: Record<string, string | undefined> | undefined;
}

export interface TransactionOptions {
  /** How many times to run `fn` in all when commits answer EAGAIN (default 10). */
  attempts?: number | undefined;
}

interface PendingRequest {
  type: number;
  path: string | undefined;
  resolve: (payload: Uint8Array) => void;
  reject: (error: XenstoreError) => void;
}

const REQ_ID_SPACE = 2 ** 32;
/**
 * Replies may be longer than the 4096 bytes requests may be: oxenstored answers socket clients
 * a DIRECTORY of any size rather than E2BIG (seen with Xen 4.17's oxenstored).
 */
const MAX_REPLY_PAYLOAD = 1024 * 1024;
const DEFAULT_ATTEMPTS = 10;

/**
 * A connection to xenstored. Any number of requests may be in flight; replies are routed back by
 * req_id and watch events by token. Node operations (read, write, mkdir, rm, directory,
 * getPermissions, setPermissions, exists) come from XenstoreOperations.
 */
export class XenstoreClient extends XenstoreOperations {
  protected readonly txId = 0;
  protected readonly sendRequest: SendRequest = (type, payload, txId, path) => this.request(type, payload, txId, path);

  private readonly pending = new Map<number, PendingRequest>();
  private readonly watches = new Map<string, XenstoreWatch>();
  private readonly decoder = new FrameDecoder(MAX_REPLY_PAYLOAD);
  private readonly tokenPrefix = `ts${process.pid.toString(36)}.${Math.random().toString(36).slice(2, 8)}.`;
  /** Frames waiting for a free slot when the transport limits requests in flight. */
  private readonly waitingFrames: Uint8Array[] = [];
  private readonly maxInFlight: number;
  private nextReqId = 1;
  private nextToken = 1;
  private closedError: XenstoreError | undefined;
  private closeRequested = false;
  private readonly closedPromise: Promise<void>;

  /** Connects through `options.path` or libxenstore's search order. */
  static async connect(options: ConnectOptions = {}): Promise<XenstoreClient> {
    return new XenstoreClient(await openTransport(options satisfies LocateOptions), options);
  }

  constructor(
    private readonly transport: XenstoreTransport,
    private readonly options: Pick<ConnectOptions, 'readOnly'> = {},
  ) {
    super();
    this.maxInFlight = transport.maxRequestsInFlight ?? Number.POSITIVE_INFINITY;
    transport.onData((chunk) => this.receive(chunk));
    this.closedPromise = new Promise((resolve) => {
      transport.onClose((error) => {
        this.connectionLost(error);
        resolve();
      });
    });
  }

  /** Where the client is connected, e.g. `unix:/var/run/xenstored/socket`. */
  get description(): string {
    return this.transport.description;
  }

  get closed(): boolean {
    return this.closedError !== undefined;
  }

  /** Sends a raw request outside any transaction and resolves with the reply payload. */
  request(type: number, payload: Uint8Array, txId = 0, path?: string): Promise<Uint8Array> {
    if (this.closedError) return Promise.reject(this.closedError);
    if (this.options.readOnly && MODIFYING_TYPES.has(type)) {
      return Promise.reject(new XenstoreError({ code: 'EROFS', message: 'this connection is read-only', path, type }));
    }
    const reqId = this.allocateReqId();
    return new Promise<Uint8Array>((resolve, reject) => {
      const frame = encodeMessage({ type, reqId, txId, payload });
      // Counted before it is added: the requests already awaiting a reply.
      const inFlight = this.pending.size - this.waitingFrames.length;
      this.pending.set(reqId, { type, path, resolve, reject });
      if (inFlight < this.maxInFlight) this.transport.write(frame);
      else this.waitingFrames.push(frame);
    });
  }

  /** Starts a transaction; end it with `commit()` or `abort()`. */
  async beginTransaction(): Promise<XenstoreTransaction> {
    const reply = await this.request(XsType.TRANSACTION_START, nulTerminated(['']));
    const text = firstString(reply);
    const id = Number(text);
    if (!/^\d+$/.test(text) || id === 0 || id >= REQ_ID_SPACE) {
      throw new XenstoreError({ code: 'EPROTO', message: `TRANSACTION_START answered ${JSON.stringify(text)}, not a transaction id` });
    }
    return new XenstoreTransaction(id, this.sendRequest);
  }

  /**
   * Runs `fn` in a transaction and commits. A commit answering EAGAIN (a conflicting change) runs
   * `fn` again in a new transaction, up to `attempts` times in all; anything `fn` throws aborts the
   * transaction and is rethrown.
   */
  async transaction<T>(fn: (tx: XenstoreTransaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
    if (!Number.isInteger(attempts) || attempts < 1) throw new XenstoreError({ code: 'EINVAL', message: `attempts must be a positive integer, not ${attempts}` });
    for (let attempt = 1; ; attempt++) {
      const tx = await this.beginTransaction();
      let result: T;
      try {
        result = await fn(tx);
      } catch (error) {
        await tx.abort().catch(() => {});
        if (isConflict(error) && attempt < attempts) continue;
        throw error;
      }
      try {
        await tx.commit();
        return result;
      } catch (error) {
        if (!isConflict(error) || attempt >= attempts) throw error;
      }
    }
  }

  /**
   * Watches `path` and everything below it (or a special path: `@introduceDomain`,
   * `@releaseDomain`). The first event is the registration event for `path` itself.
   */
  watch(path: string, options: WatchOptions = {}): XenstoreWatch {
    const token = options.token ?? `${this.tokenPrefix}${this.nextToken++}`;
    const parts = [path, token];
    if (options.depth !== undefined) parts.push(String(options.depth));
    let registration: Promise<{ unwatch(): Promise<void> }>;
    let sent = false;
    try {
      checkPath(path, XsType.WATCH, true);
      if (this.watches.has(token)) throw new XenstoreError({ code: 'EEXIST', message: `token ${JSON.stringify(token)} is already in use`, path });
      // Sent now, so the watch sees every change requested after this call.
      registration = this.request(XsType.WATCH, nulTerminated(parts), 0, path).then(
        () => ({
          unwatch: async () => {
            this.watches.delete(token);
            if (!this.closedError) await this.request(XsType.UNWATCH, nulTerminated([path, token]), 0, path);
          },
        }),
        (error: unknown) => {
          if (this.watches.get(token) === watch) this.watches.delete(token);
          throw error;
        },
      );
      sent = true;
    } catch (error) {
      registration = Promise.reject(error);
    }
    const watch: XenstoreWatch = new XenstoreWatch(path, token, registration, options.signal, options.maxQueuedEvents);
    if (sent) this.watches.set(token, watch);
    return watch;
  }

  /** `/local/domain/<domid>` as xenstored reports it. */
  async getDomainPath(domid: number): Promise<string> {
    return firstString(await this.domainRequest(XsType.GET_DOMAIN_PATH, [domid]));
  }

  /** Tells xenstored about a new domain's ring page (guest frame number) and event channel. */
  async introduceDomain(domid: number, gfn: number | bigint, eventChannel: number): Promise<void> {
    await this.domainRequest(XsType.INTRODUCE, [domid], [String(gfn), String(eventChannel)]);
  }

  async releaseDomain(domid: number): Promise<void> {
    await this.domainRequest(XsType.RELEASE, [domid]);
  }

  async isDomainIntroduced(domid: number): Promise<boolean> {
    const answer = firstString(await this.domainRequest(XsType.IS_DOMAIN_INTRODUCED, [domid]));
    if (answer !== 'T' && answer !== 'F') throw new XenstoreError({ code: 'EPROTO', message: `IS_DOMAIN_INTRODUCED answered ${JSON.stringify(answer)}` });
    return answer === 'T';
  }

  async resumeDomain(domid: number): Promise<void> {
    await this.domainRequest(XsType.RESUME, [domid]);
  }

  /** Lets `domid` act on `targetDomid`'s nodes (a device model's stub domain). */
  async setTarget(domid: number, targetDomid: number): Promise<void> {
    await this.domainRequest(XsType.SET_TARGET, [domid, targetDomid]);
  }

  /** XS_CONTROL (2006: XS_DEBUG): an implementation-specific command; resolves with the reply text. */
  async control(command: string, ...args: string[]): Promise<string> {
    const reply = await this.request(XsType.CONTROL, nulTerminated([command, ...args]), 0, command);
    return splitNulTerminated(reply, 'keep').map(fromUtf8).join('\n');
  }

  /** `XS_DEBUG`, the 2006 name of `XS_CONTROL`. */
  debug(command: string, ...args: string[]): Promise<string> {
    return this.control(command, ...args);
  }

  /** Drops every watch and transaction this connection has on the server. */
  async resetWatches(): Promise<void> {
    await this.request(XsType.RESET_WATCHES, nulTerminated(['']));
  }

  /** Closes the connection: pending requests reject with ECONNRESET, watches end. */
  async close(): Promise<void> {
    if (!this.closedError) {
      this.closeRequested = true;
      this.closedError = new XenstoreError({ code: 'ECONNRESET', message: 'the xenstore connection was closed' });
      this.transport.close();
    }
    await this.closedPromise;
  }

  private domainRequest(type: number, domids: number[], extra: string[] = []): Promise<Uint8Array> {
    for (const domid of domids) {
      if (!Number.isInteger(domid) || domid < 0 || domid > MAX_DOMID) {
        return Promise.reject(new XenstoreError({ code: 'EINVAL', message: `domain id must be an integer 0..${MAX_DOMID}, not ${domid}`, type }));
      }
    }
    return this.request(type, nulTerminated([...domids.map(String), ...extra]), 0, String(domids[0]));
  }

  private allocateReqId(): number {
    for (;;) {
      const id = this.nextReqId;
      this.nextReqId = (this.nextReqId + 1) % REQ_ID_SPACE;
      if (!this.pending.has(id)) return id;
    }
  }

  private receive(chunk: Uint8Array): void {
    let messages: XsMessage[];
    try {
      messages = this.decoder.push(chunk);
    } catch (error) {
      this.closedError = new XenstoreError({ code: 'EPROTO', message: 'xenstored sent a malformed frame', cause: error });
      this.transport.close();
      return;
    }
    for (const message of messages) this.dispatch(message);
  }

  private dispatch(message: XsMessage): void {
    if (message.type === XsType.WATCH_EVENT) {
      const [path, token] = splitNulTerminated(message.payload).map(fromUtf8);
      if (path !== undefined && token !== undefined) this.watches.get(token)?.deliver({ path, token });
      return;
    }
    const request = this.pending.get(message.reqId);
    if (!request) return; // A reply to nothing we asked: ignore it, as libxenstore does.
    this.pending.delete(message.reqId);
    const next = this.waitingFrames.shift();
    if (next) this.transport.write(next);
    if (message.type === XsType.ERROR) {
      const name = firstString(message.payload);
      // libxenstore treats an unknown error name as EINVAL.
      const code = isXsErrnoName(name) ? name : 'EINVAL';
      request.reject(new XenstoreError({ code, message: `xenstored answered ${name}`, path: request.path, type: request.type }));
    } else if (message.type !== request.type) {
      request.reject(new XenstoreError({ code: 'EPROTO', message: `reply of type ${message.type} to a request of type ${request.type}`, path: request.path, type: request.type }));
    } else {
      request.resolve(message.payload);
    }
  }

  private connectionLost(error: Error | undefined): void {
    this.closedError ??= new XenstoreError({ code: 'ECONNRESET', message: 'xenstored closed the connection', cause: error });
    // Watches end quietly when we closed; a lost connection is an error for their readers.
    const lost = this.closeRequested ? undefined : this.closedError;
    for (const request of this.pending.values()) {
      request.reject(new XenstoreError({ code: this.closedError.code, message: this.closedError.message.replace(/^\w+: /, ''), path: request.path, type: request.type, cause: error }));
    }
    this.pending.clear();
    this.waitingFrames.length = 0;
    for (const watch of this.watches.values()) watch.connectionEnded(lost);
    this.watches.clear();
  }
}

function firstString(payload: Uint8Array): string {
  const nul = payload.indexOf(0);
  return fromUtf8(nul < 0 ? payload : payload.subarray(0, nul));
}

function isConflict(error: unknown): boolean {
  return XenstoreError.isInstance(error) && error.code === 'EAGAIN';
}
