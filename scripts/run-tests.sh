#!/bin/sh
# Run the unit-test binaries given (plain ones before "--", sanitizer
# builds after it), then the command-line tests with each fangan binary,
# then the batch-build tests (-j, reproducible bytes, incremental), then
# the install tests (make install/uninstall into a scratch tree, the
# manual's lint).
# Counts the test cases each program reports (cmocka's "[  PASSED  ] N"
# and "[  FAILED  ] N", cli.sh's "cli: N passed, M failed"), prints one
# line per program and a closing "N passed, N failed", and exits non-zero
# when anything failed.
B=$1; shift
# The tests read fangan's messages in English; tests/i18n.sh sets its
# own locales.
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
pass=0; fail=0
log="$B/last-test.log"
run() {
	"$@" >"$log" 2>&1
	status=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p; s/^[a-z]*: \([0-9]*\) passed.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p; s/^[a-z]*: [0-9]* passed, \([0-9]*\) failed.*/\1/p' "$log" | tail -1)
	p=${p:-0}; f=${f:-0}
	# A crash or a sanitizer report fails the program even when no case
	# said so.
	[ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$status" -eq 0 ]; then
		echo "ok   $* ($p)"
	else
		echo "FAIL $*"; cat "$log"
	fi
}
for t in "$@"; do
	[ "$t" = "--" ] && continue
	run "$t"
done
run sh tests/cli.sh ./fangan
[ -x "$B/san/fangan" ] && run sh tests/cli.sh "$B/san/fangan"
run sh tests/build.sh ./fangan
[ -x "$B/san/fangan" ] && run sh tests/build.sh "$B/san/fangan"
run sh tests/pages.sh ./fangan
[ -x "$B/san/fangan" ] && run sh tests/pages.sh "$B/san/fangan"
run sh tests/formats.sh ./fangan
[ -x "$B/san/fangan" ] && run sh tests/formats.sh "$B/san/fangan"
run sh tests/batch.sh ./fangan
[ -x "$B/san/fangan" ] && run sh tests/batch.sh "$B/san/fangan"
run sh tests/import.sh ./fangan
[ -x "$B/san/fangan" ] && run sh tests/import.sh "$B/san/fangan"
run sh tests/i18n.sh ./fangan
run sh tests/watch.sh ./fangan
[ -x "$B/san/fangan" ] && run sh tests/watch.sh "$B/san/fangan"
run sh tests/install.sh
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
