# Sourced by the dom0 jobs of the libvirt image: libvirt 9's libvirtd started and stopped, and
# the image's guest as libvirt 9 converts it. Each function logs and returns non-zero on failure.
log() { echo "IN-DOM0[$(cut -d' ' -f1 /proc/uptime)]: $*"; }

# libvirtd: its runtime folders live on tmpfs; the image has its user (build-images.sh), and
# its QEMU driver, which refuses to start otherwise, wants a group of that name too.
start_libvirtd() {
  getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
  mkdir -p /run/libvirt /var/log/libvirt /var/lib/libvirt
  libvirtd -d
  for i in $(seq 120); do virsh -c xen:///system uri >/dev/null 2>&1 && break; sleep 0.5; done
  if ! virsh -c xen:///system uri >/dev/null; then
    log "libvirtd did not answer"; pgrep -a libvirtd; tail -20 /var/log/libvirt/*.log 2>/dev/null; return 3
  fi
  log "libvirtd up"
}

# The guest as libvirt 9 converts the image's xl config, kept up by xenci.stay, in /tmp/guest.xml.
write_guest_xml() {
  virsh -c xen:///system domxml-from-native xen-xl /root/guest/guest.cfg \
    | sed 's#<cmdline>\(.*\)</cmdline>#<cmdline>\1 xenci.stay</cmdline>#' > /tmp/guest.xml
  grep -q xenci.stay /tmp/guest.xml || { log "no guest XML"; cat /tmp/guest.xml; return 3; }
}

# Stops libvirtd, so the two toolstacks never manage the same guest, and leaves Domain-0 alone.
stop_libvirtd() {
  kill "$(cat /run/libvirtd.pid)" 2>/dev/null
  for i in $(seq 40); do pgrep -x libvirtd >/dev/null || break; sleep 0.25; done
  pgrep -x libvirtd >/dev/null && { log "libvirtd still running"; return 3; }
  log "libvirtd stopped"
  xl destroy tinyguest 2>/dev/null
  rm -f /var/tmp/tinyguest.save
  return 0
}
