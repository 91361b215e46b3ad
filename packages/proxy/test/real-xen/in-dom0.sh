# Runs in dom0 of the Xen 4.17 image (see job.ts), in the job's folder of the share with this
# machine's Node as ./node and the built virsh and proxy packages in ./node_modules.
# 1. root reads the host read-only with our virsh (the direct drivers);
# 2. root starts libvirt-ts-proxy, as an operator would (a Node script cannot be setuid);
# 3. the unprivileged user nobody runs the same commands, which only the proxy can answer, and a
#    write, which it must refuse.
# Each command's stdout, stderr and status go to out/<who>-<n>.{out,err,rc} (virsh-commands.mjs).
set -u
HERE=$(pwd)
mkdir -p out
log() { echo "IN-DOM0[$(cut -d' ' -f1 /proc/uptime)]: $*"; }
PROXY=$HERE/node_modules/@libvirt-ts/proxy/dist/cli.js
# The launch path the client tries when nobody listens; the daemon is started by root below,
# so a launch by nobody (which could not open privcmd) would show as a failed command.
printf '#!/bin/sh\nexec %s %s "$@"\n' "$HERE/node" "$PROXY" > proxy.sh
chmod 755 proxy.sh
chmod 777 out

# The read-only commands (and nobody's write) through runVirsh in one Node process a user:
# see virsh-commands.mjs.
env LIBVIRT_TS_PROXY="$HERE/proxy.sh" "$HERE/node" virsh-commands.mjs root

./proxy.sh -v -v --idle-timeout 120 2> out/proxy.log &
proxy_pid=$!
for i in $(seq 600); do grep -q 'listening on' out/proxy.log && break; sleep 0.1; done
grep -q 'listening on' out/proxy.log || { log "the proxy did not start"; cat out/proxy.log; exit 3; }
log "libvirt-ts-proxy up (pid $proxy_pid)"

setpriv --reuid=65534 --regid=65534 --clear-groups env LIBVIRT_TS_PROXY="$HERE/proxy.sh" HOME=/tmp \
  "$HERE/node" virsh-commands.mjs nobody

kill "$proxy_pid"
wait "$proxy_pid"
echo $? > out/proxy.rc
log "done"
echo PROXY-RUN-COMPLETE
