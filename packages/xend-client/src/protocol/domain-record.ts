import { headOf, type SExpr } from '@libvirt-ts/sexpr';
import { secondsToNanoseconds } from './cpu-time.js';
import { DomainState, decodeDomainState } from './domain-state.js';
import { FieldReader, recordError } from './read-fields.js';
import { uuidToBytes } from './uuid.js';

/** virDomainInfo, as libvirt fills it from xend. Memory in KiB, cpuTime in nanoseconds. */
export interface DomainInfo {
  state: DomainState;
  maxMem: number;
  memory: number;
  nrVirtCpu: number;
  cpuTime: bigint;
}

/** One domain as xend describes it (`GET /xend/domain/<name>?detail=1`). */
export interface XendDomain {
  /** The domain id; -1 when xend gives none (a defined domain that is not running). */
  id: number;
  name: string;
  /** 16 raw bytes. */
  uuid: Uint8Array;
  /** Canonical lower-case `8-4-4-4-12`. */
  uuidString: string;
  info: DomainInfo;
  /** xend's six state flags as sent (`-b----`), or undefined when absent. */
  stateFlags: string | undefined;
  /** The whole `(domain ...)` record, for the sexpr -> XML converter. */
  sexpr: SExpr;
}

const MIB_TO_KIB = 1024;

/** Decodes one `(domain ...)` record. Throws PARSE_ERROR naming the domain and field. */
export function decodeDomain(record: SExpr): XendDomain {
  const fields = new FieldReader(record, 'domain');
  const name = fields.requiredString('name');
  fields.what = `domain ${JSON.stringify(name)}`;
  const uuidString = fields.requiredUuid('uuid');
  const cpuTimeText = fields.string('cpu_time');
  const cpuTime = cpuTimeText === undefined ? 0n : secondsToNanoseconds(cpuTimeText);
  if (cpuTime === undefined) throw fields.error(`bad field domain/cpu_time: not a number: "${cpuTimeText}"`);
  // A managed domain that is not running has no state flags and `(status 0)`: libvirt's SHUTOFF.
  const stateFlags = fields.string('state');
  return {
    id: fields.optionalInt('domid') ?? -1,
    name,
    uuid: uuidToBytes(uuidString),
    uuidString,
    info: {
      state: stateFlags === undefined && fields.optionalInt('status') === 0 ? DomainState.SHUTOFF : decodeDomainState(stateFlags),
      maxMem: fields.int('maxmem') * MIB_TO_KIB,
      memory: fields.int('memory') * MIB_TO_KIB,
      nrVirtCpu: fields.int('vcpus'),
      cpuTime,
    },
    stateFlags,
    sexpr: record,
  };
}

/** Decodes the answer of `GET /xend/domain?detail=1`: a list of `(domain ...)` records. */
export function decodeDomainList(answer: SExpr): XendDomain[] {
  // A list with an atom head is a names list or a single record, not a list of records.
  if (answer.type !== 'list' || headOf(answer) !== undefined) {
    throw recordError('domain list', 'expected a list of (domain ...) records');
  }
  return answer.items.map(decodeDomain);
}

/** Decodes the answer of `GET /xend/domain`: a list of names. */
export function decodeDomainNames(answer: SExpr): string[] {
  if (answer.type !== 'list') throw recordError('domain name list', 'expected a list of domain names');
  return answer.items.map((item, index) => {
    if (item.type !== 'atom') throw recordError('domain name list', `item ${index} is a list, not a domain name`);
    return item.value;
  });
}
