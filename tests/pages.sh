#!/bin/sh
# Page-breaking and 版记 tests for the fangan binary given as $1 (issue
# 15): build the plans tests/pages_plans.py writes — a last paragraph of
# every length over two pages before the 附件说明 and 署名, headings of
# every level landing on every line near a page's foot, long 抄送 and
# 印发机关 — and read each PDF back with tests/layout_check.py (which
# checks, besides the grid and the 版心, that a heading keeps two lines
# and that the 署名 never stands without two lines of the body), then the
# measurements of tests/pages_check.py (版记 rows and wrapping, titles
# broken between words in a balanced shape).
F=${1:-./fangan}
. tests/lib.sh
for tool in python3 pdftotext pdfinfo pdffonts; do
	need $tool || { finish pages; exit 1; }
done

python3 tests/pages_plans.py "$T/p" || no "pages_plans.py"
"$F" build -j 2 -o "$T/out" "$T/p" >"$T/log" 2>&1 && ok || { no "the generated plans build"; head "$T/log"; }
set --
for md in "$T"/p/*.md; do
	n=$(basename "$md" .md)
	[ "$n" = a ] && continue
	set -- "$@" "$md" "$T/out/$n/$n.pdf"
done
counts "$(python3 tests/layout_check.py "$@")"
counts "$(python3 tests/pages_check.py "$T/out" "$T/p")"
counts "$(python3 tests/forms_check.py "$T/out" "$T/p/fill.md" "$T/p/paper.md")"
# The example plan the review found wasting paper: its form on page 6
# makes room for the 版记 (6 pages, was 8), and the form printed alone,
# one page, carries no page number.
"$F" build -o "$T/ex" plans/five-upgrades.md >/dev/null 2>&1 || no "five-upgrades builds"
n=$(pdfinfo "$T/ex/five-upgrades/five-upgrades.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "$n" = 6 ] && ok || no "five-upgrades.pdf has $n pages, want 6 (the 版记 under the form)"
pdftotext "$T/ex/five-upgrades/five-upgrades.pdf" - | grep -q '^— 6 —$' && ok ||
	no "five-upgrades.pdf page 6 (the form with the 版记) is numbered"
n=$(pdfinfo "$T/ex/five-upgrades/application.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "$n" = 1 ] && ! pdftotext "$T/ex/five-upgrades/application.pdf" - | grep -q '—' && ok ||
	no "the one-page form printed alone has no page number"
pdftotext "$T/out/head-1-20/head-1-20.pdf" - | grep -q '^— 1 —$' && ok || no "a plan's pages keep their numbers"
# Fonts say what they are: a role set in another style is named once per
# run (not the 黑体 and 楷体 roles, whose stand-ins are of their style), in
# Chinese under zh_CN; a fonts.map line naming a missing file stops the
# build; `fangan fonts PATH` reads the fonts/ beside PATH.
unset LC_ALL LC_MESSAGES LANGUAGE
mkdir -p "$T/fx/fonts"
cp plans/model-organ.md plans/five-upgrades.md "$T/fx/"
LANG=C "$F" build -j 2 --force -o "$T/fo" "$T/fx" >/dev/null 2>"$T/ferr"
[ "$(grep -c 'the body text should be 仿宋' "$T/ferr")" = 1 ] && ok ||
	{ no "the 仿宋 substitution is named once per run"; cat "$T/ferr"; }
grep -q 'headings should be' "$T/ferr" && no "a same-style stand-in (黑体, 楷体) is named" || ok
LANG=zh_CN.UTF-8 "$F" build --force -o "$T/fo" "$T/fx/model-organ.md" >/dev/null 2>"$T/ferr"
grep -q '^fangan: 正文应为仿宋，现由AR PL SungtiL GB（宋体）代替；把仿宋字体放入fonts/，见fonts/README.md$' "$T/ferr" &&
	ok || { no "the substitution message in Chinese"; cat "$T/ferr"; }
LANG=C "$F" build -q --force -o "$T/fo" "$T/fx/model-organ.md" >/dev/null 2>"$T/ferr"
grep -q 'should be' "$T/ferr" && no "-q keeps the font notes quiet" || ok
printf 'body = fangsong.ttf\n' >"$T/fx/fonts/fonts.map"
"$F" build -o "$T/fo2" "$T/fx/model-organ.md" >/dev/null 2>"$T/ferr"
[ $? -eq 2 ] && grep -q "fonts.map第1行：找不到字体文件“$T/fx/fonts/fangsong.ttf”" "$T/ferr" &&
	[ ! -e "$T/fo2/model-organ/model-organ.pdf" ] && ok ||
	{ no "a fonts.map line naming a missing file stops the build"; cat "$T/ferr"; }
printf 'body = /usr/share/fonts/truetype/arphic/ukai.ttc\n' >"$T/fx/fonts/fonts.map"
"$F" fonts "$T/fx" | grep -q "^mapping file: $T/fx/fonts/fonts.map$" && ok ||
	no "fangan fonts DIR reads the fonts/ beside the plans"
"$F" fonts "$T/fx/model-organ.md" | grep -q "^mapping file: $T/fx/fonts/fonts.map$" && ok ||
	no "fangan fonts PLAN reads the fonts/ beside the plan"
# A traditional 楷体 heading is drawn in 楷体 (UKai), not in UMing.
"$F" build -o "$T/fo3" "$T/p/kai.md" >/dev/null 2>&1
pdffonts "$T/fo3/kai/kai.pdf" >"$T/ff" 2>&1
grep -q 'UKai' "$T/ff" && ! grep -q 'UMing' "$T/ff" && ok ||
	{ no "a traditional 楷体 heading in UKai, no UMing"; cat "$T/ff"; }
finish pages
