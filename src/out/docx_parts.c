/* docx_parts.c — what the layout placed outside the flow of lines
 * (parts.h): the 版头 and the signature block, where the layout put them.
 *
 * The 版头 is not on the grid.  Its parts are read top to bottom: the
 * texts on one baseline become one paragraph of exact height, placed by
 * the space before it so that the text's em box lands where the layout
 * put it (35 mm below the 版心 top for the 发文机关标志, 空二行 for the
 * 发文字号 …); a text centred in the 版心 is centred, others keep their
 * x through the indent and tab stops.  A rule (the red line, the double
 * lines of a 信函) is the bottom border of an empty paragraph ending at
 * the rule's height.  A spacer then brings the title onto the grid line
 * the layout chose for it.
 *
 * The signature block's texts (署名, 成文日期, 职务) sit on the grid lines
 * compose.c left blank for them: each such line becomes a paragraph
 * holding the parts on it, at their x.  Seal places stay empty.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "docx_int.h"

/* An exact line holds a glyph of size S with room S × LINE_ROOM; the em
 * box sits in its middle. */
#define LINE_ROOM 1.25

static bool in_head(const Part *p)
{
	return p->page == 0 && p->what <= PW_LETTER_RULE && p->kind != PART_SEAL;
}

static bool in_sign(const Part *p)
{
	return p->what >= PW_ISSUER && p->kind == PART_TEXT;
}

/* Distance from the 版心 top down to the top of a text's em box, or to
 * a rule, in pt. */
static double depth(const DocxCtx *c, const Part *p)
{
	double top = geo_body_top(c->g);
	if (p->kind == PART_RULE)
		return top - p->y;
	return top - (p->y + c->g->em_ascent * p->size);
}

static double width(const DocxCtx *c, const Part *p)
{
	size_t n = strlen(p->text);
	return fontset_text_width(c->fs, p->role, p->size, p->text, n, p->spacing);
}

static int by_x(const void *a, const void *b)
{
	const Part *x = *(const Part *const *)a, *y = *(const Part *const *)b;
	return (x->x > y->x) - (x->x < y->x);
}

/* The texts v[0..n) (one line) as the inside of a paragraph: pPr from
 * the indent and tab stops, then the runs.  off_grid: exact height h
 * twips after before twips. */
static void text_line(DocxCtx *c, const Part **v, size_t n, bool off_grid, long before, long h)
{
	xmlTextWriterPtr w = c->w;
	const Geometry *g = c->g;
	qsort(v, n, sizeof *v, by_x);
	double left = g->margin_left, mid = left + g->body_w / 2;
	bool centred = n == 1 && fabs(v[0]->x + width(c, v[0]) / 2 - mid) < 2;
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	if (n > 1) {
		xw_start(w, "w:tabs");
		for (size_t i = 1; i < n; i++) {
			xw_start(w, "w:tab");
			xw_attr(w, "w:val", "left");
			xw_attrl(w, "w:pos", TWIPS(v[i]->x - left));
			xw_end(w);
		}
		xw_end(w);
	}
	if (off_grid) {
		xw_val(w, "w:snapToGrid", "0");
		xw_start(w, "w:spacing");
		xw_attrl(w, "w:before", before > 0 ? before : 0);
		xw_attrl(w, "w:line", h > 1 ? h : 1);
		xw_attr(w, "w:lineRule", "exact");
		xw_end(w);
	}
	xw_start(w, "w:ind");
	xw_attrl(w, "w:left", centred ? 0 : TWIPS(v[0]->x - left));
	xw_attr(w, "w:firstLine", "0");
	xw_end(w);
	xw_val(w, "w:jc", centred ? "center" : "left");
	xw_end(w);
	for (size_t i = 0; i < n; i++) {
		if (i > 0) {
			xw_start(w, "w:r");
			xw_start(w, "w:tab");
			xw_end(w);
			xw_end(w);
		}
		docx_run_spaced(c, v[i]->role, ROLE_BODY, v[i]->size, v[i]->red, v[i]->spacing,
		                v[i]->text, strlen(v[i]->text));
	}
	xw_end(w);
}

static void rule_para(DocxCtx *c, const Part *p, long h)
{
	xmlTextWriterPtr w = c->w;
	const Geometry *g = c->g;
	double x0 = p->x < p->x2 ? p->x : p->x2, x1 = p->x < p->x2 ? p->x2 : p->x;
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	xw_start(w, "w:pBdr");
	xw_start(w, "w:bottom");
	xw_attr(w, "w:val", "single");
	long sz = (long)(p->w * 8 + 0.5);
	xw_attrl(w, "w:sz", sz < 2 ? 2 : sz > 96 ? 96 : sz);
	xw_attr(w, "w:space", "0");
	xw_attr(w, "w:color", p->red ? c->red : "000000");
	xw_end(w);
	xw_end(w);
	xw_val(w, "w:snapToGrid", "0");
	xw_start(w, "w:spacing");
	xw_attr(w, "w:before", "0");
	xw_attrl(w, "w:line", h > 1 ? h : 1);
	xw_attr(w, "w:lineRule", "exact");
	xw_end(w);
	xw_start(w, "w:ind");
	xw_attrl(w, "w:left", TWIPS(x0 - g->margin_left));
	xw_attrl(w, "w:right", TWIPS(g->margin_left + g->body_w - x1));
	xw_attr(w, "w:firstLine", "0");
	xw_end(w);
	xw_start(w, "w:rPr");
	xw_vall(w, "w:sz", 2);
	xw_end(w);
	xw_end(w);
	xw_end(w);
}

static int by_depth(const void *a, const void *b, void *ctx)
{
	const DocxCtx *c = ctx;
	double x = depth(c, *(const Part *const *)a), y = depth(c, *(const Part *const *)b);
	return (x > y) - (x < y);
}

/* insertion sort: few parts, and qsort has no context argument */
static void sort_depth(const Part **v, size_t n, DocxCtx *c)
{
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && by_depth(&v[k - 1], &v[k], c) > 0; k--) {
			const Part *t = v[k];
			v[k] = v[k - 1];
			v[k - 1] = t;
		}
}

void docx_head(DocxCtx *c)
{
	const Parts *ps = &c->k->parts;
	const Part **v = xcalloc(ps->n + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < ps->n; i++)
		if (in_head(&ps->v[i]))
			v[n++] = &ps->v[i];
	sort_depth(v, n, c);
	long cursor = 0; /* twips below the 版心 top */
	for (size_t i = 0; i < n;) {
		const Part *p = v[i];
		if (p->kind == PART_RULE) {
			long at = TWIPS(depth(c, p));
			rule_para(c, p, at - cursor);
			cursor = (at > cursor ? at : cursor + 1) + TWIPS(p->w);
			i++;
			continue;
		}
		/* the texts on this baseline */
		size_t j = i + 1;
		double size = p->size;
		while (j < n && v[j]->kind == PART_TEXT && fabs(v[j]->y - p->y) < 0.5) {
			if (v[j]->size > size)
				size = v[j]->size;
			j++;
		}
		long h = TWIPS(size * LINE_ROOM);
		long want = TWIPS(depth(c, p) - size * (LINE_ROOM - 1) / 2);
		long before = want - cursor;
		text_line(c, v + i, j - i, true, before, h);
		cursor += (before > 0 ? before : 0) + h;
		i = j;
	}
	free(v);
	long spacer = (long)c->k->col.first_slot * c->line - cursor;
	if (n && spacer > 0) {
		xmlTextWriterPtr w = c->w;
		xw_start(w, "w:p");
		xw_start(w, "w:pPr");
		xw_val(w, "w:snapToGrid", "0");
		xw_start(w, "w:spacing");
		xw_attr(w, "w:before", "0");
		xw_attrl(w, "w:line", spacer);
		xw_attr(w, "w:lineRule", "exact");
		xw_end(w);
		xw_start(w, "w:rPr");
		xw_vall(w, "w:sz", 2);
		xw_end(w);
		xw_end(w);
		xw_end(w);
	}
}

bool docx_sign_line(DocxCtx *c, const Line *l)
{
	const Parts *ps = &c->k->parts;
	const Geometry *g = c->g;
	double pitch = geo_line_pitch(g), base0 = geo_baseline(g, 0);
	const Part **v = NULL;
	size_t n = 0;
	for (size_t i = 0; i < ps->n; i++) {
		const Part *p = &ps->v[i];
		if (!in_sign(p) || p->page != l->page || l->slot < 0)
			continue;
		double y = p->y - (g->em_ascent - 0.5) * (g->size_body - p->size);
		long slot = lround((base0 - y) / pitch);
		if (slot != l->slot)
			continue;
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n++] = p;
	}
	if (n)
		text_line(c, v, n, false, 0, 0);
	free(v);
	return n > 0;
}
