// @libvirt-ts/sexpr: xend's S-expressions. Pure: no I/O.
export { atom, headOf, isAtom, isList, list, type SExpr, type SexprAtom, type SexprList } from './ast.js';
export { fromArray, type SexprArray, sexprEquals, toArray } from './convert.js';
export { lookupFloat, lookupInt, lookupString } from './getters.js';
export { all, find, lookup } from './lookup.js';
export { DEFAULT_MAX_DEPTH, type ParseOptions, parseSexpr, parseSexprs } from './parse.js';
export { printAtom, printSexpr } from './print.js';
export { SexprError, type SexprErrorCode, type SexprErrorInit } from './sexpr-error.js';
export { type Position, SourceSpan, SourceText } from './source-text.js';
export { SexprCursor } from './sexpr-cursor.js';
