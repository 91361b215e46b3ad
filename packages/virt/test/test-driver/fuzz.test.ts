import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../src/drivers/test/parse-definition.js';
import { VirtError } from '../../src/index.js';
import { fixturePath } from '../helpers/fixtures.js';

/** A small seeded generator (mulberry32), so every run mutates the same way. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES = ['<', '>', '/', "'", '"', '&', '=', ' ', 'a', '\n', '<!--', ']]>', '&#0;', '<x>', '</y>'];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.4) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    else if (kind < 0.8) out = out.slice(0, at) + SAMPLES[Math.floor(random() * SAMPLES.length)] + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

const dir = fixturePath('libvirt-corpus/xml2sexprdata');
const inputs = readdirSync(dir)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => readFileSync(`${dir}/${f}`, 'utf8'));

describe('mutated corpus documents', () => {
  it('a definition either parses or fails with a VirtError', () => {
    const random = seeded(2);
    for (let i = 0; i < 1500; i++) {
      const text = mutate(inputs[i % inputs.length] ?? '', random);
      try {
        parseDefinition(text);
      } catch (error) {
        expect(VirtError.isInstance(error), `${String(error)}\n${text}`).toBe(true);
        // A programming error wrapped as INTERNAL_ERROR would also be a VirtError: rule it out.
        const cause = (error as VirtError).cause;
        expect(cause instanceof TypeError || cause instanceof RangeError, `${String(cause)}\n${text}`).toBe(false);
      }
    }
  });
});
