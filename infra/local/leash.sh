#!/usr/bin/env bash
# Runs DynamoDB Local's java tied to its Node parent: the parent holds our stdin open, so
# when it exits for any reason (kill -9 included) stdin closes and java is stopped too.
java "$@" </dev/null &
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
