import { resolve } from 'node:path';
import { lookup, lookupString } from '@libvirt-ts/sexpr';
import { XendClient, type XendConfigVersion, type XendDomainRecord } from '@libvirt-ts/xend-client';
import { uuidEquals } from '@libvirt-ts/xml-format';
import { DomainEventDefinedDetail, DomainEventType, DomainEventUndefinedDetail } from '../../constants.js';
import type { DomainRef, Driver } from '../../driver.js';
import { isXendError } from '../../errors/package-errors.js';
import { messageOf } from '../../errors/to-virt-error.js';
import type { DomainEventBus } from '../../events/domain-event-bus.js';
import type { DomainInfo, DomainStateWithReason, ListAllDomainsFlags, NodeInfo } from '../../types.js';
import { definitionEvents } from '../xen/definition-events.js';
import type { SeenDomain } from '../xen/lifecycle-diff.js';
import { asVirtErrors, orAbsent, xenDriverError } from '../xen/to-virt-error.js';
import { formatXenCapabilities } from '../xen/xen-capabilities.js';
import type { XenDomainLister } from '../xen/xen-domain-lister.js';
import type { XendTarget } from '../xen/xen-names.js';
import { XEN_DEFAULTS, type XenOpenOptions } from '../xen/xen-options.js';
import { type DomainConsole, XenstoreDriver } from '../xenstore/xenstore-driver.js';
import { hasManagedDomains, xendConfigVersionOf } from './xend-config-version.js';
import { domainXmlFromXend, xendConfigFromXml } from './xend-domain-xml.js';
import { domainIdOf, domainInfoOf, domainRefOf, domainStateOf, hypervisorVersionOf, isRunning, nodeInfoOf, seenDomainOf } from './xend-mapping.js';

/**
 * The "XenDaemon" driver (libvirt 0.1.3 xend_internal.c): every state change goes through xend's
 * HTTP interface. Listings use one `?detail=1` request instead of 0.1.3's one request per domain.
 */
export class XendDriver implements Driver, XenDomainLister {
  readonly name = 'XenDaemon';
  readonly #xend: XendClient;
  /** Every connection of this process to this xend hears its define and undefine (see domainEventSubscribe). */
  readonly definitionEvents: DomainEventBus;
  /** A read-only xenstore connection for console paths in getXMLDesc, when one could be opened. */
  readonly #consoles: XenstoreDriver | undefined;
  #configVersion: Promise<XendConfigVersion> | undefined;

  constructor(xend: XendClient, consoles?: XenstoreDriver, address = 'xend') {
    this.#xend = xend;
    this.#consoles = consoles;
    this.definitionEvents = definitionEvents(`xend:${address}`);
  }

  /**
   * Opens xend where the connection name says; for the local host its unix socket first, then
   * TCP (libvirt's order). Each candidate is probed with a node request. On the local host it also
   * reads consoles from xenstore (best effort), as later libvirt did for getXMLDesc.
   */
  static async open(target: XendTarget, options: XenOpenOptions): Promise<XendDriver> {
    const candidates =
      target.kind === 'socket'
        ? [target.path]
        : target.kind === 'tcp'
          ? [target.url]
          : [options.xendSocket ?? XEN_DEFAULTS.xendSocket, ...(options.xendUrl === false ? [] : [options.xendUrl ?? XEN_DEFAULTS.xendUrl])];
    const timeoutMs = options.timeoutMs ?? XEN_DEFAULTS.timeoutMs;
    const failures: unknown[] = [];
    for (const name of candidates) {
      let xend: XendClient;
      try {
        xend = await XendClient.open(name, { timeoutMs });
      } catch (error) {
        failures.push(error);
        continue;
      }
      const consoles = target.kind === 'local' ? await XenstoreDriver.open(options, true).catch(() => undefined) : undefined;
      return new XendDriver(xend, consoles, name);
    }
    throw xenDriverError('XEND', 'NO_CONNECT', `xend at ${candidates.join(' or ')} (${failures.map(messageOf).join('; ')})`, {
      cause: failures.at(-1),
    });
  }

  /** xend itself is stateless HTTP, one connection per request: only the console reader to close. */
  async close(): Promise<void> {
    await this.#consoles?.close();
  }

  /** Later libvirt's unified Xen driver calls every Xen connection "Xen". */
  async getType(): Promise<string> {
    return 'Xen';
  }

  async getVersion(): Promise<number> {
    return hypervisorVersionOf(await this.#call(() => this.#xend.getNode()));
  }

  /** The host xend runs on, as xend names it. */
  async getHostname(): Promise<string> {
    const node = await this.#call(() => this.#xend.getNode());
    if (!node.host) throw xenDriverError('XEND', 'NO_HOSTNAME', 'xend does not report its host name');
    return node.host;
  }

  /** The guests xend's `xen_caps` offers, on its node's machine. */
  async getCapabilities(): Promise<string> {
    const node = await this.#call(() => this.#xend.getNode());
    return formatXenCapabilities(nodeInfoOf(node).model || 'x86_64', node.xenCaps);
  }

  async nodeGetInfo(): Promise<NodeInfo> {
    return nodeInfoOf(await this.#call(() => this.#xend.getNode()));
  }

  async listDomainIDs(): Promise<number[]> {
    return (await this.#listDomains())
      .filter(isRunning)
      .map(domainIdOf)
      .sort((a, b) => a - b);
  }

  async numOfDomains(): Promise<number> {
    return (await this.listDomainIDs()).length;
  }

  /**
   * Domains xend manages but that are not running (`?state=halted`, xend 3.0.4+). An older xend
   * keeps none (libvirt read xm config files for those), so the list is empty.
   */
  async listDefinedDomains(): Promise<string[]> {
    if (!(await this.#managesDomains())) return [];
    return this.#call(() => this.#xend.listInactiveDomainNames());
  }

  async numOfDefinedDomains(): Promise<number> {
    return (await this.listDefinedDomains()).length;
  }

  /**
   * One `GET /xend/domain?detail=1` for the running domains, with each domain's info, by id; and
   * meanwhile the defined ones by name (xend lists those by name only, so one record request each).
   */
  async listAllDomains(flags: ListAllDomainsFlags): Promise<DomainRef[]> {
    const both = flags.active === undefined && flags.inactive === undefined;
    const [live, inactive] = await Promise.all([
      both || flags.active ? this.#listDomains() : [],
      both || flags.inactive ? this.#definedDomains() : [],
    ]);
    const active = live.filter(isRunning).sort((a, b) => domainIdOf(a) - domainIdOf(b));
    // xend's records carry the info: listAllDomainsWithInfo needs no request per domain
    return [...active, ...inactive].map((d) => ({ ...domainRefOf(d), info: domainInfoOf(d) }));
  }

  async lookupByID(id: number): Promise<DomainRef | undefined> {
    const domain = await this.#find(id);
    return domain && domainRefOf(domain);
  }

  async lookupByName(name: string): Promise<DomainRef | undefined> {
    const domain = await this.#find(name);
    return domain && domainRefOf(domain);
  }

  async lookupByUUID(uuid: Uint8Array): Promise<DomainRef | undefined> {
    const matches = (d: XendDomainRecord) => uuidEquals(domainRefOf(d).uuid, uuid);
    const domain = (await this.#listDomains()).find(matches) ?? (await this.#definedDomains()).find(matches);
    return domain && domainRefOf(domain);
  }

  /** createLinux / createXML: XML -> `(vm ...)`, create paused, wait for devices, unpause. */
  async domainCreateXML(xml: string, _flags: number): Promise<DomainRef> {
    const config = xendConfigFromXml(xml, await this.#xendConfigVersion());
    return domainRefOf(await this.#call(() => this.#xend.create(config)));
  }

  /** virDomainDefineXML: XML -> `(vm ...)`, defined with xend's `op=new` (xend 3.0.4+); the domain stays off (id -1). */
  async domainDefineXML(xml: string): Promise<DomainRef> {
    const version = await this.#requireManagedDomains('virDomainDefineXML');
    const config = xendConfigFromXml(xml, version);
    const name = await asVirtErrors('SEXPR', async () => lookupString(config, 'vm/name'));
    const existed = name !== undefined && (await this.#find(name)) !== undefined;
    const ref = domainRefOf(await this.#call(() => this.#xend.defineDomain(config)));
    const detail = existed ? DomainEventDefinedDetail.UPDATED : DomainEventDefinedDetail.ADDED;
    this.definitionEvents.emit({ ref, event: DomainEventType.DEFINED, detail });
    return ref;
  }

  /** virDomainCreate: xend's `op=start` of a defined domain; it comes back running with its new id. */
  async domainCreate(dom: DomainRef): Promise<DomainRef> {
    await this.#requireManagedDomains('virDomainCreate');
    return domainRefOf(await this.#call(() => this.#xend.startDomain(dom.name)));
  }

  /** virDomainUndefine: xend's `op=delete`, which refuses a running domain (POST_FAILED with xend's words). */
  async domainUndefine(dom: DomainRef): Promise<void> {
    await this.#requireManagedDomains('virDomainUndefine');
    await this.#call(() => this.#xend.deleteDomain(dom.name));
    this.definitionEvents.emit({ ref: dom, event: DomainEventType.UNDEFINED, detail: DomainEventUndefinedDetail.REMOVED });
  }

  /** For the lifecycle watch when the hypervisor is not open (not root): the running domains xend lists. */
  async lifecycleDomains(): Promise<SeenDomain[]> {
    return (await this.#listDomains()).filter(isRunning).map(seenDomainOf);
  }

  async domainRestore(file: string): Promise<DomainRef | undefined> {
    const restored = await this.#call(() => this.#xend.restore(resolve(file)));
    return restored && domainRefOf(restored);
  }

  async domainSuspend(dom: DomainRef): Promise<void> {
    await this.#call(() => this.#xend.pause(dom.name));
  }

  async domainResume(dom: DomainRef): Promise<void> {
    await this.#call(() => this.#xend.unpause(dom.name));
  }

  async domainShutdown(dom: DomainRef): Promise<void> {
    await this.#call(() => this.#xend.shutdown(dom.name, 'halt'));
  }

  async domainReboot(dom: DomainRef, _flags: number): Promise<void> {
    await this.#call(() => this.#xend.shutdown(dom.name, 'reboot'));
  }

  async domainDestroy(dom: DomainRef): Promise<void> {
    await this.#call(() => this.#xend.destroy(dom.name));
  }

  /** A relative path is taken from the current directory, as libvirt did. */
  async domainSave(dom: DomainRef, file: string): Promise<void> {
    await this.#call(() => this.#xend.save(dom.name, resolve(file)));
  }

  async domainGetInfo(dom: DomainRef): Promise<DomainInfo> {
    return domainInfoOf(await this.#domain(dom));
  }

  /** "hvm" for a fully virtualized guest, else "linux" (later libvirt asked xend; 0.1.3 xenstore). */
  async domainGetOSType(dom: DomainRef): Promise<string> {
    const domain = await this.#domain(dom);
    return lookup(domain.sexpr, 'domain/image/hvm') === undefined ? 'linux' : 'hvm';
  }

  /** `maxmem` (0.1.3 read `memory` here, which later libvirt corrected). */
  async domainGetMaxMemory(dom: DomainRef): Promise<number> {
    return domainInfoOf(await this.#domain(dom)).maxMem;
  }

  async domainGetXMLDesc(dom: DomainRef, flags: number): Promise<string> {
    const [record, version, console] = await Promise.all([this.#domain(dom), this.#xendConfigVersion(), this.#console(dom)]);
    return domainXmlFromXend(record.sexpr, { xendConfigVersion: version, ...console }, flags);
  }

  /** The state with reason "unknown": xend's state letters carry no reason. */
  async domainGetState(dom: DomainRef): Promise<DomainStateWithReason> {
    return { state: domainStateOf(await this.#domain(dom)), reason: 0 };
  }

  async domainIsActive(dom: DomainRef): Promise<boolean> {
    return isRunning(await this.#domain(dom));
  }

  /** Only domains xend manages (config format 3: listed while not running) outlive a shutdown. */
  async domainIsPersistent(dom: DomainRef): Promise<boolean> {
    return !isRunning(await this.#domain(dom));
  }

  /** xend starts a managed domain with itself when `on_xend_start` is `start` (as later libvirt read it). */
  async domainGetAutostart(dom: DomainRef): Promise<boolean> {
    const record = (await this.#domain(dom)).sexpr;
    return asVirtErrors('SEXPR', async () => lookupString(record, 'domain/on_xend_start') === 'start');
  }

  async domainSetMaxMemory(dom: DomainRef, kib: number): Promise<void> {
    await this.#call(() => this.#xend.setMaxMemory(dom.name, kib));
  }

  async domainSetMemory(dom: DomainRef, kib: number): Promise<void> {
    await this.#call(() => this.#xend.setMemoryTarget(dom.name, kib));
  }

  async domainSetVcpus(dom: DomainRef, count: number): Promise<void> {
    await this.#call(() => this.#xend.setVcpus(dom.name, count));
  }

  /** The console pty and VNC port from xenstore; nothing when it is not at hand (as libvirt's test had it). */
  async #console(dom: DomainRef): Promise<DomainConsole> {
    if (!this.#consoles || dom.id < 0) return {};
    return this.#consoles.domainConsole(dom).catch(() => ({}));
  }

  /** Asked of xend once per connection: the sexpr dialect to write and read. */
  #xendConfigVersion(): Promise<XendConfigVersion> {
    this.#configVersion ??= this.#call(() => this.#xend.getNode()).then(xendConfigVersionOf);
    // a failed probe is not kept: the next call asks again
    this.#configVersion.catch(() => {
      this.#configVersion = undefined;
    });
    return this.#configVersion;
  }

  async #managesDomains(): Promise<boolean> {
    return hasManagedDomains(await this.#xendConfigVersion());
  }

  /** The config version, when this xend has managed domains; NO_SUPPORT (naming `api`) when it is older than 3.0.4. */
  async #requireManagedDomains(api: string): Promise<XendConfigVersion> {
    const version = await this.#xendConfigVersion();
    if (!hasManagedDomains(version)) throw xenDriverError('XEND', 'NO_SUPPORT', api);
    return version;
  }

  /** The defined domains that are not running, with their records, by name (none before xend 3.0.4). */
  async #definedDomains(): Promise<XendDomainRecord[]> {
    const names = await this.listDefinedDomains();
    // one may be started or undefined between the two requests: what is gone is left out
    const records = await Promise.all(names.map((name) => this.#find(name)));
    return records.filter((d): d is XendDomainRecord => d !== undefined && !isRunning(d)).sort((a, b) => a.name.localeCompare(b.name));
  }

  #listDomains(): Promise<XendDomainRecord[]> {
    return this.#call(() => this.#xend.listDomains());
  }

  /** The domain's current record; NO_DOMAIN when xend no longer knows it. */
  #domain(dom: DomainRef): Promise<XendDomainRecord> {
    return this.#call(() => this.#xend.getDomain(dom.name));
  }

  /** A lookup: xend's 404 means "not mine", anything else is an error. */
  #find(key: string | number): Promise<XendDomainRecord | undefined> {
    return orAbsent('XEND', () => this.#xend.getDomain(key), (error) => isXendError(error) && error.code === 'NO_DOMAIN');
  }

  #call<T>(operation: () => Promise<T>): Promise<T> {
    return asVirtErrors('XEND', operation);
  }
}
