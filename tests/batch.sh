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
# The summary line: plans built, up to date, with errors; warnings; files
# (each form, ledger and score sheet as PDF and DOCX).
tail -1 "$T/i1.err" | grep -qx 'fangan: plans: 3; built: 3, up to date: 0, with errors: 0; warnings: 11; files written: 23' && ok ||
	{ no "the summary of a first build"; tail -1 "$T/i1.err"; }
grep -c "warning:" "$T/i1.err" | grep -qx 11 && ok || { no "eleven warnings"; cat "$T/i1.err"; }
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
tail -1 "$T/i2.err" | grep -qx 'fangan: plans: 3; built: 0, up to date: 3, with errors: 0; warnings: 11; files written: 0' && ok ||
	{ no "the summary of an up-to-date build"; tail -1 "$T/i2.err"; }
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
