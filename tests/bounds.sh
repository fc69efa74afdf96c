#!/bin/sh
# Bounded work for any input (issue 16.5), for the fangan binary given as
# $1: every case ends under `timeout` with the exact message or result.
# The large-body case is sized so that the old quadratic page drawing
# (every line scanned for every page) went over its limit with the plain
# binary; the sanitizer binary, several times slower, gets a third of the
# body and a wider limit.
F=${1:-./fangan}
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
. tests/lib.sh
need pdfinfo && need pdftotext && need pdffonts || { finish bounds; exit; }

# A FIFO given as a plan, a text attachment or fonts.map is refused at
# once (it used to wait for a writer until killed).
mkfifo "$T/fifo.md" "$T/rules.md" && mkdir -p "$T/fm/fonts" && mkfifo "$T/fm/fonts/fonts.map" || no "mkfifo"
timeout 5 "$F" check "$T/fifo.md" >"$T/log" 2>&1
rc=$?
[ $rc -eq 2 ] && grep -qx "fangan: $T/fifo.md: not a regular file (a FIFO, device or socket); fangan reads only regular files" "$T/log" &&
	ok || { no "a FIFO as the plan: exit 2 at once with a message (exit $rc)"; cat "$T/log"; }
sed 's|attachments/rules.md|rules.md|' tests/plans/text-attachment.md >"$T/att.md"
timeout 5 "$F" check "$T/att.md" >"$T/log" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -qF "$T/att.md:11:5: error: 附件文件“rules.md”无法读取：not a regular file (a FIFO, device or socket); fangan reads only regular files [attachment-ref]" "$T/log" &&
	ok || { no "a FIFO as a text attachment: a finding at its file: (exit $rc)"; cat "$T/log"; }
timeout 5 "$F" fonts --fonts "$T/fm/fonts" >"$T/log" 2>&1
rc=$?
grep -qx "fangan: $T/fm/fonts/fonts.map: not a regular file (a FIFO, device or socket); fangan reads only regular files" "$T/log" &&
	ok || { no "a FIFO as fonts.map: refused at once (exit $rc)"; cat "$T/log"; }

# A font is looked at before it is parsed: a device, a FIFO, a huge file
# or one that is no font is skipped at once with why (/dev/zero took
# 6.6 s and 534 MB; a FIFO in fonts/ or in fonts.map waited until killed).
mkdir -p "$T/ff/fonts" && mkfifo "$T/ff/fonts/pipe.ttf" && truncate -s 300M "$T/ff/fonts/huge.ttf" &&
	echo 'no font' >"$T/ff/fonts/junk.ttf" || no "font files"
printf 'title = /dev/zero\nbody = pipe.ttf\nh1 = huge.ttf\nh2 = junk.ttf\n' >"$T/ff/fonts/fonts.map"
timeout 10 "$F" fonts --fonts "$T/ff/fonts" >"$T/log" 2>&1
rc=$?
d=$T/ff/fonts
for l in "fonts.map line 1 (title): skipped: /dev/zero: not a regular file (a FIFO, device or socket); fangan reads only regular files" \
	"fonts.map line 2 (body): skipped: $d/pipe.ttf: not a regular file (a FIFO, device or socket); fangan reads only regular files" \
	"fonts.map line 3 (h1): skipped: $d/huge.ttf: larger than 256 MB, not a font" \
	"fonts.map line 4 (h2): skipped: $d/junk.ttf is not a TrueType/OpenType font"; do
	grep -qxF "  $l" "$T/log" && ok || { no "fonts: '$l' (exit $rc)"; cat "$T/log"; }
done
printf -- '---\ntitle: 方案\n---\n正文。\n' >"$T/ff/p.md"
timeout 10 "$F" build --format pdf -o "$T/ff/out" "$T/ff/p.md" >"$T/log" 2>&1
rc=$?
[ $rc -eq 0 ] && [ -s "$T/ff/out/p/p.pdf" ] && ok || { no "build beside unusable fonts (exit $rc)"; cat "$T/log"; }

# A subset beyond what HarfBuzz 6.0 can write: 6,000 characters of
# every second code point from U+20000 (drawn by HanaMinB) make a cmap of
# thousands of format-12 groups, which hb-subset fails on; the subset is
# made again without its cmap, so the plan builds, HanaMinB is embedded
# and the text reads back (it ended in "subsetting HanaMinB.ttf failed").
hana=/usr/share/fonts/truetype/hanazono/HanaMinB.ttf
if [ -f "$hana" ]; then
	python3 - "$T/extb.md" <<'PY'
import sys
body = ''.join(chr(0x20000 + 2 * i) for i in range(6000))
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    f.write('---\ntitle: 关于开展生僻字测试的通知\nissuer: 青禾市应急管理局\n'
            'doc_number: 某应急〔2024〕12号\ndate: 2024-03-04\n---\n\n')
    f.write('\n\n'.join(body[i:i + 200] for i in range(0, len(body), 200)) + '\n')
PY
	timeout 60 "$F" build --format pdf -o "$T/xo" "$T/extb.md" >"$T/log" 2>&1
	rc=$?
	[ $rc -eq 0 ] && [ -s "$T/xo/extb/extb.pdf" ] && ok || { no "6,000 scattered Ext-B characters build (exit $rc)"; cat "$T/log"; }
	pdffonts "$T/xo/extb/extb.pdf" 2>/dev/null | grep -q '^[A-Z]\{6\}+HanaMinB  *CID TrueType  *Identity-H  *yes yes yes ' &&
		ok || no "Ext-B: HanaMinB embedded as a subset: $(pdffonts "$T/xo/extb/extb.pdf" 2>&1)"
	pdftotext "$T/xo/extb/extb.pdf" "$T/extb.txt" 2>/dev/null
	python3 - "$T/extb.md" "$T/extb.txt" <<'PY' && ok || no "Ext-B: the text read back is not the body's 6,000 characters"
import sys
def rare(path):
    return ''.join(c for c in open(path, encoding='utf-8').read() if ord(c) >= 0x20000)
want, got = rare(sys.argv[1]), rare(sys.argv[2])
sys.exit(0 if len(want) == 6000 and got == want else 1)
PY
else
	no "$hana is missing (fonts-hanazono; make deps installs it)"
fi

# A long body is drawn in time linear in its lines: 300,000 one-line
# paragraphs (4 MB, over 13,000 pages) took 18 s, now about 3 s.
case $F in
*/san/*) n=100000 limit=60 ;;
*) n=300000 limit=15 ;;
esac
awk -v n=$n 'BEGIN { print "---\ntitle: 关于开展长文测试的实施方案\n---"
	for (i = 1; i <= n; i++) printf "第%d段。\n\n", i }' >"$T/long.md"
timeout $limit "$F" build --format pdf -o "$T/out" "$T/long.md" >"$T/log" 2>&1
rc=$?
[ $rc -eq 0 ] && ok || { no "a $n-paragraph body builds within $limit s (exit $rc)"; cat "$T/log"; }
pages=$(pdfinfo "$T/out/long/long.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -gt $((n / 22)) ] && ok || no "long body: $pages pages for $n lines"
pdftotext -f "${pages:-1}" -l "${pages:-1}" "$T/out/long/long.pdf" - 2>/dev/null | grep -q "第${n}段。" &&
	ok || no "long body: its last paragraph on its last page"

finish bounds
