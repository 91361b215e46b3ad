import parsePeer from 's-expression';
import { bench, describe } from 'vitest';
import { all, lookupString, parseSexpr, type SExpr, SexprCursor } from '../src/index.js';
import { pairedThroughput } from './cpu-throughput.js';
import { domainListAnswer } from './domain-list-answer.js';

// Throughput of parseSexpr against the npm `s-expression` parser on the same text.
// MB/s = hz × size: vitest prints hz (parses per second) for each and the ratio between them.
const answer = domainListAnswer(1000);
const megabytes = Buffer.byteLength(answer) / 1e6;
console.log(`GET /xend/domain?detail=1 answer for 1000 domains: ${megabytes.toFixed(2)} MB; MB/s = hz × ${megabytes.toFixed(2)}`);

const peerResult = parsePeer(answer);
if (peerResult instanceof Error) throw peerResult;

// parseSexpr makes nodes when they are first visited; these walks make the comparison fair
// for what callers do: read what xend-client's decoders read, or read every atom.
const DOMAIN_FIELDS = ['domid', 'name', 'uuid', 'memory', 'maxmem', 'vcpus', 'state', 'cpu_time'];

function readDomainFields(root: SExpr): number {
  let total = 0;
  for (const domain of all(root, 'domain')) {
    for (const field of DOMAIN_FIELDS) total += lookupString(domain, `domain/${field}`)?.length ?? 0;
  }
  return total;
}

/** The same fields read through a SexprCursor, as xend-client's decoders read them: no node is made. */
function readDomainFieldsByCursor(root: SExpr): number {
  const cursor = SexprCursor.of(root);
  let total = 0;
  for (let domain = cursor.firstChild(cursor.root); domain !== SexprCursor.NONE; domain = cursor.nextSibling(domain)) {
    for (const field of DOMAIN_FIELDS) total += cursor.lookupString(domain, `domain/${field}`)?.length ?? 0;
  }
  return total;
}

function readEveryAtom(node: SExpr): number {
  if (node.type === 'atom') return node.value.length;
  let total = 0;
  for (const item of node.items) total += readEveryAtom(item);
  return total;
}

const contenders: [string, () => void][] = [
  ['parseSexpr', () => parseSexpr(answer)],
  ['parseSexpr + 8 fields per domain', () => readDomainFields(parseSexpr(answer))],
  ['parseSexpr + 8 fields per domain by SexprCursor', () => readDomainFieldsByCursor(parseSexpr(answer))],
  ['parseSexpr + every atom', () => readEveryAtom(parseSexpr(answer))],
];
for (const [name, run] of contenders) {
  const paired = pairedThroughput([[name, run], ['s-expression', () => parsePeer(answer)]], megabytes, 6);
  const [ours, peer] = Object.values(paired.megabytesPerCpuSecond);
  console.log(
    `${name}: ${ours!.toFixed(1)} MB per CPU-second, s-expression ${peer!.toFixed(1)}: ${paired.medianRatio.toFixed(2)}x (median of paired rounds)`,
  );
}

describe(`parse a 1000-domain xend answer (${megabytes.toFixed(2)} MB)`, () => {
  for (const [name, run] of contenders) bench(`@libvirt-ts/sexpr ${name}`, run);
  bench('s-expression (npm)', () => {
    parsePeer(answer);
  });
});
