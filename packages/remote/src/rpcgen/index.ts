export type * from './ast.js';
export { codecName, emitTypeScript, type EmitOptions, RpcgenEmitError } from './emit-typescript.js';
export { LIBVIRT_HEADER_CONSTANTS } from './libvirt-header-constants.js';
export { camelCase, pascalCase } from './names.js';
export { findProcedures, parseAnnotations, type Procedure, type ProcedureSet } from './procedures.js';
export { parseRpcgen, RpcgenSyntaxError } from './parse-rpcgen.js';
export { generatedModules } from './generated-modules.js';
