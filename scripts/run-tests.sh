#!/bin/sh
# Run the unit-test binaries given before "--" plainly and the ones after
# it (the sanitizer builds), then the command-line tests with each fangan
# binary.  Prints one "N passed, N failed" line at the end and exits
# non-zero when anything failed.
B=$1; shift
pass=0; fail=0
run() {
	if "$@" >"$B/last-test.log" 2>&1; then
		pass=$((pass + 1)); echo "ok   $*"
	else
		fail=$((fail + 1)); echo "FAIL $*"; cat "$B/last-test.log"
	fi
}
for t in "$@"; do
	[ "$t" = "--" ] && continue
	run "$t"
done
run sh tests/cli.sh ./fangan
[ -x "$B/san/fangan" ] && run sh tests/cli.sh "$B/san/fangan"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
