#!/bin/bash
# build-images.sh -- build (and cache) the images that boot Xen 4.17 with a Debian 12 dom0
# under QEMU. Run as root on Debian 12. Does nothing if the variant's images for this
# harness's stamp exist, unless --force. Builds are serialized machine-wide by
# /tmp/xenci-build.lock (engineers and CI share the machine and its cache).
#
# usage: build-images.sh [--force] plain|libvirt
#
# Output ($XENCI_ROOT/images/VARIANT-STAMP/, see common.sh):
#   xen.elf        Xen 4.17 hypervisor, gunzipped (32-bit multiboot ELF; QEMU -kernel)
#   vmlinuz        Debian 6.1 kernel (dom0 and PV domU)
#   initrd.img     small initramfs-tools initrd (virtio_pci, virtio_blk, ext4 only)
#   dom0.ext4      root filesystem (raw ext4, sparse), booted read-only via -snapshot
#   VERSIONS       package versions inside the image
#   STAMP          the harness stamp it was built from
#
# Host packages needed: qemu-system-x86 debootstrap e2fsprogs cpio (installed if missing).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
FORCE=0
[ "${1:-}" = "--force" ] && { FORCE=1; shift; }
VARIANT=${1:?usage: build-images.sh [--force] plain|libvirt}
if [ -z "${XENCI_BUILD_LOCKED:-}" ]; then
  if [ $FORCE = 1 ]; then set -- --force "$@"; fi
  exec env XENCI_BUILD_LOCKED=1 flock /tmp/xenci-build.lock bash "$0" "$@"
fi
# shellcheck source=common.sh
. "$HERE/common.sh"
EXTRA_PACKAGES=$(variant_packages "$VARIANT")
STAMP=$(harness_stamp "$VARIANT")
IMG=$(images_dir "$VARIANT")
BUILD=$XENCI_ROOT/build-$VARIANT
CACHE=$XENCI_ROOT/cache
# The Debian mirror is the one this machine's apt already uses (first URIs: line of its
# deb822 sources, or first 'deb' line of sources.list); MIRROR overrides it.
host_mirror() {
  local u
  u=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v -- '-security' | head -n1)
  [ -n "$u" ] || u=$(grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v -- '-security' | head -n1)
  printf '%s' "$u"
}
MIRROR=${MIRROR:-$(host_mirror)}
[ -n "$MIRROR" ] || { echo "no Debian mirror found in /etc/apt; set MIRROR" >&2; exit 2; }
SUITE=bookworm

if [ $FORCE = 0 ] && images_complete "$IMG"; then
  echo "images already built in $IMG (use --force to rebuild)"; exit 0
fi

T0=$(date +%s)
step() { echo "== [$(( $(date +%s) - T0 ))s] $*"; }
need=""
for p in qemu-system-x86 debootstrap e2fsprogs cpio; do dpkg -s $p >/dev/null 2>&1 || need="$need $p"; done
if [ -n "$need" ]; then
  flock /tmp/apt.lock apt-get update
  DEBIAN_FRONTEND=noninteractive flock /tmp/apt.lock apt-get install -y --no-install-recommends $need qemu-utils
fi

R=$BUILD/rootfs
cleanup() { for m in proc sys dev/pts dev var/cache/apt/archives; do mountpoint -q "$R/$m" 2>/dev/null && umount "$R/$m" || true; done; }
trap cleanup EXIT
cleanup
rm -rf "$R"; mkdir -p "$BUILD" "$CACHE/debootstrap" "$CACHE/apt-archives/partial"
# built into a fresh folder, moved into place whole at the end: a failed build leaves no
# half image that a run could take for a complete one
OUT=$IMG.building; rm -rf "$OUT"; mkdir -p "$OUT"

step "debootstrap ($SUITE minbase)"
debootstrap --variant=minbase --cache-dir="$CACHE/debootstrap" \
  --include=kmod,procps,iproute2,ca-certificates "$SUITE" "$R" "$MIRROR" > "$BUILD/debootstrap.log" 2>&1 \
  || { tail -30 "$BUILD/debootstrap.log"; exit 1; }

# the chroot uses the same apt sources as this machine
rm -f "$R/etc/apt/sources.list"
cp /etc/apt/sources.list.d/*.sources "$R/etc/apt/sources.list.d/" 2>/dev/null || true
if [ -f /etc/apt/sources.list ]; then cp /etc/apt/sources.list "$R/etc/apt/sources.list"; fi
printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d"; chmod +x "$R/usr/sbin/policy-rc.d"
# small initrd: only what is needed to find an ext4 root on virtio-blk
mkdir -p "$R/etc/initramfs-tools/conf.d"
printf 'MODULES=list\nCOMPRESS=gzip\n' > "$R/etc/initramfs-tools/conf.d/xenci.conf"
printf 'virtio_pci\nvirtio_blk\next4\n' >> "$R/etc/initramfs-tools/modules"
echo 'do_symlinks = no' > "$R/etc/kernel-img.conf"

mount -t proc proc "$R/proc"; mount -t sysfs sysfs "$R/sys"; mount --bind /dev "$R/dev"
mount --bind "$CACHE/apt-archives" "$R/var/cache/apt/archives"

step "apt-get install (kernel, xen, nodejs) in chroot"
chroot "$R" apt-get update > "$BUILD/chroot-install.log" 2>&1
chroot "$R" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  linux-image-amd64 initramfs-tools busybox-static \
  xen-hypervisor-4.17-amd64 xen-utils-4.17 xenstore-utils \
  nodejs $EXTRA_PACKAGES >> "$BUILD/chroot-install.log" 2>&1 || { tail -30 "$BUILD/chroot-install.log"; exit 1; }
chroot "$R" dpkg-query -W -f '${Package} ${Version}\n' > "$OUT/VERSIONS"

step "customise"
install -m 755 "$HERE/files/xenci-init" "$R/sbin/xenci-init"
if [ -n "$EXTRA_PACKAGES" ] && [ -x "$R/usr/sbin/libvirtd" ]; then
  # libvirtd's QEMU driver refuses to start without its user and group
  chroot "$R" sh -c 'getent group kvm >/dev/null || groupadd -r kvm; id libvirt-qemu >/dev/null 2>&1 || useradd -r -g kvm libvirt-qemu'
fi
echo dom0 > "$R/etc/hostname"
# tiny PV guest for `xl create` smoke tests
KV=$(ls "$R/lib/modules" | head -1)
mkdir -p "$R/root/guest" "$BUILD/guestrd/bin"
rm -rf "$BUILD/guestrd"; mkdir -p "$BUILD/guestrd/bin"
cp "$R/bin/busybox" "$BUILD/guestrd/bin/busybox"
install -m 755 "$HERE/files/guest-init" "$BUILD/guestrd/init"
(cd "$BUILD/guestrd" && find . | cpio -o -H newc --quiet | gzip -9) > "$R/root/guest/guest-initrd.cpio.gz"
install -m 644 "$HERE/files/guest.cfg" "$R/root/guest/guest.cfg"
install -m 755 "$HERE/files/test-guest.sh" "$R/root/guest/test-guest.sh"
ln -sf "vmlinuz-$KV" "$R/boot/vmlinuz"
# The guest boots the kernel uncompressed: xl (libxenguest) unpacks an xz bzImage in dom0, which
# takes 15-20 s per guest under TCG; the ELF inside loads in 5-6 s.
XZ_AT=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$R/boot/vmlinuz-$KV" | head -1 | cut -d: -f1)
tail -c +$((XZ_AT + 1)) "$R/boot/vmlinuz-$KV" | xz -dcq > "$R/root/guest/vmlinux" || true  # trailing data after the stream
[ "$(head -c 4 "$R/root/guest/vmlinux" | od -An -c | tr -d ' ')" = '177ELF' ] || { echo "no ELF kernel unpacked from vmlinuz-$KV" >&2; exit 1; }

step "copy boot files"
zcat "$R"/boot/xen-4.17-amd64.gz > "$OUT/xen.elf"
cp "$R/boot/vmlinuz-$KV" "$OUT/vmlinuz"
cp "$R/boot/initrd.img-$KV" "$OUT/initrd.img"

step "slim rootfs"
cleanup
rm -rf "$R"/var/lib/apt/lists/* "$R"/usr/share/doc/* "$R"/usr/share/man/* "$R"/usr/share/info/* \
       "$R"/usr/share/locale/* "$R"/var/log/*.log "$R"/boot/initrd.img-* "$R"/boot/xen-4.17-amd64.efi
MD=$R/lib/modules/$KV/kernel
rm -rf "$MD"/sound "$MD"/net/{wireless,mac80211,bluetooth,netfilter,sunrpc,ceph,rxrpc} \
  "$MD"/drivers/{gpu,media,infiniband,scsi,staging,usb,bluetooth,iio,hid,input,isdn,mmc,mtd,hwmon,thunderbolt,nvme,md,target,leds,power,rtc,spi,i2c,ata,net/wireless,net/ethernet,net/can,net/usb,firewire,atm,fpga,edac,crypto,w1,video,mfd,misc,platform,pinctrl,regulator,gnss,nfc,ntb,soundwire,vdpa,vfio,comedi,parport,pcmcia,ptp,nvdimm,memstick,firmware,hv,net/hyperv,uio,watchdog,dma,extcon,i3c} \
  "$MD"/fs/{nfs,nfsd,ocfs2,gfs2,ceph,cifs,smb,btrfs,xfs,f2fs,jfs,nilfs2,ubifs,ntfs3,ntfs,reiserfs,orangefs,dlm,afs,coda,ocfs2} \
  "$MD"/arch/x86/kvm
chroot "$R" depmod "$KV"

step "make ext4 image"
SZ_MB=$(( $(du -sm "$R" | cut -f1) * 13 / 10 + 128 ))
rm -f "$OUT/dom0.ext4"
mkfs.ext4 -q -F -L xenci-dom0 -d "$R" "$OUT/dom0.ext4" "${SZ_MB}M"

echo "$STAMP" > "$OUT/STAMP"
rm -rf "$IMG"; mv "$OUT" "$IMG"; touch "$IMG/last-used"
# images of older stamps of this variant that no run has used for a day (run-in-xen.sh
# touches last-used); a worktree on an older harness rebuilds them if it still needs them
for old in "$XENCI_ROOT/images/$VARIANT"-*; do
  [ "$old" = "$IMG" ] || [ ! -d "$old" ] && continue
  [ -n "$(find "$old/last-used" -mmin -1440 2>/dev/null)" ] || rm -rf "$old"
done
T1=$(date +%s)
[ "${KEEP_ROOTFS:-0}" = 1 ] || rm -rf "$R" "$BUILD/guestrd"
echo "== done in $((T1-T0)) s"
ls -la "$IMG"; du -sh --apparent-size "$IMG/dom0.ext4"; du -sh "$IMG/dom0.ext4"
