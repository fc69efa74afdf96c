# tests/lib.sh — sourced by the shell suites (tests/*.sh): a scratch
# folder $T removed at exit, the counters and the closing line that
# scripts/run-tests.sh reads ("NAME: N passed, M failed, K skipped").
#
#   ok                 one check passed
#   no MESSAGE         one check failed (MESSAGE printed)
#   skip MESSAGE       one check not run (printed, and counted as skipped)
#   need TOOL          TOOL is one that `make deps` installs: missing, it
#                      is a failure, never a silent pass
#   optional TOOL WHAT TOOL is not a dependency: missing, WHAT is skipped
#   counts OUTPUT      add a checker's "X: N passed, M failed" line (from
#                      OUTPUT) to the counters, printing its failures
#   finish NAME        the closing line; the suite's exit status
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0 skipped=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
skip() { skipped=$((skipped + 1)); echo "SKIP: $*"; }
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	no "$1 is not installed (make deps installs it)"
	return 1
}
optional() {
	command -v "$1" >/dev/null 2>&1 && return 0
	skip "$2 ($1 is not installed)"
	return 1
}
counts() {
	p=$(echo "$1" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
	f=$(echo "$1" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
	pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))
	[ "${f:-1}" -eq 0 ] || echo "$1" | grep -v '^[a-z]*: [0-9]* passed' | head -30
}
finish() {
	echo "$1: $pass passed, $fail failed, $skipped skipped"
	[ "$fail" -eq 0 ]
}
