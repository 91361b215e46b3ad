// The data of an xl/xm config file (libvirt's virConf): an ordered list of
// `name = value` entries and comment lines.

/** A value: a number (signed when written with '-', as virConf keeps it), a string, or a list. */
export type ConfValue =
  | { type: 'number'; value: number; signed: boolean }
  | { type: 'string'; value: string }
  | { type: 'list'; items: ConfValue[] };

/** One line of the file: a setting with an optional trailing `#comment`, or a comment alone. */
export type ConfEntry = { name: string; value: ConfValue; comment?: string } | { name?: undefined; comment: string };

export interface XenConfFile {
  entries: ConfEntry[];
}

export function confString(value: string): ConfValue {
  return { type: 'string', value };
}

export function confNumber(value: number): ConfValue {
  return { type: 'number', value, signed: true };
}

export function confList(items: ConfValue[]): ConfValue {
  return { type: 'list', items };
}
