/** The AST of an rpcgen (.x) file, as src/rpcgen/grammar.peggy builds it. */

export interface SourceLocation {
  line: number;
  column: number;
}

/** A number written in the file, or the name of a constant (from the file or a C header). */
export type Value = { kind: 'number'; value: number } | { kind: 'constant'; name: string };

export type BuiltinTypeName =
  | 'int'
  | 'unsigned int'
  | 'hyper'
  | 'unsigned hyper'
  | 'float'
  | 'double'
  | 'quadruple'
  | 'bool'
  | 'char'
  | 'unsigned char'
  | 'short'
  | 'unsigned short'
  | 'long'
  | 'unsigned long';

export type TypeSpecifier = { kind: 'builtin'; name: BuiltinTypeName } | { kind: 'named'; name: string };

/** One field, typedef or union arm: a name, its type and how many of it. */
export type Declaration =
  | { kind: 'void'; location: SourceLocation }
  | { kind: 'scalar'; name: string; type: TypeSpecifier; location: SourceLocation }
  | { kind: 'optional'; name: string; type: TypeSpecifier; location: SourceLocation }
  | { kind: 'fixed-array'; name: string; type: TypeSpecifier; size: Value; location: SourceLocation }
  | { kind: 'variable-array'; name: string; type: TypeSpecifier; size: Value | null; location: SourceLocation }
  | { kind: 'fixed-opaque'; name: string; size: Value; location: SourceLocation }
  | { kind: 'variable-opaque'; name: string; size: Value | null; location: SourceLocation }
  | { kind: 'string'; name: string; max: Value | null; location: SourceLocation };

export type NamedDeclaration = Exclude<Declaration, { kind: 'void' }>;

export interface EnumMember {
  name: string;
  value: Value;
  /** The comments right before the member (libvirt puts each procedure's annotations there). */
  comments: string[];
  location: SourceLocation;
}

export interface UnionArm {
  values: Value[];
  declaration: Declaration;
}

export type Definition =
  | { kind: 'passthrough'; text: string; location: SourceLocation }
  | { kind: 'const'; name: string; value: Value; location: SourceLocation }
  | { kind: 'typedef'; declaration: Declaration; location: SourceLocation }
  | { kind: 'enum'; name: string; members: EnumMember[]; location: SourceLocation }
  | { kind: 'struct'; name: string; fields: Declaration[]; location: SourceLocation }
  | {
      kind: 'union';
      name: string;
      discriminant: Declaration;
      arms: UnionArm[];
      fallback: Declaration | null;
      location: SourceLocation;
    };

export interface Specification {
  definitions: Definition[];
}
