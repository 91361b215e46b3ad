import { readdirSync, readFileSync } from 'node:fs';

const FIXTURES = new URL('./fixtures/', import.meta.url);

/** A libvirt corpus file: its name and its text with backslash-newline continuations joined. */
export interface CorpusFile {
  name: string;
  text: string;
}

/** Every `.sexpr` domain record copied from libvirt's tests. */
export function corpusRecords(): CorpusFile[] {
  return ['sexpr2xmldata/', 'v0.1.5/'].flatMap((folder) =>
    readdirSync(new URL(folder, FIXTURES))
      .filter((file) => file.endsWith('.sexpr'))
      .sort()
      .map((file) => ({
        name: `${folder}${file}`,
        text: balanceParens(readFileSync(new URL(`${folder}${file}`, FIXTURES), 'utf8').replaceAll('\\\n', '')),
      })),
  );
}

/** The value of `(key value)` in a record's text, found without the sexpr parser. */
export function fieldText(text: string, key: string): string | undefined {
  const match = new RegExp(`\\(\\s*${key}\\s+'?([^')\\s]*)'?\\s*\\)`).exec(text);
  return match?.[1];
}

/**
 * A few corpus files end one ")" short or one too many: libvirt's parser closed open lists at
 * the end of input and ignored what followed the first expression. Our parser is strict (a
 * short answer from xend is an error), so the fixtures are balanced the way libvirt read them.
 */
function balanceParens(text: string): string {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '(') {
      depth++;
    } else if (char === ')' && --depth === 0) {
      return text.slice(0, index + 1);
    }
  }
  return text.trimEnd() + ')'.repeat(depth);
}
