/* table.c — ruled tables: fitting, wrapping, paging, drawing; see table.h.
 *
 * Inside a cell every line of text takes one slot of size × leading, the
 * em box centred in it, so wrapped lines are evenly spaced and no glyph
 * comes near a rule: the slots sit between vertical paddings of half the
 * horizontal one.
 */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "sheet.h"
#include "util.h"

void table_init(Table *t, size_t ncols, const TplCells *style)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols ? ncols : 1;
	t->colw = xcalloc(t->ncols, sizeof *t->colw);
	t->style = *style;
	t->em_ascent = 0.88;
}

void table_free(Table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t k = 0; k < t->rows[r].ncells; k++)
			tspara_free(&t->rows[r].cells[k].para);
		free(t->rows[r].cells);
	}
	free(t->rows);
	free(t->colw);
	memset(t, 0, sizeof *t);
}

TRow *table_add_row(Table *t, size_t ncells, double min_h, bool head)
{
	t->rows = xgrow(t->rows, &t->cap, t->nrows + 1, sizeof *t->rows);
	TRow *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->cells = xcalloc(ncells ? ncells : 1, sizeof *r->cells);
	r->ncells = ncells;
	r->min_h = min_h;
	r->head = head;
	if (head && t->nhead + 1 == t->nrows)
		t->nhead++;
	for (size_t k = 0; k < ncells; k++)
		r->cells[k].span = 1;
	return r;
}

static int span_of(const TCell *c)
{
	return c->span > 0 ? c->span : 1;
}

static double vpad(const Table *t)
{
	return t->style.padding / 2;
}

static double pitch_of(const Table *t, const TCell *c)
{
	return c->font.size * t->style.leading;
}

/* ---- column widths ------------------------------------------------------ */

/* Raise w towards want, sharing room: the smallest needs are met first,
 * so a short column is never starved by a long one ("water-filling").
 * Returns the room left. */
static double raise_to(double *w, const double *want, size_t n, double room)
{
	size_t *idx = xmalloc(n * sizeof *idx);
	size_t m = 0;
	for (size_t k = 0; k < n; k++)
		if (want[k] > w[k])
			idx[m++] = k;
	/* Sort by need, ascending (n is a handful of columns). */
	for (size_t i = 1; i < m; i++)
		for (size_t j = i; j > 0 && want[idx[j]] - w[idx[j]] < want[idx[j - 1]] - w[idx[j - 1]];
		     j--) {
			size_t tmp = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = tmp;
		}
	for (size_t i = 0; i < m && room > 0; i++) {
		size_t k = idx[i];
		double share = room / (double)(m - i), need = want[k] - w[k];
		double give = need < share ? need : share;
		w[k] += give;
		room -= give;
	}
	free(idx);
	return room;
}

void table_fit(Table *t, const FontSet *fs, double width, double fill_w, bool fair)
{
	size_t n = t->ncols;
	double pad2 = 2 * t->style.padding + 1;
	/* What each column wants, tier by tier: w its least (a header of up
	 * to 4 characters unbroken, 2 characters of anything); text what its
	 * body cells need to not wrap; head its header unbroken up to 8
	 * characters; fill room to write in for an empty column. */
	double *w = xcalloc(n, sizeof *w), *text = xcalloc(n, sizeof *text),
	       *head = xcalloc(n, sizeof *head), *fill = xcalloc(n, sizeof *fill);
	bool *empty = xcalloc(n, sizeof *empty);
	for (size_t k = 0; k < n; k++)
		empty[k] = true;
	for (size_t r = 0; r < t->nrows; r++) {
		const TRow *row = &t->rows[r];
		size_t col = 0;
		for (size_t i = 0; i < row->ncells && col < n; i++) {
			const TCell *c = &row->cells[i];
			int sp = span_of(c);
			if (sp == 1) {
				double sz = c->font.size, two = 2 * sz + pad2;
				double nat = c->text ? fontset_text_width(fs, c->font.role, sz, c->text,
				                                          strlen(c->text), 0) + pad2
				                     : 0;
				double least = nat < 4 * sz + pad2 ? nat : 4 * sz + pad2;
				if (least < two)
					least = two;
				if (!row->head)
					least = two;
				if (least > w[col])
					w[col] = least;
				double *want = row->head ? head : text;
				double capped = row->head && nat > 8 * sz + pad2 ? 8 * sz + pad2 : nat;
				if (capped > want[col])
					want[col] = capped;
				if (!row->head && c->text && *c->text)
					empty[col] = false;
			}
			col += (size_t)sp;
		}
	}
	double sum = 0;
	if (fair && fill_w < width / (double)n - pad2)
		fill_w = width / (double)n - pad2;
	for (size_t k = 0; k < n; k++) {
		fill[k] = empty[k] ? fill_w + pad2 : 0;
		sum += w[k];
	}
	if (sum > width) {
		/* Too narrow a page: everything shrinks alike and wraps. */
		for (size_t k = 0; k < n; k++)
			w[k] *= width / sum;
	} else {
		double room = width - sum;
		if (fair) {
			/* Text up to a fair share, the empty columns their fair
			 * share, then the rest of the text. */
			double *part = xmalloc(n * sizeof *part);
			for (size_t k = 0; k < n; k++)
				part[k] = text[k] < fill_w + pad2 ? text[k] : fill_w + pad2;
			room = raise_to(w, head, n, room);
			room = raise_to(w, part, n, room);
			room = raise_to(w, fill, n, room);
			room = raise_to(w, text, n, room);
			free(part);
		} else {
			room = raise_to(w, text, n, room);
			room = raise_to(w, head, n, room);
			room = raise_to(w, fill, n, room);
		}
		double total = width - room;
		for (size_t k = 0; k < n; k++)
			w[k] = total > 0 ? w[k] + room * w[k] / total : width / (double)n;
	}
	memcpy(t->colw, w, n * sizeof *w);
	free(w);
	free(text);
	free(head);
	free(fill);
	free(empty);
}

/* ---- measuring ------------------------------------------------------------ */

bool table_measure(Table *t, const FontSet *fs, const char *file, Diags *d)
{
	bool ok = true;
	for (size_t r = 0; r < t->nrows; r++) {
		TRow *row = &t->rows[r];
		double x = 0, need = 0;
		size_t col = 0;
		for (size_t i = 0; i < row->ncells; i++) {
			TCell *c = &row->cells[i];
			c->x = x;
			c->w = 0;
			for (int s = 0; s < span_of(c) && col < t->ncols; s++)
				c->w += t->colw[col++];
			x += c->w;
			tspara_free(&c->para);
			size_t lines = 0;
			if (c->text && *c->text) {
				ok &= sheet_glyphs(fs, c->font.role, c->text, file, c->pos, d);
				c->run = (TsRun){c->font.role, c->text, strlen(c->text)};
				double inner = c->w - 2 * t->style.padding;
				TsStyle st = {.size = c->font.size, .width = inner > c->font.size ? inner
				                                                              : c->font.size,
				              .align = c->align, .balance = c->align == TS_CENTER,
				              .words = true};
				c->para = typeset(fs, &c->run, 1, &st);
				lines = c->para.nlines;
			}
			if (c->sign) {
				ok &= sheet_glyphs(fs, c->font.role, t->seal, file, c->pos, d);
				ok &= sheet_glyphs(fs, c->font.role, t->date, file, c->pos, d);
				t->seal_w = fontset_text_width(fs, c->font.role, c->font.size, t->seal,
				                               strlen(t->seal), 0);
				t->date_w = fontset_text_width(fs, c->font.role, c->font.size, t->date,
				                               strlen(t->date), 0);
				lines += 2;
			}
			double h = (double)lines * pitch_of(t, c) + 2 * vpad(t);
			if (h > need)
				need = h;
		}
		row->text_h = need;
	}
	table_heights(t);
	return ok;
}

void table_heights(Table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		TRow *row = &t->rows[r];
		row->h = row->min_h > row->text_h ? row->min_h : row->text_h;
	}
}

double table_head_h(const Table *t)
{
	return table_rows_h(t, 0, t->nhead);
}

double table_rows_h(const Table *t, size_t from, size_t to)
{
	double h = 0;
	for (size_t r = from; r < to && r < t->nrows; r++)
		h += t->rows[r].h;
	return h;
}

/* ---- paging ------------------------------------------------------------------ */

size_t table_paginate(const Table *t, double first_avail, double avail, double tail_h,
                      size_t **starts)
{
	size_t cap = 0, n = 0;
	size_t *v = NULL;
	double head = table_head_h(t);
	size_t r = t->nhead;
	v = xgrow(v, &cap, n + 1, sizeof *v);
	v[n++] = r;
	while (r < t->nrows) {
		double space = (n == 1 ? first_avail : avail) - head, used = 0;
		size_t k = r;
		while (k < t->nrows && used + t->rows[k].h <= space + 0.01)
			used += t->rows[k++].h;
		if (k == r) {
			/* Not even one row: on the first page, start on the next one
			 * if a whole page can hold it; else it stands alone. */
			if (n == 1 && t->rows[r].h + head <= avail && first_avail < avail) {
				v = xgrow(v, &cap, n + 1, sizeof *v);
				v[n++] = r;
				continue;
			}
			used = t->rows[k++].h;
		}
		/* The tail goes with the last row; move that row on with it when
		 * the page has others, so that neither is left alone. */
		if (k == t->nrows && used + tail_h > space + 0.01 && k - r >= 2)
			k--;
		r = k;
		if (r < t->nrows) {
			v = xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = r;
		}
	}
	v = xgrow(v, &cap, n + 1, sizeof *v);
	v[n] = t->nrows;
	*starts = v;
	return n;
}

/* ---- drawing --------------------------------------------------------------------- */

static void draw_lines(Canvas *doc, const Table *t, const TCell *c, double x0, double top,
                       double h)
{
	double p = pitch_of(t, c), s = c->font.size;
	double block = (double)c->para.nlines * p;
	double first = c->middle && !c->sign ? top - (h - block) / 2 : top - vpad(t);
	for (size_t j = 0; j < c->para.nlines; j++) {
		const TsLine *ln = &c->para.lines[j];
		double base = first - (double)j * p - (p - s) / 2 - t->em_ascent * s;
		for (size_t k = 0; k < ln->npieces; k++) {
			const TsPiece *pc = &ln->pieces[k];
			canvas_textn(doc, c->run.role, s, x0 + c->x + t->style.padding + pc->x, base,
			          c->run.s + pc->off, pc->len, pc->spacing);
		}
	}
	if (!c->sign)
		return;
	/* 年 月 日 on the last line, two characters in from the right rule;
	 * the seal centred over it, as a 署名 over its date. */
	double bottom = top - h;
	double base = bottom + vpad(t) + (p - s) / 2 + (1 - t->em_ascent) * s;
	double right = x0 + c->x + c->w - t->style.padding - 2 * s;
	double dw = t->date_w, sw = t->seal_w;
	if (right - dw < x0 + c->x + t->style.padding) /* a narrow (half) cell */
		right = x0 + c->x + c->w - t->style.padding;
	canvas_text(doc, c->font.role, s, right - dw, base, t->date, 0);
	canvas_text(doc, c->font.role, s, right - dw / 2 - sw / 2, base + p, t->seal, 0);
}

double table_draw(Canvas *doc, const Table *t, double x, double y, size_t from, size_t to)
{
	double fr = t->style.frame, ru = t->style.rule;
	double width = 0;
	for (size_t k = 0; k < t->ncols; k++)
		width += t->colw[k];
	double right = x + width, top = y;
	bool first = true;
	size_t order[2][2] = {{0, t->nhead}, {from, to}};
	for (int part = 0; part < 2; part++) {
		for (size_t r = order[part][0]; r < order[part][1] && r < t->nrows; r++) {
			const TRow *row = &t->rows[r];
			double bottom = top - row->h;
			canvas_line(doc, x - fr / 2, top, right + fr / 2, top, first ? fr : ru);
			for (size_t i = 0; i < row->ncells; i++) {
				const TCell *c = &row->cells[i];
				if (i > 0)
					canvas_line(doc, x + c->x, top, x + c->x, bottom, ru);
				draw_lines(doc, t, c, x, top, row->h);
			}
			canvas_line(doc, x, top, x, bottom, fr);
			canvas_line(doc, right, top, right, bottom, fr);
			top = bottom;
			first = false;
		}
	}
	if (!first)
		canvas_line(doc, x - fr / 2, top, right + fr / 2, top, fr);
	return top;
}
