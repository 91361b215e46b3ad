#!/bin/sh
# Stands in for ssh in the tests: takes ssh's options, then runs the remote command in a local
# shell, as sshd on the host would. (No sshd runs here; the command line is what is tested.)
for last; do :; done
exec sh -c "$last"
