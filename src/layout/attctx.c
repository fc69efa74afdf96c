/* attctx.c — what drawing a form, a ledger and a score sheet share
 * (attach_int.h): the first page's label and title, strings kept for the
 * cells, a table over as many pages as it needs and the text under it.
 * Its own file so that attach.c (which calls form.c, ledger.c and
 * scoresheet.c) and those three (which call this) form no cycle. */
#include "attach_int.h"

#include <stdlib.h>
#include <string.h>

#include "title.h"
#include "util.h"

const char *att_keep(AttCtx *c, char *s)
{
	c->strs = xgrow(c->strs, &c->cap, c->nstrs + 1, sizeof *c->strs);
	c->strs[c->nstrs++] = s;
	return s;
}

double att_heading(AttCtx *c, TplFont title)
{
	if (c->keep) {
		c->keep->title_font = title;
		if (c->a->title.s && *c->a->title.s)
			c->keep->title = title_broken(c->sheet.fs, title.role, title.size,
			                              c->sheet.width, c->a->title.s, c->p);
	}
	sheet_page(&c->sheet);
	return sheet_heading(&c->sheet, c->label, c->a->title.s, title.role, title.size,
	                     c->p, c->a->title.s ? c->a->title.pos : c->a->pos, c->d, &c->ok);
}

void att_keep_filler(AttCtx *c, const char *left, const TsPara *para, const char *date,
                     TplFont font, double pitch, bool alone, double mid)
{
	if (!c->keep)
		return;
	Buf b = {0};
	size_t from = 0;
	for (size_t j = 1; j < para->nlines; j++) {
		if (!para->lines[j].npieces)
			continue;
		size_t at = para->lines[j].pieces[0].off;
		buf_add(&b, left + from, at - from);
		buf_puts(&b, "\n");
		from = at;
	}
	buf_puts(&b, left + from);
	buf_cstr(&b);
	c->keep->filler_left = att_keep(c, b.s);
	c->keep->filler_date = date;
	c->keep->filler_font = font;
	c->keep->filler_pitch = pitch;
	c->keep->filler_mid = c->sheet.top - mid;
	c->keep->filler_lines = (para->nlines ? para->nlines : 1) + alone;
	c->keep->filler_date_alone = alone;
}

/* The table and its pages into c->keep (t left empty). */
static void keep_table(AttCtx *c, Table *t, double y, size_t *starts, size_t n,
                       const Tail *tail)
{
	AttShape *k = c->keep;
	k->table_top = c->sheet.top - y;
	k->table = *t;
	memset(t, 0, sizeof *t);
	k->starts = starts;
	k->npages = n;
	if (tail && tail->para.nlines) {
		k->tail = xstrndup(tail->run.s, tail->run.len);
		k->tail_font = (TplFont){tail->run.role, tail->size};
		k->tail_pitch = tail->pitch;
		k->tail_gap = tail->gap;
		k->tail_lines = tail->para.nlines;
		k->tail_indent = tail->para.lines[0].npieces ? tail->para.lines[0].pieces[0].x : 0;
	}
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

/* The cell of rows [from, to) whose lines (the seal and date of a sign
 * cell included) are tallest; *lines gets their count. */
static const TCell *tallest(const Table *t, size_t from, size_t to, size_t *lines)
{
	const TCell *tall = NULL;
	double most = -1;
	*lines = 0;
	for (size_t r = from; r < to; r++)
		for (size_t i = 0; i < t->rows[r].ncells; i++) {
			const TCell *x = &t->rows[r].cells[i];
			size_t n = x->para.nlines + (x->sign ? 2 : 0);
			double h = (double)n * x->font.size * t->style.leading;
			if (h > most) {
				most = h;
				tall = x;
				*lines = n;
			}
		}
	return tall;
}

static double to_mm(double pt)
{
	return pt * 25.4 / 72;
}

/* A row taller than a page less the header rows repeated above it would
 * run off its page and be cut: a cell-overflow finding, and nothing of
 * the plan written.  Its cause decides the message and the place: the
 * header rows leaving no room for a row of one line (once, at the
 * header's tallest cell); the template's least row height or its cell
 * padding, above and below the lines or so wide beside them that the
 * text wraps to a sliver (once, at the attachment); else a cell's own
 * lines, alone
 * taller than a page or only with the header (at that cell's text). */
static void rows_fit(AttCtx *c, const Table *t)
{
	double page = c->sheet.height, head = table_head_h(t), pad = t->style.padding;
	size_t no = (size_t)(c->a - c->p->attachments) + 1, n;
	/* The header leaves no room for one line of a body row's text
	 * (without padding or the template's least height: those are the
	 * template's causes). */
	double one = 0;
	for (size_t r = t->nhead; r < t->nrows; r++) {
		const TRow *row = &t->rows[r];
		double h = row->ncells ? row->cells[0].font.size * t->style.leading : 0;
		one = r == t->nhead || h < one ? h : one;
	}
	if (t->nhead && head + one > page + 0.01) {
		const TCell *tall = tallest(t, 0, t->nhead, &n);
		Pos at = tall && tall->pos.line > 0 ? tall->pos : c->a->pos;
		diag_add(c->d, c->p->path, at, MSG_CELL_OVERFLOW_HEADER, no, n, to_mm(head),
		         to_mm(page));
		c->ok = false;
		return;
	}
	bool said = false; /* a template's cause, said once */
	for (size_t r = t->nhead; r < t->nrows; r++) {
		const TRow *row = &t->rows[r];
		if (row->h <= page - head + 0.01)
			continue;
		const TCell *tall = tallest(t, r, r + 1, &n);
		Pos at = tall && tall->pos.line > 0 ? tall->pos : c->a->pos;
		if (row->min_h > row->text_h) {
			if (!said)
				diag_add(c->d, c->p->path, c->a->pos, MSG_CELL_OVERFLOW_MIN, no,
				         to_mm(row->min_h), to_mm(head), to_mm(page));
			said = true;
		} else if (row->text_h - pad <= page - head + 0.01 || (tall && 4 * pad >= tall->w)) {
			/* The padding above and below the lines, or beside them,
			 * taking half the cell's width, makes the row too tall. */
			if (!said)
				diag_add(c->d, c->p->path, c->a->pos, MSG_CELL_OVERFLOW_PADDING, no,
				         to_mm(pad), n, to_mm(row->h), to_mm(page - head));
			said = true;
		} else if (row->text_h > page + 0.01) {
			diag_add(c->d, c->p->path, at, MSG_CELL_OVERFLOW, no, n);
		} else {
			diag_add(c->d, c->p->path, at, MSG_CELL_OVERFLOW_HEAD, no, n, to_mm(head),
			         to_mm(page));
		}
		c->ok = false;
	}
}

double att_table(AttCtx *c, Table *t, double y, const Tail *tail)
{
	Sheet *s = &c->sheet;
	rows_fit(c, t);
	double bottom = s->top - s->height;
	double tail_h = tail ? tail->gap + (double)tail->para.nlines * tail->pitch : 0;
	size_t *starts;
	size_t n = table_paginate(t, y - bottom, s->height, tail_h, &starts);
	double top = y;
	for (size_t pg = 0; pg < n; pg++) {
		if (pg > 0) {
			sheet_page(s);
			y = s->top;
		}
		if (starts[pg] < starts[pg + 1] || t->nrows == t->nhead)
			y = table_draw(s->doc, t, s->left, y, starts[pg], starts[pg + 1]);
	}
	if (tail && tail->para.nlines) {
		if (y - tail_h < bottom - 0.01) {
			sheet_page(s);
			y = s->top + tail->gap;
		}
		y = draw_tail(c, tail, y - tail->gap);
	}
	if (c->keep)
		keep_table(c, t, top, starts, n, tail);
	else
		free(starts);
	return y;
}
