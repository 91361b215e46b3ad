import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { startTemporaryXenstored } from '../../src/server/index.js';
// @ts-expect-error -- plain JavaScript, shared with dom0 (no types)
import { runProbes } from './probe-requests.mjs';

// The hostile probes of probe-requests.mjs against xenstored-ts, compared with the answers Xen
// 4.17's C xenstored gave in the real-Xen harness (c-xenstored-4.17-answers.json). Every
// difference is listed here with its reason; a new difference, or one that goes away, fails.
const KNOWN_DIFFERENCES: Record<string, string> = {
  'read without NUL': 'C xenstored 4.17 dies (socket gone, restart needed); we answer EINVAL and live',
  'read absolute path of 3072': 'C refuses 3072-byte absolute paths with EINVAL; we accept up to 3072 (ENOENT)',
  'transaction end outside a transaction': 'C answers ENOENT, we EINVAL',
  'get-domain-path abc': 'C parses with atoi (abc is 0); we refuse a non-number',
  'get-domain-path 65536': 'C does not bound the domid; we refuse one past 65535',
  'directory-part bad offset': 'C parses the offset with atoi; we refuse a non-number',
  'directory-part offset past the end': 'C answers an empty part; we EINVAL',
  'dom0 sets 129 watches': 'C does not limit dom0 (its capture ran into the 3 s probe timeout under TCG); we keep 128 per dom0 connection',
  'dom0 opens 11 transactions': 'C does not limit dom0; we keep 10 per dom0 connection',
  'reset-watches with junk': 'C ignores the arguments; we refuse them',
};

const captured = JSON.parse(readFileSync(new URL('./c-xenstored-4.17-answers.json', import.meta.url), 'utf8')).answers as Record<string, string[]>;

it('answers hostile requests as Xen 4.17 C xenstored, except the listed differences', { timeout: 60_000 }, async () => {
  const xenstored = await startTemporaryXenstored({});
  try {
    const ours = (await runProbes(xenstored.socketPath)) as Record<string, string[]>;
    const differing = Object.keys(captured).filter((name) => JSON.stringify(captured[name]) !== JSON.stringify(ours[name]));
    expect(differing.sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).sort());
  } finally {
    await xenstored.close();
  }
});
