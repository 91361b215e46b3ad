import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The README's API section against the package: every name it lists exists (module exports,
 * Connection, Domain, DomainSnapshot and DomainCheckpoint members), every export and public member is listed, and each row's C
 * function is named in that member's doc comment.
 */
const packageDir = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', packageDir), 'utf8');

interface ApiRow {
  /** The C functions, enums or types of the row; empty for a TypeScript-only extension ("—"). */
  c: string[];
  /** "module", "conn", "dom", "snap" (DomainSnapshot) or "chk" (DomainCheckpoint). */
  owner: 'module' | 'conn' | 'dom' | 'snap' | 'chk';
  /** The names listed: export names, or member names ("[Symbol.asyncDispose]" for the symbol). */
  names: string[];
}

/** The rows of every table between "## API" and the next level-2 heading. */
function apiRows(): ApiRow[] {
  const start = readme.indexOf('\n## API\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  const rows: ApiRow[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| C ') || line.startsWith('|---')) continue;
    const [cCell = '', tsCell = ''] = line.slice(2).split(' | ');
    const c = [...cCell.matchAll(/`(vir\w+)`/g)].map((m) => m[1] ?? '');
    // the cell's leading list of code spans: `a`, `b` (prose and examples may follow)
    const lead = /^`[^`]+`(?:, `[^`]+`)*/.exec(tsCell)?.[0] ?? '';
    const spans = [...lead.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    const first = spans[0] ?? '';
    const member = /^(conn|dom|snap|chk)(?:\.(\w+)|(\[Symbol\.asyncDispose\]))/.exec(first);
    if (member) {
      rows.push({ c, owner: member[1] as 'conn' | 'dom' | 'snap' | 'chk', names: [member[2] ?? member[3] ?? ''] });
    } else {
      rows.push({ c, owner: 'module', names: spans.map((span) => /^\w+/.exec(span)?.[0] ?? span) });
    }
  }
  return rows;
}

/** The package's exports and its two classes' public members, with their doc comments, read by the compiler. */
function packageApi() {
  const entry = new URL('src/index.ts', packageDir).pathname;
  const program = ts.createProgram([entry], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error('cannot read src/index.ts');
  const docOf = (symbol: ts.Symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker));
  const resolved = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const exports = new Map<string, string>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) exports.set(symbol.name, docOf(resolved(symbol)));
  const membersOf = (className: string) => {
    const classSymbol = resolved(checker.getExportsOfModule(moduleSymbol).find((s) => s.name === className) as ts.Symbol);
    const members = new Map<string, string>();
    for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(classSymbol))) {
      const name = property.name.startsWith('__@asyncDispose') ? '[Symbol.asyncDispose]' : property.name;
      if (!name.startsWith('#')) members.set(name, docOf(property));
    }
    return members;
  };
  return { exports, conn: membersOf('Connection'), dom: membersOf('Domain'), snap: membersOf('DomainSnapshot'), chk: membersOf('DomainCheckpoint') };
}

describe('README API section', () => {
  const rows = apiRows();
  const api = packageApi();
  const listed = (owner: ApiRow['owner']) => new Set(rows.filter((r) => r.owner === owner).flatMap((r) => r.names));
  const known = { module: api.exports, conn: api.conn, dom: api.dom, snap: api.snap, chk: api.chk };

  it('lists tables of module, Connection and Domain names', () => {
    expect(listed('module').size).toBeGreaterThan(20);
    expect(listed('conn').size).toBeGreaterThan(20);
    expect(listed('dom').size).toBeGreaterThan(20);
  });

  it('lists only names the package has', () => {
    for (const owner of ['module', 'conn', 'dom', 'snap', 'chk'] as const) {
      const missing = [...listed(owner)].filter((name) => !known[owner].has(name));
      expect(missing, `${owner} names in the README that the package lacks`).toEqual([]);
    }
  });

  it('lists every export and every public Connection and Domain member', () => {
    for (const owner of ['module', 'conn', 'dom', 'snap', 'chk'] as const) {
      const unlisted = [...known[owner].keys()].filter((name) => !listed(owner).has(name));
      expect(unlisted, `${owner} names missing from the README`).toEqual([]);
    }
  });

  it("names each row's C function in the doc comment of what implements it", () => {
    const undocumented = rows.flatMap((row) =>
      row.c.length === 0 ? [] : row.names.filter((name) => !known[row.owner].get(name)?.includes(row.c[0] ?? '')).map((name) => `${row.owner} ${name}: ${row.c[0]}`),
    );
    expect(undocumented).toEqual([]);
  });
});
