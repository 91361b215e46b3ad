// What libvirt takes from the host's capabilities when it converts a config:
// the guest architecture and machine per guest kind, and the HVM loader.

export interface XenGuestCapabilities {
  /** Guest architecture, `<type arch=…>` (libvirt: the host's, x86_64 on Xen x86). */
  arch: string;
  /** `<type machine=…>` for HVM, PV and PVH guests. */
  machines: { hvm: string; pv: string; pvh: string };
  /** The HVM firmware libvirt fills in as `<loader>` for xl configs without `bios=`. */
  hvmLoader: string;
  /** Where `bios = "ovmf"` points (libvirt's LIBXL_FIRMWARE_DIR + /ovmf.bin). */
  ovmfLoader: string;
}

/** libvirt 9's capabilities on an x86_64 Xen host (and in its own xlconfigtest). */
export const DEFAULT_XEN_CAPABILITIES: XenGuestCapabilities = {
  arch: 'x86_64',
  machines: { hvm: 'xenfv', pv: 'xenpv', pvh: 'xenpvh' },
  hvmLoader: '/usr/lib/xen/boot/hvmloader',
  ovmfLoader: '/usr/lib/xen/boot/ovmf.bin',
};
