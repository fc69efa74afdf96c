#!/bin/sh
# DOCX tests for the fangan binary given as $1: build the example and
# test plans, open every NAME.docx with python-docx (tests/docx_check.py:
# page, grid, styles and fonts, footers, table grids, the text against
# the plan), check the ZIP, and that the same inputs give the same bytes
# whatever the time zone, with member times from SOURCE_DATE_EPOCH or
# the plan's date.
F=${1:-./fangan}
. tests/lib.sh
need unzip
# python-docx is the Debian package (python3-docx), for the system python.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import docx, yaml' || { no "python3-docx and python3-yaml are needed (make deps)"; finish docx; exit 1; }

PLANS="plans/five-upgrades.md plans/model-demonstration.md plans/model-organ.md plans/five-star-service.md
tests/plans/elements.md tests/plans/tables.md tests/plans/text-attachment.md tests/plans/traditional.md"
# shellcheck disable=SC2086
"$F" build -j 1 -o "$T/out" $PLANS >"$T/log" 2>"$T/err"
[ $? -eq 0 ] && ok || { no "build exits 0"; cat "$T/err"; }
for md in $PLANS; do
	n=$(basename "$md" .md)
	f="$T/out/$n/$n.docx"
	[ -s "$f" ] && ok || { no "$f missing"; continue; }
	grep -qx "$f" "$T/log" && ok || no "$n.docx is reported"
	unzip -tq "$f" >/dev/null 2>&1 && ok || no "$n.docx: unzip -t"
	[ "$(unzip -Z1 "$f" | head -1)" = "[Content_Types].xml" ] && ok || no "$n.docx: [Content_Types].xml first"
	out=$("$PY" tests/docx_check.py "$md" "$f")
	p=$(echo "$out" | sed -n 's/^docx: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
	f2=$(echo "$out" | sed -n 's/^docx: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
	pass=$((pass + ${p:-0})); fail=$((fail + ${f2:-1}))
	[ "${f2:-1}" -eq 0 ] || echo "$out" | grep -v '^docx:' | head -20
done
ls "$T/out"/*/*.tmp* >/dev/null 2>&1 && no "temporary files left" || ok

# Member times: the plan's date (2020-03-01), or SOURCE_DATE_EPOCH.
unzip -Z -T "$T/out/five-upgrades/five-upgrades.docx" | grep -q ' 20200301.000000 ' && ok ||
	no "member times are the plan's date"
SOURCE_DATE_EPOCH=1700000000 "$F" build -j 1 --force -o "$T/sde" plans/five-upgrades.md >/dev/null 2>&1
unzip -Z -T "$T/sde/five-upgrades/five-upgrades.docx" | grep -q ' 20231114.000000 ' && ok ||
	no "member times from SOURCE_DATE_EPOCH"
# Same bytes in another time zone and another run.
TZ=Asia/Shanghai "$F" build -j 1 --force -o "$T/tz" plans/five-upgrades.md >/dev/null 2>&1
cmp -s "$T/out/five-upgrades/five-upgrades.docx" "$T/tz/five-upgrades/five-upgrades.docx" && ok ||
	no "the same DOCX bytes in another time zone"

# --format: what is written; a build in another format is not "up to date".
"$F" build -j 1 -o "$T/fmt" --format docx plans/five-upgrades.md >"$T/f1" 2>&1
[ $? -eq 0 ] && [ -s "$T/fmt/five-upgrades/five-upgrades.docx" ] && ok || no "--format docx writes NAME.docx"
[ ! -e "$T/fmt/five-upgrades/five-upgrades.pdf" ] && ok || no "--format docx writes no PDF"
grep -q '\.pdf' "$T/f1" && no "--format docx names no PDF" || ok
"$F" build -j 1 -o "$T/fmt" --format pdf plans/five-upgrades.md >"$T/f2" 2>&1
[ -s "$T/fmt/five-upgrades/five-upgrades.pdf" ] && ok || no "--format pdf after docx builds the PDF"
grep -q 'five-upgrades.docx' "$T/f2" && no "--format pdf writes no DOCX" || ok
"$F" build -j 1 -o "$T/fmt2" --format pdf,docx plans/five-upgrades.md >/dev/null 2>&1
[ -s "$T/fmt2/five-upgrades/five-upgrades.pdf" ] && [ -s "$T/fmt2/five-upgrades/five-upgrades.docx" ] &&
	ok || no "--format pdf,docx writes both"
"$F" build -j 1 -o "$T/fmt2" -v --format docx,pdf plans/five-upgrades.md >"$T/f3" 2>&1
grep -q 'five-upgrades.pdf (up to date)' "$T/f3" && ok || no "docx,pdf is pdf,docx: up to date"
for bad in bogus pdf, ,docx pdf,,docx PDF ""; do
	"$F" build -o "$T/bad" --format "$bad" plans/five-upgrades.md >"$T/b" 2>&1
	[ $? -eq 2 ] && grep -q -- '--format wants pdf, docx or pdf,docx' "$T/b" && ok ||
		no "--format '$bad' is refused (exit 2, a message)"
done
[ ! -e "$T/bad" ] && ok || no "nothing written after a bad --format"
# -j: the same DOCX bytes from -j 1 and -j 2.
# shellcheck disable=SC2086
"$F" build -j 2 -o "$T/j2" $PLANS >/dev/null 2>&1
same=1
for md in $PLANS; do
	n=$(basename "$md" .md)
	cmp -s "$T/out/$n/$n.docx" "$T/j2/$n/$n.docx" || { same=0; echo "differs: $n.docx"; }
done
[ $same -eq 1 ] && ok || no "-j 2 writes the same DOCX bytes as -j 1"
# A 发文机关标志 the layout squeezed (长体, PDF Tz) is squeezed in Word too
# (w:w, never wider than laid out); an unsqueezed one has no w:w.
mkdir -p "$T/sq"
sed 's/^issuer: .*/issuer: 中共某某市直属机关工作委员会某某某某办公室联合工作领导小组/' \
	plans/five-upgrades.md >"$T/sq/sq.md"
"$F" build -q --format pdf,docx -o "$T/sq/out" "$T/sq/sq.md" >/dev/null 2>&1
tz=$(qpdf --qdf --object-streams=disable "$T/sq/out/sq/sq.pdf" - 2>/dev/null | sed -n 's/^\([0-9.]*\) Tz$/\1/p' | head -1)
ww=$(unzip -p "$T/sq/out/sq/sq.docx" word/document.xml | sed -n 's/.*<w:w w:val="\([0-9]*\)"\/>.*/\1/p' | head -1)
[ -n "$tz" ] && [ -n "$ww" ] && [ "$ww" -le "${tz%.*}" ] && [ "$ww" -ge $(( ${tz%.*} - 1 )) ] && ok ||
	no "squeezed 标志: PDF Tz '$tz', DOCX w:w '$ww'"
unzip -p "$T/out/five-upgrades/five-upgrades.docx" word/document.xml | grep -q '<w:w ' &&
	no "five-upgrades.docx: no character scale" || ok
finish docx
