// Types for the npm `s-expression` parser, used only as the benchmark's peer.
declare module 's-expression' {
  /** Symbols are strings; quoted strings come as String objects; lists as arrays. */
  type Parsed = string | { valueOf(): string } | Parsed[];
  export default function parse(text: string): Parsed | Error;
}
