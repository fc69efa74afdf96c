/* sheet.h — the pages a form, ledger or score sheet is drawn on.
 *
 * A sheet is portrait, with the body's 版心 and grid, or landscape for
 * wide tables (GB/T 9704 §8).  A landscape page is the portrait page
 * turned a quarter: the table head lies along the portrait page's left
 * edge — the binding (订口) of an odd page, the outer edge (切口) of an
 * even one, so that every table in the bound document reads the same
 * way — and the 版心 keeps its place on the paper: 天头 37 mm becomes
 * the right margin, 订口 28 mm the top, and so on.  The page number keeps
 * its portrait place too, and so is drawn turned, reading downwards
 * along the landscape page's left edge.
 *
 * Coordinates are PDF points from the page's bottom-left corner, with the
 * page upright as it is drawn (landscape pages 841.89 × 595.28).
 */
#ifndef FANGAN_SHEET_H
#define FANGAN_SHEET_H

#include <stdbool.h>

#include "diag.h"
#include "fonts.h"
#include "geometry.h"
#include "model.h"
#include "canvas.h"

typedef struct {
	Canvas *doc;
	const FontSet *fs;
	const Geometry *g;
	bool landscape;
	double page_w, page_h;
	double left, top;     /* the 版心's left edge and top edge */
	double width, height; /* the 版心's size */
	int number;           /* the current page's number; the one before the
	                         first page until sheet_page is called */
	int pages;            /* pages this sheet has added */
} Sheet;

/* Number the last page: every page of the sheet is numbered (— N —, as
 * the body's), except a sheet of one page printed alone (alone: an
 * attachment in a file of its own), which needs none. */
void sheet_finish(Sheet *s, bool alone);

/* A sheet whose first page will be number after + 1. */
Sheet sheet_make(Canvas *doc, const FontSet *fs, const Geometry *g, bool landscape,
                 int after);

/* Start the next page, with its page number. */
void sheet_page(Sheet *s);

/* Grid line k (0-based) of the 版心, at the body's line pitch: the top
 * and bottom of its body-size em box, and the baseline for text of size
 * pt centred on that box (as the body is set, see draw.c). */
double sheet_line_top(const Sheet *s, int k);
double sheet_baseline(const Sheet *s, int k, double size);

/* The first grid line whose em box lies wholly below y (the grid's line
 * count when none does). */
int sheet_line_below(const Sheet *s, double y);

/* — n —, 4号宋体, 7 mm below the portrait 版心, one character in from
 * its right edge on odd pages and its left edge on even ones (§7); on a
 * landscape page at that same place on the paper, turned (§8). */
void sheet_page_number(Canvas *doc, const FontSet *fs, const Geometry *g, int n,
                       bool landscape);

/* Is every character of s drawable in role?  Otherwise a glyph-missing
 * finding at file:pos, and false. */
bool sheet_glyphs(const FontSet *fs, FontRole role, const char *s, const char *file,
                  Pos pos, Diags *d);

/* The attachment head (§7.3.7): label ("附件1") in 黑体 顶格 on line 1,
 * the title centred on line 3 (and on, balanced, when long).  Returns the
 * PDF y of the title's last em box bottom (of the label's when there is
 * no title).  False in *ok when a character cannot be drawn. */
double sheet_heading(Sheet *s, const char *label, const char *title, FontRole title_role,
                     double title_size, const Plan *plan, Pos pos, Diags *d, bool *ok);

#endif
