// `@libvirt-ts/remote/testing`: real libvirtd 9 daemons for tests (libvirtd.ts), and fakes on real unix sockets that break the protocol (fake-server.ts, fake-libvirtd.ts).
export * from './fake-libvirtd.js';
export * from './fake-server.js';
export * from './libvirtd.js';
