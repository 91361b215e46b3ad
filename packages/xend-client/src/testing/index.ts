// @libvirt-ts/xend-client/testing: a fake xend 3.x for tests, on a real unix socket or TCP port.
export { type FakeDomain, type RunState, stateFlags } from './fake-domain.js';
export {
  type Fault,
  type FakeXend,
  type FakeXendListen,
  type FakeXendOptions,
  type FaultOptions,
  type Framing,
  startFakeXend,
} from './fake-xend-server.js';
export { DEFAULT_NODE, type FakeDomainSeed, type FakeXendSeed } from './fake-xend-seed.js';
export { FakeXendState, type FakeXendStateOptions } from './fake-xend-state.js';
export type { FakeRequest } from './handle-request.js';
export { decodeSaveImage, encodeSaveImage } from './save-image.js';
