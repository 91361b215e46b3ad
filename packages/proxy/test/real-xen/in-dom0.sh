# Runs in dom0 of the plain Xen 4.17 image (see ../real-xen.test.ts), in /mnt/share with this
# machine's Node as ./node and the built virsh and proxy packages in ./node_modules.
# 1. root reads the host read-only with our virsh (the direct drivers);
# 2. root starts libvirt-ts-proxy, as an operator would (a Node script cannot be setuid);
# 3. the unprivileged user nobody runs the same commands, which only the proxy can answer.
# Each command's stdout, stderr and status go to out/<who>-<n>.{out,err,rc}.
set -u
cd /mnt/share
mkdir -p out
log() { echo "IN-DOM0[$(cut -d' ' -f1 /proc/uptime)]: $*"; }
VIRSH=/mnt/share/node_modules/@libvirt-ts/virsh/dist/virsh.cjs
PROXY=/mnt/share/node_modules/@libvirt-ts/proxy/dist/cli.js
# The launch path the client tries when nobody listens; the daemon is started by root below,
# so a launch by nobody (which could not open privcmd) would show as a failed command.
printf '#!/bin/sh\nexec /mnt/share/node %s "$@"\n' "$PROXY" > proxy.sh
chmod 755 proxy.sh
chmod 777 out

run_commands() { # who, then the command prefix
  who=$1; shift
  n=0
  for command in 'list --all' 'dominfo 0' 'nodeinfo' 'domuuid Domain-0' 'dumpxml 0'; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the command is split into virsh's words on purpose
    "$@" /mnt/share/node "$VIRSH" -r -c xen:/// $command > "out/$who-$n.out" 2> "out/$who-$n.err"
    echo $? > "out/$who-$n.rc"
    log "$who: virsh -r $command: status $(cat "out/$who-$n.rc")"
  done
}

run_commands root env LIBVIRT_TS_PROXY=/mnt/share/proxy.sh

./proxy.sh -v -v --idle-timeout 120 2> out/proxy.log &
proxy_pid=$!
for i in $(seq 100); do grep -q 'listening on' out/proxy.log && break; sleep 0.1; done
grep -q 'listening on' out/proxy.log || { log "the proxy did not start"; cat out/proxy.log; exit 3; }
log "libvirt-ts-proxy up (pid $proxy_pid)"

run_commands nobody setpriv --reuid=65534 --regid=65534 --clear-groups env LIBVIRT_TS_PROXY=/mnt/share/proxy.sh HOME=/tmp
# what nobody may not do, through the same path: a write must be refused
setpriv --reuid=65534 --regid=65534 --clear-groups env LIBVIRT_TS_PROXY=/mnt/share/proxy.sh HOME=/tmp \
  /mnt/share/node "$VIRSH" -c xen:/// setmem 0 1024 > out/nobody-write.out 2> out/nobody-write.err
echo $? > out/nobody-write.rc
log "nobody: virsh setmem 0 1024: status $(cat out/nobody-write.rc): $(head -c 200 out/nobody-write.err)"

kill "$proxy_pid"
wait "$proxy_pid"
echo $? > out/proxy.rc
log "done"
echo PROXY-RUN-COMPLETE
