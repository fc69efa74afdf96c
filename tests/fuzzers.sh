#!/bin/sh
# The libFuzzer targets as `make fuzz` builds them (clang, ASan, UBSan,
# -fno-sanitize-recover; build/fuzz/fuzz_NAME), each given every file of
# its corpus tests/fuzz/NAME/ once.  make check builds them, so a change
# that breaks the clang build or the fuzz harnesses fails here, not only
# in a later `make fuzz`; the same corpora also run through gcc's
# sanitizer build (build/san/fuzz_NAME, tests/fuzz_main.c).
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
. tests/lib.sh
B=${B:-build}
for t in plan layout template stamp; do
	bin=$B/fuzz/fuzz_$t
	if [ ! -x "$bin" ]; then
		no "$bin is not built (make check builds it with clang)"
		continue
	fi
	files=$(find "tests/fuzz/$t" -maxdepth 1 -type f | sort)
	n=$(echo "$files" | grep -c .)
	[ "$n" -gt 0 ] || { no "tests/fuzz/$t has no corpus"; continue; }
	# Given files, libFuzzer runs each once ("Executed FILE in N ms") and
	# stops at the first sanitizer report with a non-zero status.
	# shellcheck disable=SC2086
	timeout 300 "$bin" -timeout=30 -rss_limit_mb=4096 $files >"$T/$t.log" 2>&1
	rc=$?
	ran=$(grep -c '^Executed ' "$T/$t.log")
	if [ "$rc" -ne 0 ]; then
		no "$bin on its corpus: exit $rc"
		grep -E 'ERROR|SUMMARY|runtime error|Running:' "$T/$t.log" | tail -8
	elif [ "$ran" -ne "$n" ]; then
		no "$bin ran $ran of the $n files of tests/fuzz/$t"
	else
		ok
	fi
done
finish fuzzers
