/* docx_table.c — ruled tables with a fixed grid, and the 版记.
 *
 * A table is laid out "fixed": tblGrid has a gridCol for every column
 * (WPS needs it) with the widths the layout chose, every cell has its
 * tcW, and the text wraps inside.  Rules are 0.5 pt; the cells keep the
 * layout's padding left and right.  A header row carries tblHeader, so
 * Word repeats it on every page the table runs onto.  Cell paragraphs
 * stay on the document grid, as the PDF sets each cell line on a grid
 * line.
 *
 * The 版记 (§7.4) is a table too, its rows as many grid lines tall as
 * the layout gave them: a 0.35 mm rule above and below, 0.25 mm between
 * 抄送 and the 印发机关/印发日期 line; one 4号 character in on either
 * side.  docx_body.c puts it in a text box anchored at the 版心's foot.
 * (A floating table, tblpYSpec="bottom", or framed paragraphs,
 * framePr yAlign="bottom", would say the same in Word, but LibreOffice
 * 7.4 sets both in the flow where they stand, without a frame's
 * borders; a page-anchored text box it places as Word does.)
 */
#include <stdlib.h>
#include <string.h>

#include "docx_int.h"

/* The tables' rules: 0.5 pt (w:sz 4), in twips. */
#define RULE_TWIPS 10

/* Rule width in eighths of a point. */
static long eighths(double pt)
{
	long v = (long)(pt * 8 + 0.5);
	return v < 2 ? 2 : v > 96 ? 96 : v;
}

static void border(xmlTextWriterPtr w, const char *side, const char *val, long sz)
{
	xw_start(w, side);
	xw_attr(w, "w:val", val);
	xw_attrl(w, "w:sz", sz);
	xw_attr(w, "w:space", "0");
	xw_attr(w, "w:color", "000000");
	xw_end(w);
}

/* <w:tbl><w:tblPr> with its width (twips), at the margin, and the
 * opening of its borders. */
static void table_start(xmlTextWriterPtr w, long width)
{
	xw_start(w, "w:tbl");
	xw_start(w, "w:tblPr");
	xw_start(w, "w:tblW");
	xw_attrl(w, "w:w", width);
	xw_attr(w, "w:type", "dxa");
	xw_end(w);
	xw_start(w, "w:tblInd");
	xw_attr(w, "w:w", "0");
	xw_attr(w, "w:type", "dxa");
	xw_end(w);
	xw_start(w, "w:tblBorders");
}

static void cell_margins(xmlTextWriterPtr w, double pad)
{
	xw_start(w, "w:tblCellMar");
	const char *sides[] = {"w:top", "w:left", "w:bottom", "w:right"};
	for (int i = 0; i < 4; i++) {
		xw_start(w, sides[i]);
		xw_attrl(w, "w:w", i % 2 ? TWIPS(pad) : 0);
		xw_attr(w, "w:type", "dxa");
		xw_end(w);
	}
	xw_end(w);
}

static void grid(xmlTextWriterPtr w, const double *widths, size_t n, long *total)
{
	*total = 0;
	xw_start(w, "w:tblGrid");
	for (size_t k = 0; k < n; k++) {
		xw_start(w, "w:gridCol");
		xw_attrl(w, "w:w", TWIPS(widths[k]));
		*total += TWIPS(widths[k]);
		xw_end(w);
	}
	xw_end(w);
}

void docx_table_begin(DocxCtx *c, const double *widths, size_t n, double pad)
{
	docx_table_begin_ruled(c, widths, n, pad, 0.5, 0.5);
}

void docx_table_begin_ruled(DocxCtx *c, const double *widths, size_t n, double pad,
                            double frame, double rule)
{
	xmlTextWriterPtr w = c->w;
	long total = 0;
	for (size_t k = 0; k < n; k++)
		total += TWIPS(widths[k]);
	table_start(w, total);
	const char *sides[] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"};
	for (int i = 0; i < 6; i++)
		border(w, sides[i], "single", eighths(i < 4 ? frame : rule));
	xw_end(w);
	xw_start(w, "w:tblLayout"); /* its attribute is w:type, not w:val */
	xw_attr(w, "w:type", "fixed");
	xw_end(w);
	cell_margins(w, pad);
	xw_start(w, "w:tblLook");
	xw_attr(w, "w:val", "0000");
	xw_end(w);
	xw_end(w);
	grid(w, widths, n, &total);
	c->tbl_w = xrealloc(c->tbl_w, (n ? n : 1) * sizeof *widths);
	for (size_t k = 0; k < n; k++)
		c->tbl_w[k] = widths[k];
	c->tbl_n = n;
	c->tbl_col = 0;
}

void docx_tr_begin(DocxCtx *c, bool header, long height)
{
	xmlTextWriterPtr w = c->w;
	xw_start(w, "w:tr");
	xw_start(w, "w:trPr");
	xw_start(w, "w:cantSplit");
	xw_end(w);
	if (height > 0) {
		xw_start(w, "w:trHeight");
		xw_attrl(w, "w:val", height);
		xw_attr(w, "w:hRule", "atLeast");
		xw_end(w);
	}
	if (header) {
		xw_start(w, "w:tblHeader");
		xw_end(w);
	}
	xw_end(w);
	c->tbl_col = 0;
}

void docx_tc_begin(DocxCtx *c, int span, const char *valign)
{
	xmlTextWriterPtr w = c->w;
	if (span < 1)
		span = 1;
	double wd = 0;
	for (int s = 0; s < span && c->tbl_col + (size_t)s < c->tbl_n; s++)
		wd += c->tbl_w[c->tbl_col + (size_t)s];
	c->tbl_col += (size_t)span;
	xw_start(w, "w:tc");
	xw_start(w, "w:tcPr");
	xw_start(w, "w:tcW");
	xw_attrl(w, "w:w", TWIPS(wd));
	xw_attr(w, "w:type", "dxa");
	xw_end(w);
	if (span > 1)
		xw_vall(w, "w:gridSpan", span);
	xw_val(w, "w:vAlign", valign);
	xw_end(w);
}

/* A row of `lines` grid lines is that tall with its rule: each line of
 * its cells a little less than a grid line (line_h twips), the rest
 * after the paragraph. */
static void cell_para(DocxCtx *c, const DocxCell *cell, long line_h, long after, bool keep)
{
	xmlTextWriterPtr w = c->w;
	FontRole sr = ROLE_BODY;
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	if (keep) {
		/* a header row stays with the row after it */
		xw_start(w, "w:keepNext");
		xw_end(w);
	}
	xw_val(w, "w:snapToGrid", "0");
	xw_start(w, "w:spacing");
	xw_attrl(w, "w:after", after);
	xw_attrl(w, "w:line", line_h);
	xw_attr(w, "w:lineRule", "exact");
	xw_end(w);
	xw_ind_jc(w, 0, 0, cell->align == TS_CENTER ? "center" : cell->align == TS_RIGHT ? "right"
	                   : cell->align == TS_JUSTIFY ? "both" : "left");
	xw_start(w, "w:rPr");
	xw_start(w, "w:sz");
	xw_attrl(w, "w:val", (long)(cell->size * 2 + 0.5));
	xw_end(w);
	xw_end(w);
	xw_end(w);
	for (size_t r = 0; r < cell->nruns; r++)
		docx_run(c, cell->runs[r].role, sr, cell->size, false, cell->runs[r].s,
		         cell->runs[r].len);
	xw_end(w);
}

void docx_table_row(DocxCtx *c, const DocxCell *cells, size_t n, bool header, int lines)
{
	xmlTextWriterPtr w = c->w;
	if (lines < 1)
		lines = 1;
	long room = lines * c->line - RULE_TWIPS;
	long line_h = room / lines, after = room - line_h * lines;
	docx_tr_begin(c, header, 0);
	for (size_t k = 0; k < n; k++) {
		docx_tc_begin(c, cells[k].span, "center");
		cell_para(c, &cells[k], line_h, after, header);
		xw_end(w);
	}
	xw_end(w);
}

void docx_table_end(DocxCtx *c)
{
	xw_end(c->w);
	c->tbl_n = 0;
}

size_t docx_column_table(DocxCtx *c, const Column *col, size_t i)
{
	const Line *first = &col->v[i];
	size_t n = first->ncells;
	double *widths = xcalloc(n ? n : 1, sizeof *widths);
	for (size_t k = 0; k < n; k++)
		widths[k] = first->cells[k].w;
	double pad = n ? first->cells[0].size / 2 : 0;
	docx_table_begin(c, widths, n, pad);
	free(widths);
	DocxCell *cells = xcalloc(n ? n : 1, sizeof *cells);
	for (; i < col->n && col->v[i].kind == LN_ROW; i++) {
		const Line *l = &col->v[i];
		size_t m = l->ncells < n ? l->ncells : n;
		bool header = m && l->cells[0].header;
		for (size_t k = 0; k < m; k++)
			cells[k] = (DocxCell){l->cells[k].runs, l->cells[k].nruns,
			                      header ? TS_CENTER : TS_LEFT, l->cells[k].size, 1};
		docx_table_row(c, cells, m, header, l->slots);
		if (l->row_last) {
			i++;
			break;
		}
	}
	free(cells);
	docx_table_end(c);
	return i;
}

/* A 版记 cell: one line of text in a row of `lines` grid lines that is
 * `room` twips tall without its rules; hang: the later lines' indent
 * under the first name of a wrapped 抄送 (pt from the cell's text edge). */
static void record_cell(DocxCtx *c, const char *s, const char *jc, int span, long width,
                        double hang, int lines, long room)
{
	xmlTextWriterPtr w = c->w;
	xw_start(w, "w:tc");
	xw_start(w, "w:tcPr");
	xw_start(w, "w:tcW");
	xw_attrl(w, "w:w", width);
	xw_attr(w, "w:type", "dxa");
	xw_end(w);
	if (span > 1)
		xw_vall(w, "w:gridSpan", span);
	xw_end(w);
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	xw_val(w, "w:pStyle", "Record");
	xw_val(w, "w:snapToGrid", "0");
	/* An exact line sets its text at its foot; a one-line row has a
	 * line as tall as the text (1.3 em) with the rest of the row split
	 * above and below, so that the text sits in the row's middle as on
	 * the grid. */
	long line_h = room / lines, before = 0;
	if (lines == 1 && room > TWIPS(1.3 * c->g->size_small)) {
		line_h = TWIPS(1.3 * c->g->size_small);
		before = (room - line_h) / 2;
	}
	xw_start(w, "w:spacing");
	xw_attrl(w, "w:before", before);
	xw_attrl(w, "w:after", room - line_h * lines - before);
	xw_attrl(w, "w:line", line_h);
	xw_attr(w, "w:lineRule", "exact");
	xw_end(w);
	xw_start(w, "w:ind");
	xw_attrl(w, "w:left", TWIPS(hang));
	xw_attrl(w, "w:hanging", TWIPS(hang));
	xw_end(w);
	xw_val(w, "w:jc", jc);
	xw_end(w);
	if (s)
		docx_run(c, ROLE_BODY, ROLE_BODY, c->g->size_small, false, s, strlen(s));
	xw_end(w);
	xw_end(w);
}

void docx_record(DocxCtx *c, const Record *r, long below)
{
	xmlTextWriterPtr w = c->w;
	const Geometry *g = c->g;
	long width = TWIPS(g->body_w);
	/* the 印发机关 and 印发日期 cells split where the layout put the date,
	 * less the cell's margin and a character's room, so that another
	 * font's wider digits do not wrap the date */
	long half = r->printed ? TWIPS(r->printed_x - 2 * g->size_small) : width / 2;
	if (half < width / 4 || half > width - 20)
		half = width / 2;
	long thick = eighths(g->record_thick), thin = eighths(g->record_thin);
	table_start(w, width);
	/* a 信函's 版记 has no rules (§10.1) */
	const char *rule = r->plain ? "nil" : "single";
	border(w, "w:top", rule, thick);
	border(w, "w:left", "nil", 0);
	border(w, "w:bottom", rule, thick);
	border(w, "w:right", "nil", 0);
	border(w, "w:insideH", rule, thin);
	border(w, "w:insideV", "nil", 0);
	xw_end(w);
	xw_start(w, "w:tblLayout"); /* its attribute is w:type, not w:val */
	xw_attr(w, "w:type", "fixed");
	xw_end(w);
	cell_margins(w, g->size_small);
	xw_start(w, "w:tblLook");
	xw_attr(w, "w:val", "0000");
	xw_end(w);
	xw_end(w);
	double widths[2] = {half / 20.0, (width - half) / 20.0};
	long total;
	grid(w, widths, 2, &total);
	/* Each row as many grid lines as the layout gave it, its rule above
	 * taken out of it (and the last row's rule below, and `below` for
	 * the paragraph after the table). */
	long rthick = r->plain ? 0 : (long)(g->record_thick * 20 + 0.5);
	long rthin = r->plain ? 0 : (long)(g->record_thin * 20 + 0.5);
	bool two = r->cc && (r->printer || r->printed);
	if (r->cc) {
		int lines = r->cc_para.nlines > 0 ? (int)r->cc_para.nlines : 1;
		long room = lines * c->line - rthick - (two ? 0 : rthick + below);
		/* wrapped as the layout wrapped it: later lines under the
		 * first name */
		double hang = 0;
		if (r->cc_para.nlines > 1 && r->cc_para.lines[1].npieces)
			hang = r->cc_para.lines[1].pieces[0].x - g->size_small;
		xw_start(w, "w:tr");
		record_cell(c, r->cc, "left", 2, width, hang > 0 ? hang : 0, lines, room);
		xw_end(w);
	}
	if (r->printer || r->printed) {
		int lines = r->printer_para.nlines > 0 ? (int)r->printer_para.nlines : 1;
		long room = lines * c->line - (two ? rthin : rthick) - rthick - below;
		xw_start(w, "w:tr");
		record_cell(c, r->printer, "left", 1, half, 0, lines, room);
		record_cell(c, r->printed, "right", 1, width - half, 0, lines, room);
		xw_end(w);
	}
	xw_end(w);
}
