#!/bin/sh
# Install tests, run from the top of the tree after ./fangan is built:
# make install into a DESTDIR tree, run the installed fangan from there
# (it must find its data folder), make uninstall, and nothing of fangan is
# left.  Also the manual through mandoc -Tlint and groff's warnings.
# Closes with "install: N passed, M failed, K skipped" (tests/lib.sh).
MAKE=${MAKE:-make}
. tests/lib.sh
unset FANGAN_DATADIR
# Messages in English unless a test asks for Chinese.
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
top=$(pwd)

# The data files install must copy, listed the way the Makefile does.
datafiles() {
	find templates -type f ! -name '.*' 2>/dev/null | sort
	for f in fonts/fonts.map fonts/README.md fonts/fontconfig.conf; do [ -f "$f" ] && echo "$f"; done
}

# ---- the real tree, default prefix ----
D=$T/dest
P=$D/usr/local
if $MAKE -s --no-print-directory install DESTDIR="$D" PREFIX=/usr/local >"$T/log" 2>&1; then ok
else no "make install"; cat "$T/log"; fi
[ -x "$P/bin/fangan" ] && ok || no "no $P/bin/fangan"
cmp -s fangan.1 "$P/share/man/man1/fangan.1" && ok || no "manual not installed"
[ -d "$P/share/fangan/templates" ] && [ -d "$P/share/fangan/fonts" ] && ok ||
	no "data folders not made"
for f in $(datafiles); do
	cmp -s "$f" "$P/share/fangan/$f" && ok || no "$f not installed"
done

# Run it from elsewhere, as an installed program.
mkdir "$T/work" && cd "$T/work" || exit 1
"$P/bin/fangan" --version >"$T/out" 2>&1 && [ "$(cat "$T/out")" = "$("$top/fangan" --version)" ] &&
	ok || no "installed --version: $(cat "$T/out")"
# The compiled-in /usr/local/share/fangan is not there (unless fangan is
# really installed on this machine), so the staged tree's own data folder,
# beside its bin/, is the one found.
if [ -d /usr/local/share/fangan ]; then
	skip "the relocated data folder (/usr/local/share/fangan exists on this machine)"
else
	[ "$("$P/bin/fangan" --datadir)" = "$P/share/fangan" ] && ok ||
		no "installed --datadir: $("$P/bin/fangan" --datadir)"
fi
[ "$(FANGAN_DATADIR=/opt/x "$P/bin/fangan" --datadir)" = /opt/x ] && ok ||
	no "FANGAN_DATADIR not honoured"
cp "$top/plans/model-demonstration.md" "$top/plans/five-upgrades.md" .
"$P/bin/fangan" check --disable punct-unpaired model-demonstration.md >"$T/out" 2>&1 &&
	[ ! -s "$T/out" ] && ok ||
	no "installed check: $(cat "$T/out")"
"$P/bin/fangan" check five-upgrades.md >/dev/null 2>&1 && ok || no "installed check (warnings only)"
"$P/bin/fangan" new first >"$T/out" 2>&1 && [ "$(cat "$T/out")" = plans/first.md ] && ok ||
	no "installed new: $(cat "$T/out")"
# (the installed holiday data may not cover next year yet: a note; the
# skeleton's 某某 values are placeholders to fill in)
"$P/bin/fangan" check --disable placeholder plans/first.md >"$T/out" 2>&1 &&
	[ -z "$(grep -v ': note: .*\[holiday-data\]$' "$T/out")" ] && ok ||
	no "installed new's plan: $(cat "$T/out")"
"$P/bin/fangan" build plans/first.md >"$T/out" 2>&1 && [ -s out/first/first.pdf ] && ok ||
	no "installed build: $(cat "$T/out")"
# Its form and score sheet drawn after the installed templates, the form
# once per unit, as PDF and DOCX.
[ -s out/first/application.pdf ] && [ -s out/first/scoresheet.pdf ] &&
	[ -s out/first/application.docx ] && [ -s out/first/scoresheet.docx ] &&
	[ "$(ls out/first/units/*.pdf | wc -l)" -eq 2 ] &&
	[ "$(ls out/first/units/*.docx | wc -l)" -eq 2 ] && ok || no "installed build: attachment files"
"$P/bin/fangan" fonts | grep -q "mapping file: $P/share/fangan/fonts/fonts.map" && ok ||
	no "installed fonts uses the installed fonts folder"
# Its messages from the installed catalogue, in Chinese when asked.
[ -f "$P/share/locale/zh_CN/LC_MESSAGES/fangan.mo" ] && ok || no "the zh_CN catalogue is installed"
LC_ALL=zh_CN.UTF-8 "$P/bin/fangan" --help | head -1 | grep -q '^用法：fangan 命令' && ok ||
	no "installed fangan --help in Chinese: $(LC_ALL=zh_CN.UTF-8 "$P/bin/fangan" --help | head -1)"
"$P/bin/fangan" calendar plans/ five-upgrades.md 2>/dev/null | grep -q '^BEGIN:VCALENDAR' && ok ||
	no "installed calendar"
if optional man "man reads the installed manual"; then
	MANPAGER=cat MANWIDTH=80 man -l "$P/share/man/man1/fangan.1" 2>/dev/null | grep -q 'fangan calendar' &&
		ok || no "man cannot read the installed manual"
fi
cd "$top" || exit 1

if $MAKE -s --no-print-directory uninstall DESTDIR="$D" PREFIX=/usr/local >"$T/log" 2>&1; then ok
else no "make uninstall"; cat "$T/log"; fi
left=$(find "$D" -type f -o -type l; find "$D" -name '*fangan*')
[ -z "$left" ] && ok || no "left after uninstall: $left"

# ---- a tree with more data: nested templates, a hidden file ----
# Only what install needs is copied; -o fangan keeps make from trying to
# rebuild the binary there.
S=$T/src
mkdir -p "$S/templates/forms" "$S/fonts"
cp Makefile fangan.1 fangan "$S/"
echo a >"$S/templates/a.html"
echo b >"$S/templates/forms/b.html"
echo h >"$S/templates/.hidden"
echo '# map' >"$S/fonts/fonts.map"
echo x >"$S/fonts/not-installed.ttf"
D2=$T/dest2
if $MAKE -s --no-print-directory -C "$S" -o fangan install DESTDIR="$D2" PREFIX=/opt/fg >"$T/log" 2>&1
then ok; else no "make install (copy)"; cat "$T/log"; fi
for f in templates/a.html templates/forms/b.html fonts/fonts.map; do
	cmp -s "$S/$f" "$D2/opt/fg/share/fangan/$f" && ok || no "copy: $f not installed"
done
[ ! -e "$D2/opt/fg/share/fangan/templates/.hidden" ] && [ ! -e "$D2/opt/fg/share/fangan/fonts/not-installed.ttf" ] &&
	ok || no "copy: installed files that are not data"
# Something of the user's in the shared folders survives uninstall.
echo mine >"$D2/opt/fg/bin/other"
$MAKE -s --no-print-directory -C "$S" uninstall DESTDIR="$D2" PREFIX=/opt/fg >"$T/log" 2>&1 || no "make uninstall (copy)"
left=$(find "$D2" -name '*fangan*' -o -type f ! -name other)
[ -z "$left" ] && [ -f "$D2/opt/fg/bin/other" ] && ok || no "copy: after uninstall: $left"

# ---- the manual ----
if need mandoc; then
	mandoc -Tlint fangan.1 >"$T/lint" 2>&1
	[ ! -s "$T/lint" ] && ok || { no "mandoc -Tlint fangan.1:"; cat "$T/lint"; }
fi
if need groff; then
	groff -k -mandoc -ww -z -Tutf8 fangan.1 >"$T/lint" 2>&1
	[ ! -s "$T/lint" ] && ok || { no "groff warnings on fangan.1:"; head "$T/lint"; }
fi

finish install
