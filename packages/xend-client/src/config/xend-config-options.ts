/**
 * xend's configuration-format generations, as libvirt numbered them (`xendConfigVersion`):
 * what xend accepts and reports changed with Xen releases, and libvirt chose its sexpr by it.
 *
 * - 1: Xen 3.0.2. HVM cdrom as `(image (hvm (cdrom path)))`, disk `dev` with `ioemu:`, vif `(type ioemu)`.
 * - 2: Xen 3.0.3. HVM disks as `hda:disk` / `hdc:cdrom` vbds; `(vncdisplay N)`.
 * - 3: Xen 3.0.4. PV framebuffer as `(device (vfb ...))`.
 * - 4: Xen 3.1 and later (the default, and all later libvirt knew): clock `localtime` and
 *      `rtc_timeoffset`, `(usb 1)`, `(serial ...)`/`(parallel ...)`, vcpu_avail...
 */
export type XendConfigVersion = 1 | 2 | 3 | 4;

export const XEND_CONFIG_VERSION_3_0_2: XendConfigVersion = 1;
export const XEND_CONFIG_VERSION_3_0_3: XendConfigVersion = 2;
export const XEND_CONFIG_VERSION_3_0_4: XendConfigVersion = 3;
export const XEND_CONFIG_VERSION_3_1_0: XendConfigVersion = 4;
export const DEFAULT_XEND_CONFIG_VERSION: XendConfigVersion = XEND_CONFIG_VERSION_3_1_0;

export interface ToXendConfigOptions {
  /** Which xend to write for; default 4 (Xen 3.1+). */
  xendConfigVersion?: XendConfigVersion;
}

export interface FromXendSexprOptions {
  /** Which xend wrote the sexpr; default 4 (Xen 3.1+). */
  xendConfigVersion?: XendConfigVersion;
  /** The console pty from xenstore (`/local/domain/<id>/console/tty`), for pty consoles and serials. */
  tty?: string;
  /** The VNC port from xenstore (`/local/domain/<id>/console/vnc-port`); -1 or absent when unknown. */
  vncPort?: number;
}

/** The default vif hotplug script of a bridged interface. */
export const DEFAULT_VIF_SCRIPT = 'vif-bridge';
