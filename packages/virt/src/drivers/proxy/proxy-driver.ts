import {
  argOf,
  DEFAULT_PROXY_SOCKET,
  dataFromArg,
  decodeDomainInfo,
  decodeIdList,
  decodeName,
  decodeNameList,
  decodeNodeInfo,
  decodeText,
  decodeUuid,
  decodeUuidAndName,
  encodeName,
  longOf,
  ProxyCommand,
  ProxyDomainFlag,
  type ProxyPacket,
  printableSocketName,
} from '@libvirt-ts/proxy-protocol';
import type { DomainState } from '../../constants.js';
import type { DomainRef, Driver } from '../../driver.js';
import { messageOf } from '../../errors/to-virt-error.js';
import type { DomainInfo, DomainStateWithReason, NodeInfo } from '../../types.js';
import { xenDriverError } from '../xen/to-virt-error.js';
import { XEN_DEFAULTS, type XenOpenOptions } from '../xen/xen-options.js';
import type { ProxyConnection } from './proxy-connection.js';
import { connectOrLaunchProxy } from './proxy-launch.js';

const NO_DATA = dataFromArg(0);

/**
 * The "XenProxy" driver: read-only queries answered by the setuid libvirt_proxy helper, for
 * users who cannot open privcmd. It refuses read-write opens, as in libvirt.
 */
export class ProxyDriver implements Driver {
  readonly name = 'XenProxy';
  readonly #proxy: ProxyConnection;

  private constructor(proxy: ProxyConnection) {
    this.#proxy = proxy;
  }

  /** Connects (starting the proxy if needed) and performs the NONE handshake. */
  static async open(options: XenOpenOptions): Promise<ProxyDriver> {
    const socketName = options.proxySocket ?? DEFAULT_PROXY_SOCKET;
    let proxy: ProxyConnection;
    try {
      proxy = await connectOrLaunchProxy({ socketName, binary: options.proxyBinary, timeoutMs: options.timeoutMs ?? XEN_DEFAULTS.timeoutMs });
    } catch (error) {
      throw xenDriverError('PROXY', 'NO_CONNECT', `libvirt_proxy at ${printableSocketName(socketName)} (${messageOf(error)})`, { cause: error });
    }
    const driver = new ProxyDriver(proxy);
    try {
      await driver.#request(ProxyCommand.NONE);
    } catch (error) {
      proxy.close();
      throw error;
    }
    return driver;
  }

  async close(): Promise<void> {
    this.#proxy.close();
  }

  /** Every Xen driver names the connection "Xen", as later libvirt's unified driver did. */
  async getType(): Promise<string> {
    return 'Xen';
  }

  /** 0.1.3 sent VERSION but dropped the answer; we return it. */
  async getVersion(): Promise<number> {
    return Number(longOf(await this.#request(ProxyCommand.VERSION)));
  }

  async nodeGetInfo(): Promise<NodeInfo> {
    const reply = await this.#request(ProxyCommand.NODE_INFO);
    if (argOf(reply) < 0) throw xenDriverError('PROXY', 'OPERATION_FAILED', 'the proxy could not get the node information');
    return this.#decode(() => decodeNodeInfo(reply.extra));
  }

  async listDomainIDs(): Promise<number[]> {
    const reply = await this.#request(ProxyCommand.LIST);
    return this.#decode(() => decodeIdList(reply.extra, argOf(reply)));
  }

  async numOfDomains(): Promise<number> {
    const count = argOf(await this.#request(ProxyCommand.NUM_DOMAIN));
    if (count < 0) throw xenDriverError('PROXY', 'OPERATION_FAILED', 'the proxy could not count the domains');
    return count;
  }

  async lookupByID(id: number): Promise<DomainRef | undefined> {
    const reply = await this.#request(ProxyCommand.LOOKUP_ID, dataFromArg(id));
    if (argOf(reply) < 0) return undefined;
    const { uuid, name } = this.#decode(() => decodeUuidAndName(reply.extra));
    return { id, name, uuid };
  }

  async lookupByUUID(uuid: Uint8Array): Promise<DomainRef | undefined> {
    const reply = await this.#request(ProxyCommand.LOOKUP_UUID, NO_DATA, uuid.subarray(0, 16));
    const id = argOf(reply);
    if (id < 0) return undefined;
    return { id, name: this.#decode(() => decodeName(reply.extra)), uuid: Uint8Array.from(uuid) };
  }

  async lookupByName(name: string): Promise<DomainRef | undefined> {
    const reply = await this.#request(ProxyCommand.LOOKUP_NAME, NO_DATA, this.#decode(() => encodeName(name)));
    const id = argOf(reply);
    // id -1 with a UUID: a defined domain that is not running (libvirt-ts's daemon); without, none
    if (id < 0 && reply.extra.length === 0) return undefined;
    return { id: id < 0 ? -1 : id, name, uuid: this.#decode(() => decodeUuid(reply.extra)) };
  }

  /** NUM_DEFINED (libvirt-ts's addition; a libvirt proxy refuses it). */
  async numOfDefinedDomains(): Promise<number> {
    const count = argOf(await this.#request(ProxyCommand.NUM_DEFINED));
    if (count < 0) throw xenDriverError('PROXY', 'OPERATION_FAILED', 'the proxy could not count the defined domains');
    return count;
  }

  /** LIST_DEFINED (libvirt-ts's addition; a libvirt proxy refuses it). */
  async listDefinedDomains(): Promise<string[]> {
    const reply = await this.#request(ProxyCommand.LIST_DEFINED);
    const count = argOf(reply);
    if (count === -2) throw xenDriverError('PROXY', 'OPERATION_FAILED', "the names of the defined domains are too many for the proxy's packets");
    if (count < 0) throw xenDriverError('PROXY', 'OPERATION_FAILED', 'the proxy could not list the defined domains');
    return this.#decode(() => decodeNameList(reply.extra, count));
  }

  domainIsActive(ref: DomainRef): Promise<boolean> {
    return this.#flag(ref, ProxyDomainFlag.ACTIVE, 'virDomainIsActive');
  }

  domainIsPersistent(ref: DomainRef): Promise<boolean> {
    return this.#flag(ref, ProxyDomainFlag.PERSISTENT, 'virDomainIsPersistent');
  }

  domainGetAutostart(ref: DomainRef): Promise<boolean> {
    return this.#flag(ref, ProxyDomainFlag.AUTOSTART, 'virDomainGetAutostart');
  }

  domainHasManagedSaveImage(ref: DomainRef): Promise<boolean> {
    return this.#flag(ref, ProxyDomainFlag.MANAGED_SAVE, 'virDomainHasManagedSaveImage');
  }

  /** DOMAIN_STATE (libvirt-ts's addition): the state and its reason, as virDomainGetState. */
  async domainGetState(ref: DomainRef): Promise<DomainStateWithReason> {
    const packed = argOf(await this.#request(ProxyCommand.DOMAIN_STATE, NO_DATA, this.#decode(() => encodeName(ref.name))));
    if (packed < 0) throw xenDriverError('PROXY', 'OPERATION_FAILED', `the proxy has no state for domain ${ref.name}`);
    return { state: (packed % 256) as DomainState, reason: Math.floor(packed / 256) };
  }

  /** DOMAIN_FLAGS (libvirt-ts's addition): one flag, NO_SUPPORT where the daemon's driver cannot tell it. */
  async #flag(ref: DomainRef, flag: number, functionName: string): Promise<boolean> {
    const bits = argOf(await this.#request(ProxyCommand.DOMAIN_FLAGS, NO_DATA, this.#decode(() => encodeName(ref.name))));
    if (bits < 0) throw xenDriverError('PROXY', 'OPERATION_FAILED', `the proxy has no flags for domain ${ref.name}`);
    if ((bits & (flag << ProxyDomainFlag.KNOWN_SHIFT)) === 0) throw xenDriverError('PROXY', 'NO_SUPPORT', functionName);
    return (bits & flag) !== 0;
  }

  async domainGetMaxMemory(ref: DomainRef): Promise<number> {
    if (ref.id < 0) return (await this.domainGetInfo(ref)).maxMem;
    const kib = Number(longOf(await this.#request(ProxyCommand.MAX_MEMORY, dataFromArg(ref.id))));
    if (kib <= 0) throw xenDriverError('PROXY', 'OPERATION_FAILED', `the proxy has no memory figure for domain ${ref.id}`);
    return kib;
  }

  /** DOMAIN_INFO by id; for a domain that is not running, DOMAIN_INFO_BY_NAME (libvirt-ts's addition). */
  async domainGetInfo(ref: DomainRef): Promise<DomainInfo> {
    const reply =
      ref.id < 0
        ? await this.#request(ProxyCommand.DOMAIN_INFO_BY_NAME, NO_DATA, this.#decode(() => encodeName(ref.name)))
        : await this.#request(ProxyCommand.DOMAIN_INFO, dataFromArg(ref.id));
    if (reply.extra.length === 0) {
      throw xenDriverError('PROXY', 'OPERATION_FAILED', `the proxy has no information on domain ${ref.id}`);
    }
    const info = this.#decode(() => decodeDomainInfo(reply.extra));
    return { ...info, state: info.state as DomainState };
  }

  /** DOMAIN_OSTYPE (libvirt 0.2's addition): the OS type xenstore records for the domain. */
  async domainGetOSType(ref: DomainRef): Promise<string> {
    return this.#text(ProxyCommand.DOMAIN_OSTYPE, ref, 'OS type');
  }

  /**
   * DOMAIN_XML (libvirt 0.2's addition). Flags travel nowhere (the packet has no room for them),
   * so the proxy always describes the domain as flags 0 would: never its secrets.
   */
  async domainGetXMLDesc(ref: DomainRef): Promise<string> {
    return this.#text(ProxyCommand.DOMAIN_XML, ref, 'XML description');
  }

  async #text(command: ProxyCommand, ref: DomainRef, what: string): Promise<string> {
    // the protocol asks by id: a domain that is not running has none
    if (ref.id < 0) throw xenDriverError('PROXY', 'NO_SUPPORT', `the ${what} of domain ${ref.name}, which is not running, through the proxy`);
    const reply = await this.#request(command, dataFromArg(ref.id));
    const status = argOf(reply);
    // -2: the text did not fit in one packet (4080 bytes), as libvirt's proxy answered
    if (status === -2) throw xenDriverError('PROXY', 'OPERATION_FAILED', `the ${what} of domain ${ref.id} is too large for the proxy's packets`);
    if (status < 0) throw xenDriverError('PROXY', 'OPERATION_FAILED', `the proxy has no ${what} for domain ${ref.id}`);
    return decodeText(reply.extra);
  }

  async #request(command: ProxyCommand, data = NO_DATA, extra?: Uint8Array): Promise<ProxyPacket> {
    try {
      return await this.#proxy.request(command, data, extra);
    } catch (error) {
      throw xenDriverError('PROXY', 'OPERATION_FAILED', messageOf(error), { cause: error });
    }
  }

  /** Payload coding errors (a short reply, a name too long) become PROXY errors too. */
  #decode<T>(decode: () => T): T {
    try {
      return decode();
    } catch (error) {
      throw xenDriverError('PROXY', error instanceof RangeError ? 'INVALID_ARG' : 'RPC', messageOf(error), { cause: error });
    }
  }
}
