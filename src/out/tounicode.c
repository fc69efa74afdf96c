/* tounicode.c — see tounicode.h. */
#include "tounicode.h"

/* A CMap section holds at most 100 entries (PDF 32000-1, 9.10.3 and the
 * Adobe CMap specification). */
#define PER_SECTION 100

typedef struct {
	size_t start, len; /* map[start .. start+len) */
} Run;

static void put_utf16(Buf *out, uint32_t cp)
{
	if (cp >= 0x10000) {
		uint32_t v = cp - 0x10000;
		buf_printf(out, "<%04X%04X>", 0xD800 + (unsigned)(v >> 10),
			   0xDC00 + (unsigned)(v & 0x3FF));
	} else {
		buf_printf(out, "<%04X>", (unsigned)cp);
	}
}

/* How many entries from i on can share one bfrange: codes and code
 * points both step by one, stay in the BMP, and neither the code's nor
 * the value's last byte wraps (a bfrange may only vary the last byte). */
static size_t run_len(const CodeUnicode *m, size_t n, size_t i)
{
	size_t k = 1;
	if (m[i].cp >= 0x10000)
		return 1;
	while (i + k < n && m[i + k].code == m[i].code + k &&
	       m[i + k].cp == m[i].cp + k && (m[i + k].code & 0xFF) != 0 &&
	       (m[i + k].cp & 0xFF) != 0)
		k++;
	return k;
}

static void flush(Buf *out, const CodeUnicode *m, const Run *runs, size_t n,
		  int ranges)
{
	if (n == 0)
		return;
	buf_printf(out, "%zu %s\n", n, ranges ? "beginbfrange" : "beginbfchar");
	for (size_t i = 0; i < n; i++) {
		const CodeUnicode *e = &m[runs[i].start];
		if (ranges)
			buf_printf(out, "<%04X> <%04X> ", e->code,
				   (unsigned)(e->code + runs[i].len - 1));
		else
			buf_printf(out, "<%04X> ", e->code);
		put_utf16(out, e->cp);
		buf_putc(out, '\n');
	}
	buf_puts(out, ranges ? "endbfrange\n" : "endbfchar\n");
}

void tounicode_cmap(const CodeUnicode *map, size_t n, Buf *out)
{
	buf_puts(out,
		 "/CIDInit /ProcSet findresource begin\n"
		 "12 dict begin\n"
		 "begincmap\n"
		 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		 "/CMapName /Adobe-Identity-UCS def\n"
		 "/CMapType 2 def\n"
		 "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	Run ranges[PER_SECTION], chars[PER_SECTION];
	size_t nr = 0, nc = 0;
	for (size_t i = 0; i < n;) {
		size_t k = run_len(map, n, i);
		if (k > 1) {
			ranges[nr++] = (Run){i, k};
			if (nr == PER_SECTION) {
				flush(out, map, ranges, nr, 1);
				nr = 0;
			}
		} else {
			chars[nc++] = (Run){i, 1};
			if (nc == PER_SECTION) {
				flush(out, map, chars, nc, 0);
				nc = 0;
			}
		}
		i += k;
	}
	flush(out, map, ranges, nr, 1);
	flush(out, map, chars, nc, 0);
	buf_puts(out,
		 "endcmap\n"
		 "CMapName currentdict /CMap defineresource pop\n"
		 "end\n"
		 "end\n");
}
