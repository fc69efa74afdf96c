#!/bin/sh
# Hostile-filesystem tests for the fangan binary given as $1 (issue 16):
# outputs that are devices, FIFOs or symlinks are never replaced or
# followed, and nothing hangs — each run bounded by `timeout`, each
# message exact.  Devices are made with mknod (needs CAP_MKNOD: as an
# ordinary user those checks are counted as skipped).
F=${1:-./fangan}
# Messages in English (the catalogues are tested by tests/i18n.sh).
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
. tests/lib.sh
need timeout
run() { timeout 20 "$@" >"$T/out" 2>"$T/err"; }
notreg="not a regular file (a device, pipe, socket or folder); fangan replaces only regular files"
plan=plans/model-demonstration.md

# ---- item 1: never destroy what is not ours ----
if mknod "$T/null" c 1 3 2>/dev/null && mknod "$T/full" c 1 7 2>/dev/null; then
	# calendar -o into a character device writes into it, as asked.
	run "$F" calendar -o "$T/null" "$plan"
	[ $? -eq 0 ] && [ -c "$T/null" ] && ok || { no "calendar -o a device: $(cat "$T/err")"; ls -l "$T/null"; }
	run "$F" calendar -o "$T/full" "$plan"
	[ $? -eq 2 ] && [ -c "$T/full" ] && grep -qx "fangan calendar: $T/full: No space left on device" "$T/err" && ok ||
		{ no "calendar -o /dev/full: $(cat "$T/err")"; ls -l "$T/full"; }
	ln -s "$T/null" "$T/link"
	run "$F" calendar -o "$T/link" "$plan"
	[ $? -eq 0 ] && [ -L "$T/link" ] && [ -c "$T/null" ] && ok || no "calendar -o a symlink to a device"
	# A build's output that is a device is refused and left as it is.
	mkdir -p "$T/o/model-demonstration"
	mknod "$T/o/model-demonstration/model-demonstration.pdf" c 1 3
	run "$F" build -o "$T/o" "$plan"
	[ $? -eq 2 ] && [ -c "$T/o/model-demonstration/model-demonstration.pdf" ] && ok ||
		{ no "build over a device: $(cat "$T/err")"; ls -l "$T/o/model-demonstration"; }
	grep -qF "model-demonstration.pdf: cannot write $T/o/model-demonstration/model-demonstration.pdf: $notreg" "$T/err" &&
		ok || no "build over a device says so: $(cat "$T/err")"
else
	skip "outputs that are devices (mknod not permitted)"
fi
# A FIFO nobody reads: an error at once, not a hang; still a FIFO.
mkfifo "$T/fifo"
run "$F" calendar -o "$T/fifo" "$plan"
[ $? -eq 2 ] && [ -p "$T/fifo" ] && grep -qx "fangan calendar: $T/fifo: a pipe that nobody reads" "$T/err" && ok ||
	{ no "calendar -o a FIFO: $(cat "$T/err")"; }
# A socket is not replaced either.
python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$T/sock"
run "$F" calendar -o "$T/sock" "$plan"
[ $? -eq 2 ] && [ -S "$T/sock" ] && grep -qxF "fangan calendar: $T/sock: $notreg" "$T/err" && ok ||
	no "calendar -o a socket: $(cat "$T/err")"
# /dev/stdout is written into (where this machine's /dev/stdout works:
# in some sandboxes a write through it is lost, even the shell's own).
sh -c 'echo x >/dev/stdout' >"$T/probe"
if [ -s "$T/probe" ]; then
	run "$F" calendar -o /dev/stdout "$plan"
	[ $? -eq 0 ] && head -1 "$T/out" | grep -q '^BEGIN:VCALENDAR' && ok || no "calendar -o /dev/stdout: $(cat "$T/err")"
else
	skip "calendar -o /dev/stdout (a write through /dev/stdout is lost on this machine)"
fi

# ---- item 2: nothing written through a symlink ----
symlink="a symbolic link; fangan writes its files only into a real folder there"
mkdir -p "$T/s/o" "$T/s/elsewhere"
ln -s ../elsewhere "$T/s/o/model-demonstration"
run "$F" build -o "$T/s/o" "$plan"
[ $? -eq 2 ] && [ -z "$(ls "$T/s/elsewhere")" ] && ok || no "a symlinked OUTDIR/NAME is followed: $(ls "$T/s/elsewhere")"
grep -qxF "fangan: $T/s/o/model-demonstration: $symlink" "$T/err" && ok || no "symlinked OUTDIR/NAME message: $(cat "$T/err")"
mkdir -p "$T/s/o/forms"
ln -s ../../elsewhere "$T/s/o/forms/units"
run "$F" build -o "$T/s/o" tests/plans/forms.md
[ $? -eq 2 ] && [ -z "$(ls "$T/s/elsewhere")" ] && ok || no "a symlinked units/ is followed: $(ls "$T/s/elsewhere")"
grep -qxF "fangan: $T/s/o/forms/units: $symlink" "$T/err" && ok || no "symlinked units/ message: $(cat "$T/err")"

finish hostile
