import { type DomainConfig, parseUuid } from '@libvirt-ts/xml-format';
import { DomainState, ShutoffReason } from '../../constants.js';
import { VirtError } from '../../errors/virt-error.js';
import { CheckpointTree } from './checkpoint-tree.js';
import { cloneDef } from './clone-def.js';
import { SnapshotTree } from './snapshot-tree.js';
import { testError } from './test-errors.js';

/** One domain of a test node (libvirt's virDomainObj). */
export interface TestDomain {
  /** def.uuid's 16 bytes, read once: a domain keeps its UUID (add() updates the domain of the same one). */
  readonly uuid: Uint8Array;
  /** The running definition while active; the (persistent) definition while inactive. */
  def: DomainConfig;
  /** While a persistent domain runs: its definition for the next boot (libvirt's newDef). */
  newDef: DomainConfig | undefined;
  /** -1 while inactive. */
  id: number;
  state: DomainState;
  /** The reason number for `state` (RunningReason, PausedReason, ShutoffReason...). */
  reason: number;
  persistent: boolean;
  autostart: boolean;
  /** A managed save image exists (node files: `<test:hasmanagedsave/>`). */
  hasManagedSave: boolean;
  /** virDomainGetMessages: taint messages, e.g. "tainted: network configuration using opaque shell scripts". */
  messages: string[];
  /** The domain's snapshots (they stay with it when it is redefined). */
  readonly snapshots: SnapshotTree;
  /** The domain's checkpoints (libvirt 9's test driver keeps them while the domain exists). */
  readonly checkpoints: CheckpointTree;
}

export function isActive(dom: TestDomain): boolean {
  return dom.id >= 0;
}

/** The definition used for the next boot / `--inactive` XML. */
export function persistentDef(dom: TestDomain): DomainConfig {
  return dom.newDef ?? dom.def;
}

/** How add() treats an existing domain of the same name and UUID (libvirt's VIR_DOMAIN_OBJ_LIST_ADD_*). */
export interface AddMode {
  /** The definition is for a domain about to run (create, restore), not a persistent define. */
  live: boolean;
}

/**
 * The domains of one test node, keyed by name, with libvirt's virDomainObjListAdd rules for
 * clashes and a counter of ids that never goes back (ids are never reused).
 */
export class TestDomainList {
  readonly #byName = new Map<string, TestDomain>();
  readonly #byUuid = new Map<string, TestDomain>();
  #nextId = 1;

  all(): TestDomain[] {
    return [...this.#byName.values()];
  }

  byName(name: string): TestDomain | undefined {
    return this.#byName.get(name);
  }

  byUuid(uuid: string): TestDomain | undefined {
    return this.#byUuid.get(uuid);
  }

  /** Only active domains have an id. */
  byId(id: number): TestDomain | undefined {
    for (const dom of this.#byName.values()) if (dom.id === id && id >= 0) return dom;
    return undefined;
  }

  /**
   * virDomainObjListAdd: a new domain, or the existing one of the same name and UUID updated.
   * - Same UUID, other name: `operation failed: domain 'old' is already defined with uuid U`.
   * - Same name, other UUID: `operation failed: domain 'name' already exists with uuid U`.
   * - `live` (create/restore) on an active domain: `domain 'name' is already active`; on a
   *   transient one being started: `domain 'name' is already being started`.
   * A live definition becomes the running one (the persistent one is kept as newDef); a define on an
   * active domain replaces only its next-boot definition.
   */
  add(def: DomainConfig, mode: AddMode): TestDomain {
    const uuid = def.uuid ?? '';
    const sameUuid = this.byUuid(uuid);
    if (sameUuid) {
      if (sameUuid.def.name !== def.name) {
        throw testError('OPERATION_FAILED', `domain '${sameUuid.def.name}' is already defined with uuid ${uuid}`);
      }
      if (mode.live) {
        if (isActive(sameUuid)) throw testError('OPERATION_INVALID', `domain '${def.name}' is already active`);
        if (!sameUuid.persistent) throw testError('OPERATION_INVALID', `domain '${def.name}' is already being started`);
        sameUuid.newDef = sameUuid.def;
        sameUuid.def = def;
      } else if (isActive(sameUuid)) {
        sameUuid.newDef = def;
      } else {
        sameUuid.def = def;
      }
      return sameUuid;
    }
    const sameName = this.#byName.get(def.name);
    if (sameName) {
      throw testError('OPERATION_FAILED', `domain '${def.name}' already exists with uuid ${sameName.def.uuid ?? ''}`);
    }
    // every definition has its UUID by now (given, or made by post-parse)
    const bytes = parseUuid(uuid);
    if (!bytes) throw testError('INTERNAL_ERROR', `domain '${def.name}' has no valid UUID`);
    const dom: TestDomain = {
      uuid: bytes,
      def,
      newDef: undefined,
      id: -1,
      state: DomainState.SHUTOFF,
      reason: ShutoffReason.UNKNOWN,
      persistent: false,
      autostart: false,
      hasManagedSave: false,
      messages: [],
      snapshots: new SnapshotTree(),
      checkpoints: new CheckpointTree(),
    };
    this.#byName.set(def.name, dom);
    this.#byUuid.set(uuid, dom);
    return dom;
  }

  /** virDomainObjListRename's checks of the new name, neither the domain's own nor another's (libvirt's conf code: layer DOMAIN). */
  checkRename(dom: TestDomain, newName: string): void {
    const invalid = (info: string) => new VirtError({ code: 'OPERATION_INVALID', domain: 'DOMAIN', info });
    if (newName === dom.def.name) throw invalid("Can't rename domain to itself");
    if (this.#byName.has(newName)) throw invalid(`domain with name '${newName}' already exists`);
  }

  /** Gives an inactive domain (its one definition) `newName`, which checkRename passed. */
  rename(dom: TestDomain, newName: string): void {
    this.#byName.delete(dom.def.name);
    dom.def.name = newName;
    this.#byName.set(newName, dom);
  }

  remove(dom: TestDomain): void {
    if (this.#byName.get(dom.def.name) === dom) this.#byName.delete(dom.def.name);
    if (this.#byUuid.get(dom.def.uuid ?? '') === dom) this.#byUuid.delete(dom.def.uuid ?? '');
  }

  /** Starts an inactive domain: the next id, `state` with `reason`. */
  start(dom: TestDomain, state: DomainState, reason: number): void {
    // A persistent domain runs a copy: changes to the live definition end when it stops.
    if (dom.persistent && !dom.newDef) dom.newDef = cloneDef(dom.def);
    dom.id = this.#nextId++;
    dom.state = state;
    dom.reason = reason;
    // Starting consumes a managed save image (testDomainStartState).
    dom.hasManagedSave = false;
  }

  /**
   * testDomainShutdownState: stops an active domain (SHUTOFF with `reason`). The next-boot definition
   * becomes the definition again; a transient domain is gone.
   */
  stop(dom: TestDomain, reason: number): void {
    dom.id = -1;
    dom.state = DomainState.SHUTOFF;
    dom.reason = reason;
    if (dom.newDef) {
      dom.def = dom.newDef;
      dom.newDef = undefined;
    }
    if (!dom.persistent) this.remove(dom);
  }
}
