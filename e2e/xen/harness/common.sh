# Sourced by build-images.sh and run-in-xen.sh: the image variants and where each one's
# images live on this machine. Images are cached under $XENCI_ROOT (default
# /var/tmp/libvirt-ts-xen, which survives between runs and CI), one folder per variant and
# per stamp of this harness, so a change to the harness builds new images beside the old.

XENCI_ROOT=${XENCI_ROOT:-/var/tmp/libvirt-ts-xen}
HARNESS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The Debian packages a variant adds to the plain dom0 (kernel, Xen 4.17, xl, xenstore-utils).
variant_packages() {
  case $1 in
    plain) echo "" ;;
    # libvirt 9's libxl driver, the peer our xen:/// drivers are compared against
    libvirt) echo "libvirt-daemon-driver-xen libvirt-daemon libvirt-clients" ;;
    *) echo "unknown image variant '$1' (plain or libvirt)" >&2; return 2 ;;
  esac
}

# The CPU QEMU presents. libvirt's libxl driver cannot decode QEMU's default `-cpu max` and
# refuses to start, so the libvirt variant boots a Haswell without TSX.
variant_cpu() {
  case $1 in
    libvirt) echo Haswell-noTSX ;;
    *) echo max ;;
  esac
}

# A stamp of everything an image is built from: the build script, this file, files/ and the
# variant's packages. Images are rebuilt when it changes.
harness_stamp() {
  local packages
  packages=$(variant_packages "$1") || return 2
  { cat "$HARNESS_DIR/build-images.sh" "$HARNESS_DIR/common.sh" "$HARNESS_DIR"/files/*; echo "$1 $packages"; } | sha256sum | cut -c1-16
}

images_dir() {
  local stamp
  stamp=$(harness_stamp "$1") || return 2
  echo "$XENCI_ROOT/images/$1-$stamp"
}

images_complete() {
  local f
  for f in xen.elf vmlinuz initrd.img dom0.ext4 STAMP; do [ -s "$1/$f" ] || return 1; done
}
