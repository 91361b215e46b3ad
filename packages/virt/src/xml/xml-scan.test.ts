import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLibxmlError, scanXml, XmlScanError } from './xml-scan.js';

/** Malformed documents and the first error libxml2 reports for each. */
const MALFORMED = [
  "<domain type='test'><name>broken</name><memory>1024</memory>",
  'this is not xml at all',
  '',
  '   ',
  '<a><b></a>',
  '<a></a><b/>',
  '<a x=1/>',
  "<a x='1' x='2'/>",
  '<a>&foo;</a>',
  '<a',
  "<a x='1",
  '<a><!-- x',
  '<a>\n<b>\n</c></a>',
  '<a/>junk',
  '<a><b></b>',
  '<a>\n  <b>\n',
  '<a>\n\t<b x="1">\n\t</c>',
  '<a>&#0;</a>',
  '<a><1/></a>',
  '<?xml version="1.0"?>\n<a>',
  '<a x="<"/>',
  '<a>&amp</a>',
  '<a>]]></a>',
];

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'xml-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** xmllint's first error for `text`: line, message and the caret's column. */
function xmllintFirstError(text: string): { line: number; message: string; column: number } {
  const file = join(dir, 'doc.xml');
  writeFileSync(file, text);
  let stderr = '';
  try {
    execFileSync('xmllint', ['--noout', file], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
  } catch (error) {
    stderr = String((error as { stderr: Buffer }).stderr);
  }
  const lines = stderr.split('\n');
  const head = /^.*?:(\d+): parser error : (.*)$/.exec(lines[0] ?? '');
  if (!head) throw new Error(`unexpected xmllint output: ${stderr}`);
  return { line: Number(head[1]), message: head[2] ?? '', column: (lines[2] ?? '').indexOf('^') };
}

describe.skipIf(!hasXmllint())('scanXml reports the first error as libxml2 (checked against xmllint)', () => {
  for (const text of MALFORMED) {
    it(JSON.stringify(text), () => {
      const expected = xmllintFirstError(text);
      let error: unknown;
      try {
        scanXml(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(XmlScanError);
      const scan = error as XmlScanError;
      const lineStart = text.lastIndexOf('\n', scan.offset - 1) + 1;
      expect({ line: scan.line, message: scan.libxmlMessage, column: scan.offset - lineStart }).toEqual(expected);
    });
  }
});

describe('scanXml', () => {
  it('builds the element tree with attributes, decoded text and offsets', () => {
    const text = `<?xml version='1.0'?>\n<!-- c --><node a="1&amp;2">\n  <cpu><mhz> 6000 </mhz></cpu><![CDATA[<x>]]>&#65;\n</node>\n`;
    const root = scanXml(text);
    expect(root.name).toBe('node');
    expect(root.attributes.get('a')).toBe('1&2');
    expect(root.children.map((c) => [c.name, c.line])).toEqual([['cpu', 3]]);
    expect(root.children[0]?.children[0]?.text).toBe(' 6000 ');
    expect(root.text).toContain('<x>A');
    expect(text.slice(root.start, root.end)).toMatch(/^<node[\s\S]*<\/node>$/);
  });

  it('formats errors as libvirt prints them: url, line, message, context, dashes up to the cursor', () => {
    const text = '<a>\n\t<b>\n\t</c>';
    const error = (() => {
      try {
        scanXml(text);
      } catch (e) {
        return e as XmlScanError;
      }
      throw new Error('expected an error');
    })();
    expect(formatLibxmlError('(domain_definition)', error, text)).toBe(
      '(domain_definition):3: Opening and ending tag mismatch: b line 2 and c\n\t</c>\n\t----^',
    );
  });

  it('refuses a DOCTYPE instead of expanding entities', () => {
    expect(() => scanXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(XmlScanError);
  });
});
