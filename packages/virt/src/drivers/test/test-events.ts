import type { DriverDomainEvent } from '../../driver.js';

/**
 * The domain events of one test node, heard by every connection that shares the node (libvirt 9's
 * test driver queues its events on the driver, so every connection to test:///default sees them).
 */
export class TestEventBus {
  readonly #listeners = new Set<(event: DriverDomainEvent) => void>();

  listen(listener: (event: DriverDomainEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit(event: DriverDomainEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }
}
