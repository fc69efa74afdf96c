#!/bin/sh
# tests/durable.sh — what reaches the disk before a file counts as
# written (issue 16.3, README "Builds you can trust"), read off the
# system calls with strace:
#   - a file written alone (calendar -o): fsync of the temp file, the
#     rename, then fsync of its folder;
#   - a build: one syncfs after the plan's last output is renamed into
#     place and before its stamp is, so a stamp never vouches for files
#     that a power cut could still lose.
F=${1:-./fangan}
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
# LeakSanitizer cannot run under ptrace; the other suites look for leaks.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; export ASAN_OPTIONS
. tests/lib.sh
need strace || { finish durable; exit 1; }

plan=tests/plans/text-attachment.md
# The calls in order, one word each: fsync, rename, syncfs.
calls() {
	sed -n 's/^[0-9]* *\(fsync\|syncfs\|rename\)(\([^,)]*\).*/\1 \2/p' "$1"
}

strace -f -qq -e trace=fsync,syncfs,rename -o "$T/cal.tr" "$F" calendar -o "$T/c.ics" "$plan"
[ $? -eq 0 ] && [ -s "$T/c.ics" ] && ok || no "calendar -o under strace"
got=$(calls "$T/cal.tr" | grep -v '/.cache/\|fonts-' | sed 's/ .*//' | tr '\n' ' ')
[ "$got" = "fsync rename fsync " ] && ok || no "calendar -o: fsync, rename, fsync of the folder; got: $got"

XDG_CACHE_HOME=$T/cache strace -f -qq -e trace=fsync,syncfs,rename -o "$T/build.tr" \
	"$F" build -o "$T/o" "$plan" >/dev/null 2>&1
[ $? -eq 0 ] && [ -s "$T/o/text-attachment/.fangan-stamp" ] && ok || no "build under strace"
# The build's own calls: outputs renamed, one syncfs, then the stamp.
calls "$T/build.tr" | grep -v '/cache/' >"$T/seq"
out=$(grep -c '^rename "'"$T"'/o/text-attachment/\.[^.]' "$T/seq")
[ "$out" -eq 3 ] && ok || no "three outputs (PDF, DOCX, rules.pdf) renamed into place: $out"
order=$(awk '/^rename .*\.fangan-stamp/ { print "stamp"; next }
	/^rename / { print "out"; next } /^syncfs/ { print "sync" }' "$T/seq" | uniq | tr '\n' ' ')
[ "$order" = "out sync stamp " ] && ok || no "outputs, syncfs, then the stamp; got: $order"

finish durable
