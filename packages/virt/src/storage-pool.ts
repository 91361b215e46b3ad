import { formatUuid } from '@libvirt-ts/xml-format';
import type { Connection } from './connection.js';
import type { StoragePoolRef } from './driver.js';
import type { ConnectionEngine } from './engine/connection-engine.js';

/** Hands the engine to the private constructor; only the connection makes pool handles. */
const constructing = Symbol('StoragePool');
let makePool: (engine: ConnectionEngine, ref: StoragePoolRef) => StoragePool;

/**
 * virStoragePoolPtr: a handle on one storage pool, handed out by Connection.storagePoolDefineXML
 * (there is no public constructor). Its name and UUID are fixed. Only libvirtd's drivers have
 * storage pools (through the remote driver); ours answer NO_SUPPORT.
 */
export class StoragePool {
  readonly #engine: ConnectionEngine;
  readonly #ref: StoragePoolRef;

  private constructor(token: symbol, engine: ConnectionEngine, ref: StoragePoolRef) {
    if (token !== constructing) throw new TypeError('StoragePool has no public constructor: define pools through a Connection');
    this.#engine = engine;
    this.#ref = { name: ref.name, uuid: Uint8Array.from(ref.uuid) };
  }

  static {
    makePool = (engine, ref) => new StoragePool(constructing, engine, ref);
  }

  /** virStoragePoolGetConnect. */
  connect(): Connection {
    return this.#local('virStoragePoolGetConnect', () => this.#engine.facade);
  }

  /** virStoragePoolFree: nothing to do; kept so code written for libvirt runs unchanged. */
  async free(): Promise<void> {}

  /** virStoragePoolGetName. */
  name(): string {
    return this.#local('virStoragePoolGetName', () => this.#ref.name);
  }

  /** virStoragePoolGetUUID: 16 raw bytes. */
  UUID(): Uint8Array {
    return this.#local('virStoragePoolGetUUID', () => Uint8Array.from(this.#ref.uuid));
  }

  /** virStoragePoolGetUUIDString. */
  UUIDString(): string {
    return this.#local('virStoragePoolGetUUIDString', () => formatUuid(this.#ref.uuid));
  }

  /** A call answered from the handle: only a closed connection makes it fail. */
  #local<T>(api: string, read: () => T): T {
    return this.#engine.runSync(undefined, () => {
      this.#engine.checkOpen(api);
      return read();
    });
  }
}

/** A new handle on the pool a driver reported: not exported from the package. */
export function newStoragePool(engine: ConnectionEngine, ref: StoragePoolRef): StoragePool {
  return makePool(engine, ref);
}
