import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generatedParserUrl, generateParserSource } from '../scripts/generate-parser.mjs';

it('the committed parser is generated from the current grammar (run `pnpm generate` if not)', () => {
  expect(readFileSync(generatedParserUrl, 'utf8') === generateParserSource()).toBe(true);
});
