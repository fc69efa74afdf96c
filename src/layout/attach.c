/* attach.c — one attachment on pages of its own; see attach.h. */
#include "attach_int.h"

#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "util.h"

char *attach_label(const Plan *p, size_t i, bool alone)
{
	char *base = p->nattachments > 1 ? xasprintf("附件%zu", i + 1) : xstrdup("附件");
	if (!alone || !p->doc_number.s)
		return base;
	char *s = xasprintf("%s%s", p->doc_number.s, base);
	free(base);
	return s;
}

const char *att_keep(AttCtx *c, char *s)
{
	c->strs = xgrow(c->strs, &c->cap, c->nstrs + 1, sizeof *c->strs);
	c->strs[c->nstrs++] = s;
	return s;
}

double att_heading(AttCtx *c, TplFont title)
{
	sheet_page(&c->sheet);
	return sheet_heading(&c->sheet, c->label, c->a->title.s, title.role, title.size,
	                     c->p, c->a->title.s ? c->a->title.pos : c->a->pos, c->d, &c->ok);
}

static double draw_tail(AttCtx *c, const Tail *tail, double y)
{
	Sheet *s = &c->sheet;
	double em = s->g->em_ascent;
	for (size_t j = 0; j < tail->para.nlines; j++) {
		const TsLine *ln = &tail->para.lines[j];
		double base = y - (double)j * tail->pitch - (tail->pitch - tail->size) / 2 -
		              em * tail->size;
		for (size_t k = 0; k < ln->npieces; k++) {
			const TsPiece *pc = &ln->pieces[k];
			canvas_textn(s->doc, tail->run.role, tail->size, s->left + pc->x, base,
			          tail->run.s + pc->off, pc->len, pc->spacing);
		}
	}
	return y - (double)tail->para.nlines * tail->pitch;
}

double att_table(AttCtx *c, Table *t, double y, const Tail *tail)
{
	Sheet *s = &c->sheet;
	double bottom = s->top - s->height;
	double tail_h = tail ? tail->gap + (double)tail->para.nlines * tail->pitch : 0;
	size_t *starts;
	size_t n = table_paginate(t, y - bottom, s->height, tail_h, &starts);
	for (size_t pg = 0; pg < n; pg++) {
		if (pg > 0) {
			sheet_page(s);
			y = s->top;
		}
		if (starts[pg] < starts[pg + 1] || t->nrows == t->nhead)
			y = table_draw(s->doc, t, s->left, y, starts[pg], starts[pg + 1]);
	}
	free(starts);
	if (tail && tail->para.nlines) {
		if (y - tail_h < bottom - 0.01) {
			sheet_page(s);
			y = s->top + tail->gap;
		}
		y = draw_tail(c, tail, y - tail->gap);
	}
	return y;
}

/* A text attachment: a column of its own, set like the body. */
static bool text_attachment(const Plan *p, size_t i, const char *label, const FontSet *fs,
                            const Geometry *g, Canvas *doc, Flow *flow, Diags *d)
{
	Column col;
	compose_text_attachment(p, i, label, fs, g, &col, d);
	bool ok = !col.failed;
	int pages = paginate(&col, g);
	flow->last_used = draw_column(doc, fs, g, &col, pages, flow->pages + 1, NULL);
	flow->pages += pages;
	column_free(&col);
	return ok;
}

bool attach_draw(const Plan *p, size_t i, const char *label, const char *unit,
                 const FontSet *fs, const Geometry *g, Canvas *doc, Flow *flow, Diags *d)
{
	const Attachment *a = &p->attachments[i];
	if (a->type == ATT_TEXT || a->type == ATT_UNKNOWN)
		return text_attachment(p, i, label, fs, g, doc, flow, d);
	TplKind kind = a->type == ATT_FORM ? TPL_FORM
	             : a->type == ATT_LEDGER ? TPL_LEDGER : TPL_SCORESHEET;
	const Template *tpl = a->tpl; /* loaded by the resolve pass */
	if (!tpl)
		return false;
	bool landscape = kind != TPL_FORM && tpl->table.landscape;
	AttCtx c = {.sheet = sheet_make(doc, fs, g, landscape, flow->pages), .p = p, .a = a,
	            .label = label, .d = d, .ok = true,
	            .reserve = flow->reserve * geo_line_pitch(g)};
	double low;
	if (kind == TPL_FORM)
		low = form_draw(&c, &tpl->form, unit);
	else if (kind == TPL_LEDGER)
		low = ledger_draw(&c, &tpl->table);
	else
		low = scoresheet_draw(&c, &tpl->table);
	/* An attachment printed alone on one page needs no number. */
	sheet_finish(&c.sheet, flow->pages == 0);
	flow->pages = c.sheet.number;
	/* The 版记 may follow on a portrait page, below a blank line. */
	flow->last_used = landscape ? g->lines : sheet_line_below(&c.sheet, low) - 1;
	for (size_t k = 0; k < c.nstrs; k++)
		free(c.strs[k]);
	free(c.strs);
	return c.ok;
}
