# run-jobs.sh -- runs in dom0 as the command of a shared boot (see @libvirt-ts/test-utils'
# runJobsInDom0): the jobs named in .jobs/order ("NAME SECONDS" a line), one after the other,
# each in its own folder of the share (/mnt/share/NAME, its working directory) with its own time
# limit. After each job dom0 is put back as it booted (the job's processes ended, libvirtd
# stopped, guests destroyed, saved images and persistent definitions removed), so every job
# starts from the same dom0 whatever the one before it did or left. Each job's stdout and stderr
# go to .jobs/NAME/out.log, its exit status to .jobs/NAME/rc (124: it hit its limit) and its
# seconds to .jobs/NAME/seconds.
set -u
cd /mnt/share
up() { cut -d' ' -f1 /proc/uptime; }
log() { echo "XENCI-JOBS[$(up)]: $*"; }

# $1: the session id of the job that just ended.
reset_dom0() {
  [ -n "$1" ] && pkill -KILL -s "$1" 2>/dev/null
  # libvirtd -d runs in a session of its own
  if pgrep -x libvirtd >/dev/null; then
    pkill -TERM -x libvirtd
    for i in $(seq 40); do pgrep -x libvirtd >/dev/null || break; sleep 0.25; done
    pkill -KILL -x libvirtd 2>/dev/null
    log "stopped the libvirtd the job left running"
  fi
  for domain in $(xl list | awk 'NR > 2 { print $2 }'); do
    xl destroy "$domain" && log "destroyed domain $domain the job left running"
  done
  rm -rf /var/tmp/*.save /etc/libvirt/libxl/*.xml /etc/libvirt-ts
}

while read -r name limit; do
  dir=/mnt/share/.jobs/$name
  log "job $name: start (limit $limit s)"
  start=$(up)
  # A session of its own: timeout ends the job's process group at the limit, pkill -s what it left.
  setsid -w sh -c 'echo $$ > "$1/sid"; cd "/mnt/share/$2" || exit 125; exec timeout -k 10 "$3" sh "$1/command"' \
    job "$dir" "$name" "$limit" > "$dir/out.log" 2>&1 < /dev/null
  rc=$?
  echo "$rc" > "$dir/rc"
  awk -v s="$start" '{ printf "%.1f\n", $1 - s }' /proc/uptime > "$dir/seconds"
  log "job $name: status $rc after $(cat "$dir/seconds") s"
  reset_dom0 "$(cat "$dir/sid" 2>/dev/null)"
done < .jobs/order
log "all jobs done"
