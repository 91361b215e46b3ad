import { parseSexpr } from '@libvirt-ts/sexpr';
import { describe, expect, it } from 'vitest';
import { XendError } from '../../src/errors/xend-error.js';
import { decodeDomain, decodeDomainList, decodeDomainNames } from '../../src/protocol/domain-record.js';
import { corpusRecords, fieldText } from '../corpus.js';

function parseError(run: () => unknown): XendError {
  try {
    run();
  } catch (error) {
    if (XendError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('decodeDomain over libvirt corpus records', () => {
  it.each(corpusRecords())('$name', ({ text }) => {
    const domain = decodeDomain(parseSexpr(text));
    expect(domain.name).toBe(fieldText(text, 'name'));
    const domid = fieldText(text, 'domid');
    expect(domain.domid).toBe(domid === undefined ? undefined : Number(domid));
    expect(domain.memory).toBe(Number(fieldText(text, 'memory')));
    expect(domain.maxmem).toBe(Number(fieldText(text, 'maxmem')));
    expect(domain.vcpus).toBe(Number(fieldText(text, 'vcpus')));
    const uuidHex = fieldText(text, 'uuid')!.replaceAll('-', '').toLowerCase();
    expect(domain.uuid.replaceAll('-', '')).toBe(uuidHex);
    const cpuTime = fieldText(text, 'cpu_time');
    expect(domain.cpuTimeNs).toBe(cpuTime === undefined ? 0n : BigInt(Math.round(Number(cpuTime) * 1e9)));
    expect(domain.state).toBe(fieldText(text, 'state'));
  });
});

describe('decodeDomain', () => {
  const record = (fields: string) => parseSexpr(`(domain (name pvtest) (uuid 596a5d21-71f4-8fb2-e068-e2386a5c413e) ${fields})`);

  it('keeps the fields and units of xend (MiB, the state letters), cpu_time exactly in ns', () => {
    const domain = decodeDomain(record('(domid 6) (memory 420) (maxmem 512) (vcpus 2) (state -b----) (status 2) (cpu_time 1.23)'));
    expect(domain).toMatchObject({ domid: 6, memory: 420, maxmem: 512, vcpus: 2, state: '-b----', status: 2, cpuTimeNs: 1_230_000_000n });
  });

  it('reads missing numbers as 0, and a missing state, status or domid as absent', () => {
    const domain = decodeDomain(record(''));
    expect(domain).toMatchObject({ domid: undefined, state: undefined, status: undefined, memory: 0, maxmem: 0, vcpus: 0, cpuTimeNs: 0n });
  });

  it.each([
    ['8-4-4-4-12', '596a5d21-71f4-8fb2-e068-e2386a5c413e'],
    ['8-8-8-8', '596a5d21-71f48fb2-e068e238-6a5c413e'],
    ['32 hex digits', '596A5D2171F48FB2E068E2386A5C413E'],
  ])('reads a uuid in the %s layout', (_layout, uuid) => {
    const domain = decodeDomain(parseSexpr(`(domain (name x) (uuid ${uuid}))`));
    expect(domain.uuid).toBe('596a5d21-71f4-8fb2-e068-e2386a5c413e');
  });

  it.each([
    ['(domain (uuid 596a5d2171f48fb2e068e2386a5c413e))', /required field domain\/name is missing/],
    ['(domain (name x))', /domain "x": required field domain\/uuid is missing/],
    ['(domain (name x) (uuid 1234))', /domain "x": bad field domain\/uuid/],
    ['(domain (name x) (uuid 596a5d2171f48fb2e068e2386a5c413e) (domid abc))', /bad field domain\/domid/],
    ['(domain (name x) (uuid 596a5d2171f48fb2e068e2386a5c413e) (memory 4k))', /bad field domain\/memory/],
    ['(domain (name x) (uuid 596a5d2171f48fb2e068e2386a5c413e) (cpu_time soon))', /domain\/cpu_time: not a number/],
    ['(node (name x))', /expected a \(domain \.\.\.\) record/],
  ])('%s is a PARSE_ERROR', (text, message) => {
    const error = parseError(() => decodeDomain(parseSexpr(text)));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(message);
  });

  it('keeps the sexpr error as the cause', () => {
    const error = parseError(() => decodeDomain(parseSexpr('(domain (name x) (uuid 596a5d2171f48fb2e068e2386a5c413e) (memory 4k))')));
    expect((error.cause as Error).name).toBe('SexprError');
  });
});

describe('domain lists', () => {
  it('decodes the detail list and the name list', () => {
    const records = parseSexpr(
      '((domain (domid 0) (name Domain-0) (uuid 00000000-0000-0000-0000-000000000000)) (domain (domid 3) (name a) (uuid 596a5d2171f48fb2e068e2386a5c413e)))',
    );
    expect(decodeDomainList(records).map((domain) => [domain.domid, domain.name])).toEqual([
      [0, 'Domain-0'],
      [3, 'a'],
    ]);
    expect(decodeDomainList(parseSexpr('()'))).toEqual([]);
    expect(decodeDomainNames(parseSexpr('(Domain-0 a b)'))).toEqual(['Domain-0', 'a', 'b']);
  });

  it('refuses a names list where the detail list is expected, and the reverse', () => {
    expect(parseError(() => decodeDomainList(parseSexpr('(Domain-0 a)'))).code).toBe('PARSE_ERROR');
    expect(parseError(() => decodeDomainNames(parseSexpr('((domain (name a)))'))).message).toMatch(/item 0 is a list/);
  });
});
