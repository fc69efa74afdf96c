/* test_typeset.c — the paragraph line breaker: the 28-character grid and
 * justification, 禁则 over a sweep of every column and over the seed
 * plans, words and numbers kept whole, 孤字, balanced titles, run-in
 * heads, forced breaks, and bounded work on hostile input. */
#define _XOPEN_SOURCE 700 /* glob, clock_gettime */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "typeset.h"
#include "util.h"

#define W 442.205
#define PITCH (W / 28)
#define TOL 0.01

static FontSet *fs;

/* cmocka's assert_float_equal works in float; these are doubles. */
#define assert_near(a, b, eps)                                                  \
	do {                                                                    \
		double a_ = (a), b_ = (b);                                      \
		if (!(fabs(a_ - b_) <= (eps)))                                  \
			fail_msg("%s = %.9f, expected %.9f", #a, a_, b_);       \
	} while (0)

static int setup(void **state)
{
	(void)state;
	char *err = NULL;
	fs = fontset_new(NULL, &err);
	return fs ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	fontset_free(fs);
	return 0;
}

static TsStyle body(double first_indent)
{
	return (TsStyle){.size = 16, .width = W, .pitch = PITCH,
			 .first_indent = first_indent, .align = TS_JUSTIFY};
}

/* --- building text --------------------------------------------------- */

/* Ideographs without any 禁则 class, cycled so that lines differ. */
static const char *const HAN[] = {
	"为", "进", "一", "步", "推", "动", "党", "建", "工", "作", "充", "分",
	"调", "学", "校", "支", "部", "创", "先", "争", "优", "积", "极", "性",
	"和", "主", "增", "强", "凝", "聚", "力", "战", "斗", "造",
};
#define NHAN (sizeof HAN / sizeof HAN[0])

static void add_han(Buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_puts(b, HAN[i % NHAN]);
}

static char *han(size_t n)
{
	Buf b = {0};
	add_han(&b, n);
	buf_cstr(&b);
	return b.s;
}

/* --- reading lines back ---------------------------------------------- */

static void line_text(const TsPara *p, const TsRun *runs, size_t i, Buf *out)
{
	out->len = 0;
	for (size_t k = 0; k < p->lines[i].npieces; k++) {
		const TsPiece *pc = &p->lines[i].pieces[k];
		buf_add(out, runs[pc->run].s + pc->off, pc->len);
	}
	buf_add(out, "", 0); /* NUL-terminated even when empty */
}

static size_t count_cps(const char *s)
{
	size_t n = 0;
	for (size_t i = 0, len = strlen(s); i < len;) {
		uint32_t cp;
		int k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		i += k ? (size_t)k : 1;
		n++;
	}
	return n;
}

static uint32_t first_cp(const char *s)
{
	uint32_t cp = 0;
	utf8_decode((const unsigned char *)s, strlen(s), &cp);
	return cp;
}

static uint32_t last_cp(const char *s)
{
	size_t n = strlen(s), i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	uint32_t cp = 0;
	if (i > 0)
		utf8_decode((const unsigned char *)s + i - 1, n - i + 1, &cp);
	return cp;
}

/* The 禁则 classes as the brief states them, independent of kinsoku.c. */
static bool no_start(uint32_t cp)
{
	static const char *const list[] = {
		"、", "，", "。", "；", "：", "？", "！", "）", "〕", "］", "｝", "》",
		"」", "』", "】", "〉", "”", "’", "…", "‥", "·", "・", "々", "〻",
		"ゝ", ")", ",", ".", ";", ":", "?", "!",
	};
	for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
		if (first_cp(list[i]) == cp)
			return true;
	return false;
}

static bool no_end(uint32_t cp)
{
	static const char *const list[] = {
		"（", "〔", "［", "｛", "《", "「", "『", "【", "〈", "“", "‘", "(", "[", "{",
	};
	for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
		if (first_cp(list[i]) == cp)
			return true;
	return false;
}

/* Everything every result must satisfy: pieces are contiguous and as wide
 * as fontset_text_width says, no line sticks out, justified lines end at
 * the width, the text comes back whole (without "\n" and the spaces at
 * line ends), and no line starts or ends against the 禁则. */
static void check_para(const TsPara *p, const TsRun *runs, size_t nruns, const TsStyle *st)
{
	Buf all = {0}, want = {0}, ln = {0};
	for (size_t r = 0; r < nruns; r++)
		for (size_t i = 0; i < runs[r].len; i++)
			if (runs[r].s[i] != '\n')
				buf_add(&want, runs[r].s + i, 1);
	buf_cstr(&want);
	for (size_t i = 0; i < p->nlines; i++) {
		const TsLine *l = &p->lines[i];
		bool starts_segment = i == 0 || p->lines[i - 1].last;
		double x = l->npieces ? l->pieces[0].x : 0;
		size_t chars = 0;
		for (size_t k = 0; k < l->npieces; k++) {
			const TsPiece *pc = &l->pieces[k];
			assert_true(pc->run < nruns);
			assert_true(pc->len > 0);
			assert_true(fabs(pc->x - x) < 1e-6);
			double w = fontset_text_width(fs, runs[pc->run].role, st->size,
						      runs[pc->run].s + pc->off, pc->len, pc->spacing);
			assert_true(fabs(pc->width - w) < 1e-6);
			assert_true(fabs(pc->spacing - l->pieces[0].spacing) < 1e-9);
			x += pc->width;
		}
		line_text(p, runs, i, &ln);
		chars = count_cps(ln.s ? ln.s : "");
		assert_int_equal(l->chars, chars);
		if (l->npieces) {
			double ink = x - l->pieces[l->npieces - 1].spacing;
			assert_true(fabs(ink - l->width) < 1e-6);
		}
		if (l->width > st->width + TOL)
			fail_msg("line %zu sticks out: %.3f > %.3f: %s", i, l->width, st->width, ln.s);
		if (st->align == TS_JUSTIFY && !l->last && l->chars > 1 &&
		    fabs(l->width - st->width) > TOL)
			fail_msg("line %zu not justified: %.3f: %s", i, l->width, ln.s);
		if (l->chars && !starts_segment && no_start(first_cp(ln.s)))
			fail_msg("line %zu starts with a closing mark: %s", i, ln.s);
		if (l->chars && !l->last && no_end(last_cp(ln.s)))
			fail_msg("line %zu ends with an opening mark: %s", i, ln.s);
		buf_add(&all, ln.s ? ln.s : "", ln.len);
		/* Spaces dropped at the line's end come back for the comparison. */
		while (all.len < want.len && want.s[all.len] == ' ' && !(l->last && i + 1 == p->nlines))
			buf_putc(&all, ' ');
	}
	buf_cstr(&all);
	assert_string_equal(all.s, want.s);
	buf_free(&all);
	buf_free(&want);
	buf_free(&ln);
}

static TsPara set1(const char *s, const TsStyle *st, TsRun *run)
{
	*run = (TsRun){ROLE_BODY, s, strlen(s)};
	TsPara p = typeset(fs, run, 1, st);
	check_para(&p, run, 1, st);
	return p;
}

static void dump(const TsPara *p, const TsRun *runs)
{
	Buf b = {0};
	for (size_t i = 0; i < p->nlines; i++) {
		line_text(p, runs, i, &b);
		fprintf(stderr, "%2zu %2zu %8.3f %c %s\n", i, p->lines[i].chars, p->lines[i].width,
			p->lines[i].last ? 'L' : ' ', b.s ? b.s : "");
	}
	buf_free(&b);
}

/* --- the grid -------------------------------------------------------- */

static void test_empty(void **state)
{
	(void)state;
	TsStyle st = body(2 * PITCH);
	TsRun run = {ROLE_BODY, "", 0};
	TsPara p = typeset(fs, &run, 1, &st);
	assert_int_equal(p.nlines, 0);
	tspara_free(&p);
	p = typeset(fs, NULL, 0, &st);
	assert_int_equal(p.nlines, 0);
	tspara_free(&p);
}

static void test_grid_28(void **state)
{
	(void)state;
	TsStyle st = body(0);
	char *s = han(28 * 5 + 10);
	TsRun run;
	TsPara p = set1(s, &st, &run);
	assert_int_equal(p.nlines, 6);
	double just = (W - 28 * 16.0) / 27; /* −0.2146: 27 gaps, ink to the edge */
	for (size_t i = 0; i < 5; i++) {
		const TsLine *l = &p.lines[i];
		assert_int_equal(l->chars, 28);
		assert_false(l->last);
		assert_int_equal(l->npieces, 1);
		assert_int_equal(l->pieces[0].off, i * 28 * 3);
		assert_int_equal(l->pieces[0].len, 28 * 3);
		assert_near(l->pieces[0].x, 0, 1e-9);
		assert_near(l->pieces[0].spacing, just, 1e-9);
		assert_near(l->width, W, TOL);
	}
	/* The last line keeps the grid: each character advances the pitch. */
	const TsLine *l = &p.lines[5];
	assert_true(l->last);
	assert_int_equal(l->chars, 10);
	assert_near(l->pieces[0].spacing, PITCH - 16, 1e-9);
	assert_near(l->pieces[0].width, 10 * PITCH, 1e-9);
	assert_near(l->width, 9 * PITCH + 16, 1e-9);
	tspara_free(&p);
	free(s);
}

static void test_grid_indent(void **state)
{
	(void)state;
	TsStyle st = body(2 * PITCH);
	char *s = han(26 + 28 * 3);
	TsRun run;
	TsPara p = set1(s, &st, &run);
	assert_int_equal(p.nlines, 4);
	assert_int_equal(p.lines[0].chars, 26);
	assert_near(p.lines[0].pieces[0].x, 2 * PITCH, 1e-9);
	assert_near(p.lines[0].width, W, TOL);
	assert_near(p.lines[0].pieces[0].spacing, (W - 2 * PITCH - 26 * 16.0) / 25, 1e-9);
	for (size_t i = 1; i < 4; i++) {
		assert_int_equal(p.lines[i].chars, 28);
		assert_near(p.lines[i].pieces[0].x, 0, 1e-9);
		assert_near(p.lines[i].width, W, TOL);
	}
	/* A full last line is squeezed to the edge, not set at the pitch
	 * (which would put the last glyph 0.207 pt outside). */
	assert_true(p.lines[3].last);
	tspara_free(&p);
	free(s);
}

/* The font's own pitch: pitch 0 means no extra spacing at all. */
static void test_pitch_zero(void **state)
{
	(void)state;
	TsStyle st = {.size = 16, .width = 160, .align = TS_JUSTIFY};
	char *s = han(25);
	TsRun run;
	TsPara p = set1(s, &st, &run);
	assert_int_equal(p.nlines, 3);
	assert_int_equal(p.lines[0].chars, 10);
	assert_int_equal(p.lines[1].chars, 10);
	assert_int_equal(p.lines[2].chars, 5);
	assert_near(p.lines[0].pieces[0].spacing, 0, 1e-9);
	assert_near(p.lines[2].pieces[0].spacing, 0, 1e-9);
	assert_near(p.lines[2].width, 80, 1e-9);
	tspara_free(&p);
	free(s);
}

static void test_alignments(void **state)
{
	(void)state;
	char *s = han(10);
	TsRun run;
	TsStyle st = {.size = 16, .width = 200, .align = TS_LEFT, .first_indent = 8};
	TsPara p = set1(s, &st, &run);
	assert_near(p.lines[0].pieces[0].x, 8, 1e-9);
	assert_near(p.lines[0].width, 168, 1e-9);
	tspara_free(&p);
	st.align = TS_CENTER;
	p = set1(s, &st, &run);
	assert_near(p.lines[0].pieces[0].x, 8 + (192 - 160) / 2.0, 1e-9);
	tspara_free(&p);
	st.align = TS_RIGHT;
	p = set1(s, &st, &run);
	assert_near(p.lines[0].pieces[0].x, 40, 1e-9);
	assert_near(p.lines[0].width, 200, 1e-9);
	tspara_free(&p);
	free(s);
}


/* --- 禁则 ------------------------------------------------------------- */

static const char *const CLOSERS[] = {
	"、", "，", "。", "；", "：", "？", "！", "）", "〕", "］", "｝", "》", "」",
	"』", "】", "〉", "”", "’", "…", "‥", "·", "・", "々", "〻", "ゝ",
	")", ",", ".", ";", ":", "?", "!", "。”", "”。", "）。", "？”", "——", "……",
};
static const char *const OPENERS[] = {
	"（", "〔", "［", "｛", "《", "「", "『", "【", "〈", "“", "‘", "(", "[", "{",
	"“《", "（“",
};

static void sweep(const char *mark, double indent)
{
	TsStyle st = body(indent);
	for (size_t col = 0; col <= 30; col++) {
		Buf b = {0};
		add_han(&b, col);
		buf_puts(&b, mark);
		add_han(&b, 60);
		buf_puts(&b, mark);
		add_han(&b, 1);
		TsRun run;
		TsPara p = set1(b.s, &st, &run); /* check_para asserts the 禁则 */
		tspara_free(&p);
		buf_free(&b);
	}
}

static void test_kinsoku_sweep(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof CLOSERS / sizeof CLOSERS[0]; i++) {
		sweep(CLOSERS[i], 0);
		sweep(CLOSERS[i], 2 * PITCH);
	}
	for (size_t i = 0; i < sizeof OPENERS / sizeof OPENERS[0]; i++) {
		sweep(OPENERS[i], 0);
		sweep(OPENERS[i], 2 * PITCH);
	}
}

/* How many characters the first line takes when mark falls at column
 * col (0-based) of a full-width line. */
static size_t first_line_with(size_t col, const char *mark)
{
	TsStyle st = body(0);
	Buf b = {0};
	add_han(&b, col);
	buf_puts(&b, mark);
	add_han(&b, 40);
	TsRun run;
	TsPara p = set1(b.s, &st, &run);
	size_t n = p.lines[0].chars;
	tspara_free(&p);
	buf_free(&b);
	return n;
}

static void test_kinsoku_outcomes(void **state)
{
	(void)state;
	/* A 点号 or closing quote in the 29th column is pulled up: 29
	 * characters squeezed into 28 slots. */
	assert_int_equal(first_line_with(28, "。"), 29);
	assert_int_equal(first_line_with(28, "”"), 29);
	assert_int_equal(first_line_with(28, "，"), 29);
	/* Two of them would be a squeeze of 1.5 characters: push down. */
	assert_int_equal(first_line_with(28, "。”"), 27);
	/* Marks drawn over their whole width are not squeezed. */
	assert_int_equal(first_line_with(28, "……"), 27);
	assert_int_equal(first_line_with(27, "……"), 26);
	assert_int_equal(first_line_with(27, "——"), 27);
	/* An opening bracket in the 28th column goes down with what it opens. */
	assert_int_equal(first_line_with(27, "（"), 27);
	assert_int_equal(first_line_with(27, "“"), 27);
	/* Elsewhere nothing changes. */
	assert_int_equal(first_line_with(27, "。"), 28);
	assert_int_equal(first_line_with(26, "（"), 28);

	/* The squeezed line still ends exactly at the edge. */
	TsStyle st = body(0);
	Buf b = {0};
	add_han(&b, 28);
	buf_puts(&b, "。");
	add_han(&b, 3);
	TsRun run;
	TsPara p = set1(b.s, &st, &run);
	assert_near(p.lines[0].width, W, 1e-6);
	assert_near(p.lines[0].pieces[0].spacing, (W - 29 * 16.0) / 28, 1e-9);
	assert_int_equal(p.lines[1].chars, 3);
	tspara_free(&p);
	buf_free(&b);
}

/* Strip Markdown emphasis and list markers from a body line; a leading
 * **bold** part becomes a run-in head. */
static size_t seed_runs(const char *line, char *head, char *rest, TsRun *runs)
{
	const char *s = line;
	if (s[0] >= '0' && s[0] <= '9' && strstr(s, ". ") && strstr(s, ". ") - s < 4)
		s = strstr(s, ". ") + 2;
	else if ((s[0] == '-' || s[0] == '*') && s[1] == ' ')
		s += 2;
	head[0] = '\0';
	if (strncmp(s, "**", 2) == 0 && strstr(s + 2, "**")) {
		const char *e = strstr(s + 2, "**");
		memcpy(head, s + 2, (size_t)(e - s - 2));
		head[e - s - 2] = '\0';
		s = e + 2;
	}
	size_t n = 0;
	for (; *s; s++)
		if (strncmp(s, "**", 2) == 0)
			s++;
		else
			rest[n++] = *s;
	rest[n] = '\0';
	size_t k = 0;
	if (head[0])
		runs[k++] = (TsRun){ROLE_H2, head, strlen(head)};
	if (rest[0])
		runs[k++] = (TsRun){ROLE_BODY, rest, strlen(rest)};
	return k;
}

static void test_kinsoku_seed_plans(void **state)
{
	(void)state;
	glob_t g;
	assert_int_equal(glob("plans/*.md", 0, NULL, &g), 0);
	size_t paras = 0, lines = 0;
	for (size_t f = 0; f < g.gl_pathc; f++) {
		size_t len;
		char *text = read_file(g.gl_pathv[f], 1 << 22, &len);
		assert_non_null(text);
		int fences = 0;
		for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
			if (strcmp(line, "---") == 0 && fences < 2) {
				fences++;
				continue;
			}
			if (fences < 2 || strchr("#|>`", line[0]) || strlen(line) < 4)
				continue;
			char *head = xmalloc(strlen(line) + 1), *rest = xmalloc(strlen(line) + 1);
			TsRun runs[2];
			size_t nr = seed_runs(line, head, rest, runs);
			for (int indent = 0; indent < 2; indent++) {
				TsStyle st = body(indent * 2 * PITCH);
				TsPara p = typeset(fs, runs, nr, &st);
				check_para(&p, runs, nr, &st);
				lines += p.nlines;
				tspara_free(&p);
			}
			paras++;
			free(head);
			free(rest);
		}
		free(text);
	}
	globfree(&g);
	printf("  %zu seed paragraphs, %zu lines\n", paras, lines);
	assert_true(g.gl_pathc >= 5);
	assert_true(paras >= 60);
	assert_true(lines >= 300);
}

/* --- words and numbers ------------------------------------------------ */

/* With word at every column, some line holds all of it. */
static void assert_never_split(const char *word)
{
	TsStyle st = body(2 * PITCH);
	Buf ln = {0};
	for (size_t col = 0; col <= 30; col++) {
		Buf b = {0};
		add_han(&b, col);
		buf_puts(&b, word);
		add_han(&b, 40);
		TsRun run;
		TsPara p = set1(b.s, &st, &run);
		bool whole = false;
		for (size_t i = 0; i < p.nlines; i++) {
			line_text(&p, &run, i, &ln);
			whole |= ln.s && strstr(ln.s, word) != NULL;
		}
		if (!whole) {
			dump(&p, &run);
			fail_msg("\"%s\" split at column %zu", word, col);
		}
		tspara_free(&p);
		buf_free(&b);
	}
	buf_free(&ln);
}

static void test_words_whole(void **state)
{
	(void)state;
	assert_never_split("2020年");
	assert_never_split("GB/T 9704-2012");
	assert_never_split("e-mail");
	assert_never_split("100%");
	assert_never_split("3.14");
}

/* A URL may break after a slash, as UAX #14 has it. */
static void test_url_breaks(void **state)
{
	(void)state;
	TsStyle st = body(0);
	char *h = han(20);
	char *s = xasprintf("%shttps://www.gov.cn/zhengce/content/2020-03/01/content_5485000.htm", h);
	TsRun run;
	TsPara p = set1(s, &st, &run);
	Buf ln = {0};
	line_text(&p, &run, 0, &ln);
	assert_int_equal(p.nlines, 2);
	assert_int_equal(ln.s[ln.len - 1], '/');
	assert_true(p.lines[0].chars > 20);
	buf_free(&ln);
	tspara_free(&p);
	free(s);
	free(h);
}

static void test_long_word(void **state)
{
	(void)state;
	TsStyle st = body(2 * PITCH);
	size_t n = 10000;
	char *s = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	s[n] = '\0';
	TsRun run;
	TsPara p = set1(s, &st, &run);
	/* 'a' is 8 pt wide, 7.793 pt on the grid: 52 after the indent, 56. */
	assert_int_equal(p.lines[0].chars, 52);
	for (size_t i = 1; i + 1 < p.nlines; i++)
		assert_int_equal(p.lines[i].chars, 56);
	assert_int_equal(p.nlines, 1 + (n - 52 + 55) / 56);
	tspara_free(&p);

	/* After Chinese text the word is not pushed down to leave a gappy
	 * line: it is split where the line ends. */
	char *t = xasprintf("党建工作%s", s);
	p = set1(t, &st, &run);
	assert_true(p.lines[0].chars > 40);
	tspara_free(&p);
	/* A word that fits on a line of its own is pushed down whole. */
	t[4 * 3 + 40] = '\0';
	char *u = xasprintf("%s%s", t, "党建");
	free(t);
	t = han(24);
	char *v = xasprintf("%s %s", t, u + 4 * 3);
	p = set1(v, &st, &run);
	assert_int_equal(p.nlines, 2);
	assert_int_equal(p.lines[0].chars, 24);
	tspara_free(&p);
	free(s);
	free(t);
	free(u);
	free(v);
}

static void test_spaces(void **state)
{
	(void)state;
	TsStyle st = {.size = 16, .width = 12 * 8, .align = TS_JUSTIFY};
	TsRun run;
	/* "hello world" on a 12-letter line: the space goes at the break. */
	TsPara p = set1("hello world again", &st, &run);
	Buf ln = {0};
	assert_int_equal(p.nlines, 2);
	line_text(&p, &run, 0, &ln);
	assert_string_equal(ln.s, "hello world");
	line_text(&p, &run, 1, &ln);
	assert_string_equal(ln.s, "again");
	assert_int_equal(p.lines[1].pieces[0].off, 12);
	buf_free(&ln);
	tspara_free(&p);
}

/* --- 孤字 -------------------------------------------------------------- */

static void test_orphan_avoided(void **state)
{
	(void)state;
	TsStyle st = body(0);
	char *s = han(28 * 3 + 1);
	TsRun run;
	TsPara p = set1(s, &st, &run);
	assert_int_equal(p.nlines, 4);
	assert_int_equal(p.lines[0].chars, 28);
	assert_int_equal(p.lines[1].chars, 28);
	assert_int_equal(p.lines[2].chars, 27); /* justified wider */
	assert_near(p.lines[2].width, W, TOL);
	assert_true(p.lines[2].pieces[0].spacing > PITCH - 16);
	assert_int_equal(p.lines[3].chars, 2);
	tspara_free(&p);
	free(s);

	st = body(2 * PITCH);
	s = han(26 + 28 + 1);
	p = set1(s, &st, &run);
	assert_int_equal(p.nlines, 3);
	assert_int_equal(p.lines[0].chars, 26);
	assert_int_equal(p.lines[1].chars, 27);
	assert_int_equal(p.lines[2].chars, 2);
	tspara_free(&p);
	free(s);
}

static void test_orphan_unavoidable(void **state)
{
	(void)state;
	TsStyle st = body(0);
	/* Pulling "动" down would put "。" at the start of the last line. */
	Buf b = {0};
	add_han(&b, 27);
	buf_puts(&b, "。动");
	TsRun run;
	TsPara p = set1(b.s, &st, &run);
	assert_int_equal(p.nlines, 2);
	assert_int_equal(p.lines[0].chars, 28);
	assert_int_equal(p.lines[1].chars, 1);
	tspara_free(&p);
	buf_free(&b);
	/* A one-character paragraph is one character. */
	p = set1("动", &st, &run);
	assert_int_equal(p.nlines, 1);
	assert_int_equal(p.lines[0].chars, 1);
	tspara_free(&p);
}

/* --- balanced titles -------------------------------------------------- */

static TsPara title(size_t n, bool balance, TsRun *run, char **s)
{
	TsStyle st = {.size = 22, .width = W, .align = TS_CENTER, .balance = balance};
	*s = han(n);
	*run = (TsRun){ROLE_TITLE, *s, strlen(*s)};
	TsPara p = typeset(fs, run, 1, &st);
	check_para(&p, run, 1, &st);
	return p;
}

static void test_balance(void **state)
{
	(void)state;
	TsRun run;
	char *s;
	TsPara p = title(30, true, &run, &s);
	assert_int_equal(p.nlines, 2);
	assert_int_equal(p.lines[0].chars, 15);
	assert_int_equal(p.lines[1].chars, 15);
	assert_near(p.lines[0].pieces[0].x, (W - 15 * 22) / 2, 1e-9);
	assert_near(p.lines[1].pieces[0].x, (W - 15 * 22) / 2, 1e-9);
	tspara_free(&p);
	free(s);

	p = title(34, true, &run, &s);
	assert_int_equal(p.nlines, 2);
	assert_int_equal(p.lines[0].chars, 17);
	assert_int_equal(p.lines[1].chars, 17);
	tspara_free(&p);
	free(s);

	p = title(31, true, &run, &s);
	assert_int_equal(p.nlines, 2);
	assert_int_equal(p.lines[0].chars, 16);
	assert_int_equal(p.lines[1].chars, 15);
	tspara_free(&p);
	free(s);

	p = title(50, true, &run, &s);
	assert_int_equal(p.nlines, 3);
	assert_int_equal(p.lines[0].chars, 17);
	assert_int_equal(p.lines[1].chars, 17);
	assert_int_equal(p.lines[2].chars, 16);
	tspara_free(&p);
	free(s);

	/* Without balance the first line is filled: 20 + 10. */
	p = title(30, false, &run, &s);
	assert_int_equal(p.nlines, 2);
	assert_int_equal(p.lines[0].chars, 20);
	assert_int_equal(p.lines[1].chars, 10);
	tspara_free(&p);
	free(s);

	/* A short title stays one line. */
	p = title(12, true, &run, &s);
	assert_int_equal(p.nlines, 1);
	assert_near(p.lines[0].pieces[0].x, (W - 12 * 22) / 2, 1e-9);
	tspara_free(&p);
	free(s);
}

static void test_balance_keeps_words(void **state)
{
	(void)state;
	TsStyle st = {.size = 22, .width = W, .align = TS_CENTER, .balance = true};
	char *a = han(13), *b = han(14);
	char *s = xasprintf("%sGB/T 9704%s", a, b);
	TsRun run;
	TsPara p = set1(s, &st, &run);
	assert_int_equal(p.nlines, 2);
	Buf ln = {0};
	bool whole = false;
	for (size_t i = 0; i < p.nlines; i++) {
		line_text(&p, &run, i, &ln);
		whole |= strstr(ln.s, "GB/T 9704") != NULL;
	}
	assert_true(whole);
	buf_free(&ln);
	tspara_free(&p);
	free(s);
	free(a);
	free(b);
}

/* Of two equally balanced settings the one that breaks after punctuation
 * wins: 15 + 16 ending in "，" rather than 16 + 15. */
static void test_balance_prefers_punctuation(void **state)
{
	(void)state;
	TsStyle st = {.size = 22, .width = W, .align = TS_CENTER, .balance = true};
	Buf b = {0};
	add_han(&b, 14);
	buf_puts(&b, "，");
	add_han(&b, 16);
	TsRun run;
	TsPara p = set1(b.s, &st, &run);
	assert_int_equal(p.nlines, 2);
	assert_int_equal(p.lines[0].chars, 15);
	assert_int_equal(p.lines[1].chars, 16);
	Buf ln = {0};
	line_text(&p, &run, 0, &ln);
	assert_int_equal(last_cp(ln.s), 0xFF0C);
	buf_free(&ln);
	tspara_free(&p);
	/* But not at the price of balance: 14 + 17 is not taken. */
	b.len = 0;
	add_han(&b, 13);
	buf_puts(&b, "，");
	add_han(&b, 17);
	p = set1(b.s, &st, &run);
	assert_int_equal(p.lines[0].chars, 16);
	assert_int_equal(p.lines[1].chars, 15);
	tspara_free(&p);
	buf_free(&b);
}

/* --- runs and forced breaks ------------------------------------------- */

static void test_run_in_head(void **state)
{
	(void)state;
	TsStyle st = body(2 * PITCH);
	char *h = han(60);
	TsRun runs[2] = {{ROLE_H1, "一、总体要求。", strlen("一、总体要求。")},
			 {ROLE_BODY, h, strlen(h)}};
	TsPara p = typeset(fs, runs, 2, &st);
	check_para(&p, runs, 2, &st);
	const TsLine *l = &p.lines[0];
	assert_int_equal(l->chars, 26);
	assert_int_equal(l->npieces, 2);
	assert_int_equal(l->pieces[0].run, 0);
	assert_int_equal(l->pieces[1].run, 1);
	assert_near(l->pieces[0].x, 2 * PITCH, 1e-9);
	assert_int_equal(l->pieces[0].len, strlen("一、总体要求。"));
	assert_near(l->pieces[1].x, 2 * PITCH + l->pieces[0].width, 1e-9);
	assert_near(l->pieces[0].width, 7 * (16 + l->pieces[0].spacing), 1e-9);
	assert_near(l->pieces[1].spacing, l->pieces[0].spacing, 1e-12);
	assert_int_equal(l->pieces[1].off, 0);
	assert_int_equal(l->pieces[1].len, 19 * 3);
	assert_int_equal(p.lines[1].npieces, 1);
	assert_int_equal(p.lines[1].pieces[0].run, 1);
	assert_int_equal(p.lines[1].pieces[0].off, 19 * 3);
	tspara_free(&p);
	free(h);
}

/* A run that ends mid-line and a 禁则 that spans the run boundary: the
 * "。" that opens run 1 is pulled up onto run 0's full line. */
static void test_breaks_span_runs(void **state)
{
	(void)state;
	TsStyle st = body(0);
	char *a = han(30), *b = han(10);
	char *b2 = xasprintf("。%s", b);
	TsRun runs[2] = {{ROLE_H1, a, 28 * 3}, {ROLE_BODY, b2, strlen(b2)}};
	TsPara p = typeset(fs, runs, 2, &st);
	check_para(&p, runs, 2, &st);
	assert_int_equal(p.nlines, 2);
	assert_int_equal(p.lines[0].chars, 29);
	assert_int_equal(p.lines[0].npieces, 2);
	assert_int_equal(p.lines[0].pieces[1].run, 1);
	assert_int_equal(p.lines[0].pieces[1].len, 3);
	tspara_free(&p);

	/* Run 0 longer than a line continues on the next one. */
	runs[0].len = 30 * 3;
	p = typeset(fs, runs, 2, &st);
	check_para(&p, runs, 2, &st);
	assert_int_equal(p.lines[0].npieces, 1);
	assert_int_equal(p.lines[1].npieces, 2);
	assert_int_equal(p.lines[1].pieces[0].run, 0);
	assert_int_equal(p.lines[1].pieces[0].off, 28 * 3);
	assert_int_equal(p.lines[1].pieces[1].run, 1);
	tspara_free(&p);
	free(a);
	free(b);
	free(b2);
}

static void test_forced_breaks(void **state)
{
	(void)state;
	TsStyle st = body(0);
	TsRun run;
	TsPara p = set1("甲乙丙\n丁戊", &st, &run);
	assert_int_equal(p.nlines, 2);
	assert_true(p.lines[0].last);
	assert_int_equal(p.lines[0].chars, 3);
	assert_near(p.lines[0].width, 2 * PITCH + 16, 1e-9); /* not justified */
	assert_int_equal(p.lines[1].pieces[0].off, 10);
	assert_int_equal(p.lines[1].pieces[0].len, 6);
	tspara_free(&p);

	p = set1("甲\n\n乙\n", &st, &run);
	assert_int_equal(p.nlines, 3);
	assert_int_equal(p.lines[1].npieces, 0);
	assert_int_equal(p.lines[1].chars, 0);
	assert_true(p.lines[1].last);
	tspara_free(&p);

	p = set1("\n", &st, &run);
	assert_int_equal(p.nlines, 1);
	assert_int_equal(p.lines[0].npieces, 0);
	tspara_free(&p);

	/* A long segment is justified except its last line; the segment after
	 * the break starts at the later lines' indent. */
	st = body(2 * PITCH);
	Buf b = {0};
	add_han(&b, 40);
	buf_puts(&b, "\n");
	add_han(&b, 29);
	p = set1(b.s, &st, &run);
	assert_int_equal(p.nlines, 4);
	assert_int_equal(p.lines[0].chars, 26);
	assert_false(p.lines[0].last);
	assert_int_equal(p.lines[1].chars, 14);
	assert_true(p.lines[1].last);
	assert_near(p.lines[2].pieces[0].x, 0, 1e-9);
	/* 孤字 is avoided before a forced break as well: 27 + 2. */
	assert_int_equal(p.lines[2].chars, 27);
	assert_int_equal(p.lines[3].chars, 2);
	tspara_free(&p);
	buf_free(&b);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	TsStyle st = body(0);
	TsRun run;
	TsPara p = set1("中\xff文\xe4\xb8", &st, &run);
	assert_int_equal(p.nlines, 1);
	assert_int_equal(p.lines[0].chars, 5);
	assert_int_equal(p.lines[0].pieces[0].len, 9);
	tspara_free(&p);
}

/* --- bounded work ----------------------------------------------------- */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#define MB (1u << 20)

static TsPara timed(const char *s, size_t len, const TsStyle *st, const char *what, TsRun *run)
{
	*run = (TsRun){ROLE_BODY, s, len};
	double t0 = now();
	TsPara p = typeset(fs, run, 1, st);
	double t = now() - t0;
	size_t chars = utf8_count(s, len);
	printf("  %-28s %8zu chars %6zu lines %7.3f s  %.2e chars/s\n", what, chars, p.nlines,
	       t, chars / (t > 0 ? t : 1e-9));
	/* Linear work: a quadratic breaker would take hours here. */
	assert_true(t < 30);
	return p;
}

static void test_huge_inputs(void **state)
{
	(void)state;
	TsStyle st = body(2 * PITCH);
	char *s = xmalloc(MB + 1);
	TsRun run;

	/* One Latin word of 1 MB: no break opportunity at all. */
	for (size_t i = 0; i < MB; i++)
		s[i] = (char)('a' + i % 26);
	TsPara p = timed(s, MB, &st, "one 1 MB word", &run);
	check_para(&p, &run, 1, &st);
	assert_int_equal(p.nlines, 1 + (MB - 52 + 55) / 56);
	tspara_free(&p);

	/* Seed-like Chinese prose with punctuation. */
	const char *prose = "坚持以新时代中国特色社会主义思想为指导，以党章、党支部工作条例为基本遵循，"
			    "牢固树立“一切工作到支部、一切支部都过硬”的鲜明导向（2020年），"
			    "推动党支部建设从“做没做”“有没有”向“好不好”“优不优”转变。";
	size_t n = 0, plen = strlen(prose);
	while (n + plen <= MB) {
		memcpy(s + n, prose, plen);
		n += plen;
	}
	p = timed(s, n, &st, "1 MB of prose", &run);
	check_para(&p, &run, 1, &st);
	tspara_free(&p);

	/* Invalid UTF-8: every byte is one U+FFFD, one em wide. */
	memset(s, 0xFF, MB);
	p = timed(s, MB, &st, "1 MB of invalid bytes", &run);
	assert_int_equal(p.lines[0].chars, 26);
	assert_int_equal(p.lines[1].chars, 28);
	assert_int_equal(p.lines[1].pieces[0].len, 28);
	assert_int_equal(p.nlines, 1 + (MB - 26 + 27) / 28);
	tspara_free(&p);

	/* Only opening brackets: no line may end anywhere. */
	n = 0;
	while (n + 3 <= MB) {
		memcpy(s + n, "（", 3);
		n += 3;
	}
	p = timed(s, n, &st, "1 MB of opening brackets", &run);
	assert_true(p.nlines > 1000);
	for (size_t i = 0; i < p.nlines; i++)
		assert_true(p.lines[i].width <= W + TOL);
	tspara_free(&p);

	/* Spaces only, and a balanced title of 1 MB. */
	memset(s, ' ', MB);
	p = timed(s, MB, &st, "1 MB of spaces", &run);
	assert_int_equal(p.nlines, 1);
	assert_int_equal(p.lines[0].chars, 0);
	tspara_free(&p);
	TsStyle ti = {.size = 22, .width = W, .align = TS_CENTER, .balance = true};
	for (size_t i = 0; i < MB; i++)
		s[i] = (char)('a' + i % 26);
	p = timed(s, MB, &ti, "1 MB balanced title", &run);
	check_para(&p, &run, 1, &ti);
	tspara_free(&p);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_grid_28),
		cmocka_unit_test(test_grid_indent),
		cmocka_unit_test(test_pitch_zero),
		cmocka_unit_test(test_alignments),
		cmocka_unit_test(test_kinsoku_sweep),
		cmocka_unit_test(test_kinsoku_outcomes),
		cmocka_unit_test(test_kinsoku_seed_plans),
		cmocka_unit_test(test_words_whole),
		cmocka_unit_test(test_url_breaks),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_orphan_avoided),
		cmocka_unit_test(test_orphan_unavoidable),
		cmocka_unit_test(test_balance),
		cmocka_unit_test(test_balance_keeps_words),
		cmocka_unit_test(test_balance_prefers_punctuation),
		cmocka_unit_test(test_run_in_head),
		cmocka_unit_test(test_breaks_span_runs),
		cmocka_unit_test(test_forced_breaks),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_huge_inputs),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
