#!/bin/sh
# Command-line tests for the fangan binary given as $1: the exact output
# of `fangan check` on the rule fixtures and on plans/, the JSON and SARIF
# formats, exit statuses, and the inputs the fuzzer once found.
F=${1:-./fangan}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
pass=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect STATUS NAME CMD...: run CMD, stdout to $T/out, stderr to $T/err.
expect() {
	want=$1 name=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else no "$name: exit $got, wanted $want"; cat "$T/err"; fi
}
same() { # same NAME FILE: $T/out must equal FILE
	if cmp -s "$T/out" "$2"; then ok; else no "$1 differs:"; diff "$2" "$T/out" | head -20; fi
}

expect 0 version "$F" --version
grep -q '^fangan [0-9]' "$T/out" && ok || no "version text"
expect 0 help "$F" --help
expect 0 check-help "$F" check --help
grep -q -- '--format' "$T/out" && ok || no "check --help names --format"
expect 2 no-args "$F"
expect 2 unknown-command "$F" frobnicate
expect 2 bad-option "$F" check --nope plans/
expect 2 bad-format "$F" check --format xml plans/
expect 2 missing-file "$F" check "$T/nonexistent.md"
grep -q 'nonexistent.md' "$T/err" && ok || no "missing file is named"
expect 2 no-paths "$F" check

# Every rule fires at its known line and column.
expect 1 rules "$F" check tests/rules/
same rules tests/rules/expected.txt
# The example plans: what is really wrong in them, nothing else.
expect 1 plans "$F" check plans/
same plans tests/plans-expected/plans.txt
# A plan with warnings only passes, unless --werror.
expect 0 warnings "$F" check plans/five-upgrades.md
expect 1 werror "$F" check --werror plans/five-upgrades.md
expect 0 clean "$F" check plans/model-demonstration.md
[ -s "$T/out" ] && no "clean plan printed findings" || ok

# Every text line is what gcc-style problem matchers read.
"$F" check tests/rules/ plans/ >"$T/all" 2>/dev/null
if grep -Evq '^[^:]+:[0-9]+:[0-9]+: (error|warning): .+ \[[a-z-]+\]$' "$T/all"; then
	no "a line is not in FILE:LINE:COL: SEVERITY: MESSAGE [RULE] form"
	grep -Ev '^[^:]+:[0-9]+:[0-9]+: (error|warning): .+ \[[a-z-]+\]$' "$T/all" | head -3
else ok; fi

# JSON and SARIF: parse them and check the fields tools rely on.
expect 1 json "$F" check --format json tests/rules/
python3 - "$T/out" tests/rules/expected.txt <<'PY' && ok || no "json"
import json, sys
doc = json.load(open(sys.argv[1]))
text = [l for l in open(sys.argv[2]).read().splitlines()]
fs = doc["findings"]
assert len(fs) == len(text), (len(fs), len(text))
for f, line in zip(fs, text):
    want = "%s:%d:%d: %s: %s [%s]" % (f["file"], f["line"], f["column"], f["severity"], f["message"], f["rule"])
    assert want == line, (want, line)
assert doc["errors"] == sum(1 for f in fs if f["severity"] == "error")
PY
expect 1 sarif "$F" check --format=sarif tests/rules/
python3 - "$T/out" tests/rules/expected.txt <<'PY' && ok || no "sarif"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == "2.1.0" and "$schema" in doc
run = doc["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "fangan" and driver["version"]
ids = [r["id"] for r in driver["rules"]]
assert len(ids) == len(set(ids))
for r in driver["rules"]:
    assert r["shortDescription"]["text"]
    assert r["defaultConfiguration"]["level"] in ("error", "warning")
text = open(sys.argv[2]).read().splitlines()
assert len(run["results"]) == len(text)
for res, line in zip(run["results"], text):
    assert ids[res["ruleIndex"]] == res["ruleId"]
    assert res["level"] in ("error", "warning")
    assert res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    reg = loc["region"]
    want = "%s:%d:%d: %s: %s [%s]" % (loc["artifactLocation"]["uri"], reg["startLine"], reg["startColumn"], res["level"], res["message"]["text"], res["ruleId"])
    assert want == line, (want, line)
PY

# What the fuzzer found must never crash the reader again.
for f in tests/fuzz/*; do
	[ -f "$f" ] || continue
	"$F" check "$f" >/dev/null 2>&1
	s=$?
	if [ "$s" -le 2 ]; then ok; else no "fuzz input $f: exit $s"; fi
done

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
