/* docx_parts.c — what the layout placed outside the flow of lines
 * (parts.h): the 版头 and the signature block, where the layout put them.
 *
 * The 版头 is not on the grid.  Its parts are read top to bottom: the
 * texts on one baseline become one paragraph of exact height, placed by
 * the space before it so that the text's em box lands where the layout
 * put it (35 mm below the 版心 top for the 发文机关标志, 空二行 for the
 * 发文字号 …); a text centred in the 版心 is centred, others keep their
 * x through the indent and tab stops.  A rule (the red line) is the
 * bottom border of an empty paragraph ending at the rule's height.  A
 * spacer then brings the title onto the grid line the layout chose for
 * it.  A 信函's 标志 and double lines lie partly outside the 版心: they
 * are shapes anchored to the page (docx_shape.c), in a paragraph one
 * twip tall at the top.
 *
 * The signature block's texts (署名, 成文日期, 职务) sit on the grid lines
 * compose.c left blank for them: each such line becomes a paragraph
 * holding the parts on it, at their x, kept with the next as the line
 * is.  Seal places stay empty.
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

/* A 信函's 标志 starts 30 mm from the paper's top, above the 版心, and
 * its second double line lies in the bottom margin (§10.1): no
 * paragraph can be there.  They, and the upper double line with them,
 * are shapes anchored to the paper (docx_shape.c). */
static bool on_paper(const DocxCtx *c, const Part *p)
{
	return p->page == 0 &&
	       (p->what == PW_LETTER_RULE || (p->what == PW_MARK && c->g->header_from_page));
}

static double clamp_depth(double d)
{
	return d < 0 ? 0 : d;
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

/* From the text's left to its last glyph's right edge (the spacing
 * after the last character not counted). */
static bool scaled(const Part *p)
{
	return p->hscale > 0 && p->hscale != 1;
}

static double width(const DocxCtx *c, const Part *p)
{
	size_t n = strlen(p->text);
	if (scaled(p)) /* drawn squeezed, without spacing (draw.c) */
		return fontset_text_width(c->fs, p->role, p->size, p->text, n, 0) * p->hscale;
	return fontset_text_width(c->fs, p->role, p->size, p->text, n, p->spacing) - p->spacing;
}

/* q lies left or right of every one of v[0..n). */
static bool beside(const DocxCtx *c, const Part *const *v, size_t n, const Part *q)
{
	double q0 = q->x, q1 = q->x + width(c, q);
	for (size_t i = 0; i < n; i++) {
		double a = v[i]->x, b = v[i]->x + width(c, v[i]);
		if (q0 < b && a < q1)
			return false;
	}
	return true;
}

static int by_x(const void *a, const void *b)
{
	const Part *x = *(const Part *const *)a, *y = *(const Part *const *)b;
	return (x->x > y->x) - (x->x < y->x);
}

/* The texts v[0..n) (one line) as the inside of a paragraph: pPr from
 * the indent and tab stops, then the runs.  off_grid: exact height h
 * twips after before twips. */
static void text_line(DocxCtx *c, const Part **v, size_t n, bool off_grid, long before, long h,
                      bool keep)
{
	xmlTextWriterPtr w = c->w;
	const Geometry *g = c->g;
	qsort(v, n, sizeof *v, by_x);
	double left = g->margin_left, right = left + g->body_w, mid = left + g->body_w / 2;
	/* A text in the right half ends where the layout ended it (a right
	 * tab, or the paragraph set right), so that another font's wider
	 * digits cannot push it past the margin; a text centred in the 版心
	 * is centred. */
	double end0 = v[0]->x + width(c, v[0]);
	bool centred = n == 1 && fabs(v[0]->x + width(c, v[0]) / 2 - mid) < 2;
	bool right1 = n == 1 && !centred && v[0]->x > mid;
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	if (keep) {
		xw_start(w, "w:keepNext");
		xw_end(w);
	}
	if (n > 1) {
		xw_start(w, "w:tabs");
		for (size_t i = 1; i < n; i++) {
			double end = v[i]->x + width(c, v[i]);
			if (end > right)
				end = right;
			bool r = v[i]->x > mid;
			xw_start(w, "w:tab");
			xw_attr(w, "w:val", r ? "right" : "left");
			xw_attrl(w, "w:pos", TWIPS((r ? end : v[i]->x) - left));
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
	xw_attrl(w, "w:left", centred || right1 ? 0 : TWIPS(v[0]->x - left));
	if (right1)
		xw_attrl(w, "w:right", TWIPS(right - end0));
	xw_attr(w, "w:firstLine", "0");
	xw_end(w);
	xw_val(w, "w:jc", centred ? "center" : right1 ? "right" : "left");
	xw_end(w);
	for (size_t i = 0; i < n; i++) {
		if (i > 0) {
			xw_start(w, "w:r");
			xw_start(w, "w:tab");
			xw_end(w);
			xw_end(w);
		}
		/* spread names: the spacing after each character but the
		 * last, which would push what follows past its tab */
		const char *t = v[i]->text;
		size_t len = strlen(t), last = len;
		while (last > 0 && ((unsigned char)t[last - 1] & 0xC0) == 0x80)
			last--;
		if (last > 0)
			last--;
		if (scaled(v[i])) {
			docx_run_scaled(c, v[i]->role, ROLE_BODY, v[i]->size, v[i]->red, 0,
			                (int)floor(v[i]->hscale * 100) /* never wider than laid out */, t, len);
		} else if (v[i]->spacing != 0 && last > 0) {
			docx_run_spaced(c, v[i]->role, ROLE_BODY, v[i]->size, v[i]->red, v[i]->spacing,
			                t, last);
			docx_run_spaced(c, v[i]->role, ROLE_BODY, v[i]->size, v[i]->red, 0, t + last,
			                len - last);
		} else {
			docx_run_spaced(c, v[i]->role, ROLE_BODY, v[i]->size, v[i]->red, v[i]->spacing,
			                t, len);
		}
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

/* A text box's paragraph (docx_anchor_box): one line of the 版头. */
static void boxed_text(DocxCtx *c, const void *arg)
{
	const Part *v[1] = {arg};
	text_line(c, v, 1, true, 0, TWIPS(v[0]->size * LINE_ROOM), false);
}

/* The parts on the paper, in a paragraph of their own one twip tall. */
static void paper_parts(DocxCtx *c, const Part *const *a, size_t n)
{
	docx_carrier_begin(c);
	for (size_t i = 0; i < n; i++) {
		const Part *p = a[i];
		if (p->kind == PART_RULE) {
			docx_anchor_rule(c, p);
		} else {
			double top = c->g->margin_top + depth(c, p) - p->size * (LINE_ROOM - 1) / 2;
			docx_anchor_box(c, "text", top, p->size * LINE_ROOM, false, boxed_text, p);
		}
	}
	xw_end(c->w);
}

void docx_head(DocxCtx *c)
{
	const Parts *ps = &c->k->parts;
	const Part **v = xcalloc(ps->n + 1, sizeof *v);
	const Part **a = xcalloc(ps->n + 1, sizeof *a);
	size_t n = 0, na = 0;
	double floor_pt = c->k->col.first_slot * c->line / 20.0;
	for (size_t i = 0; i < ps->n; i++) {
		const Part *p = &ps->v[i];
		if (in_head(p) && p->kind != PART_SEAL && on_paper(c, p))
			a[na++] = p;
		else if (in_head(p) && depth(c, p) < floor_pt)
			v[n++] = p;
	}
	sort_depth(v, n, c);
	long cursor = 0; /* twips below the 版心 top */
	if (na) {
		paper_parts(c, a, na);
		cursor = 1;
	}
	free(a);
	for (size_t i = 0; i < n;) {
		const Part *p = v[i];
		if (p->kind == PART_RULE) {
			long at = TWIPS(clamp_depth(depth(c, p)));
			rule_para(c, p, at - cursor);
			cursor = (at > cursor ? at : cursor + 1) + TWIPS(p->w);
			i++;
			continue;
		}
		/* The texts on this baseline, and beside them any whose em
		 * box reaches into this one's (the 文件 beside a joint 标志's
		 * names): one paragraph, the others on tab stops. */
		size_t j = i + 1;
		double size = p->size;
		while (j < n && v[j]->kind == PART_TEXT &&
		       (fabs(v[j]->y - p->y) < 0.5 ||
		        (depth(c, v[j]) < depth(c, p) + p->size - 0.5 && beside(c, v + i, j - i, v[j])))) {
			if (v[j]->size > size)
				size = v[j]->size;
			j++;
		}
		long h = TWIPS(size * LINE_ROOM);
		long want = TWIPS(clamp_depth(depth(c, p)) - size * (LINE_ROOM - 1) / 2);
		long before = want - cursor;
		/* Lines set closer than that (the organs of a joint 标志) get
		 * the room to the next one, never less than an em. */
		if (j < n && v[j]->kind == PART_TEXT) {
			double nsize = v[j]->size;
			long next = TWIPS(clamp_depth(depth(c, v[j])) - nsize * (LINE_ROOM - 1) / 2);
			long room = next - (before > 0 ? want : cursor);
			if (room < h)
				h = room > TWIPS(size) ? room : TWIPS(size);
		}
		text_line(c, v + i, j - i, true, before, h, false);
		cursor += (before > 0 ? before : 0) + h;
		i = j;
	}
	free(v);
	long spacer = (long)c->k->col.first_slot * c->line - cursor;
	if ((n || na) && spacer > 0)
		docx_spacer(c, spacer);
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
		text_line(c, v, n, false, 0, 0, l->keep_next);
	free(v);
	return n > 0;
}
