/* title.c — a title's lines, whole words and a balanced shape; see
 * title.h. */
#include "title.h"

#include <stdlib.h>
#include <string.h>

#include "kinsoku.h"
#include "util.h"
#include "words.h"

#define EPS 1e-6

typedef struct {
	size_t *off;    /* byte offset of each character, off[n] = len */
	double *x;      /* x[i]: width of characters [0, i) */
	int8_t *grade;  /* break before i: -1 never, 0 inside a word, 1 between
	                   words, 2 between words after/before punctuation */
	size_t n;
	double width, size;
	/* the search */
	size_t cur[TITLE_MAX_LINES + 1], best[TITLE_MAX_LINES + 1];
	size_t nbest;
	double best_cost;
	int min_grade;  /* breaks below this grade are not taken */
	size_t least;   /* the fewest lines the width allows */
} T;

static double line_w(const T *t, size_t a, size_t b)
{
	return t->x[b] - t->x[a];
}

/* The cost of lines cur[0..k] (k lines; cur[k] = n): imbalance in
 * characters, a shape that is neither 梯形 nor 菱形, breaks inside words,
 * minus preferred breaks. */
static double cost(const T *t, size_t k)
{
	double w[TITLE_MAX_LINES], lo = 1e300, hi = 0, c = 0;
	for (size_t i = 0; i < k; i++) {
		w[i] = line_w(t, t->cur[i], t->cur[i + 1]) / t->size;
		if (w[i] < lo)
			lo = w[i];
		if (w[i] > hi)
			hi = w[i];
		if (i > 0) {
			int g = t->grade[t->cur[i]];
			c += g == 2 ? -1.5 : g == 0 ? 8 : 0;
		}
	}
	c += hi - lo;
	/* 梯形: each line no longer than the one above (half a character of
	 * slack); 菱形: the longest in the middle. */
	bool trapezoid = true, diamond = k >= 3;
	for (size_t i = 1; i < k; i++)
		if (w[i] > w[i - 1] + 0.5)
			trapezoid = false;
	size_t top = 0;
	for (size_t i = 1; i < k; i++)
		if (w[i] > w[top] + EPS)
			top = i;
	if (diamond) {
		if (top == 0 || top == k - 1)
			diamond = false;
		for (size_t i = 1; i <= top && diamond; i++)
			if (w[i] + 0.5 < w[i - 1])
				diamond = false;
		for (size_t i = top + 1; i < k && diamond; i++)
			if (w[i] > w[i - 1] + 0.5)
				diamond = false;
	}
	if (!trapezoid)
		c += diamond ? 0.5 : 8;
	return c + 5 * (double)(k - t->least);
}

static bool too_short(const T *t, size_t a, size_t b)
{
	return t->n >= 6 && b - a <= 2;
}

/* Lines from character a on, line k of lines. */
static void search(T *t, size_t a, size_t k, size_t lines)
{
	if (k + 1 == lines) {
		if (line_w(t, a, t->n) > t->width + EPS || too_short(t, a, t->n))
			return;
		t->cur[k + 1] = t->n;
		double c = cost(t, lines);
		if (c < t->best_cost - EPS) {
			t->best_cost = c;
			t->nbest = lines;
			memcpy(t->best, t->cur, (lines + 1) * sizeof *t->best);
		}
		return;
	}
	for (size_t b = a + 1; b < t->n && line_w(t, a, b) <= t->width + EPS; b++) {
		if (t->grade[b] < t->min_grade || too_short(t, a, b))
			continue;
		/* The rest must fit in the lines left. */
		if (line_w(t, b, t->n) > (double)(lines - k - 1) * t->width + EPS)
			continue;
		t->cur[k + 1] = b;
		search(t, b, k + 1, lines);
	}
}

/* Greedy: as much as fits on each line, broken at the last break of at
 * least grade g (any allowed one when none). */
static size_t greedy(const T *t, size_t **starts)
{
	size_t *v = NULL, cap = 0, nv = 0;
	size_t a = 0;
	while (a < t->n || nv == 0) {
		v = xgrow(v, &cap, nv + 1, sizeof *v);
		v[nv++] = t->off[a];
		if (a >= t->n)
			break;
		size_t b = a + 1, good = 0, any = 0;
		while (b <= t->n && line_w(t, a, b) <= t->width + EPS) {
			if (b == t->n) {
				good = b;
				break;
			}
			if (t->grade[b] >= 1)
				good = b;
			if (t->grade[b] >= 0)
				any = b;
			b++;
		}
		size_t e = good ? good : any ? any : (b > a + 1 ? b - 1 : a + 1);
		a = e;
	}
	*starts = v;
	return nv;
}

static void grade_breaks(T *t, const char *s, size_t len, const Plan *p)
{
	uint8_t *glue = xmalloc(len ? len : 1);
	const char *keep[3] = {0};
	size_t nkeep = 0;
	if (p) {
		keep[nkeep++] = p->issuer.s;
		keep[nkeep++] = p->header.s;
	}
	/* Units and recipients: kept whole too. */
	size_t extra = p ? p->units.n + p->recipients.n : 0;
	const char **all = xmalloc((nkeep + extra + 1) * sizeof *all);
	size_t na = 0;
	for (size_t i = 0; i < nkeep; i++)
		all[na++] = keep[i];
	for (size_t i = 0; p && i < p->units.n; i++)
		all[na++] = p->units.v[i].s;
	for (size_t i = 0; p && i < p->recipients.n; i++)
		all[na++] = p->recipients.v[i].s;
	words_glue(s, len, all, na, glue);
	free(all);
	for (size_t i = 1; i < t->n; i++) {
		uint32_t a, b;
		utf8_decode((const unsigned char *)s + t->off[i - 1], len - t->off[i - 1], &a);
		utf8_decode((const unsigned char *)s + t->off[i], len - t->off[i], &b);
		int8_t g;
		if (kinsoku_no_start(b) || kinsoku_no_end(a) || kinsoku_inseparable(a, b) ||
		    (is_digit_cp(a) && (is_digit_cp(b) || cjk_wide(b))) ||
		    (!cjk_wide(a) && !cjk_wide(b) && a > ' ' && b > ' '))
			g = -1;
		else if (glue[t->off[i]])
			g = 0;
		else if (kinsoku_no_start(a) || kinsoku_no_end(b) || a == ' ')
			g = 2;
		else
			g = 1;
		t->grade[i] = g;
	}
	free(glue);
}

static size_t split_written(const char *s, size_t len, size_t **starts)
{
	size_t n = 1;
	for (size_t k = 0; k < len; k++)
		n += s[k] == '\n';
	size_t *v = xmalloc(n * sizeof *v);
	size_t i = 0;
	v[i++] = 0;
	for (size_t k = 0; k < len; k++)
		if (s[k] == '\n')
			v[i++] = k + 1;
	*starts = v;
	return n;
}

size_t title_lines(const FontSet *fs, FontRole role, double size, double width,
                   const char *s, size_t len, const Plan *p, size_t **starts)
{
	if (memchr(s, '\n', len))
		return split_written(s, len, starts);
	T t = {.width = width, .size = size};
	t.off = xmalloc((len + 1) * sizeof *t.off);
	for (size_t k = 0; k < len;) {
		uint32_t cp;
		int n = utf8_decode((const unsigned char *)s + k, len - k, &cp);
		t.off[t.n++] = k;
		k += n > 0 ? (size_t)n : 1;
	}
	t.off[t.n] = len;
	t.x = xcalloc(t.n + 1, sizeof *t.x);
	for (size_t i = 0; i < t.n; i++)
		t.x[i + 1] = t.x[i] + fontset_text_width(fs, role, size, s + t.off[i],
		                                         t.off[i + 1] - t.off[i], 0);
	t.grade = xcalloc(t.n + 1, sizeof *t.grade);
	size_t nlines;
	if (t.x[t.n] <= width + EPS) {
		nlines = 1;
		*starts = xmalloc(sizeof **starts);
		(*starts)[0] = 0;
		goto done;
	}
	grade_breaks(&t, s, len, p);
	size_t least = (size_t)(t.x[t.n] / width - EPS) + 1;
	t.least = least;
	if (t.n > TITLE_MAX_CHARS || least > TITLE_MAX_LINES) {
		nlines = greedy(&t, starts);
		goto done;
	}
	t.best_cost = 1e300;
	/* Whole words in the fewest lines, or one more; then any break. */
	for (int pass = 0; pass < 2 && !t.nbest; pass++) {
		t.min_grade = pass == 0 ? 1 : 0;
		for (size_t lines = least; lines <= least + 1 && lines <= TITLE_MAX_LINES; lines++) {
			t.cur[0] = 0;
			search(&t, 0, 0, lines);
		}
	}
	if (!t.nbest) {
		nlines = greedy(&t, starts);
		goto done;
	}
	nlines = t.nbest;
	*starts = xmalloc(nlines * sizeof **starts);
	for (size_t i = 0; i < nlines; i++)
		(*starts)[i] = t.off[t.best[i]];
done:
	free(t.off);
	free(t.x);
	free(t.grade);
	return nlines;
}

char *title_broken(const FontSet *fs, FontRole role, double size, double width,
                   const char *s, const Plan *p)
{
	size_t len = strlen(s), *starts;
	size_t n = title_lines(fs, role, size, width, s, len, p, &starts);
	Buf b = {0};
	for (size_t i = 0; i < n; i++) {
		size_t a = starts[i], e = i + 1 < n ? starts[i + 1] : len;
		if (e > a && s[e - 1] == '\n')
			e--;
		if (i)
			buf_puts(&b, "\n");
		buf_add(&b, s + a, e - a);
	}
	free(starts);
	buf_cstr(&b);
	return b.s;
}
