#!/bin/sh
# Build tests for the fangan binary given as $1: render the example plans
# and test plans, then read every PDF back (tests/layout_check.py: margins,
# grid, characters per line, 禁则, page numbers, header, text equal to the
# source), check it with qpdf and pdffonts, and check what must not build.
F=${1:-./fangan}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }

"$F" build -o "$T/out" plans/ tests/plans/traditional.md tests/plans/astral.md tests/plans/text-attachment.md >"$T/log" 2>"$T/err"
[ $? -eq 1 ] && ok || no "build of plans/ exits 1 (five-star-school has errors)"
grep -q 'five-star-school.md: 有错误，未生成PDF' "$T/err" && ok || no "the plan with errors is named"
[ ! -e "$T/out/five-star-school" ] && ok || no "no output for a plan with errors"
ls "$T/out"/*/*.tmp* >/dev/null 2>&1 && no "temporary files left" || ok

for md in plans/*.md tests/plans/traditional.md tests/plans/astral.md tests/plans/text-attachment.md; do
	n=$(basename "$md" .md)
	pdf="$T/out/$n/$n.pdf"
	[ "$n" = five-star-school ] && continue
	[ -s "$pdf" ] && ok || { no "$pdf missing"; continue; }
	qpdf --check "$pdf" >/dev/null 2>&1 && ok || no "qpdf --check $n"
	if pdffonts "$pdf" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes") { bad = 1 } END { exit bad }'; then
		ok
	else
		no "$n: a font not embedded or not subset"; pdffonts "$pdf"
	fi
	out=$(python3 tests/layout_check.py "$md" "$pdf")
	p=$(echo "$out" | sed -n 's/^layout: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
	f=$(echo "$out" | sed -n 's/^layout: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
	pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))
	[ "${f:-1}" -eq 0 ] || echo "$out" | grep -v '^layout:' | head -20
done

# A character no font has: glyph-missing at its place, and no PDF.
"$F" build -o "$T/out" tests/plans/glyph-missing.md >/dev/null 2>"$T/err"
[ $? -eq 1 ] && ok || no "glyph-missing exits 1"
grep -q 'tests/plans/glyph-missing.md:8:12: error: 字符“.*”（U+E000）没有任何已配置的body字体能够显示 \[glyph-missing\]' "$T/err" && ok ||
	{ no "glyph-missing finding"; cat "$T/err"; }
[ ! -e "$T/out/glyph-missing/glyph-missing.pdf" ] && ok || no "no PDF with a missing glyph"

# A text attachment's file must stay in the plan's folder.
sed 's|file: attachments/rules.md|file: ../../etc/passwd|' tests/plans/text-attachment.md >"$T/evil.md"
"$F" check "$T/evil.md" >"$T/log" 2>/dev/null
[ $? -eq 1 ] && grep -q '附件文件“../../etc/passwd”必须是方案所在文件夹内的相对路径 \[attachment-ref\]' "$T/log" && ok ||
	{ no "an attachment file outside the plan's folder is refused"; cat "$T/log"; }

# Output names cannot leave the output folder.
mkdir -p "$T/evil"
cp plans/model-demonstration.md "$T/evil/..md"
"$F" build -o "$T/o2" "$T/evil/..md" >/dev/null 2>&1
[ -z "$(find "$T" -maxdepth 1 -name '*.pdf')" ] && [ -n "$(find "$T/o2" -name '*.pdf')" ] && ok ||
	no "a plan named ..md stays inside the output folder"

echo "build: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
