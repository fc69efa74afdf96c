/* layout.h — a checked plan laid out as an official document.
 *
 * The composer turns the model into a column of lines on the 22-line
 * grid (compose.c), breaks the column into pages (paginate.c) and draws
 * the pages, with the 版头, page numbers and 版记, onto a Canvas
 * (draw.c).  It reads only the model: nothing here parses Markdown or
 * YAML, and nothing here decides whether a plan is right — the checker
 * did that before.  The one finding it can add is glyph-missing, for a
 * character that no font of its role can draw.
 */
#ifndef FANGAN_LAYOUT_H
#define FANGAN_LAYOUT_H

#include <stdbool.h>

#include "diag.h"
#include "fonts.h"
#include "geometry.h"
#include "model.h"
#include "canvas.h"

/* Lay out p onto doc (which must be empty).  Returns false when a
 * character cannot be drawn (glyph-missing findings are in d); the
 * caller then must not save doc. */
bool layout_plan(const Plan *p, const FontSet *fs, const Geometry *g,
                 Canvas *doc, Diags *d);

/* The same, and the placed parts (parts.h: 版头, signatures, seal
 * places, with their pages) into *parts for a second back end such as
 * DOCX, which must not recompute them; free with parts_free. */
typedef struct Parts Parts;
bool layout_plan_parts(const Plan *p, const FontSet *fs, const Geometry *g,
                       Canvas *doc, Parts *parts, Diags *d);

#endif
