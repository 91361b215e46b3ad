/**
 * virsh 9's device addresses for attach-disk --address (virshAddressParse / virshAddressFormat):
 * `pci:0000.00.00.0` (hex), `ide:|scsi:|sata:0.0.0` (controller, bus, unit), `ccw:0xfe.0.0000`
 * (hex), `usb:0.0` (bus, port). The separators after the type may be any one character.
 */
export type DeviceAddress =
  | { type: 'pci'; domain: number; bus: number; slot: number; function: number; multifunction: boolean }
  | { type: 'ide' | 'scsi' | 'sata'; controller: number; bus: number; unit: bigint }
  | { type: 'ccw'; cssid: number; ssid: number; devno: number }
  | { type: 'usb'; bus: number; port: number };

const UINT_MAX = 0xffffffffn;
const ULLONG_MAX = 0xffffffffffffffffn;

/** A cursor over the address text that reads numbers as C's strtoul does, with libvirt's checks. */
class NumberCursor {
  constructor(
    private readonly text: string,
    private at: number,
  ) {}

  /**
   * Skips one separator, then reads one number (virStrToLong_uip / _ullp): leading spaces and a
   * sign allowed, a minus refused, `0x` allowed in base 16, at least one digit, no overflow.
   */
  next(base: 10 | 16, max: bigint): bigint | undefined {
    this.at += 1;
    let i = this.at;
    const text = this.text;
    if (i > text.length) return undefined;
    while (i < text.length && ' \t\n\v\f\r'.includes(text[i] as string)) i++;
    let negative = false;
    if (text[i] === '+' || text[i] === '-') negative = text[i++] === '-';
    const digits = base === 16 ? /^[0-9a-fA-F]+/ : /^[0-9]+/;
    if (base === 16 && /^0[xX][0-9a-fA-F]/.test(text.slice(i))) i += 2;
    const match = digits.exec(text.slice(i));
    if (!match) return undefined;
    this.at = i + match[0].length;
    const value = BigInt(base === 16 ? `0x${match[0]}` : match[0]);
    if (negative || value > max) return undefined;
    return value;
  }
}

/** The address `text` names, or undefined where virsh 9 says "Invalid address.". */
export function parseDeviceAddress(text: string, multifunction: boolean): DeviceAddress | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const type = text.slice(0, colon);
  const cursor = new NumberCursor(text, colon);
  const uint = (base: 10 | 16) => {
    const value = cursor.next(base, UINT_MAX);
    return value === undefined ? undefined : Number(value);
  };
  switch (type) {
    case 'pci': {
      const [domain, bus, slot, fn] = [uint(16), uint(16), uint(16), uint(16)];
      if (domain === undefined || bus === undefined || slot === undefined || fn === undefined) return undefined;
      return { type, domain, bus, slot, function: fn, multifunction };
    }
    case 'ide':
    case 'scsi':
    case 'sata': {
      const controller = uint(10);
      const bus = controller === undefined ? undefined : uint(10);
      const unit = bus === undefined ? undefined : cursor.next(10, ULLONG_MAX);
      if (controller === undefined || bus === undefined || unit === undefined) return undefined;
      return { type, controller, bus, unit };
    }
    case 'ccw': {
      const [cssid, ssid, devno] = [uint(16), uint(16), uint(16)];
      if (cssid === undefined || ssid === undefined || devno === undefined) return undefined;
      return { type, cssid, ssid, devno };
    }
    case 'usb': {
      const bus = uint(10);
      const port = bus === undefined ? undefined : uint(10);
      if (bus === undefined || port === undefined) return undefined;
      return { type, bus, port };
    }
    default:
      return undefined;
  }
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/** The `<address .../>` element virsh 9 writes for an address (no indentation, no newline). */
export function formatDeviceAddress(address: DeviceAddress): string {
  switch (address.type) {
    case 'pci': {
      const multi = address.multifunction ? " multifunction='on'" : '';
      return `<address type='pci' domain='0x${hex(address.domain, 4)}' bus='0x${hex(address.bus, 2)}' slot='0x${hex(address.slot, 2)}' function='0x${hex(address.function, 1)}'${multi}/>`;
    }
    case 'ide':
    case 'scsi':
    case 'sata':
      return `<address type='drive' controller='${address.controller}' bus='${address.bus}' unit='${address.unit}'/>`;
    case 'ccw':
      return `<address type='ccw' cssid='0x${hex(address.cssid, 2)}' ssid='0x${hex(address.ssid, 1)}' devno='0x${hex(address.devno, 4)}'/>`;
    case 'usb':
      return `<address type='usb' bus='${address.bus}' port='${address.port}'/>`;
  }
}
