#!/bin/sh
# Font cache tests for the fangan binary given as $1 (src/font/fontcache.h):
# the choice of fonts is written under $XDG_CACHE_HOME/fangan and used by
# the next run; the PDFs are the same bytes with or without it; a
# corrupted or truncated cache is not trusted; a changed fonts.map or a
# new font in the fonts folder makes a new choice; --no-cache neither
# reads nor writes it; processes writing it at once leave one whole file.
F=${1:-./fangan}
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
export LSAN_OPTIONS
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
XDG_CACHE_HOME=$T/cache; export XDG_CACHE_HOME
state() { "$F" fonts "$@" | sed -n 's/^font cache: .* (\(.*\))$/\1/p'; }
chains() { "$F" fonts "$@" | grep -v '^font cache:'; }

# ---- written, then used -----------------------------------------------------
[ "$(state)" = written ] && ok || no "the first run writes the cache"
c=$(ls "$T/cache/fangan"/fonts-* 2>/dev/null)
[ -f "$c" ] && ok || no "a cache file under \$XDG_CACHE_HOME/fangan"
[ "$(stat -c %a "$T/cache/fangan")" = 700 ] && ok || no "the cache folder is the user's own (700)"
[ "$(state)" = used ] && ok || no "the second run uses it"
chains >"$T/cached"; chains --no-cache >"$T/fresh"
cmp -s "$T/cached" "$T/fresh" && ok || { no "the cached chains are the chosen ones"; diff "$T/cached" "$T/fresh"; }
[ "$(state --no-cache)" = off ] && ok || no "--no-cache says off"

# ---- the same PDF either way ----------------------------------------------------
"$F" build -j 1 -o "$T/a" bench/notice.md >/dev/null 2>&1
"$F" build -j 1 --no-cache -o "$T/b" bench/notice.md >/dev/null 2>&1
cmp -s "$T/a/notice/notice.pdf" "$T/b/notice/notice.pdf" && ok || no "the PDF is the same with and without the cache"

# ---- never trusted when damaged -----------------------------------------------
cp "$c" "$T/good"
sed -i '5s/link/lnik/; 5s/dep/dpe/' "$c"
[ "$(state)" = written ] && ok || no "a corrupted cache is not used"
cmp -s "$c" "$T/good" && ok || no "a corrupted cache is rewritten"
head -c 300 "$T/good" >"$c"
[ "$(state)" = written ] && ok || no "a truncated cache is not used"
printf 'garbage\n' >"$c"
[ "$(state)" = written ] && chains >"$T/again" && cmp -s "$T/again" "$T/fresh" && ok || no "garbage is not used"
# A link that is well-formed but not what was hashed.
sed 's|^\(link 0 0 \)[^\t]*|\1/etc/passwd|' "$T/good" >"$c"
[ "$(state)" = written ] && ok || no "a cache edited by hand (hash mismatch) is not used"

# ---- stale when an input changes ------------------------------------------------
mkdir -p "$T/f"
cp fonts/fonts.map "$T/f/fonts.map"
[ "$(state --fonts "$T/f")" = written ] && [ "$(state --fonts "$T/f")" = used ] && ok ||
	no "a second fonts folder gets its own cache entry"
cp /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf "$T/f/kai.ttf"
printf 'title = kai.ttf\n' >>"$T/f/fonts.map"
[ "$(state --fonts "$T/f")" = written ] && ok || no "a changed fonts.map is a new choice"
"$F" fonts --fonts "$T/f" | sed -n '/^title:/{n;p}' | grep -q 'kai.ttf .*fonts.map line' && ok ||
	no "the new fonts.map line is in the title chain"
[ "$(state --fonts "$T/f")" = used ] && ok || no "and used next time"
touch -d '2001-01-01' "$T/f/kai.ttf"
[ "$(state --fonts "$T/f")" = written ] && ok || no "a font file changed in the fonts folder is a new choice"

# ---- --no-cache writes nothing ----------------------------------------------------
rm -rf "$T/cache"
"$F" build -j 1 --no-cache -o "$T/b" bench/notice.md >/dev/null 2>&1
[ ! -e "$T/cache" ] && ok || no "--no-cache writes no cache"

# ---- many writers at once ----------------------------------------------------------
i=0
while [ $i -lt 6 ]; do "$F" fonts >/dev/null 2>&1 & i=$((i + 1)); done
wait
[ "$(ls -A "$T/cache/fangan" | wc -l)" -eq 1 ] && ok || { no "one cache file, no temporary ones"; ls -A "$T/cache/fangan"; }
[ "$(state)" = used ] && ok || no "the cache written at once by six processes is whole"

echo "fontcache: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
