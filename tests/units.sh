#!/bin/sh
# Unit copies of a form (src/cli/units.c) for the fangan binary given as
# $1: spread over the -j workers with the same bytes, lines and findings
# for any -j; the copies of a group of units embed one font file per face
# (made and deflated once), at most SHARE_CHARS (64) characters of unit
# names more than the form alone; a worker that dies mid-way; a progress
# line for the copies on a terminal.
F=${1:-./fangan}
# Messages in English (the catalogues are tested by tests/i18n.sh).
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
export LSAN_OPTIONS
. tests/lib.sh
need python3 || { finish units; exit; }

mkdir -p "$T/p"
cp -r tests/plans/templates "$T/p/"
cp tests/plans/forms.md "$T/p/forms.md"
# 60 more units whose names bring 600 distinct characters (GB 2312 level
# 1, which every configured face has): more than one group.
python3 - "$T/p/forms.md" "$T/p/many.md" <<'PY'
import sys
src = open(sys.argv[1], encoding="utf-8").read()
pool = [bytes([0xB0 + i // 94, 0xA1 + i % 94]).decode("gb2312") for i in range(600)]
names = ["".join(pool[u * 10:u * 10 + 10]) + "局" for u in range(60)]
# a name twice, and one that reads the same once made safe: -2, -3
names += [names[0], names[0], names[1] + "/"]
head, rest = src.split("units:\n", 1)
units, body = rest.split("---\n", 1)
open(sys.argv[2], "w", encoding="utf-8").write(
    head + "units:\n" + units + "".join("  - %s\n" % n for n in names) + "---\n" + body)
PY

# ---- the same bytes, lines and findings for any -j ---------------------
for j in 1 2 3; do
	"$F" build -j $j -o "$T/o$j" "$T/p/many.md" >"$T/out$j" 2>"$T/err$j"
	echo $? >"$T/st$j"
	(cd "$T/o$j" && find . -type f | sort) >"$T/files$j"
	sed "s|$T/o$j/||" "$T/out$j" >"$T/lines$j"
done
[ "$(cat "$T/st1")" -eq 0 ] && ok || { no "build -j 1 of many.md (status $(cat "$T/st1"))"; cat "$T/err1"; }
n=$(grep -c '/units/apply-' "$T/files1")
[ "$n" -eq 186 ] && ok || no "93 units, a PDF and a DOCX each (got $n files)"
grep -qx 'many/units/apply-\*.pdf (93 copies)' "$T/lines1" && ok || { no "93 copies reported"; cat "$T/lines1"; }
# the plan's units, one a line
units() { awk '/^units:/ { on = 1; next } on && /^  - / { print substr($0, 5); next } { on = 0 }' "$1"; }
# the first generated unit, named twice more: -2, -3
name=$(units "$T/p/many.md" | grep "局$" | head -1)
for k in "" -2 -3; do
	[ -f "$T/o1/many/units/apply-$name$k.pdf" ] && ok || no "apply-$name$k.pdf (a unit named twice more)"
done
# The same bytes; a stamp's file times (stamp.h) aside.
same() {
	case $1 in
	*/.fangan-stamp)
		sed 's/^\(output [0-9]*\) [0-9.]*/\1/' "$1" >"$T/same1"
		sed 's/^\(output [0-9]*\) [0-9.]*/\1/' "$2" >"$T/same2"
		cmp -s "$T/same1" "$T/same2" ;;
	*) cmp -s "$1" "$2" ;;
	esac
}
for j in 2 3; do
	cmp -s "$T/files1" "$T/files$j" && ok || { no "-j $j writes other files than -j 1"; diff "$T/files1" "$T/files$j" | head; }
	differ=0
	while read -r f; do
		same "$T/o1/$f" "$T/o$j/$f" || { differ=$((differ + 1)); [ $differ -le 3 ] && echo "differs: $f"; }
	done <"$T/files1"
	[ $differ -eq 0 ] && ok || no "$differ files differ between -j 1 and -j $j"
	cmp -s "$T/lines1" "$T/lines$j" && ok || { no "stdout differs between -j 1 and -j $j"; diff "$T/lines1" "$T/lines$j"; }
	cmp -s "$T/err1" "$T/err$j" && ok || { no "stderr differs between -j 1 and -j $j"; diff "$T/err1" "$T/err$j"; }
	cmp -s "$T/st1" "$T/st$j" && ok || no "exit status differs between -j 1 and -j $j"
done
ls -A "$T/o2/many/units" | grep -q '^\.' && no "temporary files left in units/" || ok

# ---- shared font files -------------------------------------------------
# Per unit copy: the SHA-1 of each embedded font file and its glyph count
# (maxp), from the PDF's bytes.
cat >"$T/fonts.py" <<'PY'
import hashlib, re, struct, sys, zlib
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    out = []
    for m in re.finditer(rb"/Length1 \d+", data):
        at = data.find(b"stream", m.end()) + len(b"stream")
        at += 2 if data[at:at + 2] == b"\r\n" else 1
        raw = data[at:data.find(b"endstream", at)]
        font = zlib.decompressobj().decompress(raw)
        n = struct.unpack(">H", font[4:6])[0]
        glyphs = 0
        for t in range(n):
            tag, _, off, _ = struct.unpack(">4sIII", font[12 + 16 * t:28 + 16 * t])
            if tag == b"maxp":
                glyphs = struct.unpack(">H", font[off + 4:off + 6])[0]
        out.append("%s:%d" % (hashlib.sha1(raw).hexdigest()[:12], glyphs))
    print(path.rsplit("/", 1)[-1], " ".join(sorted(out)))
PY
u=$T/o1/many/units
# the units of forms.md (30: 109 distinct characters, two or three groups),
# then the 60 with 10 new characters each (about six a group)
python3 "$T/fonts.py" "$u"/*.pdf >"$T/fonts" || no "reading the font files back"
first=$(units "$T/p/many.md" | head -1)
g1=$(grep "^apply-$first\.pdf " "$T/fonts" | cut -d' ' -f2-)
[ -n "$g1" ] && ok || no "the first unit's fonts"
same=$(cut -d' ' -f2- "$T/fonts" | grep -cxF "$g1")
[ "$same" -ge 10 ] && ok || { no "the first group shares its font files ($same copies)"; head -3 "$T/fonts"; }
sets=$(cut -d' ' -f2- "$T/fonts" | sort -u | wc -l)
[ "$sets" -ge 10 ] && [ "$sets" -le 16 ] && ok || { no "600 more characters make 10 to 16 groups (got $sets sets of font files)"; }
# A copy embeds at most 64 glyphs more than the form alone (each face).
alone=$(python3 "$T/fonts.py" "$T/o1/many/apply.pdf" | cut -d' ' -f2- | tr ' ' '\n' | cut -d: -f2 | sort -n | tail -1)
most=$(cut -d' ' -f2- "$T/fonts" | tr ' ' '\n' | cut -d: -f2 | sort -n | tail -1)
[ -n "$alone" ] && [ -n "$most" ] && [ "$most" -le $((alone + 64)) ] && [ "$most" -gt $((alone + 40)) ] && ok ||
	no "a copy's largest subset: $most glyphs, the form alone: $alone (at most 64 more)"
# What each copy shows is its own unit (its name as text, read back).
if need pdftotext; then
	bad=0
	for pdf in "$u/apply-$first.pdf" "$u"/apply-*局.pdf; do
		name=${pdf##*/apply-}
		name=${name%.pdf}
		pdftotext "$pdf" - | tr -d ' \n' | grep -qF "$name" || bad=$((bad + 1))
	done
	[ $bad -eq 0 ] && ok || no "$bad copies do not read back with their unit's name"
fi

# ---- findings from the copies: once each, in any -j --------------------
python3 - "$T/p/forms.md" "$T/p/long.md" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("units:\n", "units:\n  - 市" + "长" * 600 + "局\n  - 市" + "长" * 300 + "局\n", 1)
# The names only in the forms: in the ledger of units a cell of 600
# characters would be taller than its page (cell-overflow).
s = s.replace("rows: units", "rows:\n      - [1, 市财政局机关党委, 30, 措施, 完成, 无]", 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
for j in 1 2; do
	"$F" build -j $j -o "$T/l$j" "$T/p/long.md" >/dev/null 2>"$T/lerr$j"
	echo $? >"$T/lst$j"
done
[ "$(cat "$T/lst1")" -eq 0 ] && ok || { no "long unit names build"; cat "$T/lerr1"; }
grep -c '\[form-overflow\]' "$T/lerr1" | grep -qx 1 && ok || { no "form-overflow once"; cat "$T/lerr1"; }
cmp -s "$T/lerr1" "$T/lerr2" && ok || { no "findings differ between -j 1 and -j 2"; diff "$T/lerr1" "$T/lerr2"; }

# ---- a long ID leaves the unit's name in units/ID-UNIT.pdf -------------
# 90 "附" (270 bytes): the ID gives way first, to 20 characters, and the
# unit's name has the rest of the 200 bytes; two names alike that far: -2.
python3 - "$T/p/forms.md" "$T/p/longid.md" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("form: apply", "form: " + "附" * 90).replace("id: apply", "id: " + "附" * 90)
head, rest = s.split("units:\n", 1)
body = rest.split("---\n", 1)[1]
units = ["单" * 150, "单" * 149 + "x", "a" + "单" * 150]
open(sys.argv[2], "w", encoding="utf-8").write(
    head + "units:\n" + "".join("  - %s\n" % u for u in units) + "---\n" + body)
PY
"$F" build -o "$T/li" "$T/p/longid.md" >/dev/null 2>"$T/li.err"
(cd "$T/li/longid/units" 2>/dev/null && ls ./*.pdf | sed "s|^./||") >"$T/li.ls"
A=$(python3 -c 'print("附" * 20)')
U=$(python3 -c 'print("单" * 46)')
printf '%s\n' "$A-a$U.pdf" "$A-$U-2.pdf" "$A-$U.pdf" | sort >"$T/li.want"
sort "$T/li.ls" | cmp -s - "$T/li.want" && ok ||
	{ no "a long ID keeps the units' names"; cat "$T/li.ls" "$T/li.err"; }

# ---- a worker that dies --------------------------------------------------
second=$(units "$T/p/many.md" | sed -n 2p)
FANGAN_TEST_CRASH="apply-$second" timeout 120 "$F" build -j 2 -o "$T/c" "$T/p/many.md" >"$T/c.out" 2>"$T/c.err"
[ $? -eq 2 ] && ok || no "a dead unit worker makes exit status 2"
grep -q "^fangan: apply-$second: the worker building it \(was killed\|exited abnormally\)" "$T/c.err" && ok ||
	{ no "the dead worker is reported for its copy"; cat "$T/c.err"; }
[ "$(ls "$T/c/many/units"/*.pdf | wc -l)" -eq 92 ] && ok || no "the other 92 copies are written"
[ ! -e "$T/c/many/units/apply-$second.pdf" ] && ok || no "no copy for the unit whose worker died"
[ ! -e "$T/c/many/.fangan-stamp" ] && ok || no "no stamp for a plan with a copy missing"

# ---- a progress line for the copies of a single plan, on a terminal ----
if need script; then
	script -qec "$F build -j 2 --force -o $T/tty $T/p/forms.md >/dev/null" /dev/null >"$T/tty.out" 2>&1
	grep -aq '\[30/30\] [0-9.]*s' "$T/tty.out" && grep -aq '\[1/1\] [0-9.]*s' "$T/tty.out" && ok ||
		{ no "a progress line for the 30 copies, then the plan's"; cat -v "$T/tty.out" | head -5; }
	"$F" build -j 2 --force -o "$T/tty" "$T/p/forms.md" >/dev/null 2>"$T/notty.err"
	grep -q "$(printf '\r')" "$T/notty.err" && no "progress noise off a terminal" || ok
fi

finish units
