import { parseXml, XmlFormatError } from '@libvirt-ts/xml-format';
import { describe, expect, it } from 'vitest';
import { formatLibxmlError } from './libxml-error-text.js';
import { hugeTextCursor } from './libxml-file-chunks.js';

function libvirtText(text: string): string {
  try {
    parseXml(text);
  } catch (error) {
    if (!XmlFormatError.isInstance(error)) throw error;
    return formatLibxmlError('(domain_definition)', error.detail, { line: error.line ?? 1, offset: error.offset ?? 0 }, text);
  }
  throw new Error('expected an error');
}

describe('formatLibxmlError (libvirt 9 catchXMLError)', () => {
  it('url, line, message, the cursor line, dashes (tabs kept) up to the cursor', () => {
    expect(libvirtText('<a>\n\t<b>\n\t</c>')).toBe('(domain_definition):3: Opening and ending tag mismatch: b line 2 and c\n\t</c>\n\t----^');
  });

  it('an empty context is "(null)", and the context stops at a NUL', () => {
    expect(libvirtText('\0'.repeat(1000))).toBe('(domain_definition):1: Document is empty\n(null)\n^');
    expect(libvirtText('<a>\0</a>')).toBe('(domain_definition):1: Premature end of data in tag a line 1\n<a>\n---^');
  });
});

describe('hugeTextCursor (libxml2 reading a file 4000 bytes at a time)', () => {
  it('stops at the start of the chunk that passes the limit, counting lines to its end', () => {
    const text = `<node>\n<d>${`${'x'.repeat(99)}\n`.repeat(300)}</d></node>`;
    // A 10,000-character limit instead of 10,000,000: the run starts at 10, so the chunk 8000-12000 passes it.
    const cursor = hugeTextCursor(text, 10 + 10_000, 10_000);
    // Line ends before 12000: the one after <node>, and the run's at 109, 209, ... 11909.
    expect(cursor).toEqual({ offset: 8000, base: 7920, bufferEnd: 12_000, line: 1 + 1 + 119 });
  });
});
