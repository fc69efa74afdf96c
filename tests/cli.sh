#!/bin/sh
# Command-line tests for the fangan binary given as $1: the exact output
# of `fangan check` on the rule fixtures and on plans/, the JSON and SARIF
# formats, exit statuses, and the inputs the fuzzer once found.
F=${1:-./fangan}
. tests/lib.sh

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
# Options (getopt_long): exact messages, options after PATHs, "--".
expect 2 bad-short "$F" check -x plans/
[ "$(head -1 "$T/err")" = "fangan check: unknown option '-x'" ] && ok || no "bad short option: $(head -1 "$T/err")"
expect 2 bad-long-value "$F" check --werror=yes plans/
[ "$(head -1 "$T/err")" = "fangan check: unknown option '--werror=yes'" ] && ok || no "value to a flag: $(head -1 "$T/err")"
expect 2 no-value "$F" build -o
head -1 "$T/err" | grep -qx 'fangan: -o needs a value' && ok || no "-o without a value: $(cat "$T/err")"
expect 2 no-value-long "$F" calendar --today
head -1 "$T/err" | grep -qx 'fangan: --today needs a value' && ok || no "--today without a value: $(cat "$T/err")"
expect 1 options-after "$F" check tests/rules/placeholder.md --werror
expect 2 dashdash "$F" check -- --werror
grep -q -- '--werror: No such file' "$T/err" && ok || no "after --, an option is a PATH: $(cat "$T/err")"
expect 2 fonts-operand "$F" fonts plans extra
[ "$(head -1 "$T/err")" = "fangan fonts: unknown argument 'extra'" ] && ok || no "fonts operand: $(head -1 "$T/err")"

# Every rule fires at its known line and column.
expect 1 rules "$F" check tests/rules/
same rules tests/rules/expected.txt
# glyph-missing and form-overflow need the fonts and the layout, so only
# build finds them.
expect 1 rules-build "$F" build -o "$T/rules-out" tests/rules/cell-overflow.md tests/rules/form-overflow.md tests/rules/glyph-missing.md
grep '\[\(glyph-missing\|form-overflow\|cell-overflow\)\]$' "$T/err" >"$T/out"
# font-limit: 65,536 different characters drawn with one font, the body
# font of a fonts/fonts.map beside the plan (as an office maps its own
# fonts) that has them all — a font made here (tests/bigfont.py), since
# no installed one maps so many.  The finding is at the 65,536th
# character; no file of the plan is written.  (A plan of 65,535 builds:
# tests/bounds.sh.)
mkdir -p "$T/fl/tests/rules/fonts" && python3 tests/bigfont.py "$T/fl/tests/rules/fonts/big.ttf" &&
	echo 'body = big.ttf' >"$T/fl/tests/rules/fonts/fonts.map" &&
	{ cat tests/rules/font-limit.md; python3 tests/bigfont.py --body 65536; } >"$T/fl/tests/rules/font-limit.md" ||
	no "font-limit: the font and the plan"
Fa=$(cd "$(dirname "$F")" && pwd)/$(basename "$F")
(cd "$T/fl" && timeout 60 "$Fa" build -o out tests/rules/font-limit.md) >/dev/null 2>"$T/fl.err"
rc=$?
[ $rc -eq 1 ] && ok || { no "font-limit: exit $rc, wanted 1"; cat "$T/fl.err"; }
grep '\[font-limit\]$' "$T/fl.err" >>"$T/out"
[ -z "$(find "$T/fl/out" -name '*.pdf' -o -name '*.docx' 2>/dev/null)" ] && ok ||
	no "font-limit: files written: $(find "$T/fl/out")"
same rules-build tests/rules/expected-build.txt
# cell-overflow from the template (tests/rules/cell-overflow.md has the
# causes in the plan): a least row height or a padding that makes every
# row too tall is said once per table, at the attachment, naming the
# template's value — not a finding per row saying the cell "排成1行".
mkdir -p "$T/co/templates"
echo '<ledger><cell min-height="200mm"/></ledger>' >"$T/co/templates/tall.xml"
echo '<ledger><cells padding="60mm"/></ledger>' >"$T/co/templates/pad.xml"
{ sed -n '1,6p' tests/rules/cell-overflow.md
  for t in tall pad; do
	printf '  - id: %s\n    type: ledger\n    title: 任务表\n    template: %s.xml\n' $t $t
	printf '    columns: [序号, 任务, 牵头单位]\n    rows:\n      - [1, 建立工作台账, 组织部]\n      - [2, 建立工作台账, 宣传部]\n'
  done
  printf -- '---\n## 一、指导思想\n\n加强党的领导。\n'; } >"$T/co/t.md"
"$F" build -o "$T/co/out" "$T/co/t.md" >/dev/null 2>"$T/co.err"; rc=$?
grep '\[cell-overflow\]$' "$T/co.err" >"$T/co.got"
cat >"$T/co.want" <<EOF
$T/co/t.md:7:5: error: 附件1的表格按模板每行至少高200毫米（<cell min-height>，或有空格待填写时write-lines×write-line），加上表头（8毫米）比一页（156毫米）还高：请在模板中把这些值改小 [cell-overflow]
$T/co/t.md:15:5: error: 附件2的表格模板的单元格边距（<cells padding>，60.0毫米）太大，使这一格排成6行、这一行高101毫米，比一页除去表头的68毫米还高：请在模板中把padding改小 [cell-overflow]
EOF
[ $rc -eq 1 ] && diff "$T/co.want" "$T/co.got" && [ ! -e "$T/co/out/t" ] && ok ||
	{ no "cell-overflow from the template (exit $rc)"; cat "$T/co.err"; }
# What form-overflow suggests is right: shortened so, the form is one
# page; a line longer, two.
for n in 12 13; do
	sed "s/lines: 15}/lines: $n}/" tests/rules/form-overflow.md >"$T/fo$n.md"
	"$F" build -o "$T/fo" "$T/fo$n.md" >/dev/null 2>"$T/fo$n.err"
done
[ "$(pdfinfo "$T/fo/fo12/apply.pdf" | sed -n 's/^Pages: *//p')" -eq 1 ] && ! grep -q form-overflow "$T/fo12.err" &&
	[ "$(pdfinfo "$T/fo/fo13/apply.pdf" | sed -n 's/^Pages: *//p')" -eq 2 ] && grep -q '减到26行以内' "$T/fo13.err" && ok ||
	no "form-overflow's suggestion fits one page, and no fewer lines"
# The example plans: what is really wrong in them, nothing else.
expect 1 plans "$F" check plans/
same plans tests/plans-expected/plans.txt
# model-organ.md:102 "于2021年9月15日前完成迎检资料归类整理" is the
# deadline 完成迎检资料归类整理's date (issue 13.7c): moved a day in the
# front matter, the prose contradicts it.
sed 's/due: 2021-09-15/due: 2021-09-14/' plans/model-organ.md >"$T/organ.md"
expect 1 organ-deadline-after "$F" check "$T/organ.md"
grep -q "^$T/organ.md:102:43: error: 正文写截止事项“完成迎检资料归类整理”的时间为“2021年9月15日前”，但deadlines中该截止事项为2021年9月14日 \[text-date-conflict\]\$" "$T/out" &&
	[ "$(grep -c text-date "$T/out")" -eq 1 ] && ok || no "organ: the deadline's action after its date: $(grep text-date "$T/out")"
# A plan with warnings only passes, unless --werror.
expect 0 warnings "$F" check plans/five-upgrades.md
expect 1 werror "$F" check --werror plans/five-upgrades.md
# model-demonstration.md has only its source's unpaired quote and title mark.
expect 0 clean "$F" check --disable punct-unpaired plans/model-demonstration.md
[ -s "$T/out" ] && no "clean plan printed findings" || ok
expect 0 disable-two "$F" check --disable=phase-gap,deadline-in-gap plans/five-upgrades.md
[ -s "$T/out" ] && no "--disable a,b turns both off: $(cat "$T/out")" || ok
expect 2 disable-unknown "$F" check --disable nosuch plans/
grep -q "no rule 'nosuch'" "$T/err" && ok || no "an unknown rule is named"
expect 2 disable-error "$F" check --disable phase-order plans/
grep -q "'phase-order' reports errors" "$T/err" && ok || no "an error rule cannot be turned off"

# Every text line is what gcc-style problem matchers read.
"$F" check tests/rules/ plans/ >"$T/all" 2>/dev/null
if grep -Evq '^[^:]+:[0-9]+:[0-9]+: (error|warning|note): .+ \[[a-z-]+\]$' "$T/all"; then
	no "a line is not in FILE:LINE:COL: SEVERITY: MESSAGE [RULE] form"
	grep -Ev '^[^:]+:[0-9]+:[0-9]+: (error|warning|note): .+ \[[a-z-]+\]$' "$T/all" | head -3
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
# A deadline on a weekend day worked in exchange (调休) is no
# deadline-weekend warning; the JSON says why in a note (issue 13.1).
expect 0 json-workday "$F" check --format json tests/rules/deadline-weekend.md
cat >"$T/want.json" <<EOF
{
  "version": "$("$F" --version | sed -n '1s/^fangan //p')",
  "findings": [
    {"file": "tests/rules/deadline-weekend.md", "line": 7, "column": 18, "severity": "warning", "rule": "deadline-weekend", "message": "截止日期“报送材料”（2020年3月7日）是星期六"},
    {"file": "tests/rules/deadline-weekend.md", "line": 8, "column": 18, "severity": "note", "rule": "deadline-weekend", "message": "截止日期“报送总结”（2020年9月27日）是星期日，但该日为调休上班日（国庆节、中秋节调休），不算周末"}
  ],
  "errors": 0,
  "warnings": 1,
  "notes": 1,
  "dropped": 0
}
EOF
cmp -s "$T/out" "$T/want.json" && ok || { no "json note for a 调休 working day"; diff "$T/want.json" "$T/out" | head; }
# A folder with no plan is said (it printed nothing); a FIFO *.md in a
# folder is refused as it is when named (it was passed over silently),
# and counted as failed apart from plans with errors.
mkdir -p "$T/empty" "$T/withfifo"
expect 0 check-empty "$F" check "$T/empty"
[ "$(cat "$T/err")" = "fangan: $T/empty: no plans (*.md) in this folder" ] && [ ! -s "$T/out" ] && ok ||
	no "check of an empty folder: $(cat "$T/err")"
mkfifo "$T/withfifo/pipe.md" && cp tests/rules/placeholder.md "$T/withfifo/a.md"
timeout 10 "$F" check "$T/withfifo" >"$T/out" 2>"$T/err"
[ $? -eq 2 ] && ok || no "check of a folder with a FIFO *.md: exit 2"
grep -qxF "fangan: $T/withfifo/pipe.md: not a regular file (a FIFO, device or socket); fangan reads only regular files" "$T/err" &&
	[ "$(tail -1 "$T/err")" = "fangan: plans: 2; with errors: 0, failed: 1; errors: 0, warnings: 8" ] && ok ||
	no "check of a folder with a FIFO *.md says so: $(cat "$T/err")"
# Any file name gives valid JSON (broken UTF-8 as U+FFFD) and a SARIF
# uri percent-encoded (RFC 3986), parsed back here.
mkdir -p "$T/names"
odd="$T/names/bad$(printf '\377')名 \"x\"#%.md"
cp tests/rules/placeholder.md "$odd"
expect 0 json-odd-name "$F" check --format json "$odd"
python3 - "$T/out" "$T" <<'PY' && ok || no "json with an odd file name"
import json, sys
f = json.load(open(sys.argv[1], encoding="utf-8"))["findings"][0]
assert f["file"] == sys.argv[2] + '/names/bad\ufffd名 "x"#%.md', f["file"]
PY
expect 0 sarif-odd-name "$F" check --format sarif "$odd"
python3 - "$T/out" "$T" <<'PY' && ok || no "sarif uri of an odd file name"
import json, sys, urllib.parse
r = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]["results"][0]
uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
assert uri.endswith("/names/bad%FF%E5%90%8D%20%22x%22%23%25.md"), uri
assert urllib.parse.unquote_to_bytes(uri) == (sys.argv[2] + "/names/").encode() + b'bad\xff' + '名 "x"#%.md'.encode(), uri
PY
rm -rf "$T/names"
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
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
text = open(sys.argv[2]).read().splitlines()
assert len(run["results"]) == len(text)
for res, line in zip(run["results"], text):
    assert ids[res["ruleIndex"]] == res["ruleId"]
    assert res["level"] in ("error", "warning", "note")
    assert res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    reg = loc["region"]
    want = "%s:%d:%d: %s: %s [%s]" % (loc["artifactLocation"]["uri"], reg["startLine"], reg["startColumn"], res["level"], res["message"]["text"], res["ruleId"])
    assert want == line, (want, line)
PY

# What the fuzzer found must never crash the reader again.
for f in tests/fuzz/plan/*; do
	[ -f "$f" ] || continue
	"$F" check "$f" >/dev/null 2>&1
	s=$?
	if [ "$s" -le 2 ]; then ok; else no "fuzz input $f: exit $s"; fi
done

# ---- fangan new ----
expect 0 new-help "$F" new --help
expect 0 new "$F" new demo --date 2024-03-04 -o "$T/p"
[ "$(cat "$T/out")" = "$T/p/demo.md" ] && ok || no "new prints the path it wrote"
# As written, the skeleton's only findings are its sample values (某某,
# issue 13.2), each a placeholder to fill in; filled in, it checks clean.
expect 0 new-checks-placeholders "$F" check "$T/p/demo.md"
[ "$(grep -c '未替换的占位符“某某” \[placeholder\]$' "$T/out")" -ge 5 ] &&
	[ "$(grep -vc '\[placeholder\]$' "$T/out")" -eq 0 ] && ok ||
	no "new plan: findings other than its placeholders: $(cat "$T/out")"
grep -q '^issuer: 某某单位 ' "$T/p/demo.md" && grep -q "^$T/p/demo.md:4:1: warning: 未替换的占位符“某某” \[placeholder\]\$" "$T/out" &&
	ok || no "new plan: the issuer's placeholder at 4:1"
sed 's/某某/青禾/g' "$T/p/demo.md" >"$T/p/filled.md"
expect 0 new-filled-clean "$F" check "$T/p/filled.md"
[ -s "$T/out" ] || [ -s "$T/err" ] && no "new plan filled in has findings: $(cat "$T/out")" || ok
rm "$T/p/filled.md"
grep -q '^# ' "$T/p/demo.md" && grep -q '^# signer:' "$T/p/demo.md" && ok ||
	no "new: commented keys (signer) missing"
grep -q '动员部署阶段（2024年3月4日至3月17日）' "$T/p/demo.md" && ok ||
	no "new: the 实施步骤 do not repeat the phases' dates"
# Dates that stress the scheme: year end, leap day, weekends, month end,
# and today's date.  Every one clean.
for d in 2024-12-20 2024-12-31 2024-02-29 2024-03-09 2024-03-10 2023-10-31 2025-11-28; do
	"$F" new "n$d" --date "$d" -o "$T/q" >/dev/null 2>&1 || no "new --date $d failed"
done
"$F" new today -o "$T/q" >/dev/null 2>&1 || no "new without --date failed"
expect 0 new-dates-clean "$F" check --disable placeholder "$T/q"
# (a note that the holiday data does not cover a coming year yet is fine)
grep -v ': note: .*\[holiday-data\]$' "$T/out" >"$T/out2"
[ -s "$T/out2" ] && no "new plans with findings: $(head -3 "$T/out2")" || ok
# A title that YAML would misread unquoted.
expect 0 new-title "$F" new titled --title '关于: [测试] "引号" #号' -o "$T/p" --date 2024-03-04
# (its half-width : and " among Chinese are proofreading warnings, off here)
"$F" check --disable punct-halfwidth,placeholder --format json "$T/p/titled.md" | grep -q '"findings": \[\]' && ok || no "quoted title"
# Never overwrite; names that leave the folder are refused.
cp "$T/p/demo.md" "$T/demo.before"
expect 2 new-exists "$F" new demo --date 2025-01-06 -o "$T/p"
grep -q 'already exists' "$T/err" && cmp -s "$T/p/demo.md" "$T/demo.before" && ok ||
	no "new overwrote or did not say why"
for bad in ../escape a/b .. .hidden 'x..y' ''; do
	expect 2 "new-name '$bad'" "$F" new "$bad" -o "$T/p"
done
[ ! -e "$T/escape.md" ] && [ ! -e "$T/p/a" ] && ok || no "new wrote outside its folder"
expect 2 new-bad-date "$F" new x --date 2024-02-30 -o "$T/p"
expect 2 new-no-name "$F" new -o "$T/p"
# The other layouts of GB/T 9704 §10: each skeleton says its format and
# checks clean (tests/formats.sh builds and measures them).
for fmt in letter minutes order document; do
	expect 0 "new --format $fmt" "$F" new "f-$fmt" --format "$fmt" --date 2024-03-04 -o "$T/f"
	if [ "$fmt" = document ]; then
		grep -q '^# format: document' "$T/f/f-$fmt.md" && ok || no "new --format document: the commented key"
	else
		grep -q "^format: $fmt\$" "$T/f/f-$fmt.md" && ok || no "new --format $fmt: format: $fmt"
	fi
done
# (their sample values 某某 are placeholders: filled in, clean)
for f in "$T"/f/*.md; do sed 's/某某/青禾/g' "$f" >"$f.tmp" && mv "$f.tmp" "$f"; done
expect 0 new-formats-clean "$F" check "$T/f"
[ -s "$T/out" ] && no "new --format skeletons with findings: $(head -3 "$T/out")" || ok
expect 2 new-bad-format "$F" new x --format memo -o "$T/p"
grep -q "memo" "$T/err" && [ ! -e "$T/p/x.md" ] && ok || no "new --format memo: said why, wrote nothing"

# ---- fangan calendar ----
expect 0 calendar-help "$F" calendar --help
expect 0 calendar "$F" calendar plans/
[ "$(grep -c '^BEGIN:VEVENT' "$T/out")" -eq 16 ] && ok || no "calendar: 16 events from plans/"
grep -q 'five-star-school.md has 3 errors' "$T/err" && ok || no "calendar warns about plans with errors"
cp "$T/out" "$T/cal1"
# Deterministic, and the UIDs do not depend on how the path is written.
expect 0 calendar-again "$F" calendar ./plans/
grep '^UID:' "$T/cal1" >"$T/uid1"; grep '^UID:' "$T/out" >"$T/uid2"
cmp -s "$T/uid1" "$T/uid2" && ok || no "calendar UIDs differ between runs"
[ "$(sort -u "$T/uid1" | wc -l)" -eq 16 ] && ok || no "calendar UIDs not unique"
expect 0 calendar-o "$F" calendar -o "$T/cal.ics" plans/
cmp -s "$T/cal1" "$T/cal.ics" && ok || no "calendar -o differs from stdout"
SOURCE_DATE_EPOCH=1700000000 "$F" calendar plans/five-upgrades.md 2>/dev/null |
	grep -q '^DTSTAMP:20231114T221320Z' && ok || no "SOURCE_DATE_EPOCH is the DTSTAMP"
grep -q '^DTSTAMP:20200301T000000Z' "$T/cal1" && ok || no "the plan's date is the DTSTAMP"
# A path that cannot be read: nothing written, not even -o's file.
expect 2 calendar-missing "$F" calendar -o "$T/none.ics" plans/ "$T/nonexistent.md"
[ ! -e "$T/none.ics" ] && ok || no "calendar wrote a calendar missing a plan"
expect 0 upcoming "$F" calendar --upcoming 12 --today 2020-03-20 plans/five-upgrades.md
printf '%s\n' \
	'2020-03-25 周三  报送先锋队创建申报表（市直机关各单位党组织 → 市直机关工委） plans/five-upgrades.md' \
	'2020-03-31 周二  组织实施阶段开始（至2020年11月30日） plans/five-upgrades.md' >"$T/want"
same upcoming "$T/want"
expect 0 upcoming-none "$F" calendar --upcoming 3 --today 2020-04-01 plans/five-upgrades.md
[ -s "$T/out" ] && no "upcoming listed something in an empty window" || ok
expect 0 upcoming-today "$F" calendar --upcoming 7 plans/
# Days off are marked (data/holidays.txt).
expect 0 upcoming-holiday "$F" calendar --upcoming 7 --today 2020-10-01 tests/rules/deadline-holiday.md
grep -qx '2020-10-05 周一 休（国庆节、中秋节）  报送材料 tests/rules/deadline-holiday.md' "$T/out" && ok ||
	no "upcoming marks a day off: $(cat "$T/out")"
expect 2 upcoming-bad "$F" calendar --upcoming 0 plans/
expect 2 upcoming-bad-today "$F" calendar --upcoming 3 --today 2020-13-01 plans/
expect 2 today-alone "$F" calendar --today 2020-03-01 plans/
expect 2 calendar-no-paths "$F" calendar

# ---- check --columns ----
expect 1 columns-bytes "$F" check --columns=bytes tests/rules/text-date-conflict.md
grep -q '^tests/rules/text-date-conflict.md:12:33: error' "$T/out" && ok || no "byte column: $(cat "$T/out")"
expect 1 columns-chars "$F" check --columns chars tests/rules/text-date-conflict.md
grep -q ':12:13: error' "$T/out" && ok || no "char column"
expect 2 columns-sarif "$F" check --columns=bytes --format sarif plans/
expect 2 columns-bad "$F" check --columns=cells plans/
# vim, set up as the manual says, puts the cursor on the date the
# finding is about (and reads the severity).
if optional vim "vim lands on the finding"; then
	rm -f "$T/vim"
	vim -u NONE -i NONE -N -es -c "set makeprg=$F\\ check\\ --columns=bytes\\ %" \
		-c 'set errorformat=%f:%l:%c:\ %t%*[^:]:\ %m' -c 'silent make' \
		-c "call writefile([line('.') . ':' . filter(getqflist(), 'v:val.valid')[0].type . ':' . matchstr(getline('.'), '.\\{5}', col('.') - 1)], '$T/vim')" \
		-c 'qa!' tests/rules/text-date-conflict.md >/dev/null 2>&1 </dev/null
	[ "$(cat "$T/vim" 2>/dev/null)" = "12:e:2020年" ] && ok || no "vim lands on '$(cat "$T/vim" 2>/dev/null)'"
fi

# ---- the manual agrees with --help ----
if need mandoc; then
	mandoc -Tutf8 fangan.1 | sed "s/.\x08//g" >"$T/man"
	# Every option of every --help is in the manual.
	cmds=$("$F" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on && /^  [a-z]/ { print $1 }')
	[ -n "$cmds" ] && ok || no "no commands in fangan --help"
	for c in "" $cmds; do
		"$F" $c --help | grep -oE -- '(^|[][ ,|])--?[A-Za-z][A-Za-z-]*' | sed 's/^[][ ,|]//' | sort -u |
		while read -r o; do
			grep -qE -- "(^|[^A-Za-z-])$o([^A-Za-z-]|\$)" "$T/man" || echo "$c $o"
		done
	done >"$T/missing"
	[ -s "$T/missing" ] && no "options not in fangan.1: $(tr '\n' ' ' <"$T/missing")" || ok
	# Every command of the manual is in fangan --help.
	for c in $(awk '/^\.Sh COMMANDS/ { on = 1; next } /^\.Sh/ { on = 0 } on && /^\.Ss [a-z]+$/ { print $2 }' fangan.1); do
		if echo "$cmds" | grep -qx "$c"; then ok
		elif "$F" "$c" --help >/dev/null 2>&1; then no "fangan --help does not list $c"
		else no "fangan.1 documents '$c', which this binary does not have"; fi
	done
	for c in $cmds; do
		grep -qx "\.Ss $c" fangan.1 && ok || no "fangan.1 has no section for $c"
	done
fi

finish cli
