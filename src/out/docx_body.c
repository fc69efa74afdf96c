/* docx_body.c — word/document.xml: the 版头, the composed column, the
 * attachments and the 版记, in that order.
 *
 * Every paragraph of the layout's column becomes one w:p with the
 * alignment and indents the layout gave it (ParaStore.style, Line.x):
 * the body's two-character first-line indent, the 附件说明's hanging
 * indent, the 署名 and 成文日期 at the places §7.3.5.2 asks for.  A
 * centred balanced title keeps the layout's line breaks (w:br); other
 * paragraphs are left for Word to break on the grid.  An empty grid line
 * is an empty paragraph; a ruled table is docx_table.c's.
 *
 * The 版头 and the signature block are what the layout placed
 * (docx_parts.c).  The 版记 is a table in a text box anchored to the
 * page at the 版心's foot (docx_shape.c), so that it stays there when
 * the text above it is edited.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "attach.h"
#include "docx_int.h"

void docx_run(DocxCtx *c, FontRole role, FontRole style_role, double size, bool red,
              const char *s, size_t len)
{
	docx_run_spaced(c, role, style_role, size, red, NAN, s, len);
}

void docx_run_spaced(DocxCtx *c, FontRole role, FontRole style_role, double size, bool red,
                     double spacing, const char *s, size_t len)
{
	docx_run_scaled(c, role, style_role, size, red, spacing, 100, s, len);
}

void docx_run_scaled(DocxCtx *c, FontRole role, FontRole style_role, double size, bool red,
                     double spacing, int percent, const char *s, size_t len)
{
	xmlTextWriterPtr w = c->w;
	xw_start(w, "w:r");
	if (role != style_role || size > 0 || red || !isnan(spacing) || percent != 100) {
		xw_start(w, "w:rPr");
		if (role != style_role)
			docx_fonts(w, role);
		if (red)
			xw_val(w, "w:color", c->red);
		if (!isnan(spacing))
			xw_vall(w, "w:spacing", TWIPS(spacing));
		if (percent != 100) /* 长体: Word's character scale, PDF's Tz */
			xw_vall(w, "w:w", percent);
		if (size > 0) {
			/* half points, rounded down: a 标志 sized to fill the
			 * 版心 must not grow past it and wrap */
			xw_vall(w, "w:sz", (long)(size * 2 + 0.001));
			xw_vall(w, "w:szCs", (long)(size * 2 + 0.001));
		}
		xw_end(w);
	}
	size_t from = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n' && s[i] != '\t')
			continue;
		if (i > from) {
			xw_start(w, "w:t");
			xw_attr(w, "xml:space", "preserve");
			xw_text(w, s + from, i - from);
			xw_end(w);
		}
		if (i < len) {
			xw_start(w, s[i] == '\n' ? "w:br" : "w:tab");
			xw_end(w);
		}
		from = i + 1;
	}
	xw_end(w);
}

void docx_off_grid(DocxCtx *c)
{
	/* A size other than the body's would take two grid cells a
	 * character: such lines leave the character grid and keep the
	 * line pitch by an exact line height. */
	xw_val(c->w, "w:snapToGrid", "0");
	xw_start(c->w, "w:spacing");
	xw_attrl(c->w, "w:line", c->line);
	xw_attr(c->w, "w:lineRule", "exact");
	xw_end(c->w);
}

void docx_spacer_ppr(DocxCtx *c, long twips)
{
	xmlTextWriterPtr w = c->w;
	xw_val(w, "w:snapToGrid", "0");
	xw_start(w, "w:spacing");
	xw_attrl(w, "w:line", twips > 1 ? twips : 1);
	xw_attr(w, "w:lineRule", "exact");
	xw_end(w);
	xw_start(w, "w:rPr");
	xw_vall(w, "w:sz", 2);
	xw_end(w);
}

void docx_spacer(DocxCtx *c, long twips)
{
	xw_start(c->w, "w:p");
	xw_start(c->w, "w:pPr");
	docx_spacer_ppr(c, twips);
	xw_end(c->w);
	xw_end(c->w);
}

void docx_blank(DocxCtx *c)
{
	docx_blank_keep(c, false);
}

void docx_blank_keep(DocxCtx *c, bool keep)
{
	xw_start(c->w, "w:p");
	if (keep) {
		xw_start(c->w, "w:pPr");
		xw_start(c->w, "w:keepNext");
		xw_end(c->w);
		xw_end(c->w);
	}
	xw_end(c->w);
}

static const char *jc(TsAlign a)
{
	switch (a) {
	case TS_CENTER: return "center";
	case TS_RIGHT: return "right";
	case TS_LEFT: return "left";
	default: return "both";
	}
}

static void ind(xmlTextWriterPtr w, double left, double first)
{
	xw_start(w, "w:ind");
	xw_attrl(w, "w:left", TWIPS(left));
	if (first < 0)
		xw_attrl(w, "w:hanging", TWIPS(-first));
	else
		xw_attrl(w, "w:firstLine", TWIPS(first));
	xw_end(w);
}

/* Lines col->v[i..j) of one paragraph. */
static void para(DocxCtx *c, const Column *col, size_t i, size_t j)
{
	xmlTextWriterPtr w = c->w;
	const Line *first = &col->v[i], *last = &col->v[j - 1];
	const ParaStore *ps = &col->paras[first->para];
	const TsStyle *st = &ps->style;
	bool same = ps->nruns > 0;
	for (size_t r = 1; r < ps->nruns; r++)
		same &= ps->runs[r].role == ps->runs[0].role;
	FontRole sr = ROLE_BODY;
	const char *sid = same ? docx_style_for(ps->runs[0].role, st->align == TS_CENTER, &sr) : NULL;
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	if (sid)
		xw_val(w, "w:pStyle", sid);
	if (last->keep_next) {
		xw_start(w, "w:keepNext");
		xw_end(w);
	}
	if (first->break_before && !c->fresh_page) {
		xw_start(w, "w:pageBreakBefore");
		xw_end(w);
	}
	c->fresh_page = false;
	if (first->size != c->g->size_body)
		docx_off_grid(c);
	ind(w, first->x + st->indent, st->first_indent - st->indent);
	xw_val(w, "w:jc", jc(st->align));
	xw_end(w);
	if (st->balance) {
		/* the layout's line breaks */
		for (size_t k = i; k < j; k++) {
			const TsLine *ln = &col->v[k].line;
			if (k > i) {
				xw_start(w, "w:r");
				xw_start(w, "w:br");
				xw_end(w);
				xw_end(w);
			}
			for (size_t q = 0; q < ln->npieces; q++) {
				const TsPiece *pc = &ln->pieces[q];
				const TsRun *r = &ps->runs[pc->run];
				docx_run(c, r->role, sr, first->size, first->red, r->s + pc->off, pc->len);
			}
		}
	} else {
		for (size_t r = 0; r < ps->nruns; r++)
			docx_run(c, ps->runs[r].role, sr, first->size, first->red, ps->runs[r].s,
			         ps->runs[r].len);
	}
	xw_end(w);
}

/* parts: the body's column, whose blank lines may hold the signature. */
static void column(DocxCtx *c, const Column *col, bool parts)
{
	for (size_t i = 0; i < col->n;) {
		const Line *l = &col->v[i];
		if (l->kind == LN_ROW) {
			i = docx_column_table(c, col, i);
			continue;
		}
		if (l->kind == LN_BLANK || l->para < 0 || (size_t)l->para >= col->nparas) {
			if (!parts || !docx_sign_line(c, l))
				docx_blank_keep(c, l->keep_next);
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < col->n && col->v[j].kind == LN_TEXT && col->v[j].para == l->para)
			j++;
		para(c, col, i, j);
		i = j;
	}
}

void docx_attachment(DocxCtx *c, size_t i, const char *label)
{
	const Attachment *a = &c->p->attachments[i];
	const AttShape *s = i < c->k->natt ? c->k->att[i] : NULL;
	if (!s) {
		/* a text attachment, set as the layout sets it; its findings
		 * were reported when the PDF was laid out */
		Column col;
		Diags d = {0};
		compose_text_attachment(c->p, i, label, c->fs, c->g, &col, &d);
		column(c, &col, false);
		column_free(&col);
		diag_free(&d);
		return;
	}
	(void)a;
	/* A form, ledger or score sheet (docx_attach.c); a landscape one
	 * in a section of its own. */
	if (s->landscape && !c->fresh_page)
		docx_att_sect_end(c, SECT_BODY);
	docx_att_pages(c, s, label, true);
	if (s->landscape)
		docx_att_sect_end(c, SECT_LANDSCAPE);
}

static void record_anchor(DocxCtx *c, SectKind kind)
{
	xmlTextWriterPtr w = c->w;
	xw_start(w, "w:p");
	xw_start(w, "w:pPr");
	docx_sect(c, kind);
	xw_end(w);
	xw_end(w);
}

/* The 版记's table filling its text box, and the paragraph Word wants
 * after a table, one twip tall, under the box's foot. */
static void record_box(DocxCtx *c, const void *arg)
{
	docx_record(c, arg, 0);
	docx_spacer(c, 1);
}

/* The 版记 at the foot of the page whatever comes before it: a text box
 * anchored to the page, its last row on the 版心's last grid line, which
 * text flows above and not beside (and so onto a new page when it would
 * reach down into it); its anchor a paragraph too small to take a line. */
static void record(DocxCtx *c, bool blank_page)
{
	const Record *r = &c->k->rec;
	xmlTextWriterPtr w = c->w;
	if (blank_page) {
		/* the blank page the layout left before the 版记's (Word's
		 * evenPage section would do it, but LibreOffice ignores it) */
		docx_blank(c);
		xw_start(w, "w:p");
		xw_start(w, "w:pPr");
		xw_start(w, "w:pageBreakBefore");
		xw_end(w);
		xw_end(w);
		xw_end(w);
	}
	const Geometry *g = c->g;
	double top = g->margin_top + (double)(g->lines - r->slots) * c->line / 20.0;
	docx_carrier_begin(c);
	docx_anchor_box(c, "版记", top, (double)r->slots * c->line / 20.0, true, record_box, r);
	xw_end(w);
}

void docx_document(DocxCtx *c, Buf *out)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xw_new(&buf);
	c->w = w;
	xw_root(w, "w:document");
	xw_start(w, "w:body");
	docx_head(c);
	column(c, &c->k->col, true);
	for (size_t i = 0; i < c->p->nattachments; i++) {
		char *label = attach_label(c->p, i, false);
		docx_attachment(c, i, label);
		free(label);
	}
	switch (c->k->record) {
	case RECORD_NONE:
		break;
	case RECORD_LAST_PAGE:
		record(c, false);
		break;
	case RECORD_NEXT_PAGE:
	case RECORD_AFTER_BLANK:
		/* The 版记 on a page of its own, without a number: the body's
		 * section ends here; the next starts on an even page. */
		if (c->k->natt && c->k->att[c->k->natt - 1]) {
			/* after a table: a paragraph too small to take a line */
			if (!c->fresh_page)
				docx_att_sect_end(c, SECT_BODY);
		} else {
			record_anchor(c, SECT_BODY);
		}
		record(c, c->k->record == RECORD_AFTER_BLANK);
		break;
	}
	bool own = c->k->record == RECORD_NEXT_PAGE || c->k->record == RECORD_AFTER_BLANK;
	docx_sect(c, !own ? SECT_BODY : SECT_RECORD_NEXT);
	xw_end(w);
	xw_end(w);
	xw_finish(w, buf, out);
	c->w = NULL;
}
