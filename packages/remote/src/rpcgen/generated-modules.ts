import { emitTypeScript } from './emit-typescript.js';
import { LIBVIRT_HEADER_CONSTANTS } from './libvirt-header-constants.js';
import { parseRpcgen } from './parse-rpcgen.js';
import type { ProcedureSet } from './procedures.js';

/** What is generated from each .x file of protocol/ into src/generated/. */
const MODULES: readonly { source: string; target: string; procedures?: ProcedureSet[] }[] = [
  { source: 'virnetprotocol.x', target: 'virnetprotocol.ts' },
  {
    source: 'virkeepaliveprotocol.x',
    target: 'virkeepaliveprotocol.ts',
  },
  {
    source: 'remote_protocol.x',
    target: 'remote-protocol.ts',
    procedures: [
      {
        enumName: 'remote_procedure',
        prefix: 'REMOTE_PROC_',
        structPrefix: 'remote_',
        className: 'RemoteProcedures',
        namesConstant: 'REMOTE_PROCEDURE_NAMES',
        messagesConstant: 'REMOTE_MESSAGE_CODECS',
        streamsConstant: 'REMOTE_STREAM_PROCEDURES',
      },
    ],
  },
];

/**
 * The generated modules: target file name (under src/generated/) -> TypeScript source, given a
 * function that reads a .x file of protocol/ by name. The generate script writes them; a test
 * compares them with the committed files.
 */
export function generatedModules(readProtocolFile: (name: string) => string): Map<string, string> {
  const modules = new Map<string, string>();
  for (const module of MODULES) {
    const spec = parseRpcgen(readProtocolFile(module.source), module.source);
    const source = emitTypeScript(spec, {
      source: module.source,
      externalConstants: LIBVIRT_HEADER_CONSTANTS,
      ...(module.procedures ? { procedures: module.procedures } : {}),
    });
    modules.set(module.target, `${source.trimEnd()}\n`);
  }
  return modules;
}
