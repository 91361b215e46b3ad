// Types for the npm `s-expression` parser, used only as the benchmark's peer.
declare module 's-expression' {
  type Parsed = string | String | Parsed[];
  export default function parse(text: string): Parsed | Error;
}
