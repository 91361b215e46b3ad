// Typed, position-aware access to one element of the tree. Every read marks
// what it used, so `strict` mode can afterwards report what nobody read.
import { XmlFormatError, type XmlFormatErrorCode, type XmlFormatReason } from '../errors/xml-format-error.js';
import { attributeOffset, locate, type XmlElement } from './xml-tree.js';

/** The document being read; readers mark on its elements what they read. */
export class ReadTracker {
  constructor(
    /** The source text, to turn offsets into line:column when reporting. */
    readonly xml: string,
    /** Only strict mode needs to know what was read; otherwise marking is skipped. */
    private readonly tracking: boolean,
  ) {}

  markElement(element: XmlElement): void {
    if (this.tracking) element.read = true;
  }

  markAttribute(element: XmlElement, name: string): void {
    if (!this.tracking) return;
    element.readAttributes ??= new Set();
    element.readAttributes.add(name);
  }

  /** Throws CONFIG_UNSUPPORTED for the first element or attribute (document order) that was never read. */
  reportUnread(root: ElementReader): void {
    // Depth-first with an explicit stack (children pushed in reverse): no depth exhausts the call stack.
    const pending: ElementReader[] = [root];
    for (let reader = pending.pop(); reader !== undefined; reader = pending.pop()) {
      const element = reader.element;
      if (reader !== root && element.read !== true) reader.fail('CONFIG_UNSUPPORTED', 'UNKNOWN_NODE', `unknown element <${element.name}>`);
      for (const [name, value] of element.attributes) {
        // Namespace declarations and xml:* attributes carry no configuration.
        if (name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xml:')) continue;
        if (element.readAttributes?.has(name) !== true) {
          reader.fail('CONFIG_UNSUPPORTED', 'UNKNOWN_NODE', `unknown attribute '${name}'`, value, attributeOffset(this.xml, element.offset, name), `/@${name}`);
        }
      }
      const children = reader.allChildren();
      for (let i = children.length - 1; i >= 0; i -= 1) pending.push(children[i] as ElementReader);
    }
  }
}

export class ElementReader {
  constructor(
    readonly element: XmlElement,
    private readonly parent: ElementReader | undefined,
    private readonly tracker: ReadTracker,
    /** False for the strict-mode walk, which must not count as reading. */
    markRead = true,
  ) {
    if (markRead) tracker.markElement(element);
  }

  get name(): string {
    return this.element.name;
  }

  /**
   * `/domain/devices/disk[2]` (the index only when there are several of
   * that name). Computed when asked: only errors need it.
   */
  get path(): string {
    if (this.parent === undefined) return `/${this.name}`;
    const siblings = this.parent.element.children.filter((sibling) => sibling.name === this.name);
    const suffix = siblings.length > 1 ? `[${siblings.indexOf(this.element) + 1}]` : '';
    return `${this.parent.path}/${this.name}${suffix}`;
  }

  /** Throws an XmlFormatError located at this element (or at string index `offset`), `pathSuffix` naming an attribute. */
  fail(code: XmlFormatErrorCode, reason: XmlFormatReason, detail: string, value?: string, offset?: number, pathSuffix = ''): never {
    const start = offset ?? this.element.offset;
    const at = locate(this.tracker.xml, start);
    throw new XmlFormatError({
      code,
      reason,
      detail,
      offset: start,
      path: this.path + pathSuffix,
      line: at.line,
      column: at.column,
      ...(value === undefined ? {} : { value }),
    });
  }

  /** Fails located at attribute `name` (or at the element when the attribute is absent). */
  failAttribute(name: string, code: XmlFormatErrorCode, detail: string, value?: string): never {
    const offset = this.hasAttribute(name) ? attributeOffset(this.tracker.xml, this.element.offset, name) : undefined;
    this.fail(code, 'INVALID_VALUE', detail, value, offset, `/@${name}`);
  }

  hasAttribute(name: string): boolean {
    return this.element.attributes.has(name);
  }

  attribute(name: string): string | undefined {
    const value = this.element.attributes.get(name);
    if (value === undefined) return undefined;
    this.tracker.markAttribute(this.element, name);
    return value;
  }

  requireAttribute(name: string, code: XmlFormatErrorCode = 'XML_ERROR'): string {
    const value = this.attribute(name);
    if (value === undefined) this.missingAttribute(name, code);
    return value;
  }

  /** Fails for attribute `name`, which this element needs and lacks. */
  missingAttribute(name: string, code: XmlFormatErrorCode = 'XML_ERROR'): never {
    return this.fail(code, 'MISSING_ATTRIBUTE', `missing attribute '${name}' on <${this.name}>`, undefined, undefined, `/@${name}`);
  }

  /** Fails at this element, which lacks a child it needs (`detail` names it). */
  missingElement(code: XmlFormatErrorCode, detail: string, value?: string): never {
    return this.fail(code, 'MISSING_ELEMENT', detail, value);
  }

  /** The attribute, checked against the values libvirt accepts. */
  enumAttribute<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.attribute(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.failAttribute(name, 'INVALID_ARG', `unknown ${this.name} ${name} (expected ${allowed.join(', ')})`, value);
    }
    return value as T;
  }

  /** A 'yes'/'no' attribute (also 'on'/'off', as libvirt's tristate switches). */
  booleanAttribute(name: string): boolean | undefined {
    const value = this.attribute(name);
    if (value === undefined) return undefined;
    if (value === 'yes' || value === 'on') return true;
    if (value === 'no' || value === 'off') return false;
    this.failAttribute(name, 'INVALID_ARG', `${this.name} ${name} must be 'yes' or 'no'`, value);
  }

  /** A non-negative integer attribute; `hex` also accepts 0x-prefixed values (PCI addresses). */
  unsignedAttribute(name: string, options: { hex?: boolean; max?: number } = {}): number | undefined {
    const value = this.attribute(name);
    if (value === undefined) return undefined;
    const number = parseUnsigned(value, options.hex === true);
    if (number === undefined || number > (options.max ?? Number.MAX_SAFE_INTEGER)) {
      this.failAttribute(name, 'INVALID_ARG', `${this.name} ${name} is not a valid non-negative integer`, value);
    }
    return number;
  }

  /** A signed integer attribute (graphics port -1, clock adjustment). */
  integerAttribute(name: string): number | undefined {
    const value = this.attribute(name);
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    const number = /^[-+]?\d{1,15}$/.test(trimmed) ? Number(trimmed) : undefined;
    if (number === undefined) this.failAttribute(name, 'INVALID_ARG', `${this.name} ${name} is not a valid integer`, value);
    return number;
  }

  /** Character data of this element, verbatim. */
  text(): string {
    return this.element.text;
  }

  /** Fails at the element's text. */
  failText(code: XmlFormatErrorCode, detail: string): never {
    this.fail(code, 'INVALID_VALUE', detail, this.element.text, this.element.textOffset);
  }

  /** The text as a non-negative integer. */
  unsignedText(): number {
    const number = parseUnsigned(this.element.text, false);
    if (number === undefined) this.failText('INVALID_ARG', `<${this.name}> is not a valid non-negative integer`);
    return number;
  }

  /** The text, checked against the values libvirt accepts. */
  enumText<T extends string>(allowed: readonly T[]): T {
    const value = this.element.text.trim();
    if (!(allowed as readonly string[]).includes(value)) {
      this.failText('INVALID_ARG', `unknown <${this.name}> value (expected ${allowed.join(', ')})`);
    }
    return value as T;
  }

  /** The first child named `name`. */
  child(name: string): ElementReader | undefined {
    const child = this.findChild(name);
    return child === undefined ? undefined : new ElementReader(child, this, this.tracker);
  }

  /** The text of the first child named `name` (no reader needed for a leaf's text). */
  childText(name: string): string | undefined {
    const child = this.findChild(name);
    if (child === undefined) return undefined;
    this.tracker.markElement(child);
    return child.text;
  }

  private findChild(name: string): XmlElement | undefined {
    for (const child of this.element.children) {
      if (child.name === name) return child;
    }
    return undefined;
  }

  /** Every child named `name`, in document order. */
  children(name: string): ElementReader[] {
    const readers: ElementReader[] = [];
    for (const child of this.element.children) {
      if (child.name === name) readers.push(new ElementReader(child, this, this.tracker));
    }
    return readers;
  }

  /** Calls the handler named like each child, in document order, in one pass; children without a handler are left unread. */
  forEachChild(handlers: Readonly<Record<string, (child: ElementReader) => void>>): void {
    for (const child of this.element.children) {
      // Own properties only: an element named like an Object.prototype member is just unknown.
      const handler = Object.hasOwn(handlers, child.name) ? handlers[child.name] : undefined;
      if (handler !== undefined) handler(new ElementReader(child, this, this.tracker));
    }
  }

  /** Every child, without marking any as read (for the strict-mode walk). */
  allChildren(): ElementReader[] {
    return this.element.children.map((child) => new ElementReader(child, this, this.tracker, false));
  }
}

function parseUnsigned(text: string, hex: boolean): number | undefined {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  const trimmed = text.trim();
  if (/^\+?\d{1,15}$/.test(trimmed)) return Number(trimmed.replace('+', ''));
  if (hex && /^0[xX][0-9a-fA-F]{1,12}$/.test(trimmed)) return Number.parseInt(trimmed.slice(2), 16);
  return undefined;
}
