import { headOf, lookupString, parseSexpr, printSexpr, type SExpr, SexprError } from '@libvirt-ts/sexpr';
import { XendError } from '../errors/xend-error.js';
import { checkAnswer } from '../protocol/check-answer.js';
import {
  decodeDomain,
  decodeDomainList,
  decodeDomainNames,
  type XendDomainRecord,
} from '../protocol/domain-record.js';
import { describeRequest, type XendHttpRequest } from '../protocol/http-exchange.js';
import { decodeNode, type XendNodeRecord } from '../protocol/node-record.js';
import { describeEndpoint, endpointsForName, type XendEndpoint } from '../transport/endpoint.js';
import { sendRequest } from '../transport/send-request.js';

export interface XendClientOptions {
  /** Deadline of each request, from connect to the last byte of the answer. Default 30 s. */
  timeoutMs?: number;
  /**
   * Deadline of the requests that copy a guest's memory or build a guest (save, restore, and
   * create's `op=create` and `op=wait_for_devices`), which xend answers only when done.
   * Default 10 minutes.
   */
  slowTimeoutMs?: number;
  /** Longest answer accepted. Default 64 MiB. */
  maxResponseBytes?: number;
}

/** Per-call options: an AbortSignal, and a deadline other than the client's. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A domain as xend's URLs name it: by name, or by numeric id. */
export type DomainName = string | number;

/** How a domain is asked to shut down: `halt` and `poweroff` stop it, `reboot` restarts it. */
export type ShutdownReason = 'halt' | 'poweroff' | 'reboot';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_SLOW_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * A client of xend's HTTP interface (Xen 3.x). Each call is one request on its own
 * connection, as xend serves them, so calls can run concurrently. Every failure is a
 * XendError.
 */
export class XendClient {
  readonly endpoint: XendEndpoint;
  private readonly timeoutMs: number;
  private readonly slowTimeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(endpoint: XendEndpoint, options: XendClientOptions = {}) {
    this.endpoint = endpoint;
    this.timeoutMs = positive(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
    this.slowTimeoutMs = positive(options.slowTimeoutMs ?? DEFAULT_SLOW_TIMEOUT_MS, 'slowTimeoutMs');
    this.maxResponseBytes = positive(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, 'maxResponseBytes');
  }

  /**
   * A client for a connection name, checked with a node request as libvirt's xenDaemonOpen:
   * none/""/"xen" tries the unix socket /var/lib/xend/xend-socket, then TCP localhost:8000;
   * `http://host:port` is TCP; a name without a scheme is a socket path.
   */
  static async open(name?: string, options: XendClientOptions & CallOptions = {}): Promise<XendClient> {
    return XendClient.connectFirst(endpointsForName(name), options);
  }

  /**
   * A client for the first endpoint that answers a node request, trying them in order. When
   * none does, the error is the last one's (its code, endpoint and cause) with every attempt
   * in the message.
   */
  static async connectFirst(
    endpoints: readonly XendEndpoint[],
    options: XendClientOptions & CallOptions = {},
  ): Promise<XendClient> {
    if (endpoints.length === 0) throw invalidArg('no xend endpoint to try');
    const failures: XendError[] = [];
    for (const endpoint of endpoints) {
      const client = new XendClient(endpoint, options);
      try {
        await client.getNode(options);
        return client;
      } catch (error) {
        if (!XendError.isInstance(error) || error.code === 'ABORTED') throw error;
        failures.push(error);
      }
    }
    const last = failures[failures.length - 1]!;
    if (failures.length === 1) throw last;
    throw new XendError({
      code: last.code,
      message: `cannot reach xend: ${failures.map((failure) => failure.message).join('; ')}`,
      endpoint: last.endpoint,
      request: last.request,
      status: last.status,
      xendMessage: last.xendMessage,
      cause: last,
    });
  }

  /** Host and hypervisor facts: CPUs, memory, the Xen version and capabilities. */
  async getNode(call?: CallOptions): Promise<XendNodeRecord> {
    return decodeNode(await this.getSexpr('/xend/node/', call));
  }

  /** The names of all domains xend knows, Domain-0 included. */
  async listDomainNames(call?: CallOptions): Promise<string[]> {
    return decodeDomainNames(await this.getSexpr('/xend/domain', call));
  }

  /** Every domain with its details, in one request. */
  async listDomains(call?: CallOptions): Promise<XendDomainRecord[]> {
    return decodeDomainList(await this.getSexpr('/xend/domain?detail=1', call));
  }

  /** One domain's details, by name or id. NO_DOMAIN when xend does not know it. */
  async getDomain(domain: DomainName, call?: CallOptions): Promise<XendDomainRecord> {
    return decodeDomain(await this.getSexpr(`${domainPath(domain)}?detail=1`, call));
  }

  async pause(domain: DomainName, call?: CallOptions): Promise<void> {
    await this.domainOp(domain, [['op', 'pause']], call);
  }

  async unpause(domain: DomainName, call?: CallOptions): Promise<void> {
    await this.domainOp(domain, [['op', 'unpause']], call);
  }

  /** Asks the guest to shut down (it goes through the shutdown state, then away or restarts). */
  async shutdown(domain: DomainName, reason: ShutdownReason = 'halt', call?: CallOptions): Promise<void> {
    if (!['halt', 'poweroff', 'reboot'].includes(reason)) {
      throw invalidArg(`shutdown reason must be halt, poweroff or reboot, not ${JSON.stringify(reason)}`);
    }
    await this.domainOp(domain, [['op', 'shutdown'], ['reason', reason]], call);
  }

  /** Stops the domain at once. */
  async destroy(domain: DomainName, call?: CallOptions): Promise<void> {
    await this.domainOp(domain, [['op', 'destroy']], call);
  }

  /** Saves the domain's state to `file` (a path on xend's host) and stops it. */
  async save(domain: DomainName, file: string, call?: CallOptions): Promise<void> {
    await this.domainOp(domain, [['op', 'save'], ['file', requireText(file, 'save file')]], this.slow(call));
  }

  /** Restores a domain saved with `save`; it comes back running, with a new id. */
  async restore(file: string, call?: CallOptions): Promise<XendDomainRecord | undefined> {
    const form: [string, string][] = [['op', 'restore'], ['file', requireText(file, 'restore file')]];
    const answer = await this.post('/xend/domain/', form, this.slow(call));
    return decodeOptionalDomain(answer);
  }

  /**
   * Creates a domain from its xend config `(vm (name ...) ...)` (a tree or its text), waits for
   * its devices and unpauses it, as libvirt did; if a step after creation fails the half-made
   * domain is destroyed. Returns the running domain.
   */
  async create(config: SExpr | string, call?: CallOptions): Promise<XendDomainRecord> {
    const tree = typeof config === 'string' ? parseConfig(config) : config;
    const name = configName(tree);
    await this.post('/xend/domain/', [['op', 'create'], ['config', printSexpr(tree)]], this.slow(call));
    try {
      await this.domainOp(name, [['op', 'wait_for_devices']], this.slow(call));
      await this.unpause(name, call);
    } catch (error) {
      await this.destroy(name, call).catch(() => {
        // Best effort: the original failure is the one worth reporting.
      });
      throw error;
    }
    return this.getDomain(name, call);
  }

  /**
   * Defines a managed domain from its xend config `(vm (name ...) ...)` without starting it
   * (`op=new`, Xen 3.0.4+). Returns the inactive domain as xend then describes it (id -1).
   * NO_SUPPORT from an older xend, which does not know the op.
   */
  async defineDomain(config: SExpr | string, call?: CallOptions): Promise<XendDomainRecord> {
    const tree = typeof config === 'string' ? parseConfig(config) : config;
    const name = configName(tree);
    await this.managedOp('new', () => this.post('/xend/domain/', [['op', 'new'], ['config', printSexpr(tree)]], call));
    return this.getDomain(name, call);
  }

  /**
   * Starts a defined, inactive domain (`op=start`, Xen 3.0.4+): xend builds it, waits for its
   * devices and runs it. Returns the running domain with its new id.
   */
  async startDomain(name: string, call?: CallOptions): Promise<XendDomainRecord> {
    await this.managedOp('start', () => this.domainOp(name, [['op', 'start']], this.slow(call)));
    return this.getDomain(name, call);
  }

  /** Forgets a defined domain (`op=delete`, Xen 3.0.4+); xend refuses while it runs. */
  async deleteDomain(name: string, call?: CallOptions): Promise<void> {
    await this.managedOp('delete', () => this.domainOp(name, [['op', 'delete']], call));
  }

  /**
   * The names of the managed domains that are not running (`GET /xend/domain?state=halted`, as
   * later libvirt listed them). Only for xend 3.0.4+ (see hasManagedDomains): an older xend
   * ignores `state` and answers every running domain's name.
   */
  async listInactiveDomainNames(call?: CallOptions): Promise<string[]> {
    return decodeDomainNames(await this.getSexpr('/xend/domain?state=halted', call));
  }

  /** The most memory the domain may have, in KiB (sent to xend in MiB, rounded down). */
  async setMaxMemory(domain: DomainName, kib: number, call?: CallOptions): Promise<void> {
    await this.domainOp(domain, [['op', 'maxmem_set'], ['memory', kibToMib(kib)]], call);
  }

  /** The balloon target, in KiB (sent to xend in MiB, rounded down). */
  async setMemoryTarget(domain: DomainName, kib: number, call?: CallOptions): Promise<void> {
    await this.domainOp(domain, [['op', 'mem_target_set'], ['target', kibToMib(kib)]], call);
  }

  async setVcpus(domain: DomainName, vcpus: number, call?: CallOptions): Promise<void> {
    if (!Number.isSafeInteger(vcpus) || vcpus < 1) throw invalidArg(`vcpus must be a positive integer, not ${vcpus}`);
    await this.domainOp(domain, [['op', 'set_vcpus'], ['vcpus', String(vcpus)]], call);
  }

  async rename(domain: DomainName, newName: string, call?: CallOptions): Promise<void> {
    await this.domainOp(domain, [['op', 'rename'], ['name', requireText(newName, 'new name')]], call);
  }

  /** Sends a magic SysRq key (one character, such as `s` or `b`) to the guest. */
  async sysrq(domain: DomainName, key: string, call?: CallOptions): Promise<void> {
    if ([...key].length !== 1) throw invalidArg(`a sysrq key is one character, not ${JSON.stringify(key)}`);
    await this.domainOp(domain, [['op', 'sysrq'], ['key', key]], call);
  }

  /** The hypervisor's console messages (`xm dmesg`). */
  async dmesg(call?: CallOptions): Promise<string> {
    return this.getText('/xend/node/dmesg', call);
  }

  /** Empties the hypervisor's message buffer (`xm dmesg -c`). */
  async clearDmesg(call?: CallOptions): Promise<void> {
    await this.post('/xend/node/dmesg', [['op', 'clear']], call);
  }

  /** xend's own log file. */
  async log(call?: CallOptions): Promise<string> {
    return this.getText('/xend/node/log', call);
  }

  private async getSexpr(path: string, call?: CallOptions): Promise<SExpr> {
    const request: XendHttpRequest = { method: 'GET', path };
    const body = await this.exchange(request, call);
    try {
      return parseSexpr(body);
    } catch (cause) {
      if (!SexprError.isInstance(cause)) throw cause;
      const where = describeEndpoint(this.endpoint);
      const what = describeRequest(request);
      throw new XendError({
        code: 'PARSE_ERROR',
        message: `${what} on ${where}: the answer is not an S-expression: ${cause.message}`,
        endpoint: where,
        request: what,
        cause,
      });
    }
  }

  /** The call's options with the slow deadline, unless the caller gave one. */
  private slow(call: CallOptions = {}): CallOptions {
    return { ...call, timeoutMs: call.timeoutMs ?? this.slowTimeoutMs };
  }

  /** A managed-domain op: xend before 3.0.4 answers 501 "Operation not implemented", which is NO_SUPPORT. */
  private async managedOp<T>(op: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (!XendError.isInstance(error) || error.status !== 501) throw error;
      throw new XendError({
        code: 'NO_SUPPORT',
        message: `xend on ${describeEndpoint(this.endpoint)} has no managed domains (op=${op} needs Xen 3.0.4 or later): ${error.message}`,
        endpoint: error.endpoint,
        request: error.request,
        status: error.status,
        xendMessage: error.xendMessage,
        cause: error,
      });
    }
  }

  private getText(path: string, call?: CallOptions): Promise<string> {
    return this.exchange({ method: 'GET', path }, call);
  }

  private domainOp(domain: DomainName, form: [string, string][], call?: CallOptions): Promise<string> {
    return this.post(domainPath(domain), form, call);
  }

  private post(path: string, form: [string, string][], call?: CallOptions): Promise<string> {
    return this.exchange({ method: 'POST', path, form }, call);
  }

  private async exchange(request: XendHttpRequest, call: CallOptions = {}): Promise<string> {
    const response = await sendRequest(this.endpoint, request, {
      timeoutMs: call.timeoutMs === undefined ? this.timeoutMs : positive(call.timeoutMs, 'timeoutMs'),
      signal: call.signal,
      maxResponseBytes: this.maxResponseBytes,
    });
    checkAnswer(request, response, describeEndpoint(this.endpoint));
    return response.body;
  }
}

function invalidArg(message: string): XendError {
  return new XendError({ code: 'INVALID_ARG', message });
}

function positive(value: number, what: string): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw invalidArg(`${what} must be a positive number, not ${value}`);
  }
  return value;
}

function requireText(value: string, what: string): string {
  if (typeof value !== 'string' || value === '') throw invalidArg(`${what} must be a non-empty string`);
  return value;
}

/** `/xend/domain/<name>`; the name is escaped (xend unescapes path segments). */
function domainPath(domain: DomainName): string {
  if (typeof domain === 'number') {
    if (!Number.isSafeInteger(domain) || domain < 0) throw invalidArg(`a domain id must be a non-negative integer, not ${domain}`);
    return `/xend/domain/${domain}`;
  }
  return `/xend/domain/${encodeURIComponent(requireText(domain, 'a domain name'))}`;
}

function kibToMib(kib: number): string {
  if (!Number.isSafeInteger(kib) || kib < 0) throw invalidArg(`memory must be a non-negative number of KiB, not ${kib}`);
  return String(Math.floor(kib / 1024));
}

function parseConfig(text: string): SExpr {
  try {
    return parseSexpr(text);
  } catch (cause) {
    if (!SexprError.isInstance(cause)) throw cause;
    throw new XendError({ code: 'INVALID_ARG', message: `the domain config is not an S-expression: ${cause.message}`, cause });
  }
}

function configName(config: SExpr): string {
  let name: string | undefined;
  try {
    name = headOf(config) === 'vm' ? lookupString(config, 'vm/name') : undefined;
  } catch (cause) {
    throw new XendError({ code: 'INVALID_ARG', message: 'the domain config has a malformed (name ...)', cause });
  }
  if (name === undefined || name === '') throw invalidArg('the domain config must be (vm (name ...) ...) with a name');
  return name;
}

/** xend answers a restore with the new domain's record; anything else gives undefined. */
function decodeOptionalDomain(body: string): XendDomainRecord | undefined {
  let tree: SExpr;
  try {
    tree = parseSexpr(body);
  } catch {
    return undefined;
  }
  return headOf(tree) === 'domain' ? decodeDomain(tree) : undefined;
}
