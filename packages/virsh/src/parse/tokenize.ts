/** A command line split into words, as virsh's vshCommandStringGetArg reads a script. */
export type Script = string[][];

export class ScriptSyntaxError extends Error {
  override readonly name = 'ScriptSyntaxError';
}

/**
 * Splits a script into commands (separated by `;` or newline) and words (separated by
 * blanks), honouring '...' and "..." quoting and backslash escapes.
 */
export function tokenizeScript(text: string): Script {
  const commands: Script = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
      continue;
    }
    if (ch === '\\') {
      if (i + 1 >= text.length) throw new ScriptSyntaxError('dangling \\');
      word += text[++i];
      inWord = true;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === ';' || ch === '\n') {
      endCommand();
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new ScriptSyntaxError('missing "');
  endCommand();
  return commands;
}
