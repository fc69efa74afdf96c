#!/bin/sh
# Start-up of the fangan binary given as $1 (src/lazy/lazylib.h): it is not
# linked with libzip, libical, OpenCC or fontconfig; a PDF build of a
# simplified plan whose fonts come from the font cache opens none of
# them; each is opened when a command needs it (DOCX, calendar, a
# traditional plan, a font choice without the cache); and a library that
# is there but is not the one fangan was built with is an error that
# names the package to install, not a crash.
F=${1:-./fangan}
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
. tests/lib.sh
XDG_CACHE_HOME=$T/cache; export XDG_CACHE_HOME
LAZY="libzip.so libical.so libopencc.so libfontconfig.so"

need readelf || { finish startup; exit; }
needed=$(readelf -d "$F" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for l in $LAZY; do
	echo "$needed" | grep -q "^$l" && no "$F is linked with $l" || ok
done

# The libraries a run opens, from the dynamic loader's own report.
opened() { LD_DEBUG=files "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\) .*generating link map/\1/p' | sort -u; }
has() { echo "$1" | grep -q "^$2"; }

"$F" build -q --format pdf -o "$T/o1" bench/notice.md 2>/dev/null # writes the font cache
libs=$(opened "$F" build -q --force --format pdf -o "$T/o1" bench/notice.md)
for l in $LAZY; do has "$libs" "$l" && no "a PDF build of bench/notice.md opens $l" || ok; done
[ -s "$T/o1/notice/notice.pdf" ] && ok || no "the PDF is written"

libs=$(opened "$F" build -q --force --format docx -o "$T/o2" bench/notice.md)
has "$libs" libzip.so && ok || no "a DOCX build opens libzip"
[ -s "$T/o2/notice/notice.docx" ] && ok || no "the DOCX is written"
libs=$(opened "$F" calendar -o "$T/c.ics" bench/notice.md)
has "$libs" libical.so && ok || no "fangan calendar opens libical"
grep -q '^BEGIN:VCALENDAR' "$T/c.ics" && ok || no "the calendar is written"
libs=$(opened "$F" build -q --format pdf -o "$T/o3" tests/plans/traditional.md)
has "$libs" libopencc.so && ok || no "a traditional plan opens OpenCC"
libs=$(opened "$F" fonts --no-cache)
has "$libs" libfontconfig.so && ok || no "choosing fonts without the cache opens fontconfig"

# A libzip.so.4 without libzip's functions, found first: a clear error.
if command -v cc >/dev/null 2>&1 && printf 'int fangan_not_libzip;\n' >"$T/fake.c" &&
	cc -shared -fPIC -Wl,-soname,libzip.so.4 -o "$T/libzip.so.4" "$T/fake.c" 2>/dev/null; then
	LD_LIBRARY_PATH=$T "$F" build -q --force --format docx -o "$T/o4" bench/notice.md >"$T/out" 2>"$T/err"
	rc=$?
	[ $rc -ne 0 ] && ok || no "a wrong libzip fails the build (exit $rc)"
	grep -q "libzip.so.4 has no function zip_.*reinstall the Debian package libzip4" "$T/err" && ok ||
		{ no "the error names the function and the package"; cat "$T/err"; }
	[ ! -e "$T/o4/notice/notice.docx" ] && ok || no "no DOCX is written"
else
	no "cc cannot build a stand-in library"
fi
finish startup
