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
	grep -qxF "fangan: $T/o/model-demonstration/model-demonstration.pdf: $notreg" "$T/err" &&
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
# The plan could not be written: the summary counts it as failed (exit
# status 2), not as a plan with errors (exit status 1).
tail -1 "$T/err" | grep -qx 'fangan: plans: 1; built: 0, up to date: 0, with errors: 0, failed: 1; warnings: 0; files written: 12' &&
	ok || no "a symlinked units/ is a failure in the summary: $(tail -1 "$T/err")"

# ---- item 2: nothing read outside its folder, nothing fetched ----
# A plan with its own templates/ (a copy of the shipped ones).
mkplan() {
	rm -rf "${T:?}/$1"; mkdir -p "$T/$1/templates"
	cp templates/*.xml templates/template.rng "$T/$1/templates/"
	cp "$plan" "$T/$1/p.md"
}
# A template.rng that refers to a file and a URL: refused before any
# read, and nothing connects (a listener records a connection).
mkplan rng
python3 -c '
import socket, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(5); s.settimeout(15)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
try:
    s.accept(); open(sys.argv[2], "w").write("connected")
except OSError:
    pass
' "$T/port" "$T/conn" &
listener=$!
i=0; while [ ! -s "$T/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$T/port")
printf '%s\n' '<?xml version="1.0"?>' \
	'<grammar xmlns="http://relaxng.org/ns/structure/1.0">' \
	'  <start><choice>' \
	'    <externalRef href="file:///etc/passwd"/>' \
	"    <div><include href=\"http://127.0.0.1:$port/x.rng\"/></div>" \
	'  </choice></start>' \
	'</grammar>' >"$T/rng/templates/template.rng"
run "$F" check "$T/rng/p.md"
r=$?
kill "$listener" 2>/dev/null; wait "$listener" 2>/dev/null
[ $r -eq 1 ] && [ ! -e "$T/conn" ] && ok || no "template.rng with externalRef: exit $r, $(cat "$T/conn" 2>/dev/null)"
refmsg="模式文件template.rng不能用<%s href=\"%s\">引用其他文件或网址：请把所需的定义直接写进template.rng [template]"
grep -qxF "$T/rng/templates/template.rng:4:5: error: $(printf "$refmsg" externalRef file:///etc/passwd)" "$T/out" &&
	grep -qxF "$T/rng/templates/template.rng:5:10: error: $(printf "$refmsg" include "http://127.0.0.1:$port/x.rng")" "$T/out" &&
	! grep -q "root:" "$T/out" && ok || no "template.rng externalRef message: $(cat "$T/out")"
# An internal DTD in a template: refused at the DOCTYPE, before the
# quadratic entity blowup could start (115 KB: minutes and 440 MB before).
mkplan dtd
python3 -c '
import sys
n = 28000
head, rest = open("templates/notice.xml").read().split("\n", 1)
open(sys.argv[1], "w").write(head + "\n<!DOCTYPE notice [\n<!ENTITY a \"" + "x" * n + "\">\n]>\n"
                             + rest.replace("<notice", "<notice a=\"" + "&a;" * n + "\"", 1))
' "$T/dtd/templates/notice.xml"
dtdmsg="文件含有<!DOCTYPE …>（文档类型定义）：fangan不读取DTD和实体，以免读到别的文件、连接网络或展开成极大的内容；请删去这一段 [template]"
start=$(date +%s)
timeout 10 "$F" check "$T/dtd/p.md" >"$T/out" 2>"$T/err"
r=$?
[ $r -eq 1 ] && [ $(($(date +%s) - start)) -le 5 ] && ok || no "template with a DTD: exit $r"
grep -qxF "$T/dtd/templates/notice.xml:2:1: error: $dtdmsg" "$T/out" && ok || no "template DTD message: $(cat "$T/out")"
# The same in template.rng.
mkplan dtdrng
printf '<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="notice"><text/></element></start></grammar>\n' \
	>"$T/dtdrng/templates/template.rng"
run "$F" check "$T/dtdrng/p.md"
[ $? -eq 1 ] && grep -qxF "$T/dtdrng/templates/template.rng:2:1: error: $dtdmsg" "$T/out" && ok ||
	no "template.rng DTD: $(cat "$T/out")"
# A template that is a symlink, a templates/ folder that is one, a
# symlinked template.rng, a FIFO as a template.
linkmsg="这个文件或它所在的templates文件夹是符号链接：fangan只读取templates/里真正的文件，请把文件本身复制进来 [template]"
mkplan tl
mv "$T/tl/templates/notice.xml" "$T/notice.xml"
ln -s "$T/notice.xml" "$T/tl/templates/notice.xml"
run "$F" check "$T/tl/p.md"
[ $? -eq 1 ] && grep -qxF "$T/tl/templates/notice.xml:1:1: error: $linkmsg" "$T/out" && ok ||
	no "a symlinked template: $(cat "$T/out")"
mkplan td
mv "$T/td/templates" "$T/elsewhere-templates"
ln -s ../elsewhere-templates "$T/td/templates"
run "$F" check "$T/td/p.md"
[ $? -eq 1 ] && grep -qxF "$T/td/templates/notice.xml:1:1: error: $linkmsg" "$T/out" && ok ||
	no "a symlinked templates/ folder: $(cat "$T/out")"
mkplan tr
ln -sf /etc/passwd "$T/tr/templates/template.rng"
run "$F" check "$T/tr/p.md"
[ $? -eq 1 ] && grep -qxF "$T/tr/templates/template.rng:1:1: error: $linkmsg" "$T/out" && ok ||
	no "a symlinked template.rng: $(cat "$T/out")"
mkplan tf
rm "$T/tf/templates/notice.xml"; mkfifo "$T/tf/templates/notice.xml"
run "$F" check "$T/tf/p.md"
[ $? -eq 1 ] && grep -qxF "$T/tf/templates/notice.xml:1:1: error: 这不是普通文件（是管道、设备或套接字）：请换成真正的XML文件 [template]" "$T/out" && ok ||
	no "a FIFO as a template: $(cat "$T/out")"
# A text attachment in a symlinked folder, or a symlink itself.
mkdir -p "$T/ta"
cp tests/plans/text-attachment.md "$T/ta/p.md"
cp -r tests/plans/attachments "$T/outside"
ln -s ../outside "$T/ta/attachments"
attlink="附件文件“attachments/rules.md”是符号链接（或经过符号链接的文件夹）：fangan只读取方案所在文件夹里真正的文件，请把文件本身复制进来 [attachment-ref]"
run "$F" check "$T/ta/p.md"
[ $? -eq 1 ] && grep -qxF "$T/ta/p.md:11:5: error: $attlink" "$T/out" && ok || no "a text attachment in a symlinked folder: $(cat "$T/out")"
rm "$T/ta/attachments"; mkdir "$T/ta/attachments"
ln -s "$T/outside/rules.md" "$T/ta/attachments/rules.md"
run "$F" check "$T/ta/p.md"
[ $? -eq 1 ] && grep -qxF "$T/ta/p.md:11:5: error: $attlink" "$T/out" && ok || no "a symlinked text attachment: $(cat "$T/out")"

# ---- item 4: what the README says is what happens ----
# Control characters (ESC, BEL, DEL, C1, bidi) are char-control errors,
# and nothing fangan prints or writes holds one raw: check's findings,
# calendar --upcoming and the .ics show each as <U+XXXX> (a deadline name
# made with YAML escapes used to set the terminal's title and clear it).
mkdir -p "$T/cc"
printf -- '---\ntitle: 关于开展读书活动的通知\nissuer: 青禾市机关工委\ndate: 2020-04-01\ncampaign: {start: 2020-04-01, end: 2020-06-30}\ndeadlines:\n  - name: "报送\\e]0;PWNED\\a\\e[2J\\u202E材料"\n    due: 2020-04-04\n---\n\n正文\033[31m红色。\n' >"$T/cc/e.md"
run "$F" check "$T/cc/e.md"
[ $? -eq 1 ] && ok || no "check of control characters: exit 1"
raw() { grep -c "$(printf '[\033\007\177]')\|$(printf '\342\200\256')" "$1"; }
[ "$(raw "$T/out")" -eq 0 ] && [ "$(raw "$T/err")" -eq 0 ] && ok || no "check prints a control raw: $(cat -v "$T/out")"
ctl="这里有一个控制字符（U+001B）：它看不见，却会搅乱终端、日历等程序的显示，请删去（文件可能从别的程序复制来时混入了它） [char-control]"
grep -qxF "$T/cc/e.md:7:11: error: $ctl" "$T/out" && grep -qxF "$T/cc/e.md:11:3: error: $ctl" "$T/out" &&
	ok || no "char-control for ESC (YAML escape and raw): $(cat -v "$T/out")"
grep -qF '报送<U+001B>]0;PWNED<U+0007><U+001B>[2J<U+202E>材料' "$T/out" && ok || no "the name shown with <U+XXXX>: $(cat -v "$T/out")"
run "$F" calendar --upcoming 30 --today 2020-04-01 "$T/cc/e.md"
[ "$(raw "$T/out")" -eq 0 ] && grep -qF '  报送<U+001B>]0;PWNED<U+0007><U+001B>[2J<U+202E>材料' "$T/out" &&
	ok || no "calendar --upcoming prints a control raw: $(cat -v "$T/out")"
run "$F" calendar "$T/cc/e.md"
[ "$(raw "$T/out")" -eq 0 ] && grep -qF 'SUMMARY:报送<U+001B>]0\;PWNED<U+0007><U+001B>[2J<U+202E>材料' "$T/out" &&
	ok || no "the .ics holds a control raw: $(cat -v "$T/out")"
# fangan new NAME: no name the output cleaner would change.
for c in "$(printf '\342\200\256')" "$(printf '\342\201\246')" "$(printf '\342\200\250')" "$(printf '\302\205')" "$(printf '\330\234')" ':'; do
	(cd "$T/cc" && timeout 10 "$OLDPWD/$F" new "q${c}q" >"$T/out" 2>"$T/err")
	[ $? -eq 2 ] && [ ! -e "$T/cc/plans" ] && [ "$(raw "$T/err")" -eq 0 ] && grep -q "is not a plain file name" "$T/err" &&
		ok || no "new with U+$(printf '%s' "$c" | od -An -tx1 | tr -d ' '): $(cat -v "$T/err")"
done
# U+061C (Arabic letter mark) in a plan's file name does not reach the output folder.
cp "$plan" "$T/cc/p$(printf '\330\234')q.md"
run "$F" build --format pdf -o "$T/cc/o" "$T/cc/p$(printf '\330\234')q.md"
[ -d "$T/cc/o/p_q" ] && ok || no "U+061C in an output name: $(ls "$T/cc/o" | od -c | head -2)"
# A character no font has in a unit's name, drawn only on the unit's copy
# of a form: no file of the plan at all, the finding at the unit's line.
mkdir -p "$T/gu"
printf -- '---\ntitle: 关于报送申报表的通知\nissuer: 青禾市机关工委\ndate: 2020-04-01\nattachments:\n  - id: apply\n    type: form\n    title: 申报表\n    fields: [申报单位, 联系人]\nunits:\n  - 市财政局\n  - 市审计局\360\223\200\200机关\n---\n\n各单位：\n\n请填写附件。\n\n附件：申报表\n' >"$T/gu/u.md"
run "$F" build -o "$T/gu/o" "$T/gu/u.md"
[ $? -eq 1 ] && [ -z "$(find "$T/gu/o" -type f 2>/dev/null)" ] && ok ||
	no "a unit's missing glyph still wrote: $(find "$T/gu/o" -type f)"
grep -qxF "$T/gu/u.md:12:5: error: 字符“𓀀”（U+13000）没有任何已配置的body字体能够显示 [glyph-missing]" "$T/err" &&
	[ "$(grep -c glyph-missing "$T/err")" -eq 1 ] && ok || no "a unit's missing glyph, at its line: $(cat "$T/err")"
# SOURCE_DATE_EPOCH malformed or out of range: an error before any work.
for v in abc -5 1e9 253402300800 99999999999999999999; do
	SOURCE_DATE_EPOCH=$v run "$F" build -o "$T/sde" "$plan"
	[ $? -eq 2 ] && [ ! -e "$T/sde" ] &&
		grep -qxF "fangan: the value '$v' of SOURCE_DATE_EPOCH is not a valid number of seconds (whole seconds since 1970-01-01 00:00 UTC, at most 253402300799)" "$T/err" &&
		ok || no "SOURCE_DATE_EPOCH=$v: $(cat "$T/err")"
done
SOURCE_DATE_EPOCH=x run "$F" calendar "$plan"
[ $? -eq 2 ] && grep -qxF "fangan calendar: the value 'x' of SOURCE_DATE_EPOCH is not a valid number of seconds (whole seconds since 1970-01-01 00:00 UTC, at most 253402300799)" "$T/err" &&
	ok || no "calendar SOURCE_DATE_EPOCH=x: $(cat "$T/err")"
# The extremes are dates: 1970-01-01 and 9999-12-31, never D:0000.
for v in 0:19700101 253402300799:99991231; do
	SOURCE_DATE_EPOCH=${v%:*} run "$F" build --force -o "$T/sde" "$plan"
	pdfinfo -rawdates "$T/sde/model-demonstration/model-demonstration.pdf" | grep -qx "CreationDate: *D:${v#*:}000000" &&
		ok || no "SOURCE_DATE_EPOCH=${v%:*}: $(pdfinfo -rawdates "$T/sde/model-demonstration/model-demonstration.pdf" | grep CreationDate)"
done
# A NUL and bidirectional controls are findings where they are, and the
# build writes nothing (so they never reach a file name).
printf -- '---\ntitle: 关于开展\342\200\256读书活动的通知\nissuer: 青禾市机关工委\ndoc_number: 青工〔2020〕1号\ndate: 2020-03-01\nattachments:\n  - id: "a\342\201\246b"\n    type: form\n    title: 表\n    fields: [单位]\n---\n\n各科室：\n\n为营造\000学习氛围，特制定本方案。\n\n附件：表\n' >"$T/ctl.md"
run "$F" build -o "$T/ctl" "$T/ctl.md"
[ $? -eq 1 ] && [ -z "$(find "$T/ctl" -type f 2>/dev/null)" ] && ok || no "a plan with controls built: $(find "$T/ctl" -type f)"
bidi="这里有一个看不见的方向控制符（U+%04X）：它会让文字显示的顺序与实际的不同，请删去 [char-control]"
grep -qxF "$T/ctl.md:2:12: error: $(printf "$bidi" 0x202E)" "$T/err" &&
	grep -qxF "$T/ctl.md:7:11: error: $(printf "$bidi" 0x2066)" "$T/err" &&
	grep -qxF "$T/ctl.md:15:4: error: 这里有一个空字符（U+0000）：它会截断文字，请删去（文件可能从别的程序复制来时混入了它） [char-control]" "$T/err" &&
	ok || no "control characters: $(cat "$T/err")"
# The same characters made by YAML escapes ("\0", "\u202E") in a
# double-quoted value: findings at the value, nothing written (a NUL id
# once built ru.pdf silently).
printf -- '---\ntitle: "关于开展\\u202E读书活动的通知"\nissuer: 青禾市机关工委\ndoc_number: 青工〔2020〕1号\ndate: 2020-03-01\nattachments:\n  - id: "ru\\0les"\n    type: form\n    title: 表\n    fields: [单位]\n---\n\n各科室：\n\n为营造学习氛围，特制定本方案。\n\n附件：表\n' >"$T/esc.md"
run "$F" build -o "$T/esc" "$T/esc.md"
[ $? -eq 1 ] && [ -z "$(find "$T/esc" -type f 2>/dev/null)" ] &&
	grep -qxF "$T/esc.md:2:8: error: $(printf "$bidi" 0x202E)" "$T/err" &&
	grep -qxF "$T/esc.md:7:9: error: 这里有一个空字符（U+0000）：它会截断文字，请删去（文件可能从别的程序复制来时混入了它） [char-control]" "$T/err" &&
	[ "$(grep -c 'char-control' "$T/err")" -eq 2 ] &&
	ok || no "controls by YAML escapes: $(cat "$T/err"; find "$T/esc" -type f)"
# The YAML merge key: applied (the keys it brings, the mapping's own
# winning), and anything but mappings after it refused.
cat >"$T/merge.md" <<'EOF'
---
title: 关于开展读书活动的通知
issuer: 青禾市机关工委
doc_number: 青工〔2020〕1号
date: 2020-03-01
campaign: {start: 2020-03-02, end: 2020-11-30}
x-common: &d
  by: 各科室
  to: 办公室
x-start: &s {start: 2020-03-02}
phases:
  - <<: *s
    name: 动员阶段
    end: 2020-03-10
  - name: 实施阶段
    end: 2020-11-30
deadlines:
  - <<: *d
    name: 报送读书计划
    due: 2020-03-20
  - <<: [{to: 工会}, *d]
    name: 报送读书心得
    due: 2020-06-19
---

各科室：

为营造学习氛围，特制定本方案。
EOF
run "$F" calendar "$T/merge.md"
[ $? -eq 0 ] && tr -d '\r\n ' <"$T/out" | grep -qF '报送读书计划DESCRIPTION:截止日期：2020年3月20日\n报送单位：各科室\n报送至：办公室' &&
	tr -d '\r\n ' <"$T/out" | grep -qF '报送读书心得DESCRIPTION:截止日期：2020年6月19日\n报送单位：各科室\n报送至：工会' &&
	ok || no "YAML merge keys: $(cat "$T/err")"
sed 's/  - <<: \*s/  - <<: 3/' "$T/merge.md" >"$T/merge3.md"
run "$F" check "$T/merge3.md"
[ $? -eq 1 ] && grep -qxF "$T/merge3.md:12:5: error: 合并键“<<”的值应是映射的别名（如“<<: *通用设置”）或这样的列表，而不是标量 [yaml-syntax]" "$T/out" &&
	ok || no "a merge key of a scalar: $(cat "$T/out")"
# An empty list, and a list with a scalar before a mapping (it was let
# through when the last item was a mapping), are each said for what they are.
for v in '[]:空列表' '[3, *s]:含有非映射的列表'; do
	sed "s/  - <<: \*s/  - <<: ${v%%:*}/" "$T/merge.md" >"$T/mergel.md"
	run "$F" check "$T/mergel.md"
	[ $? -eq 1 ] && grep -qxF "$T/mergel.md:12:5: error: 合并键“<<”的值应是映射的别名（如“<<: *通用设置”）或这样的列表，而不是${v#*:} [yaml-syntax]" "$T/out" &&
		ok || no "a merge key of ${v%%:*}: $(cat "$T/out")"
done
# Merging is bounded: 15,000 keys into 15,000 ends at once.
python3 -c '
n = 15000
print("---\ntitle: x\na: &a {" + ", ".join("a%d: 1" % i for i in range(n)) + "}\nb: {<<: *a, "
      + ", ".join("b%d: 1" % i for i in range(n)) + "}\n---\n\n正文。")' >"$T/mergebig.md"
run "$F" check "$T/mergebig.md"
[ $? -eq 1 ] && grep -qxF "$T/mergebig.md:4:5: error: 合并键“<<”合并的键过多：请直接写出这些键 [yaml-syntax]" "$T/out" &&
	ok || no "a huge merge: $(head -3 "$T/out")"

finish hostile
