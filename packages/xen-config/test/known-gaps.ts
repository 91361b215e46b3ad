// Corpus cases that need parts of the domain model xml-format does not have
// yet. They run as it.fails, so the day the model grows the part and the
// converter uses it, the case turns red here and moves to the passing list.
const GAPS_BOTH_WAYS: Record<string, string> = {
  'fullvirt-ovswitch-tagged': "<vlan>/<virtualport type='openvswitch'> of interfaces",
  'fullvirt-ovswitch-trunked': "<vlan trunk='yes'>/<virtualport> of interfaces",
  spice: 'spice graphics (tlsPort, <mouse>, <clipboard>)',
  'spice-features': 'spice graphics (tlsPort, <mouse>, <clipboard>)',
  'fullvirt-nestedhvm': "<cpu mode='host-passthrough'> and its features",
  'fullvirt-nestedhvm-disabled': "<cpu mode='host-passthrough'> and its features",
  'fullvirt-cpuid': "<cpu mode='host-passthrough'> and its features",
  'fullvirt-vnuma': '<cpu><numa> cells and distances',
  'channel-pty': '<channel> devices',
  'channel-unix': '<channel> devices',
  usb: "<hostdev type='usb'> devices",
  usbctrl: "<controller type='usb' model='qusb2' ports='…'>",
  'qemu-passthrough': '<xen:commandline> (the libxl XML namespace)',
};

const GAPS_TO_NATIVE_ONLY: Record<string, string> = {
  'fullvirt-vnuma-autocomplete': '<cpu><numa> cells and distances',
  'fullvirt-vnuma-nodistances': '<cpu><numa> cells and distances',
  'fullvirt-vnuma-partialdist': '<cpu><numa> cells and distances',
};

/** Keyed `${format} ${direction} ${case}`. */
export const KNOWN_GAPS: Record<string, string> = Object.fromEntries([
  ...Object.entries(GAPS_BOTH_WAYS).flatMap(([name, reason]) => [
    [`xen-xl toNative ${name}`, reason],
    [`xen-xl fromNative ${name}`, reason],
  ]),
  ...Object.entries(GAPS_TO_NATIVE_ONLY).map(([name, reason]) => [`xen-xl toNative ${name}`, reason]),
]);
