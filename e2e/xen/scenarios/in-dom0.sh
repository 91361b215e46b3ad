# The job run in dom0 of the libvirt image (run-in-xen.sh -I libvirt): libvirt 9's side
# first, with libvirtd and its libxl driver; then libvirtd stopped, so the two toolstacks
# never manage the same guest, and our side. Writes out/libvirt.json and out/ours.json.
set -u
cd "$(dirname "$0")"
. ./libvirtd.sh
start_libvirtd || exit 3
# The host as xl sees it (hw_caps, NUMA), kept with the records for whoever compares capabilities.
mkdir -p out && xl info -n > out/xl-info.txt 2>&1
write_guest_xml || exit 3

./node run-scenarios.mjs libvirt || exit 3
log "libvirt 9's side recorded"

# Our side starts from the state libvirt's started from: Domain-0 alone.
stop_libvirtd || exit 3

./node run-scenarios.mjs ours || exit 3
log "our side recorded"
xl list
