// Well-formedness as libxml2 2.9 checks it: the first fatal error, its words, line and cursor,
// compared with xmllint's (the same libxml2 libvirt 9 parses with) where it is installed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeXmlBytes, type ParseXmlTreeOptions, parseXml, XmlFormatError } from '../src/index.js';

/** Malformed documents: each one's first error as xmllint reports it is the expectation. */
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
  '<a><![CDATA[x',
  '<a><?pi x',
  '<?pi x',
  '<a/ >',
  '< a/>',
  '<a b="1"c="2"/>',
  '<a>&#x110000;</a>',
  '<a>&#xD800;</a>',
  '<a>\u0001</a>',
  '<a x="\u0001"/>',
  '\u0000<a/>',
  '  \u0000',
  '<a>\u0000</a>',
  '<a x="\u0000"/>',
  '<a/>\u0001',
  '\u0001<a/>',
  '<!-- \u0001 --><a/>',
  '<a><!-- \u0001 --></a>',
  '<a></b>',
  '<a>&#65</a>',
  '<a>& </a>',
  '<a>&;</a>',
  '<a>&#;</a>',
  '<a>&#x;</a>',
  '<a>&#xZZ;</a>',
  '<a x="&foo;"/>',
  '<a x="&#0;"/>',
  '<a\n x="1"\n>\n<b>',
  '<a></ a>',
  '<a>\r\n</b>',
  '<a>\r</b>',
  '<a><?xml x?></a>',
  '<?xml version="1.0"?><?xml version="1.0"?><a/>',
  '<a 1="2"/>',
  '<a x="1"y="2"/>',
  '<a><!--a--b--></a>',
  '<a>\uFFFE</a>',
  '<a/><b',
  '<a/>text',
  '<a/>&amp;',
  'text<a/>',
  '<a>\n<b>]]></b>',
  '<a x="1\n<"/>',
  '<a>\t\u0002</a>',
];

/** Well-formed documents (xmllint agrees), with what the tree holds. */
const WELL_FORMED: Array<[string, string]> = [
  ['<a></a >', ''],
  ['<a></a\n>', ''],
  ['<a/>\u0000junk', ''],
  ['<a x = "1" />', ''],
  ['<a>]]</a>', ']]'],
  ['<a><!----></a>', ''],
  ['<!DOCTYPE a SYSTEM "x.dtd"><a/>', ''],
  ['<a>\uD83D\uDE00</a>', '\uD83D\uDE00'],
  ['\uFEFF<a/>', ''],
  ['<a>x</a><!-- c -->', 'x'],
  ['<a/><?p?>\n\n', ''],
  ['<a>a\r\nb\rc&#13;</a>', 'a\nb\nc\r'],
  ['<a:b>&lt;&#x41;&#66;<![CDATA[<&]]></a:b>', '<AB<&'],
];

/**
 * Documents as bytes that are not all UTF-8 (invalid bytes, latin1 text, overlong forms, an
 * encoded surrogate): decodeXmlBytes keeps each bad byte, and the parser stops there as libxml2 does.
 */
const MALFORMED_BYTES = [
  Buffer.from('<a>x\xff</a>', 'latin1'),
  Buffer.from('<a b="\xe9x"/>', 'latin1'),
  Buffer.from('<a\xe9b/>', 'latin1'),
  Buffer.from('<a><!-- \xe9 --></a>', 'latin1'),
  Buffer.from('<a>x</a>\xff', 'latin1'),
  Buffer.from('<a>\xc0\xaf</a>', 'latin1'),
  Buffer.from('<a>\xed\xa0\x80</a>', 'latin1'),
  Buffer.from("<domain type='test'><name>bad\xff</name></domain>", 'latin1'),
];

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'xml-wf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** xmllint's first fatal error for `text`: line, message and the caret's column in its context line. */
function xmllintFirstError(text: string | Uint8Array): { line: number; detail: string; column: number } | undefined {
  const file = join(dir, 'doc.xml');
  writeFileSync(file, text);
  let stderr = '';
  try {
    execFileSync('xmllint', ['--noout', file], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
  } catch (error) {
    stderr = String((error as { stderr: Buffer }).stderr);
  }
  const lines = stderr.split('\n');
  const at = lines.findIndex((line) => / parser error : /.test(line));
  if (at < 0) return undefined;
  const head = /^.*?:(\d+): parser error : (.*)$/.exec(lines[at] ?? '');
  // The UTF-8 error's message has a second line, the bytes.
  const bytes = lines[at + 1]?.startsWith('Bytes: ') ? [lines[at + 1]] : [];
  return { line: Number(head?.[1]), detail: [head?.[2] ?? '', ...bytes].join('\n'), column: (lines[at + 2 + bytes.length] ?? '').indexOf('^') };
}

function firstError(text: string, options: ParseXmlTreeOptions = {}): XmlFormatError {
  try {
    parseXml(text, options);
  } catch (error) {
    if (XmlFormatError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an XmlFormatError');
}

describe.skipIf(!hasXmllint())('the first error, as libxml2 reports it (checked against xmllint)', () => {
  for (const text of MALFORMED) {
    it(JSON.stringify(text), () => {
      const expected = xmllintFirstError(text);
      const error = firstError(text);
      const offset = error.offset ?? -1;
      // xmllint's context line stops at a NUL, as libvirt's does.
      const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
      expect({ line: error.line, detail: error.detail, column: offset - lineStart }).toEqual(expected);
      expect(error.code).toBe('XML_ERROR');
    });
  }
  for (const bytes of MALFORMED_BYTES) {
    it(`bytes ${JSON.stringify(bytes.toString('latin1'))}`, () => {
      const expected = xmllintFirstError(bytes);
      const text = decodeXmlBytes(bytes);
      const error = firstError(text);
      const offset = error.offset ?? -1;
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      // xmllint's caret counts bytes; before the bad byte these documents are ASCII.
      expect({ line: error.line, detail: error.detail, column: offset - lineStart }).toEqual(expected);
    });
  }
  for (const [text] of WELL_FORMED) {
    it(`accepts ${JSON.stringify(text)} as xmllint does`, () => {
      expect(xmllintFirstError(text)).toBeUndefined();
    });
  }
});

describe('parseXml', () => {
  for (const [text, content] of WELL_FORMED) {
    it(`reads ${JSON.stringify(text)}`, () => {
      expect(parseXml(text).text).toBe(content);
    });
  }

  it('gives each element its attributes (normalised), children, text and offsets', () => {
    const text = `<?xml version='1.0'?>\n<!-- c --><node a="1&amp;2\tb">\n  <cpu><mhz> 6000 </mhz></cpu>\n</node>\n`;
    const root = parseXml(text);
    expect(root.name).toBe('node');
    expect([...root.attributes]).toEqual([['a', '1&2 b']]);
    expect(root.attributes.get('a')).toBe('1&2 b');
    expect(root.children.map((child) => child.name)).toEqual(['cpu']);
    expect(root.children[0]?.children[0]?.text).toBe(' 6000 ');
    expect(text.slice(root.offset, root.end)).toMatch(/^<node[\s\S]*<\/node>$/);
    expect(root.children[0]?.parent).toBe(root);
  });

  it('reason codes name each check', () => {
    expect(firstError('')).toMatchObject({ reason: 'EMPTY_DOCUMENT', line: 1, column: 1, offset: 0 });
    expect(firstError('<a><b></a>')).toMatchObject({ reason: 'TAG_MISMATCH', detail: 'Opening and ending tag mismatch: b line 1 and a' });
    expect(firstError('<a>')).toMatchObject({ reason: 'PREMATURE_END', offset: 3 });
    expect(firstError('<a/><b/>')).toMatchObject({ reason: 'EXTRA_CONTENT', offset: 4 });
    expect(firstError('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toMatchObject({ reason: 'DOCTYPE_SUBSET' });
  });
});

describe('limits as libxml2, and no depth or size exhausts the stack', () => {
  const unbounded = { maxLength: Number.POSITIVE_INFINITY };
  const nested = (levels: number) => `${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}`;

  it('257 levels pass; at 258 the error names libxml2 limit at the start tag that passes it', () => {
    expect(parseXml(nested(257)).name).toBe('a');
    expect(firstError(nested(258))).toMatchObject({
      reason: 'TOO_DEEP',
      detail: 'Excessive depth in document: 256 use XML_PARSE_HUGE option',
      offset: 257 * 3,
    });
  });

  it('100,000 levels: TOO_DEEP by default, a tree without the limit', () => {
    expect(firstError(nested(100_000)).reason).toBe('TOO_DEEP');
    let deepest = parseXml(nested(100_000), { maxDepth: Number.POSITIVE_INFINITY });
    let levels = 1;
    while (deepest.children[0] !== undefined) {
      deepest = deepest.children[0];
      levels += 1;
    }
    expect(levels).toBe(100_000);
  });

  it('a 12 MB text run: HUGE_TEXT_NODE where it passes 10,000,000 characters; accepted without the limit', () => {
    const text = `<a>${'x'.repeat(12_000_000)}</a>`;
    expect(firstError(text, unbounded)).toMatchObject({ reason: 'HUGE_TEXT_NODE', detail: 'xmlSAX2Characters: huge text node', offset: 3 + 10_000_000 });
    expect(parseXml(text, { maxTextLength: Number.POSITIVE_INFINITY, maxLength: Number.POSITIVE_INFINITY }).text).toHaveLength(12_000_000);
  });

  it('an attribute value over 10,000,000 characters: AttValue length too long, at the value', () => {
    const text = `<a x='${'y'.repeat(10_000_001)}'/>`;
    expect(firstError(text, unbounded)).toMatchObject({ reason: 'ATTRIBUTE_TOO_LONG', detail: 'AttValue length too long', offset: 6 });
  });

  it('20 MB of NUL: Document is empty, and no NUL in the message', () => {
    const error = firstError('\0'.repeat(20_000_000), unbounded);
    expect(error).toMatchObject({ reason: 'EMPTY_DOCUMENT', detail: 'Document is empty', line: 1, offset: 0 });
    expect(error.message).not.toContain('\0');
  });
});
