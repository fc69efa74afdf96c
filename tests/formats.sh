#!/bin/sh
# The GB/T 9704 layouts of issue 12 for the fangan binary given as $1:
# build every plan of tests/plans/formats/ (sealed, unsealed, 签名章,
# 签发人, joint issuance sealed and not, 信函, 纪要, 命令) and measure each
# PDF (tests/formats_check.py: 标志, lines, 签发人, 署名, seal places and
# dates in mm against the standard's numbers; tests/layout_check.py: the
# grid, the 版心 and the text read back).  The seal places are drawn for
# the measurement by templates that say <seal guide="true"/> (the shipped
# letter.xml with that line added); built with the shipped templates, no
# seal place is drawn.
F=${1:-./fangan}
. tests/lib.sh
for tool in python3 pdftotext qpdf; do
	need $tool || { finish formats; exit 1; }
done

mkdir -p "$T/p/templates"
cp tests/plans/formats/*.md "$T/p/"
printf '<?xml version="1.0"?>\n<notice>\n  <seal guide="true"/>\n</notice>\n' >"$T/p/templates/notice.xml"
sed 's|^  <page-number|  <seal guide="true"/>\n  <page-number|' templates/letter.xml >"$T/p/templates/letter.xml"
grep -q 'guide="true"' "$T/p/templates/letter.xml" && ok || no "the guide added to letter.xml"

# Every variant passes check with no finding at all.
out=$("$F" check tests/plans/formats/ 2>&1)
[ $? -eq 0 ] && [ -z "$(echo "$out" | grep -v '^fangan: ')" ] && ok || { no "the variants check clean"; echo "$out"; }

"$F" build -o "$T/out" "$T/p" >"$T/log" 2>&1 && ok || { no "the variants build"; cat "$T/log"; }
counts "$(python3 tests/formats_check.py "$T/out" "$T/p")"
set --
for md in "$T"/p/*.md; do
	n=$(basename "$md" .md)
	set -- "$@" "$md" "$T/out/$n/$n.pdf"
done
counts "$(python3 tests/layout_check.py "$@")"

# With the shipped templates the seal places are kept, not drawn.
"$F" build -o "$T/plain" tests/plans/formats/ >/dev/null 2>&1 && ok || no "the variants build with the shipped templates"
for n in sealed joint letter signed; do
	qpdf --qdf --object-streams=disable "$T/plain/$n/$n.pdf" "$T/q.pdf"
	grep -aq ' re$' "$T/q.pdf" && no "$n: a seal place drawn without guide" || ok
done
# fangan new --format: each skeleton builds in its layout and reads back.
set --
for fmt in letter minutes order; do
	"$F" new "$fmt" --format $fmt --date 2024-03-04 -o "$T/new" >/dev/null 2>&1 || no "new --format $fmt"
	set -- "$@" "$T/new/$fmt.md" "$T/newout/$fmt/$fmt.pdf"
done
"$F" build -o "$T/newout" "$T/new" >/dev/null 2>&1 && ok || no "the new --format skeletons build"
counts "$(python3 tests/layout_check.py "$@")"
pdftotext "$T/newout/letter/letter.pdf" - | grep -q '文件' && no "the 信函 skeleton's 标志 says 文件" || ok
pdftotext "$T/newout/minutes/minutes.pdf" - | grep -q '^出席：' && ok || no "the 纪要 skeleton lists 出席"
pdftotext "$T/newout/order/order.pdf" - | grep -q '^某某单位令$' && ok || no "the 命令 skeleton's 标志"
finish formats
