#!/bin/sh
# Build tests for the fangan binary given as $1: render the example plans
# and test plans, then read every PDF back (tests/layout_check.py: margins,
# grid, characters per line, 禁则, page numbers, header, text equal to the
# source; tests/forms_check.py: forms, ledgers and score sheets against
# their rules, the files per attachment and per unit), check it with qpdf
# and pdffonts, and check what must not build (bad templates included).
F=${1:-./fangan}
# Messages in English (the catalogues are tested by tests/i18n.sh).
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
. tests/lib.sh

"$F" build -o "$T/out" plans/ tests/plans/traditional.md tests/plans/astral.md tests/plans/text-attachment.md tests/plans/forms.md tests/plans/long-forms.md tests/plans/tables.md >"$T/log" 2>"$T/err"
[ $? -eq 1 ] && ok || no "build of plans/ exits 1 (five-star-school has errors)"
grep -q 'five-star-school.md: has errors; no file of it written' "$T/err" && ok || no "the plan with errors is named"
[ ! -e "$T/out/five-star-school" ] && ok || no "no output for a plan with errors"
# Whatever the format asked: the message says no file (it said "no PDF"
# for --format docx).
"$F" build --format docx -o "$T/outd" plans/five-star-school.md >/dev/null 2>"$T/err"
[ $? -eq 1 ] && grep -qx "fangan: plans/five-star-school.md: has errors; no file of it written" "$T/err" &&
	[ ! -e "$T/outd/five-star-school" ] && ok || no "--format docx of a plan with errors: $(cat "$T/err")"
ls "$T/out"/*/*.tmp* >/dev/null 2>&1 && no "temporary files left" || ok

for md in plans/*.md tests/plans/traditional.md tests/plans/astral.md tests/plans/text-attachment.md tests/plans/forms.md \
	tests/plans/long-forms.md tests/plans/tables.md; do
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

# Attachments: every one alone, forms per unit, tables read back against
# their rules (forms_check.py).
counts() { # add "X: N passed, M failed" from $1 to the totals
	p=$(echo "$1" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
	f=$(echo "$1" | sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
	pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))
	[ "${f:-1}" -eq 0 ] || echo "$1" | grep -v '^[a-z]*: [0-9]* passed' | head -20
}
counts "$(python3 tests/forms_check.py "$T/out" plans/five-upgrades.md plans/model-demonstration.md \
	plans/model-organ.md plans/five-star-service.md tests/plans/text-attachment.md tests/plans/forms.md \
	tests/plans/long-forms.md tests/plans/tables.md)"
grep -q "^$T/out/forms/units/apply-\*.pdf (30 copies)$" "$T/log" && ok || no "30 unit copies reported"
[ "$(ls "$T/out/forms/units"/*.pdf | wc -l)" -eq 30 ] && ok || no "one PDF per unit"
grep -q "^$T/out/forms/units/apply-\*.docx (30 copies)$" "$T/log" && ok || no "30 unit DOCX copies reported"
[ "$(ls "$T/out/forms/units"/*.docx | wc -l)" -eq 30 ] && ok || no "one DOCX per unit"
[ -f "$T/out/forms/_._deadlines.pdf" ] && ok || no "an attachment id ../deadlines is made safe"
[ "$(pdfinfo "$T/out/forms/units-ledger.pdf" | sed -n 's/^Pages: *//p')" -ge 3 ] && ok ||
	no "the ledger of 30 units takes 3 pages"
[ "$(pdfinfo "$T/out/five-upgrades/application.pdf" | sed -n 's/^Pages: *//p')" -eq 1 ] && ok ||
	no "the five-upgrades form fits one page"
[ "$(pdfinfo "$T/out/long-forms/squeeze.pdf" | sed -n 's/^Pages: *//p')" -eq 1 ] && ok ||
	no "a form that fits one page with its lines squeezed is one page"
[ "$(pdfinfo "$T/out/long-forms/long.pdf" | sed -n 's/^Pages: *//p')" -eq 3 ] && ok ||
	no "a form of 43 lines breaks between rows over 3 pages"
[ "$(pdfinfo "$T/out/long-forms/huge.pdf" | sed -n 's/^Pages: *//p')" -eq 2 ] && ok ||
	no "a box of 40 lines is kept to the first page"
pdftotext -f 1 -l 1 "$T/out/five-upgrades/application.pdf" - | grep -q '^市直工〔2020〕5号附件$' && ok ||
	no "an attachment alone is labelled with the 发文字号 (GB/T 9704 §7.3.7)"

# Templates: a broken one fails the build at its line; a name with a path
# is refused; a named one that is not there is reported; notice.xml moves
# the page.
mkdir -p "$T/tpl/templates"
cp tests/plans/forms.md "$T/tpl/plan.md"
printf '<?xml version="1.0"?>\n<form>\n  <label font="Arial"/>\n</form>\n' >"$T/tpl/templates/form-filler.xml"
"$F" build -o "$T/o3" "$T/tpl/plan.md" >/dev/null 2>"$T/err"
[ $? -eq 1 ] && grep -q "^$T/tpl/templates/form-filler.xml:3:10: error: 模板中<label font=\"Arial\">的值无法使用：应为字体：.* \[template\]$" "$T/err" &&
	[ ! -e "$T/o3/plan/plan.pdf" ] && ok || { no "a template against the schema fails at its line"; cat "$T/err"; }
printf '<?xml version="1.0"?>\n<form>\n  <label font="黑体"\n</form>\n' >"$T/tpl/templates/form-filler.xml"
"$F" build -o "$T/o3" "$T/tpl/plan.md" >/dev/null 2>"$T/err"
[ $? -eq 1 ] && grep -q "^$T/tpl/templates/form-filler.xml:4:[0-9]*: error: 模板不是格式正确的XML：" "$T/err" && ok ||
	{ no "a template that is not XML fails at its line"; cat "$T/err"; }
sed 's|template: form-filler.xml|template: ../templates/form.xml|' tests/plans/forms.md >"$T/tpl/plan.md"
"$F" check "$T/tpl/plan.md" >"$T/log" 2>&1
[ $? -eq 1 ] && grep -q "plan.md:[0-9]*:[0-9]*: error: 模板“../templates/form.xml”应是templates/文件夹中的文件名.*\[template\]" "$T/log" && ok ||
	{ no "a template path is refused"; cat "$T/log"; }
sed 's|template: form-filler.xml|template: nosuch.xml|' tests/plans/forms.md >"$T/tpl/plan.md"
"$F" build -o "$T/o3" "$T/tpl/plan.md" >/dev/null 2>"$T/err"
[ $? -eq 1 ] && grep -q "error: 找不到模板“nosuch.xml”" "$T/err" && ok || { no "a missing template is named"; cat "$T/err"; }
# The resolve pass loads templates, so check reports what build would.
grep '\[template\]$' "$T/err" >"$T/build-tpl"
"$F" check "$T/tpl/plan.md" >"$T/log" 2>/dev/null
[ $? -eq 1 ] && [ -s "$T/build-tpl" ] && grep '\[template\]$' "$T/log" | cmp -s - "$T/build-tpl" && ok ||
	{ no "check reports the template findings build does"; cat "$T/log" "$T/build-tpl"; }
cp plans/model-demonstration.md "$T/tpl/plan.md"
printf '<?xml version="1.0"?>\n<notice>\n  <body left="30mm" width="150mm"/>\n</notice>\n' >"$T/tpl/templates/notice.xml"
"$F" build -o "$T/o3" "$T/tpl/plan.md" >/dev/null 2>"$T/err"
x=$(pdftotext -f 2 -l 2 -bbox "$T/o3/plan/plan.pdf" - | sed -n 's/.*<word xMin="\([0-9.]*\)".*/\1/p' | sort -n | head -1)
awk -v x="$x" 'BEGIN { exit !(x > 84.5 && x < 85.5) }' && ok || no "notice.xml moves the 版心 (left edge $x, want 85.04)"
printf '<?xml version="1.0"?>\n<notice>\n  <body left="-30mm"/>\n</notice>\n' >"$T/tpl/templates/notice.xml"
"$F" build -o "$T/o3" "$T/tpl/plan.md" >/dev/null 2>"$T/err"
grep '\[template\]$' "$T/err" >"$T/build-tpl"
"$F" check "$T/tpl/plan.md" >"$T/log" 2>/dev/null
[ $? -eq 1 ] && grep -q "^$T/tpl/templates/notice.xml:3:" "$T/log" &&
	grep '\[template\]$' "$T/log" | cmp -s - "$T/build-tpl" && ok ||
	{ no "check reports a broken notice.xml as build does"; cat "$T/log" "$T/build-tpl"; }
# A value within the schema's range that puts the 标志 off the page: a
# finding at the value, and neither PDF nor DOCX (issue 16).
printf '<?xml version="1.0"?>\n<notice>\n  <page width="210mm"\n        height="297mm"/>\n  <header\n     top="5000mm"/>\n</notice>\n' >"$T/tpl/templates/notice.xml"
rm -rf "$T/o4"
"$F" build -o "$T/o4" "$T/tpl/plan.md" >/dev/null 2>"$T/err"
[ $? -eq 1 ] && grep -qx "$T/tpl/templates/notice.xml:6:6: error: 模板中<header>的top为5000.0mm，发文机关标志、红色分隔线和标题会排到版心之外：请把top改为不超过145.9mm \[template\]" "$T/err" &&
	[ ! -e "$T/o4/plan/plan.pdf" ] && [ ! -e "$T/o4/plan/plan.docx" ] && ok ||
	{ no "a 标志 off the page is a finding at its value, nothing written"; cat "$T/err"; ls -R "$T/o4"; }

# Numbers: a run-in （一） counts, so the unnumbered ### after it is
# （二） in the PDF, and check (which reads the same numbers) is content.
mkdir -p "$T/num"
cat >"$T/num/plan.md" <<'MD'
---
title: 关于开展编号测试活动的实施方案
issuer: 中共某某市直属机关工作委员会
doc_number: 市直工〔2020〕5号
date: 2020-03-01
---

## 一、总体要求

**（一）工作目标。**通过活动，提升机关党建质量。

### 基本原则

坚持问题导向。
MD
"$F" check "$T/num/plan.md" >"$T/log" 2>&1 && ok || { no "the numbering plan checks clean"; cat "$T/log"; }
"$F" build -o "$T/o4" "$T/num/plan.md" >/dev/null 2>"$T/err" && ok || { no "the numbering plan builds"; cat "$T/err"; }
pdftotext "$T/o4/plan/plan.pdf" "$T/num.txt"
grep -q '^（二）基本原则$' "$T/num.txt" && [ "$(grep -c '（一）' "$T/num.txt")" -eq 1 ] && ok ||
	{ no "an unnumbered heading after a run-in （一） is （二）"; cat "$T/num.txt"; }

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

# Long names: an 84-character plan name, a 50-character id and a
# 50-character unit are cut between characters, within NAME_MAX with the
# temporary file's suffix (tests/test_fname.c: the characters).
mkdir -p "$T/long/templates"
cp tests/plans/templates/form-filler.xml "$T/long/templates/"
long=$(printf '长%.0s' $(seq 84))
id50=$(printf '表%.0s' $(seq 50))
unit50=$(printf '位%.0s' $(seq 50))
sed -e "s/^  - id: apply\$/  - id: $id50/" -e "s/form: apply\$/form: $id50/" -e "s/^  - 市财政局机关党委\$/  - $unit50/" tests/plans/forms.md >"$T/long/$long.md"
"$F" build -o "$T/lo" "$T/long/$long.md" >"$T/log" 2>&1
[ $? -eq 0 ] && ok || { no "a plan with long names builds"; cat "$T/log"; }
n=$(ls "$T/lo")
[ ${#n} -gt 0 ] && [ "$(printf %s "$n" | wc -c)" -le 200 ] && printf %s "$n" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 &&
	ok || no "the output folder's name is cut between characters: $n"
# The ID is cut first (to 20 characters) so the unit's name keeps the rest.
ls "$T/lo/$n/units" | grep -q "^$(printf '表%.0s' $(seq 20))-$(printf '位%.0s' $(seq 46))\.pdf\$" && ok ||
	{ no "units/ID-UNIT.pdf cut to 200 bytes between characters"; ls "$T/lo/$n/units" | head -3; }
[ -z "$(ls -A "$T/lo/$n" "$T/lo/$n/units" | grep '^\.' | grep -vx '\.fangan-stamp')" ] && ok || no "temporary files left"

finish build
