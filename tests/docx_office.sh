#!/bin/sh
# The DOCX proved from outside: every NAME.docx of plans/ and the test
# plans (the 版头 and signature layouts of tests/plans/formats too) is
# converted by LibreOffice (soffice --headless, one call for
# all of them, with a profile of its own so that parallel runs do not
# collide) and the converted PDF is measured with the checks of our own
# PDFs (tests/layout_check.py --docx): edges, 28 characters a line, the
# grid, 22 lines a full page, page numbers, the 版头 and red line, the
# text paragraph by paragraph; a 信函's 版头 (tests/docx_formats_check.py).
# The page count is compared with our PDF
# up to the first form, ledger or score sheet (their pages come with the
# attachments' DOCX writer).
#
# The GB/T 9704 fonts (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312,
# 宋体) are licensed and not installed here; fonts/fontconfig.conf (the
# file README offers LibreOffice users) maps them to the free fonts
# fangan's own PDF uses for them, as an office's installed fonts would
# serve them — so LibreOffice sets the same
# characters in the same widths, and any difference is the document's.
F=${1:-./fangan}
. tests/lib.sh
need soffice || { finish office; exit 1; }
need pdftotext
need pdfinfo

PLANS="plans/five-upgrades.md plans/model-demonstration.md plans/model-organ.md plans/five-star-service.md"
for md in tests/plans/*.md tests/plans/formats/*.md; do
	case $md in *glyph-missing*) continue ;; esac
	PLANS="$PLANS $md"
done
# shellcheck disable=SC2086
"$F" build -j 1 -o "$T/out" $PLANS >"$T/log" 2>"$T/err"
[ $? -le 1 ] && ok || { no "build"; cat "$T/err"; }
cat >"$T/fonts.conf" <<XML
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <include>$(pwd)/fonts/fontconfig.conf</include>
</fontconfig>
XML
# Why the grid is `lines`, not `linesAndChars` (README, docx_sect.c):
# five-upgrades.docx with the character grid Word would need for 28 a
# line (charSpace -842: 16 pt less 842/4096 pt = 15.794 pt a cell) and
# without the body's 0.3 pt squeeze.  LibreOffice gives each character
# ceil(its 16 pt advance / 15.79 pt) = 2 cells, 14 a line; the day it
# sets 28, this check fails and the DOCX can take the character grid.
mkdir -p "$T/out/grid-probe"
python3 - "$T/out/five-upgrades/five-upgrades.docx" "$T/out/grid-probe/grid-probe.docx" <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for item in src.infolist():
    data = src.read(item.filename).decode("utf-8")
    if item.filename == "word/document.xml":
        data = data.replace('w:type="lines" w:linePitch="579"/>',
                            'w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>')
    if item.filename == "word/styles.xml":
        data = data.replace('<w:spacing w:val="-6"/>', "")
    dst.writestr(item.filename, data)
dst.close()
PY
mkdir -p "$T/conv"
FONTCONFIG_FILE=$T/fonts.conf soffice -env:UserInstallation=file://$T/profile --headless \
	--convert-to pdf --outdir "$T/conv" "$T"/out/*/*.docx >"$T/soffice.log" 2>&1
# (the longest line of its page 2, all body text, in characters)
probe=$(pdftotext -f 2 -l 2 "$T/conv/grid-probe.pdf" - 2>/dev/null |
	python3 -c 'import sys; print(max(len(l.strip().replace(" ", "")) for l in sys.stdin))')
[ "${probe:-0}" -ge 13 ] && [ "$probe" -le 15 ] && ok ||
	no "LibreOffice sets a linesAndChars 3号 line of ${probe:-no} characters, not 14: try the character grid"

args=""
for md in $PLANS; do
	n=$(basename "$md" .md)
	[ -f "$T/out/$n/$n.docx" ] || continue
	conv="$T/conv/$n.pdf"
	[ -s "$conv" ] && ok || { no "LibreOffice converted $n.docx"; cat "$T/soffice.log"; continue; }
	args="$args $md $conv"
	ours=$(pdfinfo "$T/out/$n/$n.pdf" | sed -n 's/^Pages: *//p')
	theirs=$(pdfinfo "$conv" | sed -n 's/^Pages: *//p')
	[ -n "$ours" ] && [ "$ours" = "$theirs" ] && ok ||
		no "$n: LibreOffice sets $theirs pages of the DOCX where our PDF has $ours"
done
# A 信函's 标志 and double lines, on the paper above and below the
# 版心 (§10.1), measured as tests/formats_check.py measures our PDF.
[ -s "$T/conv/letter.pdf" ] && ok || no "the 信函 converted"
counts "$(python3 tests/docx_formats_check.py tests/plans/formats/letter.md "$T/conv/letter.pdf")"
# shellcheck disable=SC2086
out=$(python3 tests/layout_check.py --docx $args)
p=$(echo "$out" | sed -n 's/^layout: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
f=$(echo "$out" | sed -n 's/^layout: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))
[ "${f:-1}" -eq 0 ] || echo "$out" | grep -v '^layout:' | head -40
finish office
