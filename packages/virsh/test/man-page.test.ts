import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../src/commands/table.js';
import { generateManPage } from '../src/extras/man-page.js';

const manPath = fileURLToPath(new URL('../man/virsh.1', import.meta.url));
const generated = generateManPage(allCommands());

// UPDATE_VIRSH_MAN=1 rewrites the committed page after a change to the command table.
if (process.env['UPDATE_VIRSH_MAN'] === '1') writeFileSync(manPath, generated);

describe('man/virsh.1', () => {
  it('is the page generated from the current command table', () => {
    expect(readFileSync(manPath, 'utf8'), 'run UPDATE_VIRSH_MAN=1 pnpm vitest run --project virsh man-page').toBe(generated);
  });

  it('documents every command and every option of the table', () => {
    for (const def of allCommands()) {
      expect(generated).toContain(`.B ${def.name.replaceAll('-', '\\-')}`);
      for (const opt of def.options) expect(generated).toContain(opt.name.replaceAll('-', '\\-'));
    }
  });

  const groff = ['/usr/bin/groff', '/usr/local/bin/groff'].find((p) => existsSync(p));
  it.skipIf(!groff)(`formats without roff warnings${groff ? '' : ' (groff is not installed: skipped)'}`, () => {
    const result = spawnSync(groff as string, ['-man', '-Tutf8', '-ww', '-z', manPath], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
  });
});
