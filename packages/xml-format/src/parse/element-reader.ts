// Typed, position-aware access to one element of the tree. Every read marks
// what it used, so `strict` mode can afterwards report what nobody read.
import { XmlFormatError, type XmlFormatErrorCode } from '../errors/xml-format-error.js';
import type { XmlElement, XmlPosition } from './xml-tree.js';

/** What was read, shared by all readers of one document. */
export class ReadTracker {
  private readonly usedElements = new WeakSet<XmlElement>();
  private readonly usedAttributes = new WeakMap<XmlElement, Set<string>>();

  markElement(element: XmlElement): void {
    this.usedElements.add(element);
  }

  markAttribute(element: XmlElement, name: string): void {
    let names = this.usedAttributes.get(element);
    if (names === undefined) {
      names = new Set();
      this.usedAttributes.set(element, names);
    }
    names.add(name);
  }

  /** Throws CONFIG_UNSUPPORTED for the first element or attribute (document order) that was never read. */
  reportUnread(root: ElementReader): void {
    const visit = (reader: ElementReader): void => {
      const element = reader.element;
      const used = this.usedAttributes.get(element);
      for (const [name, attribute] of element.attributes) {
        // Namespace declarations and xml:* attributes carry no configuration.
        if (name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xml:')) continue;
        if (used?.has(name) !== true) {
          reader.fail('CONFIG_UNSUPPORTED', `unknown attribute '${name}'`, attribute.value, attribute.position, `/@${name}`);
        }
      }
      for (const child of reader.allChildren()) {
        if (!this.usedElements.has(child.element)) {
          child.fail('CONFIG_UNSUPPORTED', `unknown element <${child.name}>`);
        }
        visit(child);
      }
    };
    visit(root);
  }
}

export class ElementReader {
  constructor(
    readonly element: XmlElement,
    /** `/domain/devices/disk[2]` */
    readonly path: string,
    private readonly tracker: ReadTracker,
  ) {
    tracker.markElement(element);
  }

  get name(): string {
    return this.element.name;
  }

  /** Throws an XmlFormatError located at this element (or at `position`), `pathSuffix` naming an attribute. */
  fail(code: XmlFormatErrorCode, reason: string, value?: string, position?: XmlPosition, pathSuffix = ''): never {
    const at = position ?? this.element.position;
    throw new XmlFormatError({
      code,
      reason,
      path: this.path + pathSuffix,
      line: at.line,
      column: at.column,
      ...(value === undefined ? {} : { value }),
    });
  }

  /** Fails located at attribute `name` (or at the element when the attribute is absent). */
  failAttribute(name: string, code: XmlFormatErrorCode, reason: string, value?: string): never {
    this.fail(code, reason, value, this.element.attributes.get(name)?.position, `/@${name}`);
  }

  hasAttribute(name: string): boolean {
    return this.element.attributes.has(name);
  }

  attribute(name: string): string | undefined {
    const attribute = this.element.attributes.get(name);
    if (attribute === undefined) return undefined;
    this.tracker.markAttribute(this.element, name);
    return attribute.value;
  }

  requireAttribute(name: string, code: XmlFormatErrorCode = 'XML_ERROR'): string {
    const value = this.attribute(name);
    if (value === undefined) this.fail(code, `missing attribute '${name}' on <${this.name}>`, undefined, undefined, `/@${name}`);
    return value;
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
  failText(code: XmlFormatErrorCode, reason: string): never {
    this.fail(code, reason, this.element.text, this.element.textPosition);
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
    const index = this.element.children.findIndex((child) => child.name === name);
    return index === -1 ? undefined : this.childAt(index);
  }

  /** The text of the first child named `name`. */
  childText(name: string): string | undefined {
    return this.child(name)?.text();
  }

  /** Every child named `name`, in document order. */
  children(name: string): ElementReader[] {
    const readers: ElementReader[] = [];
    this.element.children.forEach((child, index) => {
      if (child.name === name) readers.push(this.childAt(index));
    });
    return readers;
  }

  /** Every child, without marking any as read (for the strict-mode walk). */
  allChildren(): ElementReader[] {
    return this.element.children.map((child) => new ElementReader(child, this.childPath(child), new ReadTracker()));
  }

  private childAt(index: number): ElementReader {
    const child = this.element.children[index]!;
    return new ElementReader(child, this.childPath(child), this.tracker);
  }

  // `/domain/devices/disk[2]` when there are several <disk>, `/domain/name` otherwise.
  private childPath(child: XmlElement): string {
    const several = (this.element.childNameCounts.get(child.name) ?? 0) > 1;
    const suffix = several ? `[${child.sameNameIndex}]` : '';
    return `${this.path}/${child.name}${suffix}`;
  }
}

function parseUnsigned(text: string, hex: boolean): number | undefined {
  const trimmed = text.trim();
  if (/^\+?\d{1,15}$/.test(trimmed)) return Number(trimmed.replace('+', ''));
  if (hex && /^0[xX][0-9a-fA-F]{1,12}$/.test(trimmed)) return Number.parseInt(trimmed.slice(2), 16);
  return undefined;
}
