// parse(write(config)) is config, for generated configs of every shape the model allows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FC_SEED } from './fc-seed.js';
import { formatDomainXml, parseDomainXml } from '../src/index.js';
import { domainConfig } from './arbitrary-domain.js';

describe('round trip', () => {
  it('parse(write(config)) deep-equals config, also in strict mode', () => {
    fc.assert(
      fc.property(domainConfig, (config) => {
        const xml = formatDomainXml(config);
        expect(parseDomainXml(xml, { strict: true })).toEqual(config);
      }),
      { numRuns: 300, seed: FC_SEED },
    );
  });

  it('write is a fixed point: write(parse(write(config))) === write(config)', () => {
    fc.assert(
      fc.property(domainConfig, (config) => {
        const xml = formatDomainXml(config);
        expect(formatDomainXml(parseDomainXml(xml))).toBe(xml);
      }),
      { numRuns: 100, seed: FC_SEED },
    );
  });
});
