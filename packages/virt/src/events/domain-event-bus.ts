import type { DriverDomainEvent } from '../driver.js';

/**
 * Domain events shared by every connection of this process to one driver state (libvirt queues its
 * events on the driver, so every connection sees them): a test node, a xenlight definitions folder.
 */
export class DomainEventBus {
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
