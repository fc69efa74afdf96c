#!/bin/sh
# `fangan watch` tests for the binary given as $1: it builds, then
# rebuilds when the plan is saved in place or by rename (as editors do),
# or when a text attachment changes; it ignores an editor's swap files;
# each round starts with a time stamp and ends with the summary; SIGINT
# ends it with status 0 and no temporary file left.  Every wait is
# bounded (wait_for), so a watch that never reacts fails instead of
# hanging.
F=${1:-./fangan}
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
export LSAN_OPTIONS
T=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
# wait_for SECONDS COMMAND...: true as soon as COMMAND is, false after
# SECONDS.
wait_for() {
	n=$(($1 * 10)); shift
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.1; n=$((n - 1))
	done
	return 1
}
# How many rounds the watch has finished (summary lines).
rounds() { grep -c '^fangan: plans: ' "$T/err"; }
rounds_are() { [ "$(rounds)" -eq "$1" ]; }
inode() { stat -c %i "$1" 2>/dev/null; }

mkdir -p "$T/p/attachments"
cp tests/plans/text-attachment.md "$T/p/plan.md"
cp -r tests/plans/attachments/. "$T/p/attachments/"
pdf=$T/out/plan/plan.pdf

# ---- usage -----------------------------------------------------------------
"$F" watch >/dev/null 2>&1; [ $? -eq 2 ] && ok || no "watch without PATH exits 2"
"$F" watch --bogus "$T/p" >/dev/null 2>"$T/u"
[ $? -eq 2 ] && grep -q "^fangan watch: unknown option '--bogus'" "$T/u" && ok || { no "unknown option"; cat "$T/u"; }
"$F" watch --help | grep -q '^usage: fangan watch ' && ok || no "watch --help"
# A bad SOURCE_DATE_EPOCH cannot change while the watch runs: it stops
# at once (exit 2, as build does), said once, nothing built or watched.
SOURCE_DATE_EPOCH=12x timeout 20 "$F" watch -o "$T/sde" "$T/p" >/dev/null 2>"$T/u"; s=$?
[ $s -eq 2 ] && [ ! -e "$T/sde" ] && ok || { no "watch with a bad SOURCE_DATE_EPOCH: exit 2 at once (got $s)"; cat "$T/u"; }
[ "$(cat "$T/u")" = "fangan watch: the value '12x' of SOURCE_DATE_EPOCH is not a valid number of seconds (whole seconds since 1970-01-01 00:00 UTC, at most 253402300799)" ] &&
	ok || { no "watch says a bad SOURCE_DATE_EPOCH once"; cat "$T/u"; }
# So does a bad value of a build option (it said so again each round).
timeout 20 "$F" watch -j 0 -o "$T/sde" "$T/p" >/dev/null 2>"$T/u"; s=$?
[ $s -eq 2 ] && [ ! -e "$T/sde" ] && [ "$(cat "$T/u")" = "fangan build: -j wants a number of jobs from 1 to 1024" ] &&
	ok || { no "watch -j 0: exit 2 at once, said once (got $s)"; cat "$T/u"; }

# ---- the first round -------------------------------------------------------
"$F" watch -j 2 -o "$T/out" "$T/p" >"$T/out.log" 2>"$T/err" &
pid=$!
wait_for 60 rounds_are 1 && ok || { no "the first build"; cat "$T/err"; }
[ -s "$pdf" ] && ok || no "the first build writes the PDF"
grep -Eq '^\[[0-9]{2}:[0-9]{2}:[0-9]{2}\] building$' "$T/err" && ok || { no "a time stamp before the first build"; cat "$T/err"; }
i1=$(inode "$pdf")

# ---- saved by rename: a new file moved over the plan ------------------------
sed 's/^title: .*/&/; $a\
\
报送时间另行通知，20XX年前完成。' "$T/p/plan.md" >"$T/p/.plan.md.new"
mv "$T/p/.plan.md.new" "$T/p/plan.md"
wait_for 60 rounds_are 2 && ok || { no "a plan saved by rename is rebuilt"; cat "$T/err"; }
grep -Eq "^\[[0-9]{2}:[0-9]{2}:[0-9]{2}\] $T/p/plan.md changed; building again$" "$T/err" && ok ||
	{ no "the round names the changed plan with a time stamp"; cat "$T/err"; }
grep -q "plan.md:[0-9]*:[0-9]*: warning: 未替换的占位符“20XX” \[placeholder\]" "$T/err" && ok ||
	{ no "the new finding is printed"; cat "$T/err"; }
tail -1 "$T/err" | grep -q 'built: 1, up to date: 0' && ok || { no "the plan was rebuilt"; tail -1 "$T/err"; }
i2=$(inode "$pdf")
[ -n "$i2" ] && [ "$i1" != "$i2" ] && ok || no "the PDF was written again"

# ---- saved in place: a text attachment --------------------------------------
printf '\n附加一段。\n' >>"$T/p/attachments/rules.md"
wait_for 60 rounds_are 3 && ok || { no "a changed text attachment rebuilds"; cat "$T/err"; }
grep -q "$T/p/attachments/rules.md changed; building again" "$T/err" && ok || no "the attachment is named"
tail -1 "$T/err" | grep -q 'built: 1, up to date: 0' && ok || { no "the plan was rebuilt for its attachment"; tail -1 "$T/err"; }
# The kept warning comes again with every round.
[ "$(grep -c '20XX' "$T/err")" -eq 2 ] && ok || no "the kept warning is printed again"

# ---- an editor's swap and backup files are not inputs -----------------------
echo x >"$T/p/.plan.md.swp"; echo x >"$T/p/plan.md~"; echo x >"$T/p/4913"; rm "$T/p/4913"
sleep 1
rounds_are 3 && ok || { no "swap files do not rebuild"; cat "$T/err"; }

# ---- a plan added to the folder ---------------------------------------------
cp plans/model-demonstration.md "$T/p/second.md"
wait_for 60 rounds_are 4 && ok || { no "a new plan in the folder is built"; cat "$T/err"; }
wait_for 10 test -s "$T/out/second/second.pdf" && ok || no "the new plan's PDF"

# ---- Ctrl-C while a build runs: it finishes, then the watch ends -------------
printf '\n再加一段。\n' >>"$T/p/second.md"
sleep 0.2
kill -INT "$pid"
wait_for 60 sh -c "! kill -0 $pid 2>/dev/null" && ok || no "SIGINT ends the watch"
wait "$pid"; s=$?
pid=
[ $s -eq 0 ] && ok || { no "SIGINT: exit status 0 (got $s)"; cat "$T/err"; }
[ -z "$(find "$T/out" -type f -name '.*' ! -name .fangan-stamp)" ] && ok || no "no temporary file left"
for f in "$pdf" "$T/out/second/second.pdf"; do
	qpdf --check "$f" >/dev/null 2>&1 && ok || no "$f is whole"
done

# ---- a fonts.map line that is skipped: said in the first round only --------
mkdir -p "$T/bf/fonts" "$T/bf/p"
echo 'no font' >"$T/bf/fonts/junk.ttf"
printf 'body = junk.ttf\n' >"$T/bf/fonts/fonts.map"
cp plans/model-demonstration.md "$T/bf/p/plan.md"
: >"$T/err"
"$F" watch --no-cache --fonts "$T/bf/fonts" -o "$T/bf/out" "$T/bf/p" >/dev/null 2>"$T/err" &
pid=$!
wait_for 60 rounds_are 1 && ok || { no "watch with a skipped fonts.map line: the first round"; cat "$T/err"; }
printf '\n再加一段。\n' >>"$T/bf/p/plan.md"
wait_for 60 rounds_are 2 && ok || { no "watch with a skipped fonts.map line: the second round"; cat "$T/err"; }
kill -INT "$pid"; wait "$pid"; pid=
[ "$(grep -c "^fangan: $T/bf/fonts/fonts.map:1: skipped (body): $T/bf/fonts/junk.ttf is not a TrueType/OpenType font; name a TrueType font file (.ttf, .ttc) there, or delete the line\$" "$T/err")" -eq 1 ] &&
	ok || { no "watch says a skipped fonts.map line once"; cat "$T/err"; }

echo "watch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
