export * from './libvirtd.js';
