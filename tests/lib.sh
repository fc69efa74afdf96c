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
finish() {
	echo "$1: $pass passed, $fail failed, $skipped skipped"
	[ "$fail" -eq 0 ]
}
