/* sign.c — the signature block (GB/T 9704 §7.3.5) as placed parts.
 *
 * Grid lines are counted from the last line of text (slot 0); compose.c
 * reserves the lines returned here after it, chained to it so that the
 * block never starts a page without text (§7.3.5.5), and layout.c moves
 * the parts onto the page where pagination put that line.
 *
 *   sealed (§7.3.5.1)     成文日期 右空四字 on line 4, the 署名 centred over
 *                         it on line 3, the 42 mm seal place centred on
 *                         them, its top at line 1's top: within one line of
 *                         the text, the 署名 and date a little below its
 *                         centre.  Joint: the organs two a row when their
 *                         names fit side by side, each with its seal, the
 *                         main organ first, the last over the date; rows
 *                         five lines apart so seals never touch.
 *   unsealed (§7.3.5.2)   下空一行右空二字 the 署名 (joint: one under
 *                         another), then the date starting two characters
 *                         right of it, or 右空二字 when longer.
 *   签名章 (§7.3.5.3)     下空二行右空四字 the 签名章's place, the 职务 左空二
 *                         字 of it and centred on it, the date 下空一行右空四字.
 */
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "typeset.h"
#include "util.h"

typedef struct {
	const Plan *p;
	const FontSet *fs;
	const Geometry *g;
	Parts *ps;
	Diags *d;
	bool ok;
	double left, right, c;
	char date[32];
} S;

static double width(const S *s, const char *t)
{
	return fontset_text_width(s->fs, ROLE_BODY, s->g->size_body, t, strlen(t), 0);
}

/* Top of grid line k's em box, with the last text line at slot 0. */
static double line_top(const S *s, int k)
{
	return geo_body_top(s->g) - k * geo_line_pitch(s->g);
}

static void text(S *s, PartWhat what, double x, int k, const char *t, Pos pos)
{
	if (!layout_glyphs_ok(s->fs, ROLE_BODY, t, s->p->path, pos, s->d))
		s->ok = false;
	parts_text(s->ps, what, ROLE_BODY, s->g->size_body, x, geo_baseline(s->g, k), t);
}

static void date_at(S *s, double x, int k)
{
	if (s->date[0])
		text(s, PW_DATE, x, k, s->date, s->p->date.pos);
}

/* An organ's 署名 as lines no wider than maxw: one line when it fits,
 * else broken by the typesetter (禁则, words kept whole, lines about
 * equally long).  The checker keeps names to 60 characters, so that is
 * at most three lines of the 版心. */
typedef struct {
	char **v;
	double *w;  /* each line's width */
	size_t n;
	double wmax;
} Name;

static Name name_lines(const S *s, const char *t, double maxw)
{
	Name nm = {0};
	TsRun run = {ROLE_BODY, t, strlen(t)};
	TsStyle st = {.size = s->g->size_body, .width = maxw, .align = TS_CENTER,
	              .balance = true, .words = true};
	TsPara para = {0};
	if (width(s, t) > maxw)
		para = typeset(s->fs, &run, 1, &st);
	size_t n = para.nlines ? para.nlines : 1;
	nm.v = xcalloc(n, sizeof *nm.v);
	nm.w = xcalloc(n, sizeof *nm.w);
	for (size_t i = 0; i < n; i++) {
		if (!para.nlines) {
			nm.v[i] = xstrdup(t);
		} else {
			const TsLine *l = &para.lines[i];
			size_t off = l->npieces ? l->pieces[0].off : 0, end = off;
			for (size_t k = 0; k < l->npieces; k++)
				end = l->pieces[k].off + l->pieces[k].len;
			nm.v[i] = xstrndup(t + off, end - off);
		}
		nm.w[i] = width(s, nm.v[i]);
		if (nm.w[i] > nm.wmax)
			nm.wmax = nm.w[i];
	}
	nm.n = n;
	tspara_free(&para);
	return nm;
}

static void name_free(Name *nm)
{
	for (size_t i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
	free(nm->w);
}

static int unsealed(S *s)
{
	const StrList *is = &s->p->issuers;
	double wn = 0, wd = s->date[0] ? width(s, s->date) : 0;
	double right = s->right - 2 * s->c;
	Name *names = xcalloc(is->n, sizeof *names);
	for (size_t i = 0; i < is->n; i++) {
		names[i] = name_lines(s, is->v[i].s, right - s->left);
		if (names[i].wmax > wn)
			wn = names[i].wmax;
	}
	double xn = right - wn, xd = xn + 2 * s->c;
	if (xd + wd > right) {
		xd = right - wd;
		xn = xd - 2 * s->c;
	}
	if (xn < s->left)
		xn = s->left;
	int k = 2;
	for (size_t i = 0; i < is->n; i++) {
		for (size_t l = 0; l < names[i].n; l++)
			text(s, PW_ISSUER, xn, k++, names[i].v[l], is->v[i].pos);
		name_free(&names[i]);
	}
	free(names);
	date_at(s, xd, k);
	return s->date[0] ? k : k - 1;
}

/* An organ's name centred on cx from line k down (each line kept inside
 * the 版心), and its seal place centred on cx with its top at line
 * top_k's top. */
static void organ(S *s, const Str *name, const Name *nm, double cx, int k, int top_k)
{
	for (size_t l = 0; l < nm->n; l++) {
		double w = nm->w[l], x = cx - w / 2;
		if (x + w > s->right)
			x = s->right - w;
		if (x < s->left)
			x = s->left;
		text(s, PW_ISSUER, x, k + (int)l, nm->v[l], name->pos);
	}
	double size = s->g->seal_size;
	parts_seal(s->ps, PW_SEAL, cx - size / 2, line_top(s, top_k) - size, size, size);
}

static int sealed(S *s)
{
	const StrList *is = &s->p->issuers;
	double wd = s->date[0] ? width(s, s->date) : width(s, "0000年00月00日");
	double xd = s->right - 4 * s->c - wd;
	double cr = xd + wd / 2; /* the right column: over the date */
	double seal = s->g->seal_size;
	/* Rows from the top, two organs a row in order (主办机关 first, at
	 * the left); one alone on the right when it is the last of an odd
	 * number, or whenever two names do not fit side by side.  A name
	 * wrapped onto more lines pushes the rows below down by as many. */
	size_t i = 0;
	int row = 0, extra = 0, k = 3;
	while (i < is->n) {
		k = 3 + 5 * row + extra;
		int top_k = 1 + 5 * row + extra;
		double maxw = s->right - s->left;
		Name a = name_lines(s, is->v[i].s, maxw), b = {0};
		bool pair = false;
		double cl = 0;
		if (is->n - i >= 2) {
			b = name_lines(s, is->v[i + 1].s, maxw);
			double dist = seal + MM(4);
			if ((a.wmax + b.wmax) / 2 + 2 * s->c > dist)
				dist = (a.wmax + b.wmax) / 2 + 2 * s->c;
			cl = cr - dist;
			pair = cl - a.wmax / 2 >= s->left && cl - seal / 2 >= s->left;
		}
		if (pair) {
			organ(s, &is->v[i], &a, cl, k, top_k);
			organ(s, &is->v[i + 1], &b, cr, k, top_k);
			i++;
		} else {
			organ(s, &is->v[i], &a, cr, k, top_k);
		}
		size_t lines = pair && b.n > a.n ? b.n : a.n;
		name_free(&a);
		name_free(&b);
		extra += (int)lines - 1;
		k += (int)lines - 1;
		i++;
		row++;
	}
	k++;
	date_at(s, xd, k);
	return k;
}

static int stamp(S *s)
{
	const Geometry *g = s->g;
	double x = s->right - 4 * s->c - g->stamp_w, top = line_top(s, 3);
	parts_seal(s->ps, PW_SIGN_STAMP, x, top - g->stamp_h, g->stamp_w, g->stamp_h);
	const Str *post = &s->p->signed_by;
	if (!layout_glyphs_ok(s->fs, ROLE_BODY, post->s, s->p->path, post->pos, s->d))
		s->ok = false;
	/* The 职务's em box centred on the stamp. */
	double size = g->size_body, mid = top - g->stamp_h / 2;
	parts_text(s->ps, PW_POST, ROLE_BODY, size, x - 2 * s->c - width(s, post->s),
	           mid + size / 2 - g->em_ascent * size, post->s);
	/* 下空一行: the line after the one the stamp ends in is left empty. */
	int last = 3;
	while (line_top(s, last + 1) > top - g->stamp_h)
		last++;
	int k = last + 2;
	if (s->date[0])
		date_at(s, s->right - 4 * s->c - width(s, s->date), k);
	return k;
}

int sign_compose(const Plan *p, const FontSet *fs, const Geometry *g, Parts *ps, Diags *d,
                 bool *ok)
{
	S s = {p, fs, g, ps, d, true, g->margin_left, g->margin_left + g->body_w,
	       geo_char_pitch(g), ""};
	*ok = true;
	if (p->kind == DOC_MINUTES)
		return 0; /* §10.3: no 署名, no seal; the date is in the 版头 */
	if (p->date.day != DAY_NONE)
		day_format_cn(p->date.day, s.date);
	int n = 0;
	if (p->signed_by.s)
		n = stamp(&s);
	else if (p->issuers.n && plan_sealed(p))
		n = sealed(&s);
	else if (p->issuers.n || s.date[0])
		n = unsealed(&s);
	*ok = s.ok;
	return n;
}
