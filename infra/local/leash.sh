#!/usr/bin/env bash
# Runs DynamoDB Local's java tied to its Node parent: the parent holds our stdin open, so
# when it exits for any reason (kill -9 included) stdin closes and java is stopped too.
# And should this script itself be killed -9 (its trap cannot run then), the kernel stops java:
# setpriv --pdeathsig sends java SIGKILL when its parent, this script, dies.
if command -v setpriv >/dev/null 2>&1 && setpriv --pdeathsig KILL true 2>/dev/null; then
  setpriv --pdeathsig KILL java "$@" </dev/null &
else
  java "$@" </dev/null &
fi
db=$!
# bash gives background jobs /dev/null as stdin unless told otherwise, hence <&3
exec 3<&0
cat <&3 >/dev/null &
leash=$!
trap 'kill $db $leash 2>/dev/null; wait $db 2>/dev/null; exit 0' TERM INT
wait -n $db $leash
kill $db $leash 2>/dev/null
wait $db 2>/dev/null
exit 0
