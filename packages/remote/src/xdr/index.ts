export * from './builtin-codecs.js';
export * from './combinators.js';
export * from './xdr-codec.js';
export { XdrReader } from './xdr-reader.js';
export { XdrWriter } from './xdr-writer.js';
