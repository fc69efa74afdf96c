/* layout.c — compose, paginate, draw; see layout.h.
 *
 * The body is one column on the grid; each attachment follows on pages
 * of its own (attach.h), numbered on; the 版记 comes last, on the last
 * page when it has room there.  Everything is drawn even when a
 * character is missing, so that one run reports every such character;
 * the caller then does not save the document.  What was composed can be
 * kept for the DOCX writer (layout_plan_keep).
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "attach.h"
#include "layout_int.h"
#include "util.h"

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

/* A face that draws more distinct characters than a PDF font holds
 * (canvas.h) is a font-limit finding at the first character over the
 * limit, where the plan has it; false then. */
static bool within_font_limit(const Plan *p, const FontSet *fs, const Geometry *g,
                              const Canvas *doc, Diags *d)
{
	const Face *face;
	uint32_t cp;
	if (!canvas_face_overflow(doc, &face, &cp))
		return true;
	char ch[8] = {0};
	utf8_encode(cp, ch);
	Pos pos;
	const char *path = compose_find(p, fs, g, face, cp, &pos);
	if (!path) {
		/* Drawn in a form, a ledger or the 版头: where the plan's file
		 * first has it (the file as a whole when a YAML escape made it). */
		const char *at = p->src ? strstr(p->src, ch) : NULL;
		pos = at ? plan_src_pos(p, (size_t)(at - p->src)) : (Pos){0, 0};
		path = p->path;
	}
	const char *file = strrchr(face_path(face), '/');
	diag_add(d, path, pos, MSG_FONT_LIMIT, ch, cp,
	         file ? file + 1 : face_path(face), CANVAS_FACE_CHARS + 1, CANVAS_FACE_CHARS);
	return false;
}

bool layout_plan(const Plan *p, const FontSet *fs, const Geometry *g,
                 Canvas *doc, Diags *d)
{
	return layout_plan_keep(p, fs, g, doc, d, NULL);
}

bool layout_plan_keep(const Plan *p, const FontSet *fs, const Geometry *g,
                      Canvas *doc, Diags *d, Composed **keep)
{
	Composed *c = xcalloc(1, sizeof *c);
	compose(p, fs, g, &c->col, &c->parts, &c->rec, d);
	bool ok = !c->col.failed;
	int pages = paginate(&c->col, g);
	parts_anchor(&c->parts, &c->col, g);
	Flow flow = {pages, draw_column(doc, fs, g, &c->col, pages, 1, &c->parts), 0};
	if (keep) {
		c->att = xcalloc(p->nattachments ? p->nattachments : 1, sizeof *c->att);
		c->natt = p->nattachments;
	}
	for (size_t i = 0; i < p->nattachments; i++) {
		char *label = attach_label(p, i, false);
		/* The last attachment, when it starts on an even page, makes room
		 * for the 版记 at its foot if it can: no blank page and 版记 page
		 * after it (§7.4 on the last even page). */
		flow.reserve = i + 1 == p->nattachments && c->rec.present && g->record_on_even &&
		               (flow.pages + 1) % 2 == 0 ? c->rec.slots + 1 : 0;
		ok &= attach_draw_keep(p, i, label, NULL, fs, g, doc, &flow, d,
		                       keep ? &c->att[i] : NULL);
		free(label);
	}
	ok &= form_units_glyphs(p, fs, d);
	c->pages = flow.pages;
	c->last_used = flow.last_used;
	c->record = record_place(g, &c->rec, flow.pages, flow.last_used);
	draw_record_last(doc, g, &c->rec, flow.pages, flow.last_used);
	ok &= within_font_limit(p, fs, g, doc, d);
	if (keep)
		*keep = c;
	else
		composed_free(c);
	return ok;
}

void composed_free(Composed *c)
{
	if (!c)
		return;
	column_free(&c->col);
	parts_free(&c->parts);
	record_free(&c->rec);
	for (size_t i = 0; i < c->natt; i++)
		attshape_free(c->att[i]);
	free(c->att);
	free(c);
}
