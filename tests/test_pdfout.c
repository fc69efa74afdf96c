/* test_pdfout.c — the PDF writer, checked from outside with poppler and
 * qpdf: extracted text equals the source (astral characters included),
 * every font is an embedded subset, glyph positions are where they were
 * drawn, the file is small, valid, reproducible and written atomically. */
#define _XOPEN_SOURCE 700 /* popen, mkdtemp */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "canvas.h"
#include "pdf.h"
#include "tounicode.h"

#define A4_W 595.276
#define A4_H 841.890

static char tmpdir[64];
static FontSet *fs;

static int setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/fangan-pdf-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	char *err = NULL;
	fs = fontset_new(NULL, &err);
	return fs ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	fontset_free(fs);
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

/* Run a shell command; its standard output (free it) and exit status. */
static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	Buf out = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_add(&out, chunk, n);
	int st = pclose(p);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	buf_cstr(&out);
	return out.s;
}

static char *path_in_tmp(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* ---- ToUnicode ------------------------------------------------------------ */

static void test_tounicode_ranges_and_pairs(void **state)
{
	(void)state;
	CodeUnicode m[] = {
		{1, 0x4E00}, {2, 0x4E01}, {3, 0x4E02}, /* one bfrange */
		{4, 0x20021},                         /* surrogate pair */
		{5, 0x00FF}, {6, 0x0100},             /* value's low byte wraps */
		{0xFF, 0x3000}, {0x100, 0x3001},      /* code's low byte wraps */
	};
	Buf b = {0};
	tounicode_cmap(m, sizeof m / sizeof *m, &b);
	assert_non_null(strstr(b.s, "1 beginbfrange\n<0001> <0003> <4E00>\nendbfrange"));
	assert_non_null(strstr(b.s, "<0004> <D840DC21>\n"));
	assert_non_null(strstr(b.s, "<0005> <00FF>\n<0006> <0100>\n"));
	assert_non_null(strstr(b.s, "<00FF> <3000>\n<0100> <3001>\n"));
	assert_non_null(strstr(b.s, "5 beginbfchar"));
	assert_non_null(strstr(b.s, "1 begincodespacerange\n<0000> <FFFF>"));
	buf_free(&b);
}

static void test_tounicode_sections_of_100(void **state)
{
	(void)state;
	CodeUnicode m[250];
	for (int i = 0; i < 250; i++) /* no two consecutive: all bfchar */
		m[i] = (CodeUnicode){(uint16_t)(i + 1), (uint32_t)(0x4E00 + 2 * i)};
	Buf b = {0};
	tounicode_cmap(m, 250, &b);
	assert_non_null(strstr(b.s, "100 beginbfchar"));
	assert_non_null(strstr(b.s, "50 beginbfchar"));
	assert_null(strstr(b.s, "250 beginbfchar"));
	buf_free(&b);
}

/* ---- the sample document ---------------------------------------------------- */

/* The text of each run, in drawing order, as pdftotext should give it
 * back line by line. */
static const char *const page1[] = {
	"关于开展春季安全生产检查工作的实施方案",
	"一、總體要求",
	"为贯彻落实體現爲民宗旨，開展𠀡檢查。",
	"（一）工作目标",
};
static const char *const page2[] = {
	"（二）主要任务：加强隐患排查 ABC 2024",
	"请各单位于3月31日前报送。",
	"— 2 —",
};

static Canvas *sample(void)
{
	CanvasMeta meta = {.title = "关于开展春季安全生产检查工作的实施方案",
			.author = "某某市应急管理局",
			.created = day_from_ymd(2024, 3, 5)};
	Canvas *d = canvas_new(fs, &meta);
	canvas_add_page(d, A4_W, A4_H);
	canvas_fill_cmyk(d, 0, 0.8, 0.8, 0);
	canvas_text(d, ROLE_TITLE, 22, 89.37, 700, page1[0], 0);
	canvas_fill_cmyk(d, 0, 0, 0, 1);
	canvas_stroke_cmyk(d, 0, 0.8, 0.8, 0);
	canvas_line(d, 79.37, 680, 79.37 + 442.205, 680, 1.5);
	canvas_text(d, ROLE_H1, 16, 79.37, 640, page1[1], 0);
	canvas_text(d, ROLE_BODY, 16, 79.37, 610, page1[2], 0.3);
	canvas_text(d, ROLE_H2, 16, 79.37, 580, page1[3], 0);
	canvas_add_page(d, A4_W, A4_H);
	canvas_text(d, ROLE_H2, 16, 79.37, 740, page2[0], 0);
	canvas_text(d, ROLE_BODY, 16, 79.37, 710, page2[1], 0);
	canvas_text(d, ROLE_PAGENUM, 14, 79.37 + 14, 79.37, page2[2], 0);
	canvas_rect(d, 79.37, 104.88, 442.205, 637.795, CV_STROKE, 0.25);
	return d;
}

/* The non-empty lines of pdftotext's output for one page. */
static void assert_page_text(const char *pdf, int page, const char *const *lines,
			     size_t n)
{
	int st;
	char *cmd = xasprintf("pdftotext -enc UTF-8 -f %d -l %d '%s' -", page, page, pdf);
	char *out = run(cmd, &st);
	assert_int_equal(st, 0);
	size_t k = 0;
	for (char *line = strtok(out, "\n\f"); line; line = strtok(NULL, "\n\f")) {
		if (!*line)
			continue;
		if (k >= n)
			fail_msg("page %d: unexpected line \"%s\"", page, line);
		if (strcmp(line, lines[k]) != 0)
			fail_msg("page %d line %zu: got \"%s\", drew \"%s\"", page, k, line,
				 lines[k]);
		k++;
	}
	assert_int_equal(k, n);
	free(out);
	free(cmd);
}

static void test_text_round_trip(void **state)
{
	(void)state;
	Canvas *d = sample();
	char *pdf = path_in_tmp("sample.pdf"), *err = NULL;
	if (!pdf_save(d, pdf, &err))
		fail_msg("pdf_save: %s", err);
	assert_page_text(pdf, 1, page1, 4);
	assert_page_text(pdf, 2, page2, 3);
	size_t nm;
	canvas_missing(d, &nm);
	assert_int_equal(nm, 0);
	canvas_free(d);
	free(pdf);
}

static void test_qpdf_check(void **state)
{
	(void)state;
	char *pdf = path_in_tmp("sample.pdf");
	char *cmd = xasprintf("qpdf --check '%s' 2>&1", pdf);
	int st;
	char *out = run(cmd, &st);
	if (st != 0)
		fail_msg("qpdf --check: %s", out);
	assert_non_null(strstr(out, "No syntax or stream encoding errors"));
	free(out);
	free(cmd);
	free(pdf);
}

/* Every font embedded, subset (ABCDEF+ prefix) and with a ToUnicode map;
 * one font per face: SungtiL (title, body, page number), Zen Hei (h1),
 * KaitiM (h2) and UMing (characters the others lack). */
static void test_fonts_embedded_subset(void **state)
{
	(void)state;
	char *pdf = path_in_tmp("sample.pdf");
	char *cmd = xasprintf("pdffonts '%s'", pdf);
	int st;
	char *out = run(cmd, &st);
	assert_int_equal(st, 0);
	size_t fonts = 0;
	char *save = NULL;
	for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "name", 4) == 0 || line[0] == '-')
			continue;
		fonts++;
		char name[128], kind[16], kind2[16], enc[32], emb[8], sub[8], uni[8];
		assert_int_equal(sscanf(line, "%127s %15s %15s %31s %7s %7s %7s", name, kind,
					kind2, enc, emb, sub, uni), 7);
		assert_int_equal(strlen(name) > 7 && name[6] == '+', 1);
		for (int i = 0; i < 6; i++)
			assert_true(name[i] >= 'A' && name[i] <= 'Z');
		assert_string_equal(kind, "CID");
		assert_string_equal(kind2, "TrueType");
		assert_string_equal(enc, "Identity-H");
		assert_string_equal(emb, "yes");
		assert_string_equal(sub, "yes");
		assert_string_equal(uni, "yes");
	}
	assert_int_equal(fonts, 4);
	free(out);
	free(cmd);
	free(pdf);
}

/* libharu's own TrueType embedding writes several MB for a CJK font; the
 * subsets here hold only the characters drawn.  Measured: 28.3 KB for
 * this document (2 pages, 4 faces, 92 characters of which 72 distinct;
 * a compressed CJK glyph of these fonts costs 150–300 bytes, and the
 * Arphic fonts build many glyphs from components that come along).
 * 45,000 bytes leaves room for zlib and font-package differences but
 * fails as soon as whole fonts, hinting or uncompressed streams are
 * written. */
static void test_size_bound(void **state)
{
	(void)state;
	char *pdf = path_in_tmp("sample.pdf");
	long size = file_size(pdf);
	assert_true(size > 5000);
	if (size >= 45000)
		fail_msg("sample.pdf is %ld bytes, bound 45000", size);
	free(pdf);
}

static void test_reproducible(void **state)
{
	(void)state;
	Canvas *a = sample(), *b = sample();
	Buf x = {0}, y = {0};
	char *err = NULL;
	assert_true(pdf_save_mem(a, &x, &err));
	assert_true(pdf_save_mem(b, &y, &err));
	assert_int_equal(x.len, y.len);
	assert_memory_equal(x.s, y.s, x.len);
	/* Saving the same document again gives the same bytes too. */
	Buf z = {0};
	assert_true(pdf_save_mem(a, &z, &err));
	assert_memory_equal(x.s, z.s, x.len);
	assert_non_null(strstr(x.s, "/CreationDate (D:20240305000000"));
	buf_free(&x);
	buf_free(&y);
	buf_free(&z);
	canvas_free(a);
	canvas_free(b);
}

/* In a batch the faces are preprocessed for subsetting after a while
 * (face.c); documents must not change when that happens. */
static void test_batch_stable(void **state)
{
	(void)state;
	Canvas *d = sample();
	Buf first = {0};
	char *err = NULL;
	assert_true(pdf_save_mem(d, &first, &err));
	for (int i = 0; i < 40; i++) {
		Buf again = {0};
		assert_true(pdf_save_mem(d, &again, &err));
		assert_int_equal(again.len, first.len);
		assert_memory_equal(again.s, first.s, first.len);
		buf_free(&again);
	}
	buf_free(&first);
	canvas_free(d);
}

/* face.c hands out a face's last subset again for the same glyphs: the
 * bytes must be those of a fresh subset, whatever was saved between. */
static Canvas *one_line(const char *text)
{
	Canvas *d = canvas_new(fs, &(CanvasMeta){.title = "subset"});
	canvas_add_page(d, 595.276, 841.890);
	canvas_text(d, ROLE_BODY, 16, 80, 700, text, 0);
	canvas_text(d, ROLE_H1, 16, 80, 670, "一、总体要求", 0);
	return d;
}

static void test_subset_reuse(void **state)
{
	(void)state;
	Canvas *a = one_line("春眠不觉晓，处处闻啼鸟。"), *b = one_line("夜来风雨声，花落知多少。");
	Buf a1 = {0}, b1 = {0}, a2 = {0}, a3 = {0};
	char *err = NULL;
	assert_true(pdf_save_mem(a, &a1, &err));
	assert_true(pdf_save_mem(b, &b1, &err));
	assert_true(pdf_save_mem(a, &a2, &err));
	assert_true(pdf_save_mem(a, &a3, &err));
	assert_false(a1.len == b1.len && memcmp(a1.s, b1.s, a1.len) == 0);
	assert_int_equal(a2.len, a1.len);
	assert_memory_equal(a2.s, a1.s, a1.len);
	assert_int_equal(a3.len, a1.len);
	assert_memory_equal(a3.s, a1.s, a1.len);
	buf_free(&a1);
	buf_free(&b1);
	buf_free(&a2);
	buf_free(&a3);
	canvas_free(a);
	canvas_free(b);
}

/* A subset asked for by characters (face.c) holds exactly the tables a
 * PDF reader draws from, and every glyph asked for: those of the
 * characters, and one asked for by glyph id alone (no character of the
 * input maps to it), each mapped to a distinct glyph of the subset. */
static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

static void test_subset_tables_and_glyphs(void **state)
{
	(void)state;
	const Face *f = fontset_chain_face(fs, ROLE_BODY, 0, NULL);
	uint32_t uni[3] = {0x4E00, 0x6625, 0x7720}, extra; /* 一 春 眠 */
	uint32_t gids[4];
	for (int i = 0; i < 3; i++)
		assert_true(face_glyph(f, uni[i], &gids[i]));
	assert_true(face_glyph(f, 0x6653, &extra)); /* 晓, by glyph id only */
	gids[3] = extra;
	/* sorted, as pdffont.c gives them */
	for (int i = 0; i < 4; i++)
		for (int j = i + 1; j < 4; j++)
			if (gids[j] < gids[i]) {
				uint32_t t = gids[i];
				gids[i] = gids[j];
				gids[j] = t;
			}
	Buf font = {0};
	uint32_t new_gids[4];
	char *err = NULL;
	assert_true(face_subset(f, gids, 4, uni, 3, &font, new_gids, &err));
	const unsigned char *d = (const unsigned char *)font.s;
	assert_true(font.len > 12);
	unsigned n = be16(d + 4);
	assert_true(font.len >= 12 + 16 * n);
	Buf tags = {0};
	unsigned maxp_glyphs = 0;
	for (unsigned i = 0; i < n; i++) {
		const unsigned char *r = d + 12 + 16 * i;
		buf_add(&tags, (const char *)r, 4);
		buf_putc(&tags, ' ');
		if (memcmp(r, "maxp", 4) == 0) {
			unsigned off = (unsigned)r[8] << 24 | r[9] << 16 | r[10] << 8 | r[11];
			assert_true(off + 6 <= font.len);
			maxp_glyphs = be16(d + off + 4);
		}
	}
	buf_cstr(&tags);
	assert_string_equal(tags.s, "cmap glyf head hhea hmtx loca maxp ");
	for (int i = 0; i < 4; i++) {
		assert_true(new_gids[i] > 0 && new_gids[i] < maxp_glyphs);
		for (int j = 0; j < i; j++)
			assert_true(new_gids[i] != new_gids[j]);
	}
	buf_free(&tags);
	buf_free(&font);
}

static void test_info_dictionary(void **state)
{
	(void)state;
	char *pdf = path_in_tmp("sample.pdf");
	char *cmd = xasprintf("pdfinfo -enc UTF-8 '%s'", pdf);
	int st;
	char *out = run(cmd, &st);
	assert_int_equal(st, 0);
	assert_non_null(strstr(out, "Title:           关于开展春季安全生产检查工作的实施方案\n"));
	assert_non_null(strstr(out, "Author:          某某市应急管理局\n"));
	assert_non_null(strstr(out, "Pages:           2\n"));
	free(out);
	free(cmd);
	free(pdf);
}

/* ---- positions ---------------------------------------------------------------- */

typedef struct {
	double x0, y0, x1, y1;
	char text[64];
} Word;

static size_t read_words(const char *pdf, Word *w, size_t max)
{
	char *cmd = xasprintf("pdftotext -enc UTF-8 -bbox '%s' - 2>/dev/null", pdf);
	int st;
	char *out = run(cmd, &st);
	assert_int_equal(st, 0);
	size_t n = 0;
	for (char *p = strstr(out, "<word "); p && n < max; p = strstr(p + 1, "<word ")) {
		Word *v = &w[n];
		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%63[^<]",
			   &v->x0, &v->y0, &v->x1, &v->y1, v->text) == 5)
			n++;
	}
	free(out);
	free(cmd);
	return n;
}

/* Glyphs land where they were drawn: poppler's word box starts at x, and
 * its bottom (y down from the top) is the baseline less the descent. */
static void test_positions(void **state)
{
	(void)state;
	Canvas *d = canvas_new(fs, NULL);
	canvas_add_page(d, A4_W, A4_H);
	struct { double x, y, size; FontRole role; const char *s; } runs[] = {
		{100.25, 500.5, 20, ROLE_BODY, "甲"},
		{300.75, 400.125, 16, ROLE_H1, "乙丙"},
		{123.4, 250.6, 30, ROLE_TITLE, "𠀡"},
	};
	for (size_t i = 0; i < 3; i++)
		canvas_text(d, runs[i].role, runs[i].size, runs[i].x, runs[i].y, runs[i].s, 0);
	char *pdf = path_in_tmp("pos.pdf"), *err = NULL;
	assert_true(pdf_save(d, pdf, &err));
	Word w[8];
	assert_int_equal(read_words(pdf, w, 8), 3);
	for (size_t i = 0; i < 3; i++) {
		uint32_t cp, gid;
		utf8_decode((const unsigned char *)runs[i].s, 4, &cp);
		const Face *f = fontset_lookup(fs, runs[i].role, cp, &gid);
		double descent = face_metrics(f)->descent * runs[i].size / 1000;
		assert_string_equal(w[i].text, runs[i].s);
		if (w[i].x0 < runs[i].x - 0.5 || w[i].x0 > runs[i].x + 0.5)
			fail_msg("%s: x %.3f, drawn at %.3f", runs[i].s, w[i].x0, runs[i].x);
		double baseline = A4_H - w[i].y1 - descent;
		if (baseline < runs[i].y - 0.5 || baseline > runs[i].y + 0.5)
			fail_msg("%s: baseline %.3f, drawn at %.3f", runs[i].s, baseline,
				 runs[i].y);
		double width = canvas_text_width(fs, runs[i].role, runs[i].size, runs[i].s, 0);
		assert_true(w[i].x1 - w[i].x0 > width - 0.5 && w[i].x1 - w[i].x0 < width + 0.5);
	}
	canvas_free(d);
	free(pdf);
}

/* The astral character is drawn with its outline, not as a blank: render
 * the area around it and count dark pixels. */
static void test_astral_is_drawn(void **state)
{
	(void)state;
	char *pdf = path_in_tmp("pos.pdf"), *base = path_in_tmp("astral");
	/* 𠀡 at (123.4, 250.6), 30 pt: the box from x 123 to 153, y 243 to 279. */
	char *cmd = xasprintf("pdftoppm -r 72 -gray -x 123 -y %d -W 31 -H 34 -singlefile '%s' '%s'",
			      (int)(A4_H - 250.6 - 27), pdf, base);
	int st;
	free(run(cmd, &st));
	assert_int_equal(st, 0);
	char *pgm = xasprintf("%s.pgm", base);
	size_t len;
	char *img = read_file(pgm, 1 << 20, &len);
	assert_non_null(img);
	int w, h, maxv, off = 0;
	assert_int_equal(sscanf(img, "P5 %d %d %d%n", &w, &h, &maxv, &off), 3);
	off++;
	size_t dark = 0;
	for (size_t i = (size_t)off; i < len; i++)
		if ((unsigned char)img[i] < 128)
			dark++;
	if (dark < 20)
		fail_msg("only %zu dark pixels where 𠀡 was drawn", dark);
	free(img);
	free(pgm);
	free(cmd);
	free(base);
	free(pdf);
}

/* ---- measuring ------------------------------------------------------------------ */

static void test_advance_and_spacing(void **state)
{
	(void)state;
	Canvas *d = canvas_new(fs, NULL);
	canvas_add_page(d, A4_W, A4_H);
	const char *s = "一二三四";
	double a = canvas_text(d, ROLE_BODY, 16, 0, 0, s, 0);
	assert_true(a == 64.0);
	assert_true(canvas_text_width(fs, ROLE_BODY, 16, s, 0) == a);
	/* Justify 4 characters to 70 pt: 2 pt between them. */
	double a2 = canvas_text(d, ROLE_BODY, 16, 0, 0, s, 2);
	assert_true(a2 == 72.0);
	assert_true(canvas_text_width(fs, ROLE_BODY, 16, s, 2) == a2);
	/* Digits and Latin in the Song face are half an em. */
	assert_true(canvas_text_width(fs, ROLE_PAGENUM, 14, "12", 0) == 14.0);
	canvas_free(d);
}

/* Justified text is placed glyph by glyph as measured: the last glyph of
 * a line spread with char spacing ends where the layout expects. */
static void test_justified_line(void **state)
{
	(void)state;
	Canvas *d = canvas_new(fs, NULL);
	canvas_add_page(d, A4_W, A4_H);
	const char *line = "为贯彻落实党中央决策部署";
	double natural = canvas_text_width(fs, ROLE_BODY, 16, line, 0);
	double cs = (300 - natural) / 11; /* 12 characters over 300 pt */
	canvas_text(d, ROLE_BODY, 16, 100, 500, line, cs);
	char *pdf = path_in_tmp("just.pdf"), *err = NULL;
	assert_true(pdf_save(d, pdf, &err));
	Word w[16];
	size_t n = read_words(pdf, w, 16);
	assert_true(n >= 1);
	double x0 = w[0].x0, x1 = w[n - 1].x1;
	assert_true(x0 > 99.5 && x0 < 100.5);
	if (x1 < 399.5 || x1 > 400.5)
		fail_msg("justified line ends at %.3f, expected 400", x1);
	canvas_free(d);
	free(pdf);
}

/* ---- missing characters and errors ----------------------------------------------- */

static void test_missing_reported_and_extractable(void **state)
{
	(void)state;
	Canvas *d = canvas_new(fs, NULL);
	canvas_add_page(d, A4_W, A4_H);
	canvas_add_page(d, A4_W, A4_H);
	const char *s = "甲\xEE\x80\x80乙"; /* U+E000 in the middle */
	double a = canvas_text(d, ROLE_H2, 20, 100, 500, s, 0);
	assert_true(a == 60.0); /* the missing one counts as 1 em */
	size_t n;
	const CanvasMissing *m = canvas_missing(d, &n);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].cp, 0xE000);
	assert_int_equal(m[0].role, ROLE_H2);
	assert_int_equal(m[0].page, 1);
	char *pdf = path_in_tmp("missing.pdf"), *err = NULL;
	assert_true(pdf_save(d, pdf, &err));
	Word w[4];
	assert_int_equal(read_words(pdf, w, 4), 1);
	assert_string_equal(w[0].text, s);
	canvas_free(d);
	free(pdf);
}

static void test_errors(void **state)
{
	(void)state;
	char *err = NULL;
	Buf b = {0};
	Canvas *d = canvas_new(fs, NULL);
	assert_false(pdf_save_mem(d, &b, &err));
	assert_string_equal(err, "the document has no pages");
	free(err);
	err = NULL;
	canvas_text(d, ROLE_BODY, 16, 0, 0, "早", 0);
	canvas_add_page(d, A4_W, A4_H);
	assert_false(pdf_save_mem(d, &b, &err));
	assert_string_equal(err, "drawing before canvas_add_page");
	free(err);
	canvas_free(d);

	d = canvas_new(fs, NULL);
	canvas_add_page(d, A4_W, A4_H);
	canvas_text(d, ROLE_BODY, 0, 10, 10, "零", 0);
	assert_false(pdf_save_mem(d, &b, &err));
	assert_non_null(strstr(err, "bad size"));
	free(err);
	canvas_free(d);

	/* A page size libharu refuses is reported, not written. */
	d = canvas_new(fs, NULL);
	canvas_add_page(d, 1, A4_H);
	err = NULL;
	assert_false(pdf_save_mem(d, &b, &err));
	assert_non_null(strstr(err, "libharu error"));
	free(err);
	canvas_free(d);
	assert_int_equal(b.len, 0);

	/* An unwritable target leaves nothing behind. */
	d = canvas_new(fs, NULL);
	canvas_add_page(d, A4_W, A4_H);
	char *bad = path_in_tmp("no/such/dir/x.pdf");
	err = NULL;
	assert_false(pdf_save(d, bad, &err));
	assert_string_equal(err, util_strerror(ENOENT));
	free(err);
	free(bad);
	canvas_free(d);
}

/* The file appears whole under its name: no temporary file is left, an
 * existing file is replaced, and the mode is the usual one. */
static void test_atomic_save(void **state)
{
	(void)state;
	char *pdf = path_in_tmp("atomic.pdf"), *err = NULL;
	FILE *f = fopen(pdf, "w");
	fputs("old", f);
	fclose(f);
	Canvas *d = sample();
	assert_true(pdf_save(d, pdf, &err));
	size_t len;
	char *data = read_file(pdf, 1 << 22, &len);
	assert_true(len > 1000 && memcmp(data, "%PDF-", 5) == 0);
	assert_memory_equal(data + len - 6, "%%EOF", 5);
	int st;
	char *cmd = xasprintf("ls -A '%s' | grep -c '^\\.atomic' || true", tmpdir);
	char *out = run(cmd, &st);
	assert_string_equal(out, "0\n");
	mode_t mask = umask(0);
	umask(mask);
	struct stat sb;
	assert_int_equal(stat(pdf, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0666 & ~mask);
	free(out);
	free(cmd);
	free(data);
	canvas_free(d);
	free(pdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tounicode_ranges_and_pairs),
		cmocka_unit_test(test_tounicode_sections_of_100),
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test(test_qpdf_check),
		cmocka_unit_test(test_fonts_embedded_subset),
		cmocka_unit_test(test_size_bound),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_batch_stable),
		cmocka_unit_test(test_subset_reuse),
		cmocka_unit_test(test_subset_tables_and_glyphs),
		cmocka_unit_test(test_info_dictionary),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_astral_is_drawn),
		cmocka_unit_test(test_advance_and_spacing),
		cmocka_unit_test(test_justified_line),
		cmocka_unit_test(test_missing_reported_and_extractable),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_atomic_save),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
