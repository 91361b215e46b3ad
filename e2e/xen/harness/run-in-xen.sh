#!/bin/bash
# run-in-xen.sh -- boot Xen 4.17 + Debian dom0 under QEMU, run one shell command
# in dom0 (after xenstored/xenconsoled are up), print its output, exit with its
# exit status. Images come from build-images.sh (see common.sh for where they live).
#
# usage: run-in-xen.sh [options] -- 'shell command run in dom0'
#   -I VARIANT     image variant: plain (default) | libvirt (dom0 with libvirt 9's libxl driver)
#   -a tcg|kvm     accelerator (default: tcg; kvm does NOT work on this host, see README)
#   -c N           number of virtual CPUs for the QEMU machine (default 2)
#   -m MB          QEMU machine memory (default 2048)
#   -d MB          dom0 memory (default 1024)
#   -s DIR         host folder shared read-write into dom0 at /mnt/share (cwd of the command)
#   -x NAME        xenstored flavour: xenstored (C, default) | oxenstored (OCaml, Debian default)
#   -b SEC         boot timeout: until dom0 is ready (default 600; boots are slow on a busy host)
#   -t SEC         job timeout, counted from dom0 ready (default 900)
#   -v             stream the serial console (Xen + dom0 kernel + job) to stderr
#   -i             interactive: no job, shell on the serial console (exit shell = power off)
#   -k DIR         keep the job folder (console.log, out.log, rc, result) in DIR
# The job's stdout+stderr are also saved as out.log in the job folder, the full serial
# console as console.log, and one line `ready=SEC|never rc=N|none killed=REASON` as result:
# rc=none with ready=never means the boot itself failed (the harness's fault, not the job's).
# XENCI_IMAGES overrides the images folder, XENCI_CPU the CPU model QEMU presents.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
VARIANT=plain ACCEL=tcg CPUS=2 MEM=2048 DOM0MEM=1024 SHARE="" XSD=xenstored BOOT_TIMEOUT=600 TIMEOUT=900 VERBOSE=0 INTER=0 KEEP=""
while getopts "I:a:c:m:d:s:x:b:t:vik:" o; do
  case $o in
    I) VARIANT=$OPTARG;; a) ACCEL=$OPTARG;; c) CPUS=$OPTARG;; m) MEM=$OPTARG;; d) DOM0MEM=$OPTARG;;
    s) SHARE=$(cd "$OPTARG" && pwd);; x) XSD=$OPTARG;; b) BOOT_TIMEOUT=$OPTARG;; t) TIMEOUT=$OPTARG;; v) VERBOSE=1;;
    i) INTER=1;; k) KEEP=$OPTARG;;
    *) sed -n '2,25p' "$0"; exit 2;;
  esac
done
shift $((OPTIND-1))
CMD="${*:-}"
IMG=${XENCI_IMAGES:-$(images_dir "$VARIANT")} || exit 2
images_complete "$IMG" || { echo "no complete $VARIANT images in $IMG -- run: bash $HERE/build-images.sh $VARIANT" >&2; exit 2; }
touch "$IMG/last-used" 2>/dev/null

if [ $INTER = 1 ]; then JOB=""
elif [ -n "$KEEP" ]; then JOB=$KEEP; mkdir -p "$JOB"; rm -f "$JOB"/{job.sh,out.log,rc,result,console.log}
else JOB=$(mktemp -d /tmp/xenci-job.XXXXXX); fi
if [ -n "$JOB" ]; then JOB=$(cd "$JOB" && pwd); LOG=$JOB/console.log; : > "$LOG"; printf '%s\n' "$CMD" > "$JOB/job.sh"; fi

case $ACCEL in
  kvm) CPUOPT="-accel kvm -cpu qemu64" ;;   # -cpu host/max abort on this host (MSR 0x10a)
  *)   CPUOPT="-accel tcg,thread=multi -cpu ${XENCI_CPU:-$(variant_cpu "$VARIANT")}" ;;
esac
XENARGS="console=com1 com1=115200,8n1 dom0_mem=${DOM0MEM}M,max:${DOM0MEM}M dom0_max_vcpus=1 loglvl=all guest_loglvl=all ${XENCI_XEN_SMAP-smap=0} ${XENCI_XEN_EXTRA:-}"
# smap=0: with SMAP on, QEMU 7.2 TCG + Xen 4.17 crash dom0 at its first exception
# ("d0v0 Unhandled: vec 14, #PF[0001]", domain_crash_sync ... create_bounce_frame).
# clocksource=xen: dom0 otherwise keeps time by the TSC, whose rate it takes from a calibration
# that a loaded host skews (seen: uptime and sleep running 50 times slower than Xen's own time,
# until Linux's watchdog gave up on the TSC minutes later); Xen's clock follows the platform timer.
K_ARGS="console=hvc0 earlyprintk=xen clocksource=xen root=/dev/vda rootfstype=ext4 ro init=/sbin/xenci-init xenci.xenstored=$XSD"
[ $INTER = 1 ] && K_ARGS="$K_ARGS xenci.shell=1"

QARGS=($CPUOPT -smp "$CPUS" -m "$MEM" -no-reboot -display none -monitor none -net none
  -kernel "$IMG/xen.elf" -append "$XENARGS"
  -initrd "$IMG/vmlinuz $K_ARGS,$IMG/initrd.img"
  -drive "file=$IMG/dom0.ext4,format=raw,if=virtio,snapshot=on")
[ -n "$JOB" ] && QARGS+=(-virtfs "local,path=$JOB,mount_tag=xenci,security_model=none,id=xenci")
[ -n "$SHARE" ] && QARGS+=(-virtfs "local,path=$SHARE,mount_tag=share,security_model=none,id=share")

if [ $INTER = 1 ]; then
  exec qemu-system-x86_64 "${QARGS[@]}" -serial mon:stdio
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )); }
T0=$(now_ms)
qemu-system-x86_64 "${QARGS[@]}" -serial "file:$LOG" 2> "$JOB/qemu.stderr" &
QPID=$!
TAILPID=""
if [ $VERBOSE = 1 ]; then tail -n +1 -f "$LOG" >&2 & TAILPID=$!; fi
T_READY="" T_READY_MS="" T_DONE="" KILLED=""
while kill -0 $QPID 2>/dev/null; do
  T=$(now_ms)
  if [ -z "$T_READY" ] && grep -q 'DOM0-READY' "$LOG"; then T_READY=$(secs $((T - T0))) T_READY_MS=$T; fi
  if [ -z "$T_DONE" ] && grep -q 'XENCI-DONE' "$LOG"; then T_DONE=$T; fi
  if [ -n "$T_DONE" ] && [ $((T - T_DONE)) -gt 20000 ]; then
    KILLED="qemu-did-not-exit-after-XENCI-DONE"; kill $QPID; break; fi
  if [ -z "$T_READY" ] && [ $((T - T0)) -gt $((BOOT_TIMEOUT * 1000)) ]; then
    KILLED="boot-timeout-after-${BOOT_TIMEOUT}s"; kill $QPID; break; fi
  if [ -n "$T_READY" ] && [ $((T - T_READY_MS)) -gt $((TIMEOUT * 1000)) ]; then
    KILLED="job-timeout-after-${TIMEOUT}s"; kill $QPID; break; fi
  if grep -q 'KVM internal error' "$JOB/qemu.stderr"; then
    KILLED="kvm-internal-error"; kill $QPID; break; fi
  if grep -q 'Panic on CPU\|Kernel panic' "$LOG" && [ -z "$T_DONE" ]; then
    sleep 3; KILLED="panic-on-console"; kill $QPID 2>/dev/null; break; fi
  sleep 0.25
done
wait $QPID 2>/dev/null; QRC=$?
T_END=$(secs $(( $(now_ms) - T0 )))
[ -n "$TAILPID" ] && { sleep 0.5; kill $TAILPID 2>/dev/null; wait $TAILPID 2>/dev/null; }

[ -f "$JOB/out.log" ] && cat "$JOB/out.log"
JOB_RC=$(cat "$JOB/rc" 2>/dev/null)
echo "ready=${T_READY:-never} rc=${JOB_RC:-none} killed=${KILLED:-no} qemu_rc=$QRC total=$T_END" > "$JOB/result"
{
  echo "---- xenci: variant=$VARIANT accel=$ACCEL qemu_rc=$QRC ${KILLED:+(killed: $KILLED)}"
  echo "---- xenci: dom0 ready (xenstored up) at ${T_READY:-never} s after qemu start; total ${T_END} s; job rc=${JOB_RC:-none}"
  echo "---- xenci: job folder $JOB (console.log, out.log; deleted on success unless -k or XENCI_KEEP_JOB=1)"
} >&2
RC=${JOB_RC:-255}
if [ -z "$T_READY" ]; then
  echo "---- last console lines:" >&2; tail -25 "$LOG" >&2
  [ -s "$JOB/qemu.stderr" ] && { echo "---- qemu stderr:" >&2; tail -5 "$JOB/qemu.stderr" >&2; }
fi
[ -z "$KEEP" ] && [ "$RC" = 0 ] && [ -z "${XENCI_KEEP_JOB:-}" ] && rm -rf "$JOB"
exit "$RC"
