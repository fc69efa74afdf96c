/* attach.h — attachments (附件) drawn on pages of their own.
 *
 * GB/T 9704 §7.3.7: every attachment starts on a new page with its label
 * ("附件2", 3号黑体 顶格) on the first line and its title centred on the
 * third; the pages are numbered on from the body's, and the 版记 comes
 * after the last attachment.  A text attachment is set like the body
 * (compose.c); a form, ledger or score sheet is drawn as a ruled table
 * after its template (form.c, ledger.c, scoresheet.c, template.h).
 *
 * The same drawing serves the plan's own PDF (layout.c) and the files
 * of each attachment alone and of each unit's copy of a form (forms.h).
 */
#ifndef FANGAN_ATTACH_H
#define FANGAN_ATTACH_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "fonts.h"
#include "geometry.h"
#include "model.h"
#include "canvas.h"

/* Where the pages so far ended: how many there are, and the last grid
 * line taken on the last one (the grid's line count when it is full or
 * landscape), so the 版记 can go below when there is room. */
typedef struct {
	int pages;
	int last_used;
	/* In: grid lines a form should leave free at the foot of its page
	 * (the 版记 and the blank line above it) when its writing lines can
	 * shrink (to the template's min-line) for them; 0 for none. */
	int reserve;
} Flow;

/* "附件2" ("附件" when the plan has one attachment); for an attachment
 * printed alone, the 发文字号 first ("市直工〔2020〕5号附件2", §7.3.7).
 * Caller frees. */
char *attach_label(const Plan *p, size_t i, bool alone);

/* Draw attachment i of p from a new page after flow's pages, under
 * label; a form gets unit written in as its 申报单位 when unit is not
 * NULL.  Templates come from template.h.  Returns false when a character
 * cannot be drawn or a template is unusable (findings in d); the document
 * must then not be saved. */
bool attach_draw(const Plan *p, size_t i, const char *label, const char *unit,
                 const FontSet *fs, const Geometry *g, Canvas *doc, Flow *flow, Diags *d);

/* What attach_draw decided for a form, ledger or score sheet — its
 * table's columns, rows and cells, where its pages break, the heading
 * and the lines around the table — kept for another back end (the DOCX
 * writer, docx_attach.c), which must not decide them again.  The
 * fields are in attach_int.h. */
typedef struct AttShape AttShape;

/* attach_draw, and in *keep what it decided (NULL for a text
 * attachment, or when a template is missing); free it with
 * attshape_free. */
bool attach_draw_keep(const Plan *p, size_t i, const char *label, const char *unit,
                      const FontSet *fs, const Geometry *g, Canvas *doc, Flow *flow,
                      Diags *d, AttShape **keep);
void attshape_free(AttShape *s);

/* Every unit's name against the fonts it is set in on its copy of a form
 * (the unit field's value font, the 填报单位 line's): a character none
 * can draw is a glyph-missing finding at the unit's line in `units:`,
 * found with the plan's own layout, so that no file of the plan is
 * written (layout_plan_keep).  False when one is missing. */
bool form_units_glyphs(const Plan *p, const FontSet *fs, Diags *d);

#endif
