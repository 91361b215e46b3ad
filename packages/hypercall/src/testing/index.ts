// Test helpers: a fake privcmd backend, errno errors, and hypercall tapes.
export { type ErrnoName, errnoError } from './errno-error.js';
export {
  FakePrivcmd,
  type FakePrivcmdOptions,
  type FakeHypercall,
  type FakeResponder,
  type RecordedHypercall,
} from './fake-privcmd.js';
export { type HypercallTape, RecordingBackend, replayTape, type TapeCall } from './hypercall-tape.js';
export { SimulatedXen, type SimulatedDomain, type SimulatedHost, type SimulatedXenOptions } from './simulated-xen.js';
