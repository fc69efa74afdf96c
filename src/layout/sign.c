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
#include <string.h>

#include "layout_int.h"
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

static int unsealed(S *s)
{
	const StrList *is = &s->p->issuers;
	double wn = 0, wd = s->date[0] ? width(s, s->date) : 0;
	for (size_t i = 0; i < is->n; i++)
		if (width(s, is->v[i].s) > wn)
			wn = width(s, is->v[i].s);
	double right = s->right - 2 * s->c;
	double xn = right - wn, xd = xn + 2 * s->c;
	if (xd + wd > right) {
		xd = right - wd;
		xn = xd - 2 * s->c;
	}
	int k = 2;
	for (size_t i = 0; i < is->n; i++)
		text(s, PW_ISSUER, xn, k++, is->v[i].s, is->v[i].pos);
	date_at(s, xd, k);
	return s->date[0] ? k : k - 1;
}

/* An organ's name centred on cx on line k (kept inside the 版心), and its
 * seal place centred on cx with its top at line top_k's top. */
static void organ(S *s, const Str *name, double cx, int k, int top_k)
{
	double w = width(s, name->s), x = cx - w / 2;
	if (x + w > s->right)
		x = s->right - w;
	if (x < s->left)
		x = s->left;
	text(s, PW_ISSUER, x, k, name->s, name->pos);
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
	 * number, or whenever two names do not fit side by side. */
	size_t i = 0;
	int row = 0;
	while (i < is->n) {
		int k = 3 + 5 * row, top_k = 1 + 5 * row;
		size_t left_n = is->n - i;
		bool pair = false;
		if (left_n >= 2) {
			double wl = width(s, is->v[i].s), wr = width(s, is->v[i + 1].s);
			double dist = seal + MM(4);
			if ((wl + wr) / 2 + 2 * s->c > dist)
				dist = (wl + wr) / 2 + 2 * s->c;
			double cl = cr - dist;
			pair = cl - wl / 2 >= s->left && cl - seal / 2 >= s->left;
			if (pair)
				organ(s, &is->v[i], cl, k, top_k);
		}
		if (pair)
			i++;
		organ(s, &is->v[i], cr, k, top_k);
		i++;
		row++;
	}
	int k = 3 + 5 * (row - 1) + 1;
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
