import type { CommandDef } from '../commands/command.js';
import { VirshError } from '../errors.js';
import { parseInt32, parseScaledInteger, parseUnsignedInt, parseUnsignedLongLong } from './numbers.js';

/** A bound option: a flag, a value, or the words of an argv option. */
export type OptionValue = true | string | string[];

const failed = (command: string, ...lines: string[]) => new VirshError({ code: 'COMMAND_FAILED', lines, command });

/** Typed access to one parsed command's options, with virsh 9's error texts. */
export class CommandOptions {
  constructor(
    private readonly def: CommandDef,
    private readonly values: ReadonlyMap<string, OptionValue>,
  ) {}

  get commandName(): string {
    return this.def.name;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  bool(name: string): boolean {
    return this.values.get(name) === true;
  }

  /** The bool options given, for a command that tests many of them (list): one set, not a call per test. */
  givenFlags(): ReadonlySet<string> {
    const given = new Set<string>();
    for (const [name, value] of this.values) if (value === true) given.add(name);
    return given;
  }

  /** A string option; an empty value is an error unless the option allows it. */
  string(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new Error(`option --${name} of ${this.def.name} is not a string option`);
    // The option's definition is looked up only for an empty value (most commands read a domain name here).
    if (value === '' && !this.def.options.find((o) => o.name === name)?.emptyOk) {
      throw failed(this.def.name, `Failed to get option '${name}': Option argument is empty`);
    }
    return value;
  }

  /** vshCommandOptStringQuiet: a string option, with an empty value read as none (no error). */
  quietString(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  /** A string option the parser already guaranteed to be present. */
  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw new Error(`required option --${name} of ${this.def.name} is missing`);
    return value;
  }

  /** The words of an argv option, in order. */
  words(name: string): string[] {
    const value = this.values.get(name);
    return Array.isArray(value) ? value : [];
  }

  /** An unsigned int option (virsh's vshCommandOptUInt). */
  unsignedInt(name: string): number | undefined {
    return this.#number(name, parseUnsignedInt);
  }

  /** An int option (virsh's vshCommandOptInt). */
  int(name: string): number | undefined {
    return this.#number(name, parseInt32);
  }

  /** An unsigned long long option (virsh's vshCommandOptULongLong), as a bigint. */
  unsignedLongLong(name: string): bigint | undefined {
    return this.#number(name, parseUnsignedLongLong);
  }

  #number<T>(name: string, parse: (text: string) => T | undefined): T | undefined {
    const text = this.values.get(name);
    if (typeof text !== 'string') return undefined;
    const value = parse(text);
    if (value === undefined) throw failed(this.def.name, `Numeric value '${text}' for <${name}> option is malformed or out of range`);
    return value;
  }

  /** A size with an optional unit suffix, in bytes (virsh's vshCommandOptScaledInt). */
  scaledInteger(name: string, defaultScale: bigint, max: bigint): bigint | undefined {
    const text = this.values.get(name);
    if (typeof text !== 'string') return undefined;
    const result = parseScaledInteger(text, defaultScale, max);
    if (!result.ok) {
      const lines = [`Scaled numeric value '${text}' for <${name}> option is malformed or out of range`];
      if (result.libvirtError) lines.push(result.libvirtError);
      throw failed(this.def.name, ...lines);
    }
    return result.value;
  }

  /** virsh's VSH_REQUIRE_OPTION: `needs` given without `needed` is an error. */
  requires(needs: string, needed: string): void {
    if (this.has(needs) && !this.has(needed)) {
      throw failed(this.def.name, `Option --${needed} is required by option --${needs}`);
    }
  }

  /** virsh's VSH_EXCLUSIVE_OPTIONS: both given is an error. */
  exclusive(first: string, second: string): void {
    if (this.has(first) && this.has(second)) {
      throw failed(this.def.name, `Options --${first} and --${second} are mutually exclusive`);
    }
  }
}
