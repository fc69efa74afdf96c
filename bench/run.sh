#!/bin/sh
# make bench — how fast `fangan build` is, how big its PDFs are, and how
# much memory it takes, on synthetic plans (bench/gen.py) and on the
# plain two-page notice kept in bench/notice.md, whose figures can be
# compared from one run, and one machine, to the next.
#
#   sh bench/run.sh [FANGAN]        (default ./fangan)
#   BENCH_RUNS=5 sh bench/run.sh    runs per figure (default 3; the median
#                                   is reported)
#
# Each figure is a whole `fangan build --force` of a folder, timed from
# outside: ms per document = wall time / documents, so process start-up
# and opening the fonts (~40 ms, mostly fontconfig) are spread over the
# folder.  cpu ms/doc is user + system time of fangan and its workers
# per document: unlike the wall time it does not include waiting for the
# disk (2,000 PDFs are ~150 MB) or for a core another program holds.  Peak RSS is GNU time's %M: the largest of the fangan process
# and its workers.  Instruction counts (valgrind --tool=callgrind, when
# installed) do not depend on the machine's load, unlike the times.
set -e
F=${1:-./fangan}
# The output is parsed in English (the messages are translated otherwise).
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE
RUNS=${BENCH_RUNS:-3}
CORES=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: $TIME missing (make deps installs it)" >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# A font cache of the bench's own (src/font/fontcache.h), made by the
# first build, so that every figure is of a warm cache.
XDG_CACHE_HOME=$T/cache; export XDG_CACHE_HOME

python3 bench/gen.py "$T/in"
mkdir -p "$T/in/notice" "$T/in/notice1"
i=0
while [ $i -lt 100 ]; do
	i=$((i + 1))
	cp bench/notice.md "$T/in/notice/copy$i.md"
done
cp bench/notice.md "$T/in/notice1/notice.md"

now_ms() { date +%s%N | awk '{ printf "%.3f", $1 / 1e6 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME SET JOBS [FORMATS]: RUNS forced builds of $T/in/SET in
# FORMATS (--format; default pdf), documents counted in the first of
# them; one table row, and the figures in $T/fig.NAME.JOBS (ms_total
# docs pages bytes rss_kb).
measure() {
	name=$1 set=$2 jobs=$3 fmt=${4:-pdf}
	ext=${fmt%%,*}
	out="$T/out.$set.$jobs.$fmt"
	: >"$T/ms"
	: >"$T/cpu"
	rss=0 r=0
	while [ $r -lt "$RUNS" ]; do
		r=$((r + 1))
		t0=$(now_ms)
		"$TIME" -f '%M %U %S' -o "$T/rss" "$F" build --force -j "$jobs" --format "$fmt" \
			-o "$out" "$T/in/$set" >"$T/log" 2>/dev/null || true
		t1=$(now_ms)
		echo "$t0 $t1" | awk '{ print $2 - $1 }' >>"$T/ms"
		tail -1 "$T/rss" | awk '{ print ($2 + $3) * 1000 }' >>"$T/cpu"
		m=$(tail -1 "$T/rss" | awk '{ print $1 }')
		[ "$m" -gt "$rss" ] && rss=$m
	done
	ms=$(median <"$T/ms")
	cpu=$(median <"$T/cpu")
	docs=$(find "$out" -name "*.$ext" | wc -l)
	# "(N pages)" for each plan and attachment file; "(N copies)" for a
	# form's unit copies, which fit one page each when they can
	# (form.xml), so count one page a copy rather than open 2,000 files
	# again.
	pages=$(sed -n 's/.*(\([0-9]*\) \(pages*\|cop[a-z]*\))$/\1/p' "$T/log" | awk '{ s += $1 } END { print s + 0 }')
	bytes=$(find "$out" -name "*.$ext" -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
	echo "$ms $docs $pages $bytes $rss $cpu" >"$T/fig.$name.$jobs"
	echo "$name $jobs $ms $docs $pages $bytes $rss $cpu" | awk '{
		printf "| %-22s | %2d | %5d | %5d | %8.0f | %6.2f | %10.2f | %7.0f | %10.0f | %6.1f MB |\n",
		       $1, $2, $4, $5, $3, $3 / ($4 ? $4 : 1), $8 / ($4 ? $4 : 1), $5 / ($3 / 1000), $6 / ($5 ? $5 : ($4 ? $4 : 1)), $7 / 1024 }'
}

JOBS="1"
[ "$CORES" -gt 1 ] && JOBS="1 $CORES"
echo "fangan build, median of $RUNS runs; $CORES cores online; $(date -u +%Y-%m-%d)"
echo
echo "| set                    | -j |  docs | pages |  wall ms | ms/doc | cpu ms/doc | pages/s | bytes/page |   peak RSS |"
echo "|------------------------|----|-------|-------|----------|--------|------------|---------|------------|------------|"
for j in $JOBS; do measure "notices-50x2p" notices "$j"; done
for j in $JOBS; do measure "long-plan" long "$j"; done
for j in $JOBS; do measure "units-2000" units "$j"; done
case " $JOBS " in *" 2 "*) ;; *) measure "units-2000" units 2 ;; esac
# 20,000 unit copies of one form: spread over the workers (src/cli/units.c)
measure "units-20000" units20k 1
measure "units-20000" units20k 2
for j in $JOBS; do measure "small-docs-2000" many "$j"; done
case " $JOBS " in *" 2 "*) ;; *) measure "small-docs-2000" many 2 ;; esac
for j in $JOBS; do measure "notice.md-x100" notice "$j"; done
measure "notice.md-once" notice1 1
# ---- a fresh process ----------------------------------------------------------
# One `fangan build` of bench/notice.md in a process of its own, as a
# clerk runs it: median wall and CPU time of FRESH_RUNS runs (hyperfine
# when installed, else timed here), with a warm font cache; beside it a
# process that only starts and exits (`fangan --version`: loading the
# shared libraries), and Typst compiling the same text when installed.
FRESH_RUNS=${FRESH_RUNS:-31}
fresh() { # fresh NAME CMD...: "wall_ms cpu_ms" medians into $T/fresh.NAME
	name=$1; shift
	"$@" >/dev/null 2>&1 || true # warm: the font cache, the page cache
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -w 3 -r "$FRESH_RUNS" --export-json "$T/hf.json" "$*" >/dev/null 2>&1
		python3 -c 'import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
cpu = [u + s for u, s in zip(r["user"] if isinstance(r["user"], list) else [], r["system"] if isinstance(r["system"], list) else [])]
print("%.2f %.2f" % (r["median"] * 1000, (statistics.median(cpu) if cpu else r["user"] + r["system"]) * 1000))' "$T/hf.json" >"$T/fresh.$name"
	else
		: >"$T/fw"; : >"$T/fc"; r=0
		while [ $r -lt "$FRESH_RUNS" ]; do
			r=$((r + 1))
			t0=$(now_ms)
			"$TIME" -f '%U %S' -o "$T/ft" "$@" >/dev/null 2>&1 || true
			t1=$(now_ms)
			echo "$t0 $t1" | awk '{ print $2 - $1 }' >>"$T/fw"
			tail -1 "$T/ft" | awk '{ print ($1 + $2) * 1000 }' >>"$T/fc"
		done
		echo "$(median <"$T/fw") $(median <"$T/fc")" >"$T/fresh.$name"
	fi
}
fresh notice "$F" build --force -q --format pdf -o "$T/fresh.out" bench/notice.md
fresh both "$F" build --force -q -o "$T/fresh.out2" bench/notice.md
fresh start "$F" --version
echo
echo "A fresh process (median of $FRESH_RUNS runs$(command -v hyperfine >/dev/null 2>&1 && echo ', hyperfine'); font cache warm):"
echo
echo "| command                                         | wall ms | cpu ms |"
echo "|-------------------------------------------------|---------|--------|"
frow() { read -r w c <"$T/fresh.$1"; printf '| %-47s | %7.2f | %6.2f |\n' "$2" "$w" "$c"; }
frow notice "fangan build --format pdf bench/notice.md"
frow both "fangan build bench/notice.md (PDF and DOCX)"
frow start "fangan --version (start-up and exit alone)"
read -r _ _ _ _ _ incpu <"$T/fig.notice.md-x100.1"
read -r _ idocs _ _ _ _ <"$T/fig.notice.md-x100.1"
echo "$incpu $idocs" | awk '{ printf "| %-47s |         | %6.2f |\n", "the same notice in a batch of 100 (cpu/doc)", $1 / $2 }'
if command -v typst >/dev/null 2>&1; then
	# The notice's text as Typst: headings, paragraphs, a CJK font.
	{
		echo '#set page(paper: "a4")'
		echo '#set text(font: ("AR PL SungtiL GB", "WenQuanYi Zen Hei"), size: 16pt, lang: "zh")'
		awk 'BEGIN { fm = 0 } NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } fm { next }
		     { h = sub(/^#+ /, ""); gsub(/[\\#$*_@<>`\[\]]/, "\\\\&"); print (h ? "= " : "") $0 }' bench/notice.md
	} >"$T/notice.typ"
	fresh typst typst compile "$T/notice.typ" "$T/notice-typst.pdf"
	frow typst "typst compile (the same text)"
else
	echo "(Typst not installed: no figure beside it)"
fi

# The DOCX (NAME.docx beside each PDF): alone, and what it adds to a
# build of the PDFs.
echo
echo "The same sets as DOCX (--format docx: reading, checking and layout too), and both formats:"
echo
echo "| set                    | -j |  docs | pages |  wall ms | ms/doc | cpu ms/doc | pages/s | bytes/page |   peak RSS |"
echo "|------------------------|----|-------|-------|----------|--------|------------|---------|------------|------------|"
measure "notices-50x2p.docx" notices 1 docx
measure "notice.md-x100.docx" notice 1 docx
measure "long-plan.docx" long 1 docx
measure "notice.md-x100.both" notice 1 pdf,docx
measure "units-2000.both" units 2 pdf,docx
echo "(DOCX rows: no page count; the bytes/page column holds bytes per document.)"
# the DOCX's share: both formats less the PDF alone (the first table), in
# CPU time (the wall times of two runs differ by more than it)
read -r _ bdocs _ _ _ both <"$T/fig.notice.md-x100.both.1"
read -r _ _ _ _ _ pdfonly <"$T/fig.notice.md-x100.1"
echo "$both $pdfonly $bdocs" | awk '{ printf "\nwriting the DOCX (CPU, both formats less the PDF alone, notice.md x100): %.2f ms a document\n", ($1 - $2) / $3 }' | tee "$T/docx-share"

# Nothing changed: every plan is checked and found up to date.
t0=$(now_ms)
"$F" build --format pdf -o "$T/out.many.1.pdf" "$T/in/many" >/dev/null 2>&1 || true
t1=$(now_ms)
echo "$t0 $t1" | awk '{ printf "\nno-op build of small-docs-2000 (all up to date): %.0f ms, %.2f ms a plan\n", $2 - $1, ($2 - $1) / 2000 }'

# ---- instructions ---------------------------------------------------------
if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
	cg() { # cg OUTFILE SET: one callgrind run of a -j 1 build
		valgrind --tool=callgrind --callgrind-out-file="$1" "$F" build --force -j 1 \
			-o "$T/cg.$2" "$T/in/$2" >/dev/null 2>&1 || true
		callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$1" 2>/dev/null >"$1.txt"
	}
	# Under callgrind the binary is another (/proc/self/exe, a key of the
	# font cache): a first run makes the cache it uses, so that the fresh
	# notice is measured as a clerk's second run is.
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$F" build --force -j 1 \
		-o "$T/cg.warm" "$T/in/notice1" >/dev/null 2>&1 || true
	cg "$T/cg1" notice1
	cg "$T/cg50" notices
	# Inclusive instructions of a function: the first line naming it.
	ir() { awk -v f=":$2 " 'index($0, f) { gsub(",", "", $1); print $1; exit }' "$1.txt"; }
	total() { awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }' "$1.txt"; }
	echo
	# The batch is the 50 variants rather than copies of one notice:
	# copies would reuse every font subset (face.c) and hide its cost.
	echo "Instructions (callgrind), -j 1: bench/notice.md alone, and each further document"
	echo "of a build of the 50 notice variants ((total - one notice) / 49); the"
	echo "share of each part in the fresh process beside its count:"
	echo "| part                                   | one notice, fresh process | per document in the batch |"
	echo "|----------------------------------------|---------------------------|---------------------------|"
	row() { # row LABEL FUNC...: the sum of the functions' inclusive counts
		label=$1; shift
		a=0 b=0
		for fn in "$@"; do
			a=$((a + $(ir "$T/cg1" "$fn" || echo 0) + 0))
			b=$((b + $(ir "$T/cg50" "$fn" || echo 0) + 0))
		done
		echo "$a $b $ta" | awk -v l="$label" '{ printf "| %-38s | %15.1fM (%5.1f%%) | %24.1fM |\n", l, $1 / 1e6, 100 * $1 / $3, ($2 - $1) / 49 / 1e6 }'
	}
	a=$(total "$T/cg1"); b=$(total "$T/cg50"); ta=$a
	echo "$a $b" | awk '{ printf "| %-38s | %15.1fM (100.0%%) | %24.1fM |\n", "total", $1 / 1e6, ($2 - $1) / 49 / 1e6 }'
	row "loading shared libraries (ld.so)" _dl_start
	row "their initialisers (_dl_init)" _dl_init
	row "finding fonts (fontset_new)" fontset_new
	row "reading and checking the plan" plan_read check_plan
	row "layout (layout_plan_keep), of which" layout_plan_keep
	row "  word breaks of titles (friso)" words_glue
	row "PDF: all of pdf_save, of which" pdf_save
	row "  subsetting fonts (face_subset)" face_subset
	row "  deflating font files (compress2)" compress2
	row "  libharu writing (HPDF_SaveToStream)" HPDF_SaveToStream
	row "DOCX: all of docx_save, of which" docx_save
	row "  document.xml (docx_document)" docx_document
	row "  zipping (zip_close)" zip_close
	# The date scanner (cndate_scan) of `fangan check` on the 30-page
	# plan: instructions a character of the plan.
	valgrind --tool=callgrind --callgrind-out-file="$T/cgc" "$F" check "$T/in/long/long.md" >/dev/null 2>&1 || true
	callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$T/cgc" 2>/dev/null >"$T/cgc.txt"
	chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$T/in/long/long.md")
	echo "$(ir "$T/cgc" cndate_scan) $(ir "$T/cgc" check_plan) $(total "$T/cgc") $chars" | awk '{
		printf "\nfangan check of the 30-page plan (%d characters): %.1fM instructions, check_plan %.1fM,\n", $4, $3 / 1e6, $2 / 1e6
		printf "of which the date scanner (cndate_scan) %.2fM: %.0f a character\n", $1 / 1e6, $1 / $4 }'
else
	echo
	echo "(valgrind not installed: no instruction counts)"
fi

# ---- targets ---------------------------------------------------------------
echo
echo "Targets (bench/notice.md: 2 pages, title + body + heading fonts):"
read -r fw fc <"$T/fresh.notice"
echo "$fw $fc" | awk '{ printf "  %-46s %6.2f ms   %s (cpu %.2f ms)\n", "a fresh process, PDF (<= 20 ms):", $1,
	$1 <= 20 ? "met" : sprintf("MISSED by %.2f ms", $1 - 20), $2 }'
read -r ms docs pages bytes rss <"$T/fig.notice.md-x100.1"
echo "$ms $docs" | awk '{ v = $1 / $2; printf "  %-46s %6.2f ms   %s\n", "ms per document, one process (<= 10 ms):", v,
	v <= 10 ? "met" : sprintf("MISSED by %.2f ms (%.0f%%)", v - 10, (v - 10) * 10) }'
# Copies of one notice reuse each face's subset; the variants do not.
read -r vms vdocs vpages vbytes vrss <"$T/fig.notices-50x2p.1"
echo "$vms $vdocs" | awk '{ v = $1 / $2; printf "  %-46s %6.2f ms   %s\n", "  the same for 50 variants of it:", v,
	v <= 10 ? "met" : sprintf("MISSED by %.2f ms (%.0f%%)", v - 10, (v - 10) * 10) }'
echo "$bytes $docs" | awk '{ v = $1 / $2; printf "  %-46s %6.1f KB   %s\n", "bytes per document (< 45 KB):", v / 1000,
	v < 45000 ? "met" : sprintf("MISSED by %.1f KB (%.0f%%): the glyph outlines of the free fonts", (v - 45000) / 1000, (v - 45000) / 450) }'
echo "$rss" | awk '{ v = $1 / 1024; printf "  %-46s %6.1f MB   %s\n", "peak RSS (< 40 MB):", v,
	v < 40 ? "met" : sprintf("MISSED by %.1f MB", v - 40) }'
echo "$vrss" | awk '{ v = $1 / 1024; printf "  %-46s %6.1f MB   %s\n", "  the same for 50 variants of it:", v,
	v < 40 ? "met" : sprintf("MISSED by %.1f MB", v - 40) }'
read -r ms docs pages bytes rss <"$T/fig.units-2000.2"
echo "$ms $docs" | awk '{ v = $1 / 1000; printf "  %-46s %6.2f s    %s\n", "2,000 per-unit forms with -j 2 (< 10 s):", v,
	v < 10 ? "met" : sprintf("MISSED by %.2f s", v - 10) }'
# with the CPU time beside it: on a busy machine the wall time is
# mostly waiting for a core
read -r ms docs pages bytes rss cpu <"$T/fig.units-20000.2"
echo "$ms $docs $cpu" | awk '{ v = $1 / 1000; printf "  %-46s %6.2f s    %s (CPU %.1f s on %d workers)\n", "20,000 per-unit forms with -j 2 (< 10 s):", v,
	v < 10 ? "met" : sprintf("MISSED by %.2f s", v - 10), $3 / 1000, 2 }'
read -r ms docs pages bytes rss <"$T/fig.units-2000.both.2"
echo "$ms $docs" | awk '{ v = $1 / 1000; printf "  %-46s %6.2f s    %s\n", "2,000 unit forms, PDF and DOCX, -j 2 (< 10 s):", v,
	v < 10 ? "met" : sprintf("MISSED by %.2f s", v - 10) }'
awk 'NF { v = $(NF - 3); printf "  %-46s %6.2f ms   %s\n", "writing the DOCX, a document (<= 1 ms):", v,
	v <= 1 ? "met" : sprintf("MISSED by %.2f ms", v - 1) }' "$T/docx-share" && :
read -r ms docs pages bytes rss <"$T/fig.small-docs-2000.2"
echo "$ms $docs" | awk '{ v = $1 / 1000; printf "  %-46s %6.2f s    %s\n", "2,000 small documents with -j 2 (< 10 s):", v,
	v < 10 ? "met" : sprintf("MISSED by %.2f s", v - 10) }'
# Where a notice's bytes go: each embedded font file, as stored.
pdf=$(find "$T/out.notice1.1.pdf" -type f -name '*.pdf' | head -1)
if [ -n "$pdf" ] && command -v qpdf >/dev/null 2>&1; then
	echo
	echo "Where the bytes of bench/notice.md go ($(wc -c <"$pdf") bytes):"
	n=$(qpdf --show-npages "$pdf" >/dev/null 2>&1 && qpdf --show-xref "$pdf" | wc -l)
	o=1 fonts=0
	while [ $o -lt "$n" ]; do
		d=$(qpdf --show-object=$o "$pdf" 2>/dev/null | tr '\n' ' ')
		case "$d" in
		*Length1*)
			s=$(qpdf --show-object=$o --raw-stream-data "$pdf" | wc -c)
			u=$(qpdf --show-object=$o --filtered-stream-data "$pdf" | wc -c)
			fonts=$((fonts + s))
			echo "  font file (object $o): $s bytes deflated, $u as TrueType"
			;;
		esac
		o=$((o + 1))
	done
	echo "  all font files: $fonts bytes; everything else: $(($(wc -c <"$pdf") - fonts)) bytes"
fi
