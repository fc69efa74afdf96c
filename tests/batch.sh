#!/bin/sh
# Batch build tests for the fangan binary given as $1: -j (workers,
# output in plan order, a crashing worker), reproducible bytes, the
# incremental build (.fangan-stamp), and no progress noise off a terminal.
F=${1:-./fangan}
# Messages in English (the catalogues are tested by tests/i18n.sh).
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
# The sanitizer build says at exit which leak suppressions it used (the
# fontconfig ones, src/font/fontfind.c); these tests check that stderr is empty.
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
export LSAN_OPTIONS
. tests/lib.sh
# inode and mtime (to the nanosecond) of every PDF under a folder: a PDF
# that was rewritten gets a new inode (written to a temporary file and
# renamed) and a new mtime.
ids() { mains "$1" | xargs stat -c '%n %i %y'; }
# The plans' own PDFs, OUTDIR/NAME/NAME.pdf (not the attachments' files
# beside them, ID.pdf and units/).
mains() { find "$1" -name '*.pdf' | awk -F/ '$(NF-1) ".pdf" == $NF' | sort; }
# Lines of build's output that report a plan's own PDF.
built() { grep -cE '/([^/]+)/\1\.pdf \([0-9]+ pages?\)$' "$1"; }

PLANS="plans/ tests/plans/traditional.md tests/plans/astral.md tests/plans/text-attachment.md tests/plans/elements.md"

# ---- reproducible: -j 1 and -j 2, twice, give the same bytes ----------
"$F" build -j 1 -o "$T/a" $PLANS >"$T/a.out" 2>"$T/a.err"; sa=$?
"$F" build -j 2 -o "$T/b" $PLANS >"$T/b.out" 2>"$T/b.err"; sb=$?
"$F" build -j 2 -o "$T/c" $PLANS >"$T/c.out" 2>"$T/c.err"
[ $sa -eq 1 ] && [ $sb -eq 1 ] && ok || no "exit 1 with five-star-school among the plans (got $sa, $sb)"
n=0
for pdf in $(mains "$T/a"); do
	rel=${pdf#"$T"/a/}
	n=$((n + 1))
	for extra in "$T/a/${rel%/*}"/*.pdf; do
		cmp -s "$extra" "$T/b/${extra#"$T"/a/}" || no "${extra#"$T"/a/}: -j 1 and -j 2 differ"
	done
	cmp -s "$pdf" "$T/b/$rel" && ok || no "$rel: -j 1 and -j 2 differ"
	cmp -s "$pdf" "$T/c/$rel" && ok || no "$rel: two -j 2 builds differ"
done
[ $n -eq 8 ] && ok || no "8 PDFs built (got $n)"
# The same lines in the same order, whatever the number of workers.
sed "s|$T/a/||" "$T/a.out" >"$T/a.o"; sed "s|$T/b/||" "$T/b.out" >"$T/b.o"
cmp -s "$T/a.o" "$T/b.o" && ok || { no "stdout differs between -j 1 and -j 2"; diff "$T/a.o" "$T/b.o"; }
cmp -s "$T/a.err" "$T/b.err" && ok || { no "stderr differs between -j 1 and -j 2"; diff "$T/a.err" "$T/b.err" | head; }
grep -E '^([^/]+)/\1\.pdf ' "$T/a.o" | sed 's|.*/\([^/]*\)\.pdf .*|\1|' >"$T/order"
for md in plans/*.md tests/plans/traditional.md tests/plans/astral.md tests/plans/text-attachment.md tests/plans/elements.md; do
	basename "$md" .md
done | grep -v five-star-school | cmp -s - "$T/order" && ok || { no "plans reported in plan order"; cat "$T/order"; }

# A content-derived /ID in the trailer, the same in every build.
pdf="$T/a/five-upgrades/five-upgrades.pdf"
id=$(tail -c 400 "$pdf" | grep -a '/ID \[<[0-9A-F]\{32\}> <[0-9A-F]\{32\}>\]')
[ -n "$id" ] && ok || no "a trailer /ID"
qpdf --check "$pdf" >/dev/null 2>&1 && ok || no "qpdf --check with the /ID"
id2=$(tail -c 400 "$T/a/model-organ/model-organ.pdf" | grep -a '/ID')
[ "$id" != "$id2" ] && ok || no "different documents have different /IDs"
# Nothing from the clock: SOURCE_DATE_EPOCH or the plan's date.
grep -aq '/CreationDate (D:20200301000000' "$pdf" && ok || no "CreationDate is the plan's date"
SOURCE_DATE_EPOCH=1700000000 "$F" build -j 1 -o "$T/e" plans/five-upgrades.md >/dev/null 2>&1
grep -aq '/CreationDate (D:20231114000000' "$T/e/five-upgrades/five-upgrades.pdf" && ok ||
	no "SOURCE_DATE_EPOCH is the CreationDate"

# ---- incremental ---------------------------------------------------------
mkdir -p "$T/p" "$T/p/attachments"
cp plans/five-upgrades.md plans/model-organ.md tests/plans/text-attachment.md "$T/p/"
cp -r tests/plans/attachments/. "$T/p/attachments/"
"$F" build -o "$T/i" "$T/p" >"$T/i1.out" 2>"$T/i1.err"
[ $? -eq 0 ] && ok || { no "first incremental build"; cat "$T/i1.out" "$T/i1.err"; }
# The summary line: plans built, up to date, with errors, failed; warnings; files
# (each form, ledger and score sheet as PDF and DOCX).
tail -1 "$T/i1.err" | grep -qx 'fangan: plans: 3; built: 3, up to date: 0, with errors: 0, failed: 0; warnings: 5; files written: 23' && ok ||
	{ no "the summary of a first build"; tail -1 "$T/i1.err"; }
grep -c "warning:" "$T/i1.err" | grep -qx 5 && ok || { no "five warnings"; cat "$T/i1.err"; }
[ "$(built "$T/i1.out")" -eq 3 ] && ok || no "three PDFs written"
[ -f "$T/i/five-upgrades/.fangan-stamp" ] && ok || no "a stamp is written"
ids "$T/i" >"$T/ids1"
"$F" build -o "$T/i" "$T/p" >"$T/i2.out" 2>"$T/i2.err"
[ $? -eq 0 ] && ok || no "an up-to-date build exits 0"
# Skipped plans write nothing to stdout; their warnings, kept with the
# stamp, come again once, and the summary counts them as up to date.
[ ! -s "$T/i2.out" ] && ok || { no "no files named for plans skipped"; cat "$T/i2.out"; }
sed '$d' "$T/i1.err" >"$T/w1"; sed '$d' "$T/i2.err" >"$T/w2"
[ -s "$T/w1" ] && cmp -s "$T/w1" "$T/w2" && ok || { no "the warnings of an up-to-date plan are printed again"; diff "$T/w1" "$T/w2"; }
tail -1 "$T/i2.err" | grep -qx 'fangan: plans: 3; built: 0, up to date: 3, with errors: 0, failed: 0; warnings: 5; files written: 0' && ok ||
	{ no "the summary of an up-to-date build"; tail -1 "$T/i2.err"; }
# Errors (exit status 1) and failures (exit status 2) are counted apart:
# a plan with errors, a PATH that is not there, a plan that is fine.
"$F" build -q -o "$T/i" plans/five-star-school.md "$T/p/nope.md" "$T/p/model-organ.md" >/dev/null 2>"$T/ef.err"
s=$?
[ $s -eq 2 ] && tail -1 "$T/ef.err" | grep -qx 'fangan: plans: 3; built: 0, up to date: 1, with errors: 1, failed: 1; warnings: 3; files written: 0' &&
	ok || { no "errors and failures counted apart (exit $s)"; cat "$T/ef.err"; }
"$F" build -q -o "$T/i" "$T/p" >"$T/iq.out" 2>"$T/iq.err"
[ $? -eq 0 ] && [ "$(wc -l <"$T/iq.err")" -eq 1 ] && grep -q '^fangan: plans: 3;' "$T/iq.err" && ok ||
	{ no "-q: the summary alone"; cat "$T/iq.err"; }
ids "$T/i" >"$T/ids2"
cmp -s "$T/ids1" "$T/ids2" && ok || { no "nothing rewritten when nothing changed"; diff "$T/ids1" "$T/ids2"; }
"$F" build -v -o "$T/i" "$T/p" >"$T/i3.out" 2>&1
[ "$(grep -c '(up to date)$' "$T/i3.out")" -eq 3 ] && ok || { no "-v says up to date"; cat "$T/i3.out"; }
# Changing the plan's content rebuilds it, and only it.
printf '\n本方案自印发之日起施行。\n' >>"$T/p/model-organ.md"
"$F" build -v -o "$T/i" "$T/p" >"$T/i4.out" 2>&1
grep -q 'model-organ.pdf ([0-9]* pages)$' "$T/i4.out" && ok || { no "a changed plan is rebuilt"; cat "$T/i4.out"; }
[ "$(grep -c '(up to date)$' "$T/i4.out")" -eq 2 ] && ok || no "the others stay up to date"
ids "$T/i" >"$T/ids4"
[ "$(diff "$T/ids2" "$T/ids4" | grep -c '^>')" -eq 1 ] && ok || { no "exactly one PDF rewritten"; diff "$T/ids2" "$T/ids4"; }
# So does changing a text attachment's file.
printf '\n附加一段。\n' >>"$T/p/attachments/rules.md"
"$F" build -o "$T/i" "$T/p" >"$T/i5.out" 2>&1
[ "$(built "$T/i5.out")" -eq 1 ] && grep -q "^$T/i/text-attachment/text-attachment.pdf (" "$T/i5.out" && ok ||
	{ no "a changed attachment file rebuilds its plan only"; cat "$T/i5.out"; }
# A different SOURCE_DATE_EPOCH changes the PDFs: everything is rebuilt.
SOURCE_DATE_EPOCH=1700000000 "$F" build -o "$T/i" "$T/p" >"$T/i6.out" 2>&1
[ "$(built "$T/i6.out")" -eq 3 ] && ok || { no "SOURCE_DATE_EPOCH is an input"; cat "$T/i6.out"; }
# A deleted output is rebuilt.
rm "$T/i/five-upgrades/five-upgrades.pdf"
SOURCE_DATE_EPOCH=1700000000 "$F" build -o "$T/i" "$T/p" >"$T/i7.out" 2>&1
[ "$(built "$T/i7.out")" -eq 1 ] && [ -f "$T/i/five-upgrades/five-upgrades.pdf" ] && ok ||
	{ no "a missing output is rebuilt"; cat "$T/i7.out"; }
# --force rebuilds everything.
ids "$T/i" >"$T/ids7"
SOURCE_DATE_EPOCH=1700000000 "$F" build --force -o "$T/i" "$T/p" >"$T/i8.out" 2>&1
[ "$(built "$T/i8.out")" -eq 3 ] && ok || { no "--force rebuilds"; cat "$T/i8.out"; }
ids "$T/i" >"$T/ids8"
[ "$(diff "$T/ids7" "$T/ids8" | grep -c '^>')" -eq 3 ] && ok || no "--force rewrites every PDF"
# A plan with errors is never up to date: its findings come every time.
cp plans/five-star-school.md "$T/p/"
"$F" build -o "$T/i" "$T/p" >/dev/null 2>"$T/i9.err"
"$F" build -o "$T/i" "$T/p" >/dev/null 2>"$T/i10.err"
[ $? -eq 1 ] && grep -q 'five-star-school.md: has errors' "$T/i10.err" && ok || no "a plan with errors is checked again"
rm "$T/p/five-star-school.md"

# ---- builds you can trust (.fangan-stamp, the OUTDIR lock) ----------------
# stamp_ok DIR: every output DIR/.fangan-stamp lists is there with the
# size and CRC-32 recorded (zlib's, as fangan computes it).
stamp_ok() {
	python3 - "$1" <<'PY'
import os, sys, zlib
d = sys.argv[1]
lines = open(os.path.join(d, ".fangan-stamp"), encoding="utf-8").read().split("\n")
bad, n = [], 0
for l in lines[2:]:
    if not l.startswith("output "):
        break
    _, size, _, crc, name = l.split(" ", 4)
    n += 1
    p = os.path.join(d, name)
    if not os.path.isfile(p):
        bad.append(name + " missing"); continue
    b = open(p, "rb").read()
    if len(b) != int(size) or zlib.crc32(b) != int(crc, 16):
        bad.append(name + " differs")
print("\n".join(bad) if bad or n == 0 else "ok")
PY
}
S="$T/s"
mkdir -p "$S/p"
cp plans/five-upgrades.md "$S/p/u.md"
# Two builds of one OUTDIR started together, each with another
# SOURCE_DATE_EPOCH (other bytes in every PDF): the stamp matches the
# files every time, and one of them waited for the other.
waited=0
for try in 1 2 3 4; do
	SOURCE_DATE_EPOCH=$((1700000000 + try * 86400)) "$F" build -j 2 --force -q -o "$S/o" "$S/p" plans/model-organ.md >/dev/null 2>"$S/c1.err" &
	SOURCE_DATE_EPOCH=$((1600000000 + try * 86400)) "$F" build -j 2 --force -q -o "$S/o" "$S/p" plans/model-organ.md >/dev/null 2>"$S/c2.err" &
	wait
	for n in u model-organ; do
		r=$(stamp_ok "$S/o/$n")
		[ "$r" = ok ] && ok || no "try $try: the stamp of $n matches its files ($r)"
	done
	grep -qx "fangan: another build is writing $S/o; waiting" "$S/c1.err" "$S/c2.err" && waited=$((waited + 1))
done
[ $waited -ge 1 ] && ok || no "one of two builds started together waits for the other (in $waited of 4)"
# The lock held by another process: the build says so, waits and builds.
if need flock; then
	flock "$S/o" sleep 1 &
	sleep 0.3
	timeout 60 "$F" build -q -o "$S/o" "$S/p" >/dev/null 2>"$S/l.err"
	[ $? -eq 0 ] && [ "$(head -1 "$S/l.err")" = "fangan: another build is writing $S/o; waiting" ] && ok ||
		{ no "a build waits for the lock"; cat "$S/l.err"; }
	wait
	# ... for a bounded time (10 minutes; the tests make it 1 second).
	flock "$S/o" sleep 4 &
	sleep 0.3
	FANGAN_TEST_LOCK_WAIT=1 timeout 60 "$F" build -q -o "$S/o" "$S/p" >"$S/l2.out" 2>"$S/l2.err"
	s=$?
	printf 'fangan: another build is writing %s; waiting\nfangan: another build has been writing %s for 1 second; nothing built (try again when it has ended)\n' "$S/o" "$S/o" >"$S/l2.want"
	[ $s -eq 2 ] && [ ! -s "$S/l2.out" ] && cmp -s "$S/l2.want" "$S/l2.err" && ok ||
		{ no "a build gives up waiting after the bound (exit $s)"; cat "$S/l2.err"; }
	# In Chinese.
	LC_ALL=zh_CN.UTF-8 FANGAN_TEST_LOCK_WAIT=1 timeout 60 "$F" build -q -o "$S/o" "$S/p" >/dev/null 2>"$S/l3.err"
	printf 'fangan: 另一个构建正在写入 %s，等待中\nfangan: 另一个构建已写入 %s 达1秒，本次未生成任何文件；请等它结束后再运行\n' "$S/o" "$S/o" |
		cmp -s - "$S/l3.err" && ok || { no "the wait and its end in Chinese"; cat "$S/l3.err"; }
	wait
fi

# An output emptied, cut short, removed, changed in place (the same
# size) or touched: the plan is rebuilt unless the bytes are the same.
U="$S/o/u"
"$F" build -q -o "$S/o" "$S/p" >/dev/null 2>&1
"$F" build -q -o "$S/o" "$S/p" >"$S/e0.out" 2>"$S/e0.err"
[ ! -s "$S/e0.out" ] && grep -q 'up to date: 1,' "$S/e0.err" && ok || { no "up to date before the damage"; cat "$S/e0.out" "$S/e0.err"; }
damage() { # WHAT FILE COMMAND...
	what=$1 file=$2; shift 2
	"$@"
	"$F" build -q -o "$S/o" "$S/p" >"$S/d.out" 2>"$S/d.err"
	[ $? -eq 0 ] && grep -qx "$U/u.pdf ([0-9]* pages)" "$S/d.out" && [ "$(stamp_ok "$U")" = ok ] && ok ||
		{ no "an output $what ($file) is rebuilt"; cat "$S/d.out" "$S/d.err"; }
}
damage emptied u.pdf truncate -s 0 "$U/u.pdf"
damage "cut short" u.docx truncate -s 1000 "$U/u.docx"
damage removed units/x.pdf rm "$(ls "$U"/units/*.pdf | head -1)"
damage "changed, same size" application.pdf sh -c "printf Z | dd of='$U/application.pdf' bs=1 seek=300 conv=notrunc 2>/dev/null"
# Touched, the bytes the same: still up to date (the CRC decides).
touch -d '2001-01-01' "$U/u.pdf" "$U/application.docx"
"$F" build -q -o "$S/o" "$S/p" >"$S/t.out" 2>"$S/t.err"
[ ! -s "$S/t.out" ] && grep -q 'up to date: 1,' "$S/t.err" && ok || { no "a touched output is still up to date"; cat "$S/t.out" "$S/t.err"; }
# A folder in an output's place is not up to date, and never replaced.
rm "$U/application.pdf"; mkdir "$U/application.pdf"
"$F" build -q -o "$S/o" "$S/p" >"$S/f.out" 2>"$S/f.err"
s=$?
[ $s -eq 2 ] && [ -d "$U/application.pdf" ] && grep -q "$U/application.pdf: not a regular file (a device, pipe, socket or folder); fangan replaces only regular files\$" "$S/f.err" && ok ||
	{ no "an output replaced by a folder: rebuilt, refused (exit $s)"; cat "$S/f.err"; }
rmdir "$U/application.pdf"

# A FIFO where the stamp goes is no stamp (not waited on), and is not
# replaced.
"$F" build -q -o "$S/o" "$S/p" >/dev/null 2>&1
rm "$U/.fangan-stamp"; mkfifo "$U/.fangan-stamp"
timeout 30 "$F" build -q -o "$S/o" "$S/p" >"$S/ff.out" 2>"$S/ff.err"
s=$?
[ $s -eq 2 ] && [ -p "$U/.fangan-stamp" ] && grep -qx "$U/u.pdf ([0-9]* pages)" "$S/ff.out" &&
	grep -qx "fangan: cannot write $U/.fangan-stamp: not a regular file (a device, pipe, socket or folder); fangan replaces only regular files" "$S/ff.err" && ok ||
	{ no "a FIFO as the stamp: rebuilt, not replaced, exit 2 (got $s)"; cat "$S/ff.err"; }
# Its files were written, its stamp was not: a failure (exit status 2),
# not a plan with errors.
tail -1 "$S/ff.err" | grep -qx 'fangan: plans: 1; built: 0, up to date: 0, with errors: 0, failed: 1; warnings: 2; files written: 14' &&
	ok || no "a FIFO as the stamp is a failure in the summary: $(tail -1 "$S/ff.err")"
rm "$U/.fangan-stamp"
"$F" build -q -o "$S/o" "$S/p" >/dev/null 2>&1

# Outputs the plan no longer makes are removed: a unit dropped, then the
# attachment, then the DOCX (--format pdf; all listed in the stamp).
ls "$U/units" >"$S/units1"
sed -i '/市生态环境局机关党委/d' "$S/p/u.md"
"$F" build -q -o "$S/o" "$S/p" >/dev/null 2>&1
ls "$U/units" | diff "$S/units1" - | sed -n 's/^< //p' >"$S/gone"
[ "$(cat "$S/gone")" = "$(printf 'application-市生态环境局机关党委.docx\napplication-市生态环境局机关党委.pdf')" ] && ok ||
	{ no "a dropped unit's PDF and DOCX are removed"; cat "$S/gone"; }
[ "$(stamp_ok "$U")" = ok ] && ok || no "the stamp after a unit is dropped"
# Files that are not the stamp's, a stale output changed by hand, and a
# stale output turned into a symlink stay; the symlink is not followed.
echo mine >"$U/notes.txt"; echo mine >"$U/units/notes.pdf"
echo mine >"$S/target"
rm "$U/units/application-市财政局机关党委.pdf"; ln -s "$S/target" "$U/units/application-市财政局机关党委.pdf"
echo edited >>"$U/units/application-市财政局机关党委.docx"
printf -- '---\ntitle: 关于开展检查的通知\nissuer: 某某市人民政府办公室\ndate: 2020-03-01\n---\n\n一、检查内容。\n' >"$S/p/u.md"
"$F" build -q -o "$S/o" "$S/p" >/dev/null 2>"$S/g.err"
(cd "$U" && find . | sort) >"$S/left"
printf '%s\n' . ./.fangan-stamp ./notes.txt ./u.docx ./u.pdf ./units \
	./units/application-市财政局机关党委.docx ./units/application-市财政局机关党委.pdf ./units/notes.pdf >"$S/want"
cmp -s "$S/want" "$S/left" && ok || { no "an attachment dropped: its files go, others' stay"; diff "$S/want" "$S/left"; }
[ "$(cat "$S/target")" = mine ] && ok || no "a symlink among stale outputs is not followed"
grep -qx "fangan: $U/units/application-市财政局机关党委.docx: the plan no longer makes it, but it was changed after fangan wrote it; left in place" "$S/g.err" && ok ||
	{ no "a changed stale output is named and kept"; cat "$S/g.err"; }
"$F" build -q --format pdf -o "$S/o" "$S/p" >/dev/null 2>&1
[ -f "$U/u.pdf" ] && [ ! -e "$U/u.docx" ] && ok || no "--format pdf after pdf,docx removes NAME.docx"

# Temporary files a killed build left (write_file_atomic's names for our
# .pdf, .docx and stamp) go with the next build; nothing else does.
cp plans/five-upgrades.md "$S/p/u.md"
"$F" build -q -o "$S/o" "$S/p" >/dev/null 2>&1
touch "$U/.u.pdf.Ab12Cd" "$U/..fangan-stamp.x0X0x0" "$U/units/.a-b.docx.ZZZZZZ" "$U/.keep.txt.abcdef" "$U/.u.pdf.abc" "$U/units/.u.pdf.ab-def"
ln -s "$S/target" "$U/.v.pdf.abcdef"
printf '\n本方案自印发之日起施行。\n' >>"$S/p/u.md"
"$F" build -q -o "$S/o" "$S/p" >/dev/null 2>&1
(cd "$U" && find . -name '.*.*' | sort) >"$S/tmps"
printf './.keep.txt.abcdef\n./.u.pdf.abc\n./.v.pdf.abcdef\n./units/.u.pdf.ab-def\n' | cmp -s - "$S/tmps" && ok ||
	{ no "our temporary files cleaned, no others"; cat "$S/tmps"; }
# kill -9 in the middle of a build of 400 units' forms, at a few moments.
{ sed -n '1,/^units:/p' plans/five-upgrades.md
  i=0; while [ $i -lt 400 ]; do echo "  - 第${i}单位"; i=$((i + 1)); done
  sed -n '/^units:/,$p' plans/five-upgrades.md | sed -n '/^---$/,$p'; } >"$S/p/u.md"
for delay in 0.3 0.6 0.9; do
	"$F" build -j 1 --force -q -o "$S/o" "$S/p" >/dev/null 2>&1 &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	timeout 120 "$F" build -j 1 -q -o "$S/o" "$S/p" >/dev/null 2>&1
	n=$(find "$U" -name '.*.[A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9]' ! -name .v.pdf.abcdef ! -name .keep.txt.abcdef | wc -l)
	[ "$n" -eq 0 ] && [ "$(stamp_ok "$U")" = ok ] && [ "$(ls "$U/units" | grep -c '\.pdf$')" -eq 401 ] && ok ||
		no "killed after ${delay}s: the next build leaves no temporary file and a true stamp ($n left)"
done

# ---- a broken plan among good ones, -j 2 --------------------------------
mkdir -p "$T/m"
i=0
for p in five-upgrades model-organ five-star-school model-demonstration five-star-service; do
	i=$((i + 1)); cp "plans/$p.md" "$T/m/$i-$p.md"
done
printf -- '---\ntitle: [unclosed\n---\n正文。\n' >"$T/m/6-yaml.md"
"$F" build -j 2 -o "$T/mo" "$T/m" >"$T/m.out" 2>"$T/m.err"
[ $? -eq 1 ] && ok || no "-j 2 with broken plans exits 1"
[ "$(mains "$T/mo" | wc -l)" -eq 4 ] && ok || no "the four good plans are built"
# Each plan's findings together, the plans in order (the names start
# with their place).
grep -o '[0-9]-[a-z-]*\.md' "$T/m.err" | uniq >"$T/m.order"
sort -c "$T/m.order" 2>/dev/null && [ "$(sort -u "$T/m.order" | wc -l)" -eq "$(wc -l <"$T/m.order")" ] && ok ||
	{ no "findings in plan order"; cat "$T/m.order"; }
grep -q '3-five-star-school.md: has errors' "$T/m.err" && grep -q '6-yaml.md: has errors' "$T/m.err" && ok ||
	no "both broken plans are named"
"$F" build -j 1 --force -o "$T/mo" "$T/m" >"$T/m1.out" 2>"$T/m1.err"
cmp -s "$T/m.err" "$T/m1.err" && cmp -s "$T/m.out" "$T/m1.out" && ok || no "-j 1 prints the same as -j 2"

# ---- a worker that crashes ----------------------------------------------
FANGAN_TEST_CRASH=2-model-organ timeout 120 "$F" build -j 2 --force -o "$T/mo" "$T/m" >"$T/c.out" 2>"$T/c.err"
s=$?
[ $s -eq 2 ] && ok || no "a crashed worker makes exit status 2 (got $s)"
grep -q "2-model-organ.md: the worker building it \(was killed\|exited abnormally\)" "$T/c.err" && ok || { no "the crash is reported for its plan"; cat "$T/c.err"; }
[ "$(built "$T/c.out")" -eq 3 ] && ok || { no "the other plans still build"; cat "$T/c.out"; }
grep -o '[0-9]-[a-z-]*\.md' "$T/c.err" | uniq >"$T/c.order"
sort -c "$T/c.order" 2>/dev/null && [ "$(sort -u "$T/c.order" | wc -l)" -eq "$(wc -l <"$T/c.order")" ] && ok ||
	{ no "findings still in plan order after a crash"; cat "$T/c.order"; }

# ---- plans that would share an output folder ----------------------------
mkdir -p "$T/d1" "$T/d2"
cp plans/five-upgrades.md "$T/d1/x.md"; cp plans/model-organ.md "$T/d2/x.md"
"$F" build -j 2 -o "$T/do" "$T/d1/x.md" "$T/d2/x.md" >/dev/null 2>"$T/d.err"
[ $? -eq 2 ] && grep -q "d2/x.md: not built: .*d1/x.md writes the same output folder" "$T/d.err" && ok || { no "same output folder refused"; cat "$T/d.err"; }

# ---- options ---------------------------------------------------------------
"$F" build -j 0 -o "$T/x" plans/five-upgrades.md >/dev/null 2>&1
[ $? -eq 2 ] && ok || no "-j 0 is refused"
"$F" build -j3 -o "$T/x" plans/five-upgrades.md >/dev/null 2>&1
[ $? -eq 0 ] && ok || no "-j3 is accepted"
"$F" build --jobs=2 -o "$T/x" plans/five-upgrades.md >/dev/null 2>&1
[ $? -eq 0 ] && ok || no "--jobs=2 is accepted"

# ---- progress: nothing off a terminal, a cleared line on one -------------
"$F" build -j 2 --force -o "$T/mo" "$T/m" >/dev/null 2>"$T/np.err"
if grep -q "$(printf '\r')" "$T/np.err" || grep -q '^\[' "$T/np.err"; then no "progress noise off a terminal"; else ok; fi
if need script; then
	script -qec "$F build -j 2 --force -o $T/mo $T/m >/dev/null" /dev/null >"$T/tty.out" 2>&1
	grep -aq '\[6/6\] [0-9.]*s' "$T/tty.out" && ok || { no "a progress line on a terminal"; cat -v "$T/tty.out" | head -5; }
	tail -c 200 "$T/tty.out" | grep -aq "$(printf '\r\033\\[K')" && ok || no "the progress line is cleared"
fi

finish batch
