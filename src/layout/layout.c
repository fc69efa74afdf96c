/* layout.c — compose, paginate, draw; see layout.h.
 *
 * The body is one column on the grid; each attachment follows on pages
 * of its own (attach.h), numbered on; the 版记 comes last, on the last
 * page when it has room there.  Everything is drawn even when a
 * character is missing, so that one run reports every such character;
 * the caller then does not save the document.
 */
#include "layout.h"

#include <stdlib.h>

#include "attach.h"
#include "layout_int.h"

void parts_anchor(Parts *ps, const Column *col, const Geometry *g)
{
	for (size_t i = 0; i < ps->n; i++) {
		Part *p = &ps->v[i];
		if (p->anchor < 0)
			continue;
		const Line *l = &col->v[p->anchor];
		/* A blank line not carried to a page top has slot -1. */
		int last = l->slot < 0 ? -1 : l->slot + l->slots - 1;
		double dy = last * geo_line_pitch(g);
		p->page = l->page;
		p->y -= dy;
		p->y2 -= dy;
		p->anchor = -1;
	}
}

bool layout_plan(const Plan *p, const FontSet *fs, const Geometry *g,
                 Canvas *doc, Diags *d)
{
	return layout_plan_parts(p, fs, g, doc, NULL, d);
}

bool layout_plan_parts(const Plan *p, const FontSet *fs, const Geometry *g,
                       Canvas *doc, Parts *out, Diags *d)
{
	Column col;
	Parts parts = {0};
	Record rec;
	compose(p, fs, g, &col, &parts, &rec, d);
	bool ok = !col.failed;
	int pages = paginate(&col, g);
	parts_anchor(&parts, &col, g);
	Flow flow = {pages, draw_column(doc, fs, g, &col, pages, 1, &parts)};
	for (size_t i = 0; i < p->nattachments; i++) {
		char *label = attach_label(p, i, false);
		ok &= attach_draw(p, i, label, NULL, fs, g, doc, &flow, d);
		free(label);
	}
	draw_record_last(doc, g, &rec, flow.pages, flow.last_used);
	column_free(&col);
	if (out)
		*out = parts;
	else
		parts_free(&parts);
	record_free(&rec);
	return ok;
}
