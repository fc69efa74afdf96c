/* layout.h — a checked plan laid out as an official document.
 *
 * The composer turns the model into a column of lines on the 22-line
 * grid (compose.c), breaks the column into pages (paginate.c) and draws
 * the pages, with the 版头, page numbers and 版记, onto a Canvas
 * (draw.c).  It reads only the model: nothing here parses Markdown or
 * YAML, and nothing here decides whether a plan is right — the checker
 * did that before.  The findings it adds are about drawing: glyph-missing,
 * for a character that no font of its role can draw, and font-limit, for
 * a font drawing more different characters than a PDF font holds.
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
 * character cannot be drawn (glyph-missing and font-limit findings are
 * in d); the caller then must not save doc. */
bool layout_plan(const Plan *p, const FontSet *fs, const Geometry *g,
                 Canvas *doc, Diags *d);

/* The same, keeping what the layout decided — the composed column with
 * its paragraphs' styles and title line breaks, the placed parts
 * (parts.h: 版头, signatures, seal places, with their pages), the 版记
 * and where it goes — for a second back end such as DOCX (docx.h),
 * which must not recompute them.  *keep gets a Composed (layout_int.h)
 * to free with composed_free. */
typedef struct Composed Composed;
bool layout_plan_keep(const Plan *p, const FontSet *fs, const Geometry *g,
                      Canvas *doc, Diags *d, Composed **keep);
void composed_free(Composed *c);

#endif
