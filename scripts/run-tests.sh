#!/bin/sh
# Runs the test programs of `make check` side by side and sums them up.
#
#   sh scripts/run-tests.sh BUILD UNIT-TEST... -- SANITIZER-UNIT-TEST...
#
# The jobs: every unit-test binary given, and the shell suites
# (tests/*.sh: with ./fangan and, when built, with BUILD/san/fangan;
# tests/install.sh once), the slow ones first, at most TEST_JOBS
# at once (default: the processors online).  Each job's output goes to
# BUILD/test-logs/N.log; the results are then printed in the order of the
# jobs, one line a job ("ok   CMD (passed)" or "FAIL CMD" and its log),
# and a closing "N passed, N failed, N skipped".  Counts come from
# cmocka's "[  PASSED  ] N" / "[  FAILED  ] N" and the suites'
# "NAME: N passed, M failed[, K skipped]" (tests/lib.sh).  A job that
# exits non-zero (a crash, a sanitizer report) fails even when no test
# case said so.  Exit status non-zero when anything failed.
#
# Internal: run-tests.sh --one LOGDIR N CMD... runs one job.
if [ "$1" = --one ]; then
	dir=$2 n=$3; shift 3
	"$@" >"$dir/$n.log" 2>&1
	echo $? >"$dir/$n.status"
	exit 0
fi
B=$1; shift
# The tests read fangan's messages in English; tests/i18n.sh sets its
# own locales.
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
dir=$B/test-logs
rm -rf "$dir" && mkdir -p "$dir" || exit 2
jobs=${TEST_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}

# The job list, one command a line (no command has a space inside an
# argument), the slow shell suites first so they do not finish last.
list=$dir/jobs
: >"$list"
san=""
[ -x "$B/san/fangan" ] && san=$B/san/fangan
# Every tests/*.sh but lib.sh is a suite; one that takes the binary
# (F=${1...) runs with each binary, the others once; i18n.sh only with
# ./fangan, which finds the catalogues beside it (build/locale).
for s in tests/batch.sh tests/build.sh tests/pages.sh tests/*.sh; do
	[ -f "$s" ] && [ "$s" != tests/lib.sh ] || continue
	grep -qx "sh $s.*" "$list" && continue
	if [ "$s" = tests/i18n.sh ]; then
		echo "sh $s ./fangan" >>"$list"
	elif grep -q '^F=\${1' "$s"; then
		[ -n "$san" ] && echo "sh $s $san" >>"$list"
		echo "sh $s ./fangan" >>"$list"
	else
		echo "sh $s" >>"$list"
	fi
done
for t in "$@"; do
	[ "$t" = "--" ] || echo "$t" >>"$list"
done

awk '{ print NR, $0 }' "$list" |
	xargs -P "$jobs" -L 1 sh scripts/run-tests.sh --one "$dir"

pass=0 fail=0 skipped=0
n=0
while read -r cmd; do
	n=$((n + 1))
	log=$dir/$n.log
	status=$(cat "$dir/$n.status" 2>/dev/null || echo 127)
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p; s/^[a-z]*: \([0-9]*\) passed.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p; s/^[a-z]*: [0-9]* passed, \([0-9]*\) failed.*/\1/p' "$log" | tail -1)
	s=$(sed -n 's/^[a-z]*: [0-9]* passed, [0-9]* failed, \([0-9]*\) skipped.*/\1/p' "$log" | tail -1)
	p=${p:-0} f=${f:-0} s=${s:-0}
	[ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	pass=$((pass + p)) fail=$((fail + f)) skipped=$((skipped + s))
	if [ "$status" -eq 0 ]; then
		if [ "$s" -gt 0 ]; then
			echo "ok   $cmd ($p, $s skipped)"
			grep '^SKIP: ' "$log"
		else
			echo "ok   $cmd ($p)"
		fi
	else
		echo "FAIL $cmd (log: $log)"
		cat "$log"
	fi
done <"$list"
echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
