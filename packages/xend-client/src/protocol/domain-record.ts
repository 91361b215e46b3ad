import { type SExpr, SexprCursor } from '@libvirt-ts/sexpr';
import { secondsToNanoseconds } from './cpu-time.js';
import { FieldReader, recordError } from './read-fields.js';

/**
 * One domain as xend describes it (`GET /xend/domain/<name>?detail=1`), in xend's fields and
 * units. virt's xend driver maps it to virDomainInfo.
 */
export interface XendDomainRecord {
  /** `domid`; undefined when xend gives none (a managed domain that is not running). */
  domid: number | undefined;
  name: string;
  /** `uuid`, canonical lower-case `8-4-4-4-12`. */
  uuid: string;
  /** `state`: xend's six flags as sent (`-b----`), or undefined when absent (see mostSeriousStateFlag). */
  state: string | undefined;
  /** `status`: 0 for a managed domain that is halted; undefined when absent. */
  status: number | undefined;
  /** `maxmem` and `memory`, in MiB as xend counts them (0 when absent, as libvirt read them). */
  maxmem: number;
  memory: number;
  /** `vcpus` (0 when absent). */
  vcpus: number;
  /** `cpu_time` (seconds, a decimal) read exactly, in nanoseconds: a double cannot hold it. 0 when absent. */
  cpuTimeNs: bigint;
  /** The whole `(domain ...)` record, for the sexpr -> XML converter. */
  sexpr: SExpr;
}

/** Decodes one `(domain ...)` record. Throws PARSE_ERROR naming the domain and field. */
export function decodeDomain(record: SExpr): XendDomainRecord {
  return decodeDomainAt(SexprCursor.of(record), undefined, record);
}

/** Decodes the `(domain ...)` record at `node` of `cursor` (its root by default); `record` is that node if the caller has it. */
function decodeDomainAt(cursor: SexprCursor, node = cursor.root, record?: SExpr): XendDomainRecord {
  const fields = new FieldReader(cursor, 'domain', node);
  const name = fields.requiredString('name');
  fields.what = `domain ${JSON.stringify(name)}`;
  const uuid = fields.requiredUuid('uuid');
  const cpuTimeText = fields.string('cpu_time');
  const cpuTimeNs = cpuTimeText === undefined ? 0n : secondsToNanoseconds(cpuTimeText);
  if (cpuTimeNs === undefined) throw fields.error(`bad field domain/cpu_time: not a number: "${cpuTimeText}"`);
  return {
    domid: fields.optionalInt('domid'),
    name,
    uuid,
    state: fields.string('state'),
    status: fields.optionalInt('status'),
    maxmem: fields.int('maxmem'),
    memory: fields.int('memory'),
    vcpus: fields.int('vcpus'),
    cpuTimeNs,
    sexpr: record ?? cursor.node(node),
  };
}

/** Decodes the answer of `GET /xend/domain?detail=1`: a list of `(domain ...)` records. */
export function decodeDomainList(answer: SExpr): XendDomainRecord[] {
  const cursor = SexprCursor.of(answer);
  const first = cursor.firstChild(cursor.root);
  // A list with an atom head is a names list or a single record, not a list of records.
  if (!cursor.isList(cursor.root) || (first !== SexprCursor.NONE && !cursor.isList(first))) {
    throw recordError('domain list', 'expected a list of (domain ...) records');
  }
  const domains: XendDomainRecord[] = [];
  for (let domain = first; domain !== SexprCursor.NONE; domain = cursor.nextSibling(domain)) {
    domains.push(decodeDomainAt(cursor, domain));
  }
  return domains;
}

/** Decodes the answer of `GET /xend/domain`: a list of names. */
export function decodeDomainNames(answer: SExpr): string[] {
  if (answer.type !== 'list') throw recordError('domain name list', 'expected a list of domain names');
  return answer.items.map((item, index) => {
    if (item.type !== 'atom') throw recordError('domain name list', `item ${index} is a list, not a domain name`);
    return item.value;
  });
}
