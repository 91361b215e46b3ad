# The dom0 job of xen-drivers.bench.ts (libvirt image): CPU time of whole virsh processes, ours
# (Node, virt's xenlight driver) and libvirt 9's (through libvirtd's libxl driver), both on
# xen:///system, read-only commands on Domain-0, rounds interleaved. libvirtd stays up for both
# sides: nothing here writes. Each measurement is a line of out/cpu.tsv:
#   side  what  round  cpu_ms  libvirtd_ms
# where cpu_ms is user+sys of the virsh process (bash `times`) and libvirtd_ms what libvirtd
# spent meanwhile (/proc/PID/stat). Start-up is `1 x list --all`. XEN_BENCH_ROUNDS and XEN_BENCH_COUNT override the defaults.
set -u
cd "$(dirname "$0")"
. ./libvirtd.sh
ROUNDS=${XEN_BENCH_ROUNDS:-3}
COUNT=${XEN_BENCH_COUNT:-200}
TICK=$(getconf CLK_TCK)
export XDG_CACHE_HOME=/tmp/xen-bench-cache
OURS="./node node_modules/@libvirt-ts/virsh/dist/virsh.cjs"
PEER=virsh
start_libvirtd || exit 3
mkdir -p out
: > out/cpu.tsv

# user+sys ms of the command's process and its children, through bash's `times`.
cpu_ms() {
  bash -c '"$@" >/dev/null 2>&1; times' cpu "$@" | tail -1 |
    awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } printf "%.1f\n", t * 1000 }'
}
libvirtd_ticks() { awk '{ print $14 + $15 }' "/proc/$(cat /run/libvirtd.pid)/stat"; }

# $1 side, $2 label, $3 round, then the virsh arguments after -c xen:///system.
measure() {
  side=$1 what=$2 round=$3; shift 3
  program=$PEER; [ "$side" = ours ] && program=$OURS
  before=$(libvirtd_ticks)
  # shellcheck disable=SC2086 # $program is a command and its script
  ms=$(cpu_ms $program -c xen:///system "$@")
  after=$(libvirtd_ticks)
  printf '%s\t%s\t%s\t%s\t%s\n' "$side" "$what" "$round" "$ms" "$(( (after - before) * 1000 / TICK ))" >> out/cpu.tsv
}

# Our V8 code cache written once, before anything is measured.
$OURS -c xen:///system list --all >/dev/null || { log "our virsh failed"; $OURS -c xen:///system list --all; exit 3; }
$PEER -c xen:///system list --all || exit 3
for round in $(seq "$ROUNDS"); do
  for side in libvirt ours; do
    for command in 'dominfo Domain-0' 'domstate Domain-0' 'list --all'; do
      measure "$side" "1 x $command" "$round" "$command"
      measure "$side" "$COUNT x $command" "$round" "$(for i in $(seq "$COUNT"); do printf '%s; ' "$command"; done)"
    done
  done
  log "round $round done"
done
echo "$COUNT" > out/count

# Where our per-command time goes: a CPU profile of the bulk dominfo, when asked for.
if [ -n "${XEN_BENCH_PROFILE:-}" ]; then
  # shellcheck disable=SC2046
  timeout 120 ./node --cpu-prof --cpu-prof-dir=out/profile node_modules/@libvirt-ts/virsh/dist/virsh.cjs -c xen:///system \
    "$(for i in $(seq "$COUNT"); do printf 'dominfo Domain-0; '; done)" >/dev/null
  log "profile written"
fi
