/* layout.c — compose, paginate, draw; see layout.h. */
#include "layout.h"

#include "layout_int.h"

bool layout_plan(const Plan *p, const FontSet *fs, const Geometry *g,
                 PdfDoc *doc, Diags *d)
{
	Column col;
	Head head;
	Record rec;
	compose(p, fs, g, &col, &head, &rec, d);
	bool ok = !col.failed;
	if (ok) {
		int pages = paginate(&col, g);
		draw_document(doc, fs, g, &col, pages, &head, &rec);
	}
	column_free(&col);
	head_free(&head);
	record_free(&rec);
	return ok;
}
