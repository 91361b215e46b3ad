import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The client configuration libvirt reads when no URI is named (virConnectGetDefaultURI): root's
 * /etc/libvirt/libvirt.conf, anyone else's $XDG_CONFIG_HOME/libvirt/libvirt.conf.
 */
export function libvirtConfPath(env: NodeJS.ProcessEnv, euid = process.geteuid?.() ?? 0): string {
  if (euid === 0) return '/etc/libvirt/libvirt.conf';
  return join(env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config'), 'libvirt', 'libvirt.conf');
}

/**
 * `uri_default` of libvirt.conf (virConf syntax: `name = value` lines, `#` comments, quoted
 * strings, numbers, `[...]` lists that may span lines); undefined when the file or the setting is
 * not there. Errors carry libvirt 9's words.
 */
export function configuredDefaultUri(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const settings = readSettings(text, path);
  const value = settings.get('uri_default');
  if (value === undefined) return undefined;
  const quoted = /^(?:"([^"]*)"|'([^']*)')$/.exec(value);
  if (!quoted) throw new Error(`internal error: ${path}: expected a string for 'uri_default' parameter`);
  return quoted[1] ?? quoted[2];
}

/** Each setting's raw value, comments stripped. */
function readSettings(text: string, path: string): Map<string, string> {
  const settings = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = withoutComment(lines[i] as string).trim();
    if (line === '') continue;
    const assignment = /^([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line);
    if (!assignment || assignment[2] === '') {
      throw new Error(`configuration file syntax error: ${path}:${i + 1}: expecting ${assignment ? 'a value' : 'an assignment'}`);
    }
    let value = assignment[2] as string;
    // A list goes on until its closing bracket.
    while (value.startsWith('[') && !value.endsWith(']') && i + 1 < lines.length) value += withoutComment(lines[++i] as string).trim();
    settings.set(assignment[1] as string, value);
  }
  return settings;
}

/** The line up to a `#` outside quotes. */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#') {
      return line.slice(0, i);
    }
  }
  return line;
}
