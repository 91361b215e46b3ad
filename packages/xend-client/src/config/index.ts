// Domain config <-> xend sexpr.
export { fromXendSexpr } from './from-xend-sexpr.js';
export { toXendConfig } from './to-xend-config.js';
export {
  DEFAULT_XEND_CONFIG_VERSION,
  type FromXendSexprOptions,
  type ToXendConfigOptions,
  type XendConfigVersion,
} from './xend-config-options.js';
