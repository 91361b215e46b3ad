/**
 * The daemon's whole repertoire: one read-only query of the connection per command, answered in
 * the layout libvirt's proxy used. A command missing from this table is never run; a failed query
 * is the protocol's failure answer (-1, or 0 where libvirt sent 0), never a closed client.
 */
import {
  argOf,
  dataFromArg,
  dataFromLong,
  decodeName,
  decodeUuid,
  encodeDomainInfo,
  encodeIdList,
  encodeName,
  encodeNameList,
  encodeNodeInfo,
  encodeText,
  encodeUuidAndName,
  PROXY_MAX_EXTRA,
  ProxyCommand,
  ProxyDomainFlag,
  type ProxyPacket,
} from '@libvirt-ts/proxy-protocol';
import type { Connection, Domain } from '@libvirt-ts/virt';

/** LIST answers at most this many ids: extra holds 4080 bytes of ints (libvirt's 1020). */
const MAX_LISTED_IDS = PROXY_MAX_EXTRA / 4;
const NOTHING = new Uint8Array(0);
/** DOMAIN_STATE's arg: the state plus this times the reason. */
const STATE_REASON_FACTOR = 256;
/** Control characters and '/', which no domain name holds. */
const UNNAMEABLE = /[\x00-\x1f\x7f/]/;

type Reply = { data: Uint8Array; extra?: Uint8Array };
type Handler = (connection: Connection, request: ProxyPacket) => Promise<Reply>;

/** The failure answer per command, where it is not `arg = -1`. */
const FAILURE: Partial<Record<number, Reply>> = {
  [ProxyCommand.LIST]: { data: dataFromArg(0) },
  [ProxyCommand.MAX_MEMORY]: { data: dataFromLong(0n) },
};

const byId = (connection: Connection, request: ProxyPacket): Promise<Domain> => connection.lookupByID(argOf(request));

/** LOOKUP_NAME and the named additions: the domain the request names. */
function byName(connection: Connection, request: ProxyPacket): Promise<Domain> {
  const name = decodeName(request.extra);
  // no domain is named so; such a name only ever probes the lookup paths below
  if (UNNAMEABLE.test(name)) throw new Error('not a domain name');
  return connection.lookupByName(name);
}

/** DOMAIN_FLAGS: each flag the driver can tell, with its known bit. */
async function domainFlags(domain: Domain): Promise<number> {
  const queries: [number, () => Promise<boolean>][] = [
    [ProxyDomainFlag.ACTIVE, () => domain.isActive()],
    [ProxyDomainFlag.PERSISTENT, () => domain.isPersistent()],
    [ProxyDomainFlag.AUTOSTART, () => domain.autostart()],
    [ProxyDomainFlag.MANAGED_SAVE, () => domain.hasManagedSaveImage()],
  ];
  let bits = 0;
  for (const [flag, query] of queries) {
    const value = await query().catch(() => undefined);
    if (value === undefined) continue;
    bits |= (flag << ProxyDomainFlag.KNOWN_SHIFT) | (value ? flag : 0);
  }
  return bits;
}

/** -2 where libvirt's proxy said a text did not fit in one packet. */
async function text(produce: Promise<string>): Promise<Reply> {
  const value = await produce;
  if (new TextEncoder().encode(value).length > PROXY_MAX_EXTRA) return { data: dataFromArg(-2) };
  return { data: dataFromArg(0), extra: encodeText(value) };
}

const HANDLERS: Readonly<Record<number, Handler>> = {
  [ProxyCommand.NONE]: async (_, request) => ({ data: request.data }),
  [ProxyCommand.VERSION]: async (connection) => ({ data: dataFromLong(BigInt(await connection.getVersion())) }),
  [ProxyCommand.NODE_INFO]: async (connection) => ({ data: dataFromArg(0), extra: encodeNodeInfo(await connection.nodeGetInfo()) }),
  [ProxyCommand.LIST]: async (connection) => {
    const ids = (await connection.listDomains()).slice(0, MAX_LISTED_IDS);
    return { data: dataFromArg(ids.length), extra: encodeIdList(ids) };
  },
  [ProxyCommand.NUM_DOMAIN]: async (connection) => ({ data: dataFromArg(await connection.numOfDomains()) }),
  [ProxyCommand.LOOKUP_ID]: async (connection, request) => {
    const domain = await byId(connection, request);
    return { data: dataFromArg(0), extra: encodeUuidAndName(domain.UUID(), domain.name()) };
  },
  [ProxyCommand.LOOKUP_UUID]: async (connection, request) => {
    const domain = await connection.lookupByUUID(decodeUuid(request.extra));
    return { data: dataFromArg(domain.ID()), extra: encodeName(domain.name()) };
  },
  [ProxyCommand.LOOKUP_NAME]: async (connection, request) => {
    // a defined domain that is not running answers id -1 with its UUID (a failure has no UUID)
    const domain = await byName(connection, request);
    return { data: dataFromArg(domain.ID()), extra: domain.UUID() };
  },
  [ProxyCommand.MAX_MEMORY]: async (connection, request) => ({ data: dataFromLong(BigInt(await (await byId(connection, request)).maxMemory())) }),
  [ProxyCommand.DOMAIN_INFO]: async (connection, request) => ({ data: dataFromArg(0), extra: encodeDomainInfo(await (await byId(connection, request)).info()) }),
  // flags 0: a read-only client never sees the secrets VIR_DOMAIN_XML_SECURE would add
  [ProxyCommand.DOMAIN_XML]: async (connection, request) => text((await byId(connection, request)).XMLDesc(0)),
  [ProxyCommand.DOMAIN_OSTYPE]: async (connection, request) => text((await byId(connection, request)).OSType()),
  [ProxyCommand.NUM_DEFINED]: async (connection) => ({ data: dataFromArg(await connection.numOfDefinedDomains()) }),
  [ProxyCommand.LIST_DEFINED]: async (connection) => {
    const names = await connection.listDefinedDomains();
    const extra = encodeNameList(names);
    // -2 where the names do not fit in one packet, as for a long text
    if (extra.length > PROXY_MAX_EXTRA) return { data: dataFromArg(-2) };
    return { data: dataFromArg(names.length), extra };
  },
  [ProxyCommand.DOMAIN_FLAGS]: async (connection, request) => ({ data: dataFromArg(await domainFlags(await byName(connection, request))) }),
  [ProxyCommand.DOMAIN_STATE]: async (connection, request) => {
    const { state, reason } = await (await byName(connection, request)).state();
    return { data: dataFromArg(state + reason * STATE_REASON_FACTOR) };
  },
  [ProxyCommand.DOMAIN_INFO_BY_NAME]: async (connection, request) => ({ data: dataFromArg(0), extra: encodeDomainInfo(await (await byName(connection, request)).info()) }),
};


/**
 * The reply to one well-formed request (see malformedRequestReason): the request's header with
 * the answer's data and extra. Errors of the query become the command's failure answer.
 */
export async function answerRequest(connection: Connection, request: ProxyPacket): Promise<ProxyPacket> {
  const handler = HANDLERS[request.command];
  let reply: Reply;
  try {
    if (!handler) throw new Error(`command ${request.command} has no handler`);
    reply = await handler(connection, request);
  } catch {
    reply = FAILURE[request.command] ?? { data: dataFromArg(-1) };
  }
  return { command: request.command, serial: request.serial, data: reply.data, extra: reply.extra ?? NOTHING };
}
