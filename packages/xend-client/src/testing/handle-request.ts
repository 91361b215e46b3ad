import { atom, list, parseSexpr, printSexpr, type SExpr } from '@libvirt-ts/sexpr';
import { XendError } from '../errors/xend-error.js';
import type { FakeDomain } from './fake-domain.js';
import { type FakeXendState, xendFailure } from './fake-xend-state.js';
import { decodeSaveImage, encodeSaveImage } from './save-image.js';

/** A request as the fake's router sees it: query and form fields merged, as xend does. */
export interface FakeRequest {
  method: string;
  /** The raw path, without the query. */
  path: string;
  args: URLSearchParams;
}

export interface FakeAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The files behind save and restore: the server gives real ones, tests may give others. */
export interface SaveFiles {
  read(path: string): Promise<Uint8Array>;
  write(path: string, bytes: Uint8Array): Promise<void>;
}

const SXP = 'application/sxp';
const TEXT = 'text/plain';

const sxpAnswer = (tree: SExpr, status = 200): FakeAnswer => ({ status, contentType: SXP, body: printSexpr(tree) });
const textAnswer = (body: string, status = 200): FakeAnswer => ({ status, contentType: TEXT, body });
const done = (status = 200): FakeAnswer => textAnswer('', status);
/** An op whose answer is empty: it acts, then answers `status`. */
const act =
  (run: () => void, status = 200): Op =>
  () => {
    run();
    return done(status);
  };

/**
 * Routes one request to the state, as xend 3.x's SrvNode / SrvDomainDir / SrvDomain, and
 * turns every failure into xend's answer: `(xend.err '...')` with 404 or 500, 406 for a
 * missing or repeated op, 501 for an op xend does not have.
 */
export async function handleRequest(state: FakeXendState, files: SaveFiles, request: FakeRequest): Promise<FakeAnswer> {
  state.countRequest(request.method, request.path);
  try {
    const segments = splitPath(request.path);
    if (request.method !== 'GET' && request.method !== 'POST') {
      return textAnswer(`Unsupported method ${request.method}`, 501);
    }
    return await route(state, files, request, segments);
  } catch (error) {
    const status = XendError.isInstance(error) && error.status !== undefined ? error.status : 500;
    const message = error instanceof Error ? error.message : String(error);
    return sxpAnswer(list(atom('xend.err'), atom(message)), status);
  }
}

function splitPath(path: string): string[] {
  try {
    return path.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  } catch {
    throw xendFailure(404, `Not found: ${path}`);
  }
}

async function route(state: FakeXendState, files: SaveFiles, request: FakeRequest, segments: string[]): Promise<FakeAnswer> {
  const [root, collection, item, ...rest] = segments;
  const isGet = request.method === 'GET';
  if (root !== 'xend' || rest.length > 0) throw xendFailure(404, `Not found: ${request.path}`);
  if (collection === 'node') {
    if (item === undefined) return isGet ? sxpAnswer(state.nodeRecord()) : perform(request, {});
    if (item === 'dmesg') {
      if (isGet) return textAnswer(state.dmesg);
      return perform(request, { clear: act(() => state.clearDmesg()) });
    }
    if (item === 'log' && isGet) return textAnswer(state.xendLog);
  }
  if (collection === 'domain') {
    if (item === undefined) {
      if (isGet) {
        return sxpAnswer(request.args.get('detail') === '1' ? state.domainRecords() : state.domainNamesInState(request.args.get('state')));
      }
      return perform(request, {
        create: () => sxpAnswer(state.domainRecord(state.create(parseConfig(request.args))), 201),
        restore: async () => sxpAnswer(state.domainRecord(state.restore(await readSaveImage(files, request.args))), 201),
        // xend 3.0.4+'s op_new answers nothing; older xend has no such op (501)
        ...(state.managesDomains ? { new: act(() => state.define(parseConfig(request.args))) } : {}),
      });
    }
    const domain = state.find(item);
    if (isGet) return sxpAnswer(state.domainRecord(domain));
    return perform(request, domainOps(state, files, domain, request.args));
  }
  throw xendFailure(404, `Not found: ${request.path}`);
}

type Op = () => FakeAnswer | Promise<FakeAnswer>;

/** xend's SrvBase.perform: exactly one `op`, dispatched to its handler. */
function perform(request: FakeRequest, ops: Record<string, Op>): FakeAnswer | Promise<FakeAnswer> {
  const requested = request.args.getAll('op');
  if (requested.length !== 1) return textAnswer('Invalid request', 406);
  const op = requested[0]!;
  const handler = Object.hasOwn(ops, op) ? ops[op] : undefined;
  if (handler === undefined) return textAnswer(`Operation not implemented: ${op}`, 501);
  return handler();
}

function domainOps(state: FakeXendState, files: SaveFiles, domain: FakeDomain, args: URLSearchParams): Record<string, Op> {
  return {
    pause: act(() => state.pause(domain)),
    unpause: act(() => state.unpause(domain)),
    shutdown: act(() => state.shutdown(domain, args.get('reason') ?? ''), 202),
    destroy: act(() => state.destroy(domain)),
    wait_for_devices: act(() => state.waitForDevices(domain)),
    save: async () => {
      const file = requiredArg(args, 'file');
      try {
        await files.write(file, encodeSaveImage(state.saveConfig(domain)));
      } catch (cause) {
        if (XendError.isInstance(cause)) throw cause;
        throw xendFailure(500, `Save failed: ${(cause as Error).message}`);
      }
      state.finishSave(domain, file);
      return done();
    },
    maxmem_set: act(() => state.setMaxMemory(domain, intArg(args, 'memory'))),
    mem_target_set: act(() => state.setMemoryTarget(domain, intArg(args, 'target'))),
    set_vcpus: act(() => state.setVcpus(domain, intArg(args, 'vcpus'))),
    rename: act(() => state.rename(domain, requiredArg(args, 'name'))),
    sysrq: act(() => state.sysrq(domain, requiredArg(args, 'key'))),
    // managed domains (xend 3.0.4+): both answer 202 Accepted, as xend's acceptCommand
    ...(state.managesDomains
      ? { start: act(() => state.start(domain), 202), delete: act(() => state.delete(domain), 202) }
      : {}),
  };
}

function requiredArg(args: URLSearchParams, name: string): string {
  const value = args.get(name);
  if (value === null || value === '') throw xendFailure(500, `Missing argument: ${name}`);
  return value;
}

function intArg(args: URLSearchParams, name: string): number {
  const value = requiredArg(args, name);
  if (!/^\d+$/.test(value)) throw xendFailure(500, `Invalid argument ${name}: '${value}' is not an integer`);
  return Number(value);
}

function parseConfig(args: URLSearchParams): SExpr {
  const text = requiredArg(args, 'config');
  try {
    return parseSexpr(text);
  } catch (cause) {
    throw xendFailure(500, `Invalid configuration ${(cause as Error).message}`);
  }
}

async function readSaveImage(files: SaveFiles, args: URLSearchParams): Promise<SExpr> {
  const file = requiredArg(args, 'file');
  try {
    return decodeSaveImage(await files.read(file));
  } catch (cause) {
    throw xendFailure(500, `Restore failed: ${(cause as Error).message}`);
  }
}
