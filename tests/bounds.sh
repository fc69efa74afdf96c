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
fix="name a TrueType font file (.ttf, .ttc) there, or delete the line"
printf '%s\n' "$d/fonts.map:1: skipped (title): /dev/zero: not a regular file (a FIFO, device or socket); fangan reads only regular files; $fix" \
	"$d/fonts.map:2: skipped (body): $d/pipe.ttf: not a regular file (a FIFO, device or socket); fangan reads only regular files; $fix" \
	"$d/fonts.map:3: skipped (h1): $d/huge.ttf: larger than 256 MB, not a font; $fix" \
	"$d/fonts.map:4: skipped (h2): $d/junk.ttf is not a TrueType/OpenType font; $fix" >"$T/skips"
while read -r l; do
	grep -qxF "  $l" "$T/log" && ok || { no "fonts: '$l' (exit $rc)"; cat "$T/log"; }
done <"$T/skips"
# build says the same at the start, at each line of fonts.map (it said
# nothing: the role fell back silently); -q silences it with the rest.
printf -- '---\ntitle: 方案\n---\n正文。\n' >"$T/ff/p.md"
for cache in --no-cache "" ""; do # chosen afresh, cache written, cache read
	timeout 10 "$F" build $cache --force --format pdf --fonts "$d" -o "$T/ff/out" "$T/ff/p.md" >"$T/log" 2>&1
	rc=$?
	[ $rc -eq 0 ] && [ -s "$T/ff/out/p/p.pdf" ] && ok || { no "build beside unusable fonts (exit $rc)"; cat "$T/log"; }
	sed 's/^/fangan: /' "$T/skips" >"$T/want"
	grep ' skipped (' "$T/log" | diff "$T/want" - && ok || no "build warns of each skipped fonts.map line, once ($cache)"
done
timeout 10 "$F" build -q --force --format pdf --fonts "$d" -o "$T/ff/out" "$T/ff/p.md" >"$T/log" 2>&1
! grep -q ' skipped (' "$T/log" && ok || no "build -q: no fonts.map warning"

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

# The most a PDF font holds: 65,535 different characters drawn with one
# font (CIDs 1 to 65535) build, and every one reads back as itself — no
# CID wraps.  One more is a font-limit finding (tests/cli.sh).  The font
# maps them all to one box (tests/bigfont.py); fonts/fonts.map beside the
# plan makes it the body font.
mkdir -p "$T/cid/fonts" && python3 tests/bigfont.py "$T/cid/fonts/big.ttf" &&
	echo 'body = big.ttf' >"$T/cid/fonts/fonts.map" &&
	{ printf -- '---\ntitle: 字数测试\n---\n\n'; python3 tests/bigfont.py --body 65535; } >"$T/cid/p.md" ||
	no "the font and the plan of 65,535 characters"
timeout 120 "$F" build --format pdf -o "$T/cid/out" "$T/cid/p.md" >"$T/log" 2>&1
rc=$?
[ $rc -eq 0 ] && ok || { no "65,535 characters of one font build (exit $rc)"; cat "$T/log"; }
pdffonts "$T/cid/out/p/p.pdf" 2>/dev/null | grep -q '^[A-Z]\{6\}+FanganBig  *CID TrueType  *Identity-H  *yes yes yes ' &&
	ok || no "65,535 characters: the font embedded: $(pdffonts "$T/cid/out/p/p.pdf" 2>&1)"
pdftotext "$T/cid/out/p/p.pdf" "$T/cid/p.txt" 2>/dev/null
python3 - "$T/cid/p.md" "$T/cid/p.txt" <<'PY' && ok || no "65,535 characters: the text read back is not the body"
import sys
def body(path):  # the characters of the body font: Extensions A to F
    return ''.join(c for c in open(path, encoding='utf-8').read()
                   if 0x3400 <= ord(c) <= 0x4DBF or ord(c) >= 0x20000)
want, got = body(sys.argv[1]), body(sys.argv[2])
sys.exit(0 if len(want) == 65535 and got == want else 1)
PY

# One more, in a text attachment: the finding is in the attachment's
# file, at the 65,536th character, and nothing of the plan is written.
python3 tests/bigfont.py --body 65536 >"$T/cid/att.md" &&
	printf -- '---\ntitle: 字数测试\nattachments:\n  - {id: a, type: text, title: 附件文字, file: att.md}\n---\n\n正文，见附件。\n' >"$T/cid/q.md" ||
	no "the plan with a text attachment of 65,536 characters"
timeout 120 "$F" build -o "$T/cid/out2" "$T/cid/q.md" >"$T/log" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -qxF "$T/cid/att.md:655:136: error: 字符“𮘿”（U+2E63F）是本文档用字体big.ttf显示的第65536个不同字符：PDF的一种字体最多容纳65535个不同字符（CID为两个字节），文档无法生成；请把文档拆成几份，或在fonts/fonts.map中为这些字符另指定字体 [font-limit]" "$T/log" &&
	[ -z "$(find "$T/cid/out2" -name '*.pdf' -o -name '*.docx' 2>/dev/null)" ] && ok ||
	{ no "65,536 characters in a text attachment: font-limit there, nothing written (exit $rc)"; cat "$T/log"; ls -R "$T/cid/out2"; }

# And in a ledger's rows (drawn from the front matter): the finding is
# where the plan's file first has that character.
python3 - "$T/cid/r.md" <<'PY' || no "the plan with a ledger of 65,536 characters"
import sys
sys.path.insert(0, 'tests')
import bigfont
rows = ''.join('      - [%s]\n' % r for r in bigfont.body(65536).split())
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    f.write('---\ntitle: 字数测试\nattachments:\n  - id: l\n    type: ledger\n    title: 台账\n'
            '    columns: [名称]\n    rows:\n' + rows + '---\n\n正文，见附件。\n')
PY
timeout 120 "$F" build -o "$T/cid/out3" "$T/cid/r.md" >"$T/log" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -qxF "$T/cid/r.md:336:145: error: 字符“𮘿”（U+2E63F）是本文档用字体big.ttf显示的第65536个不同字符：PDF的一种字体最多容纳65535个不同字符（CID为两个字节），文档无法生成；请把文档拆成几份，或在fonts/fonts.map中为这些字符另指定字体 [font-limit]" "$T/log" &&
	[ -z "$(find "$T/cid/out3" -name '*.pdf' -o -name '*.docx' 2>/dev/null)" ] && ok ||
	{ no "65,536 characters in a ledger: font-limit at the row, nothing written (exit $rc)"; cat "$T/log"; ls -R "$T/cid/out3"; }

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

# A folder where a font should be is called a folder (it was called "a
# FIFO, device or socket").
mkdir -p "$T/fd/fonts/x.ttf" && printf 'body = x.ttf\n' >"$T/fd/fonts/fonts.map"
timeout 10 "$F" fonts --fonts "$T/fd/fonts" >"$T/log" 2>&1
grep -qxF "  $T/fd/fonts/fonts.map:1: skipped (body): $T/fd/fonts/x.ttf: a folder, not a font file; name a TrueType font file (.ttf, .ttc) there, or delete the line" "$T/log" &&
	ok || { no "a folder as a font"; cat "$T/log"; }

# One long line: every byte offset made a line:column by counting from
# the line's start took time growing with the square of the line (1 MB
# of NULs: killed at 120 s; 1 MB of U+202E: 67 s); positions along a
# line now go on from the last one.  A line opening more than 100 quotes
# or list items is an error (cmark kept a node for each: 486 MB for a
# 1 MB line of ">").
python3 - "$T/long" <<'PY'
import os, sys
d = sys.argv[1]
os.makedirs(d + "/attachments")
h = "---\ntitle: 关于开展读书活动的通知\nissuer: 某\ndate: 2020-04-01\n---\n\n"
open(d + "/nul.md", "wb").write(h.encode() + b"\0" * 1000000 + b"\n")
open(d + "/rlo.md", "w").write(h + "\u202e" * 333333 + "\n")
open(d + "/list.md", "w").write(h + "- " * 500000 + "x\n")
open(d + "/quote.md", "w").write(h + ">" * 1000000 + "x\n")
a = open("tests/plans/text-attachment.md").read()
open(d + "/att.md", "w").write(a)
open(d + "/attachments/rules.md", "wb").write(b"\0" * 1000000 + b"\n")
row = "|" + "a|" * 198 + "\n"
open(d + "/table.md", "w").write(h + row + "|" + "-|" * 198 + "\n" + row * 20000)
PY
long() { # NAME COMMAND EXIT FINDING SUMMARY
	timeout 30 "$F" $2 "$T/long/$1.md" >"$T/long.out" 2>"$T/long.err"
	rc=$?
	last=$(grep '^fangan: plans: ' "$T/long.err")
	[ $rc -eq "$3" ] && cat "$T/long.out" "$T/long.err" | grep -qxF "$4" && [ "$last" = "$5" ] && ok ||
		{ no "$2 of a long line ($1): exit $rc (want $3), last line '$last'"; cat "$T/long.out" "$T/long.err" | grep -m3 error; }
}
nul="error: 这里有一个空字符（U+0000）：它会截断文字，请删去（文件可能从别的程序复制来时混入了它） [char-control]"
long nul check 1 "$T/long/nul.md:7:1: $nul" "fangan: plans: 1; with errors: 1; errors: 10000, warnings: 0"
long nul build 1 "$T/long/nul.md:7:1: $nul" "fangan: plans: 1; built: 0, up to date: 0, with errors: 1, failed: 0; warnings: 0; files written: 0"
long rlo check 1 "$T/long/rlo.md:7:1: error: 这里有一个看不见的方向控制符（U+202E）：它会让文字显示的顺序与实际的不同，请删去 [char-control]" \
	"fangan: plans: 1; with errors: 1; errors: 10000, warnings: 0"
deep="error: 这一行的引用（>）或列表标记嵌套超过100层，正文不再往下读：公文用不到这么深的层次，请删去多余的标记 [input]"
long list check 1 "$T/long/list.md:7:1: $deep" "fangan: plans: 1; with errors: 1; errors: 1, warnings: 1"
long quote build 1 "$T/long/quote.md:7:1: $deep" "fangan: plans: 1; built: 0, up to date: 0, with errors: 1, failed: 0; warnings: 1; files written: 0"
# 8 MB of a 199-column table took 9.6 s and 3.2 GB in cmark-gfm.
long table check 1 "$T/long/table.md:1012:1: error: 表格分隔符“|”在这一行超过200个，或在正文中共超过200000个，正文不再往下读：公文的表格用不到这么多，请把表格拆开或删去多余的“|” [input]" \
	"fangan: plans: 1; with errors: 1; errors: 1, warnings: 1"
long att check 1 "$T/long/attachments/rules.md:1:1: $nul" "fangan: plans: 1; with errors: 1; errors: 10000, warnings: 0"

finish bounds
