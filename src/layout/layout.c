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

bool layout_plan(const Plan *p, const FontSet *fs, const Geometry *g,
                 Canvas *doc, Diags *d)
{
	Column col;
	Head head;
	Record rec;
	compose(p, fs, g, &col, &head, &rec, d);
	bool ok = !col.failed;
	int pages = paginate(&col, g);
	Flow flow = {pages, draw_column(doc, fs, g, &col, pages, 1, &head)};
	for (size_t i = 0; i < p->nattachments; i++) {
		char *label = attach_label(p, i, false);
		ok &= attach_draw(p, i, label, NULL, fs, g, doc, &flow, d);
		free(label);
	}
	draw_record_last(doc, g, &rec, flow.pages, flow.last_used);
	column_free(&col);
	head_free(&head);
	record_free(&rec);
	return ok;
}
