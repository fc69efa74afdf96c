#!/bin/sh
# The forms, ledgers and score sheets as DOCX (fangan binary as $1):
# every OUTDIR/NAME/ID.docx and units/ID-UNIT.docx is opened with
# python-docx (tests/docx_forms_check.py: a fixed table with its
# tblGrid, the layout's column widths, labels in their cells, the
# unit's name in its cell and the other value cells empty, header rows
# repeated, ledgers in a landscape section), then converted by
# LibreOffice in one soffice call (a profile of its own; the GB/T 9704
# families mapped to the free fonts our PDF uses, as in docx_office.sh)
# into a copy of the output tree, where tests/forms_check.py measures
# the converted PDFs as it measures ours: labels and unit names inside
# their cells, no text across a rule or outside the 版心 (portrait or
# landscape), the header row first on every ledger page, the score
# sheet's total and bands, a sign box's 盖章 over its date.  Each
# converted file has as many pages as our PDF of it, and so has each
# whole NAME.docx (its forms included).
F=${1:-./fangan}
. tests/lib.sh
need soffice || { finish docxforms; exit 1; }
need pdfinfo
need qpdf
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import docx, yaml' || { no "python3-docx and python3-yaml are needed (make deps)"; finish docxforms; exit 1; }

PLANS="plans/five-upgrades.md plans/model-demonstration.md plans/model-organ.md
plans/five-star-service.md tests/plans/forms.md tests/plans/long-forms.md tests/plans/tables.md"
# shellcheck disable=SC2086
"$F" build -j 1 -o "$T/out" $PLANS >"$T/log" 2>"$T/err"
[ $? -eq 0 ] && ok || { no "build exits 0"; cat "$T/err"; }

# python-docx: the files themselves.
# shellcheck disable=SC2086
counts "$("$PY" tests/docx_forms_check.py "$T/out" $PLANS)"

# LibreOffice: each DOCX under a flat name (NAME--ID, NAME--units--ID-UNIT),
# converted at once, the PDF put back in a copy of the tree.
mkdir -p "$T/flat" "$T/conv"
cp -r "$T/out" "$T/lo"
find "$T/lo" -name '*.pdf' -delete
find "$T/out" -name '*.docx' | while read -r f; do
	rel=${f#"$T/out/"}
	flat=$(echo "${rel%.docx}" | sed 's|/|--|g')
	cp "$f" "$T/flat/$flat.docx"
done
cat >"$T/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
XML
for pair in "仿宋_GB2312:AR PL SungtiL GB" "方正小标宋简体:AR PL SungtiL GB" \
	"楷体_GB2312:AR PL KaitiM GB" "黑体:WenQuanYi Zen Hei" "宋体:AR PL UMing CN"; do
	cat >>"$T/fonts.conf" <<XML
  <match target="pattern"><test name="family"><string>${pair%%:*}</string></test>
    <edit name="family" mode="assign" binding="strong"><string>${pair#*:}</string></edit></match>
XML
done
echo "</fontconfig>" >>"$T/fonts.conf"
FONTCONFIG_FILE=$T/fonts.conf soffice -env:UserInstallation=file://$T/profile --headless \
	--convert-to pdf --outdir "$T/conv" "$T"/flat/*.docx >"$T/soffice.log" 2>&1
n=0
for f in "$T"/flat/*.docx; do
	b=$(basename "$f" .docx)
	rel=$(echo "$b" | sed 's|--|/|g')
	conv="$T/conv/$b.pdf"
	[ -s "$conv" ] && ok || { no "LibreOffice converted $rel.docx"; continue; }
	n=$((n + 1))
	cp "$conv" "$T/lo/$rel.pdf"
	ours=$(pdfinfo "$T/out/$rel.pdf" | awk '/^Pages:/ { print $2 }')
	theirs=$(pdfinfo "$conv" | awk '/^Pages:/ { print $2 }')
	[ "$ours" = "$theirs" ] && ok || no "$rel: LibreOffice sets $theirs pages of the DOCX where our PDF has $ours"
done
[ "$n" -gt 50 ] && ok || no "only $n DOCX files converted"
# The converted attachments measured like our own PDFs.
# shellcheck disable=SC2086
counts "$(python3 tests/forms_check.py --docx "$T/lo" $PLANS)"
finish docxforms
