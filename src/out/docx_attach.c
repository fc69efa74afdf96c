/* docx_attach.c — forms, ledgers and score sheets in the DOCX, as the
 * layout decided them (AttShape, attach_int.h): nothing here measures a
 * column or breaks a line again.
 *
 * The heading is 附件N 顶格 on grid line 1 and the title, broken where the
 * layout broke it, from line 3; a form's 填报单位 … 填报日期 line follows;
 * then the table starts where the layout put its top rule (a spacer
 * takes up the difference between Word's grid and ours).  The table is
 * fixed: tblGrid with the layout's column widths, every row at least as
 * tall as the layout made it (cantSplit, so Word breaks pages where the
 * PDF does), the outer frame and the inner rules in the template's
 * widths, header rows repeated on every page (tblHeader).  A cell's
 * lines take the template's leading; a centred cell keeps the layout's
 * line breaks.  A sign box holds the value, then the 盖章 line over the
 * date at its foot, two characters in from the right rule, as the PDF
 * draws them.  Empty value cells are empty paragraphs, to be typed in.
 * A score sheet's rating bands follow the table.  A landscape table is
 * a landscape section of its own (docx_sect.c).
 */
#include <stdlib.h>
#include <string.h>

#include "attach_int.h"
#include "docx_int.h"

/* How many lines s's title takes. */
static long title_lines(const AttShape *s)
{
	long lines = 1;
	for (const char *q = s->title; *q; q++)
		lines += *q == '\n';
	return lines;
}

/* The heading and the filler line, then room down to the table's top
 * (twips from the 版心's top).  LibreOffice draws a table's frame
 * inside its rows, a point lower than the layout's rule: the table aims
 * 3 pt higher.  When the heading takes more than the layout's, the
 * room above the filler line gives the difference.  附件N and the
 * title are on the document grid, lines 1 and 3, as docx_body.c sets a
 * text attachment's. */
static void heading(DocxCtx *c, const AttShape *s, const char *label, bool brk, long top)
{
	xmlTextWriterPtr w = c->w;
	long above = c->line;
	if (s->title)
		above += (1 + title_lines(s)) * c->line;
	/* the filler's first line's middle where the layout put it, the
	 * others its pitch apart */
	long fpitch = TWIPS(s->filler_pitch), before = 0, used = above;
	if (s->filler_left) {
		before = TWIPS(s->filler_mid) - above - fpitch / 2;
		if (before < 0)
			before = 0;
		used += before + (long)s->filler_lines * fpitch;
	}
	long slack = top - 60 - used;
	long shrink = slack >= 0 ? 0 : -slack < before ? -slack : before;
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	xw_val(w, "w:pStyle", "Heading1");
	if (brk && !c->fresh_page) {
		xw_start(w, "w:pageBreakBefore");
		xw_end(w);
	}
	if (s->landscape)
		docx_off_grid(c);
	xw_ind_jc(w, -1, 0, "left");
	xw_end(w);
	docx_run(c, ROLE_H1, ROLE_H1, 0, false, label, strlen(label));
	xw_end(w);
	c->fresh_page = false;
	if (s->title) {
		if (s->landscape)
			docx_spacer(c, c->line);
		else
			docx_blank(c);
		xw_start(w, "w:p");
		xw_start(w, "w:pPr");
		xw_val(w, "w:pStyle", "Title");
		if (s->landscape)
			docx_off_grid(c);
		xw_ind_jc(w, -1, 0, "center");
		xw_end(w);
		const char *t = s->title;
		docx_run(c, s->title_font.role, ROLE_TITLE, s->title_font.size, false, t, strlen(t));
		xw_end(w);
	}
	if (s->filler_left) {
		TplFont f = s->filler_font;
		xw_start(w, "w:p");
		xw_start(w, "w:pPr");
		/* the date against the right edge: a right tab there */
		xw_start(w, "w:tabs");
		xw_start(w, "w:tab");
		xw_attr(w, "w:val", "right");
		xw_attrl(w, "w:pos", TWIPS(s->width));
		xw_end(w);
		xw_end(w);
		xw_val(w, "w:snapToGrid", "0");
		xw_start(w, "w:spacing");
		xw_attrl(w, "w:before", before - shrink);
		xw_attr(w, "w:after", "0");
		xw_attrl(w, "w:line", fpitch > 0 ? fpitch : c->line);
		xw_attr(w, "w:lineRule", "exact");
		xw_end(w);
		xw_ind_jc(w, 0, 0, "left");
		xw_end(w);
		docx_run(c, f.role, ROLE_BODY, f.size, false, s->filler_left, strlen(s->filler_left));
		Buf b = {0};
		buf_puts(&b, s->filler_date_alone ? "\n\t" : "\t");
		buf_puts(&b, s->filler_date);
		docx_run(c, f.role, ROLE_BODY, f.size, false, b.s, b.len);
		buf_free(&b);
		xw_end(w);
	}
	if (slack > 10)
		docx_spacer(c, slack);
}

/* A cell paragraph: lines `pitch` twips apart, aligned as jc says,
 * with space before and a right indent (twips). */
static void cell_para_begin(DocxCtx *c, const char *jc, long pitch, long before, long right)
{
	xmlTextWriterPtr w = c->w;
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	if (c->keep_rows) {
		xw_start(w, "w:keepNext");
		xw_end(w);
	}
	xw_val(w, "w:snapToGrid", "0");
	xw_start(w, "w:spacing");
	xw_attrl(w, "w:before", before);
	xw_attr(w, "w:after", "0");
	xw_attrl(w, "w:line", pitch);
	xw_attr(w, "w:lineRule", "exact");
	xw_end(w);
	xw_ind_jc(w, right, 0, jc);
	xw_end(w);
}

static void cell(DocxCtx *c, const Table *t, const TRow *row, const TCell *tc)
{
	xmlTextWriterPtr w = c->w;
	double size = tc->font.size, pitch = size * t->style.leading, vpad = t->style.padding / 2;
	long lp = TWIPS(pitch);
	bool centred = tc->align == TS_CENTER;
	docx_tc_begin(c, tc->span, tc->middle && !tc->sign ? "center" : "top");
	cell_para_begin(c, centred ? "center" : "left", lp, tc->middle && !tc->sign ? 0 : TWIPS(vpad), 0);
	if (tc->text && *tc->text) {
		if (centred) {
			/* balanced: the layout's breaks */
			for (size_t j = 0; j < tc->para.nlines; j++) {
				const TsLine *ln = &tc->para.lines[j];
				if (!ln->npieces)
					continue;
				size_t from = ln->pieces[0].off;
				const TsPiece *last = &ln->pieces[ln->npieces - 1];
				Buf b = {0};
				if (j)
					buf_puts(&b, "\n");
				buf_add(&b, tc->text + from, last->off + last->len - from);
				docx_run(c, tc->font.role, ROLE_BODY, size, false, b.s, b.len);
				buf_free(&b);
			}
		} else {
			docx_run(c, tc->font.role, ROLE_BODY, size, false, tc->text, strlen(tc->text));
		}
	} else {
		/* an empty line to type in, in the cell's font */
		docx_run(c, tc->font.role, ROLE_BODY, size, false, "", 0);
	}
	xw_end(w);
	if (tc->sign) {
		/* the writing room, then 盖章 centred over the date, whose end is
		 * two characters in from the right rule (table.c) */
		double used = 2 * vpad + (double)(tc->para.nlines ? tc->para.nlines : 1) * pitch;
		double room = row->h - used - 2 * pitch - 2;
		if (room > 1)
			docx_spacer(c, TWIPS(room));
		double inner = tc->w - 2 * t->style.padding;
		double right = inner - 2 * size - t->date_w < 0 ? 0 : 2 * size;
		double seal_right = right + t->date_w / 2 - t->seal_w / 2;
		const char *lines[2] = {t->seal, t->date};
		double rights[2] = {seal_right, right};
		for (int k = 0; k < 2; k++) {
			cell_para_begin(c, "right", lp, 0, TWIPS(rights[k] > 0 ? rights[k] : 0));
			docx_run(c, tc->font.role, ROLE_BODY, size, false, lines[k], strlen(lines[k]));
			xw_end(w);
		}
	}
	xw_end(w);
}

/* The table; with a tail, the rows the layout put on the last page are
 * kept with it (keepNext), as the layout moves the last row on with the
 * rating bands rather than leave them alone. */
static void table(DocxCtx *c, const AttShape *s)
{
	const Table *t = &s->table;
	size_t keep_from = s->tail && s->npages ? s->starts[s->npages - 1] : t->nrows;
	docx_table_begin_ruled(c, t->colw, t->ncols, t->style.padding, t->style.frame,
	                       t->style.rule);
	for (size_t r = 0; r < t->nrows; r++) {
		const TRow *row = &t->rows[r];
		c->keep_rows = r >= keep_from;
		docx_tr_begin(c, row->head && r < t->nhead, TWIPS(row->h));
		for (size_t k = 0; k < row->ncells; k++)
			cell(c, t, row, &row->cells[k]);
		xw_end(c->w);
	}
	c->keep_rows = false;
	docx_table_end(c);
}

void docx_att_pages(DocxCtx *c, const AttShape *s, const char *label, bool brk)
{
	xmlTextWriterPtr w = c->w;
	heading(c, s, label, brk, TWIPS(s->table_top));
	table(c, s);
	/* The tail: a paragraph for each of its lines ended by "\n" (the
	 * bands, justified, then the reviewer's line), so that no line is
	 * stretched to a forced break. */
	for (const char *q = s->tail; q && *q;) {
		const char *e = strchr(q, '\n');
		size_t len = e ? (size_t)(e - q) : strlen(q);
		bool first = q == s->tail;
		TplFont f = s->tail_font;
		xw_start(w, "w:p");
		xw_start(w, "w:pPr");
		xw_val(w, "w:snapToGrid", "0");
		xw_start(w, "w:spacing");
		xw_attrl(w, "w:before", first ? TWIPS(s->tail_gap) : 0);
		xw_attr(w, "w:after", "0");
		xw_attrl(w, "w:line", TWIPS(s->tail_pitch));
		xw_attr(w, "w:lineRule", "exact");
		xw_end(w);
		xw_ind_jc(w, 0, first ? TWIPS(s->tail_indent) : 0, "both");
		xw_end(w);
		docx_run(c, f.role, ROLE_BODY, f.size, false, q, len);
		xw_end(w);
		q = e ? e + 1 : q + len;
	}
}

void docx_att_sect_end(DocxCtx *c, SectKind kind)
{
	/* The section ends with a paragraph of its own, too small to take
	 * a line: Word wants a paragraph after a table, and one that would
	 * not fit on a full page would make a blank one. */
	xmlTextWriterPtr w = c->w;
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	docx_spacer_ppr(c, 10);
	docx_sect(c, kind);
	xw_end(w);
	xw_end(w);
	c->fresh_page = true;
}

void docx_att_document(DocxCtx *c, const AttShape *s, const char *label, Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	c->w = w;
	xw_root(w, "w:document");
	xw_start(w, "w:body");
	/* one page printed alone has no number, as in the PDF */
	c->unnumbered = !s->numbered;
	docx_att_pages(c, s, label, false);
	/* the paragraph Word wants after a table, and the section */
	docx_spacer(c, 10);
	docx_sect(c, s->landscape ? SECT_LANDSCAPE : SECT_BODY);
	xw_end(w);
	xw_end(w);
	xw_finish(w, buf, out);
	c->w = NULL;
}
