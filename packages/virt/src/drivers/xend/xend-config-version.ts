// The rule lives with the xend client (its fake xend needs it too); re-exported for this driver.
export { hasManagedDomains, xendConfigVersionOf } from '@libvirt-ts/xend-client';
