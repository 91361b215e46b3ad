import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedDirectoryUrl, generateParserSource, readProtocolFile } from '../scripts/generate.mjs';
import { emitTypeScript, generatedModules, parseAnnotations, parseRpcgen, RpcgenEmitError, RpcgenSyntaxError } from '../src/rpcgen/index.js';
import { REMOTE_PROCEDURE_NAMES, REMOTE_STREAM_PROCEDURES, RemoteProcedures } from '../src/index.js';

describe('the committed generated code (run `pnpm --filter @libvirt-ts/remote generate` if not)', () => {
  it('the rpcgen parser is generated from the current grammar', () => {
    expect(readFileSync(new URL('rpcgen-parser.ts', generatedDirectoryUrl), 'utf8') === generateParserSource()).toBe(true);
  });

  for (const [target, source] of generatedModules(readProtocolFile)) {
    it(`${target} is generated from the current .x file and generator`, () => {
      expect(readFileSync(new URL(target, generatedDirectoryUrl), 'utf8') === source).toBe(true);
    });
  }
});

describe('the rpcgen grammar', () => {
  it('reads constants, typedefs, enums, structs, unions and pass-through lines', () => {
    const spec = parseRpcgen(
      [
        '%#include <x.h>',
        'const MAX = 0x10; /* hex */',
        'const OCT = 010;',
        'typedef opaque uuid[16];',
        'typedef string name<MAX>;',
        'typedef name *maybe_name;',
        'enum color { RED = 1, /** @note: green */ GREEN = -2 };',
        'struct s { unsigned hyper a; unsigned b; int list<>; color c[2]; };',
        'union u switch (int kind) { case 1: case 2: int i; case 3: void; default: hyper h; };',
      ].join('\n'),
    );
    expect(spec.definitions.map((definition) => definition.kind)).toEqual(['passthrough', 'const', 'const', 'typedef', 'typedef', 'typedef', 'enum', 'struct', 'union']);
    expect(spec.definitions[1]).toMatchObject({ name: 'MAX', value: { kind: 'number', value: 16 } });
    expect(spec.definitions[2]).toMatchObject({ value: { value: 8 } });
    expect(spec.definitions[6]).toMatchObject({ members: [{ name: 'RED' }, { name: 'GREEN', value: { value: -2 }, comments: ['* @note: green '] }] });
    expect(spec.definitions[7]).toMatchObject({
      fields: [
        { kind: 'scalar', type: { name: 'unsigned hyper' } },
        { kind: 'scalar', type: { name: 'unsigned int' } },
        { kind: 'variable-array', size: null },
        { kind: 'fixed-array', type: { kind: 'named', name: 'color' } },
      ],
    });
    expect(spec.definitions[8]).toMatchObject({ arms: [{ values: [{ value: 1 }, { value: 2 }] }, { declaration: { kind: 'void' } }], fallback: { name: 'h' } });
  });

  it('a syntax error names the file, line and column', () => {
    const error = (() => {
      try {
        parseRpcgen('const A = 1;\nstruct s {\n  int x\n};\n', 'bad.x');
      } catch (e) {
        return e;
      }
    })() as RpcgenSyntaxError;
    expect(RpcgenSyntaxError.isInstance(error)).toBe(true);
    expect([error.line, error.column]).toEqual([4, 1]);
    expect(error.message).toMatch(/^bad\.x:4:1: Expected/);
  });

  it('an unknown type or constant is an error at its place', () => {
    expect(() => emitTypeScript(parseRpcgen('struct s {\n  nosuch x;\n};', 'a.x'), { source: 'a.x' })).toThrow(
      new RpcgenEmitError('a.x', { line: 2, column: 3 }, 'unknown type nosuch'),
    );
    expect(() => emitTypeScript(parseRpcgen('typedef opaque u[N];', 'b.x'), { source: 'b.x' })).toThrow(/b\.x:1:9: unknown constant N/);
  });

  it('procedure annotations are read from the comment right before each procedure', () => {
    expect(parseAnnotations(['*\n * @generate: both\n * @readstream: 1\n * @acl: domain:read\n * @acl: domain:write\n '])).toEqual({
      generate: 'both',
      readstream: '1',
      acl: 'domain:read, domain:write',
    });
  });
});

describe('libvirt 9.0 procedures', () => {
  it('numbers 1..443, every one typed', () => {
    const numbers = Object.keys(REMOTE_PROCEDURE_NAMES).map(Number);
    expect(numbers.length).toBe(443);
    expect(Math.min(...numbers)).toBe(1);
    expect(Math.max(...numbers)).toBe(443);
    expect(REMOTE_PROCEDURE_NAMES[16]).toBe('REMOTE_PROC_DOMAIN_GET_INFO');
    expect(REMOTE_PROCEDURE_NAMES[443]).toBe('REMOTE_PROC_DOMAIN_FD_ASSOCIATE');
    expect(typeof RemoteProcedures.prototype.domainGetInfo).toBe('function');
    expect(typeof RemoteProcedures.prototype.domainRestoreParams).toBe('function');
  });

  it('the stream procedures are the ones libvirt marks @readstream/@writestream', () => {
    // remote_protocol.x 9.0 annotates these seven (DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS is hand-written there).
    expect([...REMOTE_STREAM_PROCEDURES].map((number) => REMOTE_PROCEDURE_NAMES[number])).toEqual([
      'REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL',
      'REMOTE_PROC_DOMAIN_OPEN_CONSOLE',
      'REMOTE_PROC_STORAGE_VOL_UPLOAD',
      'REMOTE_PROC_STORAGE_VOL_DOWNLOAD',
      'REMOTE_PROC_DOMAIN_SCREENSHOT',
      'REMOTE_PROC_DOMAIN_MIGRATE_PREPARE_TUNNEL3',
      'REMOTE_PROC_DOMAIN_OPEN_CHANNEL',
    ]);
  });
});

