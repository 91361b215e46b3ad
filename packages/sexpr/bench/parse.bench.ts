import parsePeer from 's-expression';
import { bench, describe } from 'vitest';
import { parseSexpr, type SExpr } from '../src/index.js';
import { pairedThroughput } from './cpu-throughput.js';
import { domainListAnswer } from './domain-list-answer.js';

// Throughput of parseSexpr against the npm `s-expression` parser on the same text.
// MB/s = hz × size: vitest prints hz (parses per second) for each and the ratio between them.
const answer = domainListAnswer(1000);
const megabytes = Buffer.byteLength(answer) / 1e6;
console.log(`GET /xend/domain?detail=1 answer for 1000 domains: ${megabytes.toFixed(2)} MB; MB/s = hz × ${megabytes.toFixed(2)}`);

const peerResult = parsePeer(answer);
if (peerResult instanceof Error) throw peerResult;

// parseSexpr slices a bare atom's text only when its value is read; this walk reads them all,
// for a comparison where both sides end with every string in hand.
function readEveryAtom(node: SExpr): number {
  if (node.type === 'atom') return node.value.length;
  let total = 0;
  for (const item of node.items) total += readEveryAtom(item);
  return total;
}

const paired = pairedThroughput(
  [
    ['parseSexpr + read every atom', () => readEveryAtom(parseSexpr(answer))],
    ['s-expression (npm)', () => parsePeer(answer)],
  ],
  megabytes,
);
for (const [name, rate] of Object.entries(paired.megabytesPerCpuSecond)) {
  console.log(`${name}: ${rate.toFixed(1)} MB per CPU-second`);
}
console.log(`parseSexpr + read every atom / s-expression: ${paired.medianRatio.toFixed(2)}x (median of paired rounds)`);

describe(`parse a 1000-domain xend answer (${megabytes.toFixed(2)} MB)`, () => {
  bench('@libvirt-ts/sexpr parseSexpr', () => {
    parseSexpr(answer);
  });

  bench('@libvirt-ts/sexpr parseSexpr, then read every atom', () => {
    readEveryAtom(parseSexpr(answer));
  });

  bench('s-expression (npm)', () => {
    parsePeer(answer);
  });
});
