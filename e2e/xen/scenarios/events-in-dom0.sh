# The events job in dom0 of the libvirt image: `virsh event --all --loop --timestamp` runs while
# another virsh creates, pauses, resumes and destroys the guest; libvirt 9's virsh through
# libvirtd first, then (libvirtd stopped) ours on xen:///. Writes out/events-SIDE.txt (the event
# virsh's stdout) and out/events-SIDE.err (its stderr, then its exit status after Ctrl-C).
set -u
cd "$(dirname "$0")"
. ./libvirtd.sh
mkdir -p out

# Seconds for a virsh to start and subscribe (Node under TCG is slow to start), and between steps
# (ours reads the domain list every 0.5 s; a pause fires no xenstore watch).
SUBSCRIBE_WAIT=15
STEP_WAIT=3
# Seconds a watcher has to end after SIGINT before it is killed (and the comparison fails).
INTERRUPT_WAIT=20

# Commands, not shell functions: the watcher must be the virsh process itself, so that `$!` is
# its pid and SIGINT reaches it (a backgrounded function is a subshell that ignores SIGINT).
LIBVIRT_VIRSH="virsh -c xen:///system"
OUR_VIRSH="./node node_modules/@libvirt-ts/virsh/dist/virsh.cjs -c xen:///"

# Ends the watcher as Ctrl-C does; returns its exit status, or 124 if it had to be killed.
interrupt() {
  kill -INT "$1"
  for i in $(seq $((INTERRUPT_WAIT * 4))); do kill -0 "$1" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$1" 2>/dev/null; then
    log "watcher $1 still running ${INTERRUPT_WAIT} s after SIGINT; killed"
    kill -KILL "$1"; wait "$1"; return 124
  fi
  wait "$1"
}

record() {
  side=$1 virsh=$2 started=$(cut -d' ' -f1 /proc/uptime)
  $virsh event --all --loop --timestamp > "out/events-$side.txt" 2> "out/events-$side.err" &
  watcher=$!
  log "$side: event watcher $watcher started"
  sleep $SUBSCRIBE_WAIT
  for step in "create /tmp/guest.xml" "suspend tinyguest" "resume tinyguest" "destroy tinyguest"; do
    $virsh $step > /dev/null || log "$side: virsh $step failed"
    log "$side: virsh $step done"
    sleep $STEP_WAIT
  done
  interrupt $watcher
  echo "rc=$?" >> "out/events-$side.err"
  # awk, not wc: Debian's wc takes its AVX2 path on the CPU model QEMU names, which TCG lacks
  log "$side: $(awk 'END { print NR }' "out/events-$side.txt") lines in $(awk -v s="$started" '{ printf "%.0f", $1 - s }' /proc/uptime) s"
}

start_libvirtd || exit 3
write_guest_xml || exit 3
record libvirt "$LIBVIRT_VIRSH"
stop_libvirtd || exit 3
record ours "$OUR_VIRSH"
