// fast-check arbitraries for any type of a parsed .x file, walked from its AST: every type of
// remote_protocol.x can be round-tripped through its generated codec.
import fc from 'fast-check';
import type { Declaration, Definition, Specification, TypeSpecifier, Value } from '../src/rpcgen/index.js';
import { LIBVIRT_HEADER_CONSTANTS } from '../src/rpcgen/index.js';

const BUILTIN: Record<string, fc.Arbitrary<unknown>> = {
  int: fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  'unsigned int': fc.integer({ min: 0, max: 0xffffffff }),
  hyper: fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
  'unsigned hyper': fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  float: fc.float({ noNaN: true }),
  double: fc.double({ noNaN: true }),
  bool: fc.boolean(),
  char: fc.integer({ min: -128, max: 127 }),
  'unsigned char': fc.integer({ min: 0, max: 255 }),
  short: fc.integer({ min: -32768, max: 32767 }),
  'unsigned short': fc.integer({ min: 0, max: 65535 }),
};

export class XdrArbitraries {
  private readonly definitions = new Map<string, Definition>();
  private readonly constants = new Map<string, number>(Object.entries(LIBVIRT_HEADER_CONSTANTS));
  private readonly cache = new Map<string, fc.Arbitrary<unknown>>();

  constructor(spec: Specification) {
    for (const definition of spec.definitions) {
      if (definition.kind === 'const' && definition.value.kind === 'number') this.constants.set(definition.name, definition.value.value);
      if (definition.kind === 'const' && definition.value.kind === 'constant') this.constants.set(definition.name, this.value(definition.value));
      if (definition.kind === 'enum') for (const member of definition.members) this.constants.set(member.name, this.value(member.value));
      if (definition.kind === 'typedef' && definition.declaration.kind !== 'void') this.definitions.set(definition.declaration.name, definition);
      if (definition.kind === 'enum' || definition.kind === 'struct' || definition.kind === 'union') this.definitions.set(definition.name, definition);
    }
  }

  typeNames(): string[] {
    return [...this.definitions.keys()];
  }

  private value(value: Value): number {
    return value.kind === 'number' ? value.value : this.constants.get(value.name)!;
  }

  of(typeName: string): fc.Arbitrary<unknown> {
    const cached = this.cache.get(typeName);
    if (cached) return cached;
    const definition = this.definitions.get(typeName)!;
    let arbitrary: fc.Arbitrary<unknown>;
    switch (definition.kind) {
      case 'typedef':
        arbitrary = this.declaration(definition.declaration);
        break;
      case 'enum':
        arbitrary = fc.constantFrom(...definition.members.map((member) => this.value(member.value)));
        break;
      case 'struct':
        arbitrary = fc.record(
          Object.fromEntries(definition.fields.map((field) => [(field as { name: string }).name, this.declaration(field)])),
        );
        break;
      case 'union': {
        const tag = (definition.discriminant as { name: string }).name;
        arbitrary = fc.oneof(
          ...definition.arms.flatMap((arm) =>
            arm.values.map((value) =>
              arm.declaration.kind === 'void'
                ? fc.constant({ [tag]: this.value(value) })
                : this.declaration(arm.declaration).map((v) => ({ [tag]: this.value(value), [(arm.declaration as { name: string }).name]: v })),
            ),
          ),
        );
        break;
      }
      default:
        throw new Error(`not a type: ${typeName}`);
    }
    this.cache.set(typeName, arbitrary);
    return arbitrary;
  }

  private element(type: TypeSpecifier): fc.Arbitrary<unknown> {
    return type.kind === 'builtin' ? BUILTIN[type.name]! : fc.constant(null).chain(() => this.of(type.name));
  }

  private declaration(declaration: Declaration): fc.Arbitrary<unknown> {
    switch (declaration.kind) {
      case 'void':
        return fc.constant(undefined);
      case 'scalar':
        return this.element(declaration.type);
      case 'optional':
        return fc.option(this.element(declaration.type), { nil: null });
      case 'fixed-array':
        return fc.array(this.element(declaration.type), { minLength: this.value(declaration.size), maxLength: this.value(declaration.size) });
      case 'variable-array':
        return fc.array(this.element(declaration.type), { maxLength: Math.min(3, declaration.size ? this.value(declaration.size) : 3) });
      case 'fixed-opaque':
        return fc.uint8Array({ minLength: this.value(declaration.size), maxLength: this.value(declaration.size) });
      case 'variable-opaque':
        return fc.uint8Array({ maxLength: Math.min(9, declaration.size ? this.value(declaration.size) : 9) });
      case 'string':
        return fc.string({ unit: 'grapheme', maxLength: 8 });
    }
  }
}
