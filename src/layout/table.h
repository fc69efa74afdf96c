/* table.h — ruled tables for forms, ledgers and score sheets.
 *
 * A table is columns and rows of cells; a cell may span columns.  The
 * caller fills the cells (borrowed text, a font, an alignment), sets the
 * column widths or lets table_fit choose them from the content, then
 * table_measure wraps every cell's text with the line breaker (typeset.h)
 * and makes each row as tall as its tallest cell needs, at least its
 * min_h.  table_paginate breaks the rows into pages — between rows only,
 * the header rows repeated at the top of every page — and table_draw
 * draws one page's rows with their rules: the outer frame heavier than
 * the rules inside.
 */
#ifndef FANGAN_TABLE_H
#define FANGAN_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "fonts.h"
#include "canvas.h"
#include "template.h"
#include "typeset.h"

typedef struct {
	const char *text;    /* borrowed; NULL for an empty cell */
	TplFont font;
	TsAlign align;       /* TS_LEFT or TS_CENTER (centred lines are balanced) */
	bool middle;         /* centred vertically, else from the top */
	int span;            /* columns covered; 0 counts as 1 */
	bool sign;           /* ends with the seal and the date, bottom right */
	Pos pos;             /* where the text is in the plan (glyph-missing) */
	/* set by table_measure */
	TsRun run;
	TsPara para;
	double x, w;         /* from the table's left edge */
} TCell;

typedef struct {
	TCell *cells;
	size_t ncells;
	double min_h;        /* at least this tall */
	bool head;           /* a header row: repeated on every page */
	double text_h;       /* set by table_measure: what the text needs */
	double h;            /* max(min_h, text_h), see table_heights */
} TRow;

typedef struct {
	double *colw;
	size_t ncols;
	TRow *rows;
	size_t nrows, cap;
	size_t nhead;        /* leading header rows */
	TplCells style;
	double em_ascent;    /* the em box's top above the baseline, in em */
	/* sign cells: the seal and date lines, in the font of the cell */
	const char *seal, *date;
	double seal_w, date_w; /* set by table_measure */
} Table;

void table_init(Table *t, size_t ncols, const TplCells *style);
void table_free(Table *t);

/* A new row of ncells cells (zeroed, span 1), to be filled in. */
TRow *table_add_row(Table *t, size_t ncells, double min_h, bool head);

/* Column widths from the content, filling width exactly.  Every column
 * first gets room for a short header (4 characters) unbroken; then the
 * columns with text get what they need to not wrap, then headers up to
 * 8 characters, then empty columns — the ones to be written in — up to
 * fill_w each, the narrowest needs met first at each step so that one
 * long column cannot starve the short ones; what is left is shared in
 * proportion.  With fair, every column is first served up to a fair
 * share (width / columns; text as far as it needs, empty columns all
 * of it), and only then the text beyond: a ledger's columns to be
 * written in get a fair share of the page.  Too
 * narrow a page shrinks everything alike. */
void table_fit(Table *t, const FontSet *fs, double width, double fill_w, bool fair);

/* Wrap every cell and set the rows' heights.  Characters no font has
 * become glyph-missing findings at the cells' positions in file; false
 * then. */
bool table_measure(Table *t, const FontSet *fs, const char *file, Diags *d);

/* Each row's h from its min_h and text_h (after changing min_h). */
void table_heights(Table *t);

/* The height of the header rows, and of rows [from, to). */
double table_head_h(const Table *t);
double table_rows_h(const Table *t, size_t from, size_t to);

/* Break the body rows into pages: the first page has first_avail points
 * of height, the others avail, each less the repeated header; tail_h must
 * fit below the last row (the rating bands of a score sheet: the last
 * row moves on with them rather than leave them alone).  A row taller
 * than a page gets a page of its own.  Returns the number of pages;
 * (*starts)[p] is the first row of page p, followed by nrows (free it). */
size_t table_paginate(const Table *t, double first_avail, double avail, double tail_h,
                      size_t **starts);

/* Draw the header rows and rows [from, to) with their top at y, the
 * table's left edge at x.  Returns the y of the bottom rule. */
double table_draw(Canvas *doc, const Table *t, double x, double y, size_t from, size_t to);

#endif
