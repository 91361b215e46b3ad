import { DomainEventBus } from '../../events/domain-event-bus.js';

const buses = new Map<string, DomainEventBus>();

/**
 * The DEFINED and UNDEFINED events of one definitions folder, heard by every connection of this
 * process that uses it (libvirt 9's libxl driver emits them from define and undefine).
 */
export function definitionEvents(configDir: string): DomainEventBus {
  let bus = buses.get(configDir);
  if (!bus) {
    bus = new DomainEventBus();
    buses.set(configDir, bus);
  }
  return bus;
}
