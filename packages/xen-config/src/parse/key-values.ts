// The "key=value,key=value" strings of vif, vfb, usbctrl, channel... read the
// way libvirt's parsers walk them: split at each ',', blanks after a comma
// skipped, a value runs to the next ','.

export interface KeyValue {
  key: string;
  value: string;
}

/** The pairs in order; `undefined` when an item has no '=' (libvirt then stops or rejects, per caller). */
export function splitKeyValues(text: string): (KeyValue | undefined)[] {
  const pairs: (KeyValue | undefined)[] = [];
  let rest: string | undefined = text;
  while (rest !== undefined) {
    const comma = rest.indexOf(',');
    const item = comma < 0 ? rest : rest.slice(0, comma);
    const equals = item.indexOf('=');
    pairs.push(equals < 0 ? undefined : { key: item.slice(0, equals), value: item.slice(equals + 1) });
    if (comma < 0) break;
    rest = rest.slice(comma + 1).replace(/^[, \t]+/, '');
    if (rest === '') break;
  }
  return pairs;
}
