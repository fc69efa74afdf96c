#!/bin/sh
# Message catalogue tests for the fangan binary given as $1: every
# message marked in src/ has a translation in po/zh_CN.po (xgettext over
# src/ against the catalogue, with msgcmp), the catalogue compiles with
# msgfmt -c, and the command line speaks English under LANG=C and
# Chinese under LANG=zh_CN.UTF-8 (and under LANGUAGE=zh_CN with
# C.UTF-8), while findings stay Chinese in both.
F=${1:-./fangan}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
unset LC_ALL LC_MESSAGES LC_CTYPE LANGUAGE

# What the tests need; missing is a failure, not a skip.
for t in xgettext msgcmp msgfmt; do
	command -v $t >/dev/null 2>&1 || { no "$t is missing (Debian package gettext: make deps)"; }
done
locale -a 2>/dev/null | grep -qix 'zh_CN.utf-\?8' ||
	no "the zh_CN.UTF-8 locale is not generated (make deps generates it)"

# ---- the catalogue is complete ------------------------------------------
xgettext --from-code=UTF-8 --language=C -k_ -kN_ --package-name=fangan -o "$T/fangan.pot" src/*/*.c 2>"$T/xg" &&
	[ -s "$T/fangan.pot" ] && ok || { no "xgettext over src/"; cat "$T/xg"; }
msgcmp po/zh_CN.po "$T/fangan.pot" >"$T/cmp" 2>&1 && ok ||
	{ no "messages in src/ missing from po/zh_CN.po (add them: make pot, then translate):"; cat "$T/cmp"; }
msgfmt -c -o /dev/null po/zh_CN.po 2>"$T/fmt" && ok || { no "msgfmt -c po/zh_CN.po"; cat "$T/fmt"; }
# The check itself can fail: drop one translation and msgcmp must say so.
awk 'BEGIN { RS = ""; ORS = "\n\n" } !/unknown command/' po/zh_CN.po >"$T/less.po"
msgcmp "$T/less.po" "$T/fangan.pot" >/dev/null 2>&1 && no "msgcmp misses a dropped message" || ok
# Nothing fuzzy or untranslated (msgcmp ignores those, so this is belt
# and braces for a catalogue edited by hand).
[ "$(msgattrib --only-fuzzy po/zh_CN.po | grep -c '^msgid')" -eq 0 ] && ok || no "fuzzy entries in po/zh_CN.po"
[ "$(msgattrib --untranslated po/zh_CN.po | grep -c '^msgid')" -eq 0 ] && ok || no "untranslated entries in po/zh_CN.po"

# ---- English under LANG=C, Chinese under LANG=zh_CN.UTF-8 ----------------
LANG=C "$F" --help >"$T/out" 2>&1
[ $? -eq 0 ] && [ "$(head -1 "$T/out")" = "usage: fangan COMMAND [OPTIONS] PATH..." ] && ok ||
	{ no "--help in English under LANG=C"; head -3 "$T/out"; }
LANG=zh_CN.UTF-8 "$F" --help >"$T/out" 2>&1
[ $? -eq 0 ] && [ "$(head -1 "$T/out")" = "用法：fangan 命令 [选项] 路径..." ] && grep -q '^  check    检查方案' "$T/out" && ok ||
	{ no "--help in Chinese under LANG=zh_CN.UTF-8"; head -3 "$T/out"; }
LANGUAGE=zh_CN LANG=C.UTF-8 "$F" --help 2>&1 | head -1 | grep -qx '用法：fangan 命令 \[选项\] 路径...' && ok ||
	no "--help in Chinese under LANGUAGE=zh_CN"
LANG=zh_CN.UTF-8 "$F" build --help 2>&1 | grep -q '^  -q, --quiet    不显示警告' && ok || no "build --help in Chinese"

# A usage error: exit 2, the message and the usage in the locale's language.
LANG=C "$F" build --bogus plans/ >"$T/out" 2>"$T/err"
[ $? -eq 2 ] && [ ! -s "$T/out" ] && [ "$(head -1 "$T/err")" = "fangan build: unknown option '--bogus'" ] &&
	sed -n 2p "$T/err" | grep -q '^usage: fangan build ' && ok || { no "usage error in English"; cat "$T/err"; }
LANG=zh_CN.UTF-8 "$F" build --bogus plans/ >"$T/out" 2>"$T/err"
[ $? -eq 2 ] && [ "$(head -1 "$T/err")" = "fangan build: 未知选项“--bogus”" ] &&
	sed -n 2p "$T/err" | grep -q '^用法：fangan build ' && ok || { no "usage error in Chinese"; cat "$T/err"; }
LANG=C "$F" frobnicate >/dev/null 2>"$T/err"
[ $? -eq 2 ] && head -1 "$T/err" | grep -qx "fangan: unknown command 'frobnicate'" && ok || no "unknown command in English"
LANG=zh_CN.UTF-8 "$F" frobnicate >/dev/null 2>"$T/err"
[ $? -eq 2 ] && head -1 "$T/err" | grep -qx "fangan: 未知命令“frobnicate”" && ok || no "unknown command in Chinese"

# A file error: the system's own message, translated by the C library.
LANG=zh_CN.UTF-8 "$F" check "$T/nosuch.md" >/dev/null 2>"$T/err"
[ $? -eq 2 ] && grep -q "nosuch.md: 没有那个文件或目录" "$T/err" && ok || { no "a missing file in Chinese"; cat "$T/err"; }

# ---- findings stay Chinese; summaries follow the locale -----------------
LANG=C "$F" check plans/five-star-school.md >"$T/out" 2>"$T/err"
grep -q 'error: 0—74分不属于任何等次' "$T/out" && ok || no "findings in Chinese under LANG=C"
grep -qx 'fangan: plans: 1; with errors: 1; errors: 3, warnings: 0' "$T/err" && ok || { no "check summary in English"; cat "$T/err"; }
LANG=zh_CN.UTF-8 "$F" check plans/five-star-school.md >"$T/out2" 2>"$T/err"
cmp -s "$T/out" "$T/out2" && ok || no "findings are the same in both locales"
grep -qx 'fangan: 方案1个：有错误1个；错误3条，警告0条' "$T/err" && ok || { no "check summary in Chinese"; cat "$T/err"; }
LANG=zh_CN.UTF-8 "$F" build -j 1 -o "$T/o" plans/five-star-school.md plans/model-demonstration.md >"$T/out" 2>"$T/err"
grep -q '^fangan: plans/five-star-school.md: 有错误，未生成任何文件$' "$T/err" && ok || { no "has errors, in Chinese"; cat "$T/err"; }
grep -q "^$T/o/model-demonstration/model-demonstration.pdf（[0-9]*页）$" "$T/out" && ok || { no "pages, in Chinese"; cat "$T/out"; }
tail -1 "$T/err" | grep -qx 'fangan: 方案2个：生成1个，未改变0个，有错误1个，失败0个；警告2条；写出文件[0-9]*个' && ok ||
	{ no "build summary in Chinese"; tail -1 "$T/err"; }
# The PDF does not depend on the locale (numbers keep their '.').
LANG=C "$F" build -j 1 -o "$T/c" plans/model-demonstration.md >/dev/null 2>&1
cmp -s "$T/o/model-demonstration/model-demonstration.pdf" "$T/c/model-demonstration/model-demonstration.pdf" && ok ||
	no "the PDF differs between locales"

# ---- font problems (src/font) and the findings past the cap ----------
mkdir -p "$T/fonts"
printf 'bogus = x.ttf\n' >"$T/fonts/fonts.map"
LANG=C "$F" fonts --no-cache --fonts "$T/fonts" >/dev/null 2>"$T/err"
[ $? -eq 2 ] && grep -qx "fangan: $T/fonts/fonts.map: line 1: unknown role \"bogus\" (roles: title body h1 h2 h3 h4 pagenum fallback)" "$T/err" &&
	ok || { no "a fonts.map error in English"; cat "$T/err"; }
LANG=zh_CN.UTF-8 "$F" fonts --no-cache --fonts "$T/fonts" >/dev/null 2>"$T/err"
[ $? -eq 2 ] && grep -qx "fangan: $T/fonts/fonts.map: 第1行：未知的角色“bogus”（角色有：title body h1 h2 h3 h4 pagenum fallback）" "$T/err" &&
	ok || { no "a fonts.map error in Chinese"; cat "$T/err"; }
printf '\0\0\0\0' >"$T/fonts/bad.ttf"
printf 'body = bad.ttf\n' >"$T/fonts/fonts.map"
LANG=zh_CN.UTF-8 "$F" fonts --no-cache --fonts "$T/fonts" >"$T/out" 2>&1
grep -qx "  $T/fonts/fonts.map:1：已跳过（body）：$T/fonts/bad.ttf 不是TrueType/OpenType字体；请在这一行写TrueType字体文件（.ttf、.ttc），或删去这一行" "$T/out" && grep -qx '说明：' "$T/out" &&
	ok || { no "a font note in Chinese"; cat "$T/out"; }
LANG=zh_CN.UTF-8 "$F" build --no-cache --fonts "$T/fonts" -o "$T/o" plans/model-demonstration.md >/dev/null 2>"$T/err"
grep -qx "fangan: $T/fonts/fonts.map:1：已跳过（body）：$T/fonts/bad.ttf 不是TrueType/OpenType字体；请在这一行写TrueType字体文件（.ttf、.ttc），或删去这一行" "$T/err" &&
	ok || { no "build's fonts.map warning in Chinese"; cat "$T/err"; }
LANG=C "$F" fonts --no-cache --fonts "$T/fonts" >"$T/out" 2>&1
grep -qx "  $T/fonts/fonts.map:1: skipped (body): $T/fonts/bad.ttf is not a TrueType/OpenType font; name a TrueType font file (.ttf, .ttc) there, or delete the line" "$T/out" &&
	ok || { no "a font note in English"; cat "$T/out"; }
# Past 10,000 findings the rest are counted: a plan of 10,002 unknown
# keys (and a few other findings), then as many fewer as leave exactly
# one more; the singular and the plural, in both languages.
many() {
	{ echo ---; echo "title: 关于开展检查的通知"; i=0
	  while [ $i -lt "$1" ]; do echo "k$i: 1"; i=$((i + 1)); done; echo ---; echo; echo 正文。; } >"$T/many.md"
}
many 10002
more=$(LANG=C "$F" check "$T/many.md" 2>&1 | sed -n 's/^fangan: \([0-9]*\) more findings not shown$/\1/p')
[ "${more:-0}" -ge 2 ] && ok || no "the findings past 10,000, in English (got '$more')"
LANG=zh_CN.UTF-8 "$F" check "$T/many.md" 2>&1 | grep -qx "fangan: 另有${more}条结果未显示" && ok || no "$more more findings, in Chinese"
many $((10002 - ${more:-2} + 1))
LANG=C "$F" check "$T/many.md" 2>&1 | grep -qx 'fangan: 1 more finding not shown' && ok || no "1 more finding, in English"

echo "messages: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
