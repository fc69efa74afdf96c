/* draw.c — the paginated column onto the canvas: the placed parts (版头,
 * signature block; parts.h), lines on the grid, ruled tables, page
 * numbers, and the 版记 at the foot of the last (even) page. */
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "sheet.h"
#include "util.h"

static void red(Canvas *doc, const Geometry *g)
{
	canvas_fill_cmyk(doc, g->red_c, g->red_m, g->red_y, g->red_k);
	canvas_stroke_cmyk(doc, g->red_c, g->red_m, g->red_y, g->red_k);
}

static void black(Canvas *doc)
{
	canvas_fill_cmyk(doc, 0, 0, 0, 1);
	canvas_stroke_cmyk(doc, 0, 0, 0, 1);
}

/* Baseline of text of size pt on grid line slot: the em box centred on
 * the body text's em box there. */
static double baseline(const Geometry *g, int slot, double size)
{
	return geo_baseline(g, slot) + (g->em_ascent - 0.5) * (g->size_body - size);
}

/* The rule between grid lines k-1 and k: halfway through the gap. */
static double rule_y(const Geometry *g, int k)
{
	double pitch = geo_line_pitch(g);
	double y = geo_body_top(g) - k * pitch + (pitch - g->size_body) / 2;
	if (y > geo_body_top(g))
		y = geo_body_top(g);
	if (y < geo_body_bottom(g))
		y = geo_body_bottom(g);
	return y;
}

static void draw_tsline(Canvas *doc, const TsRun *runs, const TsLine *ln, double x0,
                        double y, double size)
{
	for (size_t k = 0; k < ln->npieces; k++) {
		const TsPiece *pc = &ln->pieces[k];
		const TsRun *r = &runs[pc->run];
		canvas_textn(doc, r->role, size, x0 + pc->x, y, r->s + pc->off, pc->len, pc->spacing);
	}
}

static void draw_row(Canvas *doc, const Geometry *g, const Line *l)
{
	double left = g->margin_left;
	double top = rule_y(g, l->slot), bottom = rule_y(g, l->slot + l->slots);
	const double lw = 0.5;
	for (size_t k = 0; k < l->ncells; k++) {
		const Cell *c = &l->cells[k];
		double pad = c->size / 2;
		for (size_t j = 0; j < c->para.nlines; j++)
			draw_tsline(doc, c->runs, &c->para.lines[j], left + c->x + pad,
			            baseline(g, l->slot + (int)j, c->size), c->size);
		canvas_line(doc, left + c->x, top, left + c->x, bottom, lw);
	}
	double right = left + g->body_w;
	canvas_line(doc, right, top, right, bottom, lw);
	canvas_line(doc, left, top, right, top, lw);
	canvas_line(doc, left, bottom, right, bottom, lw);
}

/* The placed parts of page pg (parts.h): the 版头, the signature block;
 * the seal places only when the template asks for guides. */
static void draw_parts(Canvas *doc, const Geometry *g, const Parts *ps, int pg)
{
	for (size_t i = 0; i < ps->n; i++) {
		const Part *p = &ps->v[i];
		if (p->page != pg || p->anchor >= 0)
			continue;
		if (p->red)
			red(doc, g);
		switch (p->kind) {
		case PART_TEXT:
			if (p->hscale > 0 && p->hscale != 1)
				canvas_text_scaled(doc, p->role, p->size, p->x, p->y, p->text, p->hscale);
			else
				canvas_text(doc, p->role, p->size, p->x, p->y, p->text, p->spacing);
			break;
		case PART_RULE:
			canvas_line(doc, p->x, p->y, p->x2, p->y2, p->w);
			break;
		case PART_SEAL:
			if (g->seal_guide)
				canvas_rect(doc, p->x, p->y, p->w, p->h, CV_STROKE, 0.5);
			break;
		}
		if (p->red)
			black(doc);
	}
}

/* The 版记 on the current page (§7.4): rows of one line pitch up from
 * the 版心's bottom edge, where its last rule lies (§7.4.1); a thick rule
 * above the first row and below the last, a thin one between the 抄送
 * and the 印发 rows; each line's em box centred in its row. */
static void draw_record(Canvas *doc, const Geometry *g, const Record *r)
{
	double size = g->size_small, left = g->margin_left, right = left + g->body_w;
	double pitch = geo_line_pitch(g), bottom = geo_body_bottom(g);
	double top = bottom + r->slots * pitch;
	double lift = (g->em_ascent - 0.5) * size; /* em box centre to baseline */
	if (!r->plain)
		canvas_line(doc, left, top, right, top, g->record_thick);
	int row = 0;
	for (size_t j = 0; j < r->cc_para.nlines; j++, row++)
		draw_tsline(doc, &r->cc_run, &r->cc_para.lines[j], left,
		            top - (row + 0.5) * pitch - lift, size);
	if (r->cc && (r->printer || r->printed))
		canvas_line(doc, left, top - row * pitch, right, top - row * pitch, g->record_thin);
	for (size_t j = 0; j < r->printer_para.nlines; j++)
		draw_tsline(doc, &r->printer_run, &r->printer_para.lines[j], left,
		            top - (row + (double)j + 0.5) * pitch - lift, size);
	if (r->printed) {
		/* On the 印发机关's last line. */
		int last = row + (r->printer_para.nlines ? (int)r->printer_para.nlines - 1 : 0);
		canvas_text(doc, ROLE_BODY, size, left + r->printed_x,
		            top - (last + 0.5) * pitch - lift, r->printed, 0);
	}
	if (!r->plain)
		canvas_line(doc, left, bottom, right, bottom, g->record_thick);
}

int draw_column(Canvas *doc, const FontSet *fs, const Geometry *g, const Column *col,
                int pages, int first_number, const Parts *parts)
{
	/* The lines of each page, in column order, by one counting pass:
	 * start[pg]..start[pg + 1] in order[] (linear in lines + pages; a scan
	 * of every line for every page made a long body quadratic). */
	size_t np = pages > 0 ? (size_t)pages : 0;
	size_t *start = xcalloc(np + 1, sizeof *start);
	size_t *order = xcalloc(col->n ? col->n : 1, sizeof *order);
	for (size_t i = 0; i < col->n; i++)
		if (col->v[i].page >= 0 && col->v[i].page < pages && col->v[i].slot >= 0)
			start[col->v[i].page + 1]++;
	for (size_t pg = 0; pg < np; pg++)
		start[pg + 1] += start[pg];
	size_t *fill = xcalloc(np ? np : 1, sizeof *fill);
	for (size_t i = 0; i < col->n; i++)
		if (col->v[i].page >= 0 && col->v[i].page < pages && col->v[i].slot >= 0) {
			size_t pg = (size_t)col->v[i].page;
			order[start[pg] + fill[pg]++] = i;
		}
	free(fill);

	int last_used = -1; /* last slot used on the last page */
	for (int pg = 0; pg < pages; pg++) {
		canvas_add_page(doc, g->page_w, g->page_h);
		if (parts)
			draw_parts(doc, g, parts, pg);
		for (size_t k = start[pg]; k < start[pg + 1]; k++) {
			const Line *l = &col->v[order[k]];
			if (l->kind == LN_TEXT) {
				if (l->red)
					red(doc, g);
				draw_tsline(doc, l->runs, &l->line, g->margin_left + l->x,
				            baseline(g, l->slot, l->size), l->size);
				if (l->red)
					black(doc);
			} else if (l->kind == LN_ROW) {
				draw_row(doc, g, l);
			}
			if (pg == pages - 1 && l->slot + l->slots - 1 > last_used)
				last_used = l->slot + l->slots - 1;
		}
		if (first_number + pg > 1 || g->number_first_page)
			sheet_page_number(doc, fs, g, first_number + pg, false);
	}
	free(order);
	free(start);
	return last_used;
}

RecordPlace record_place(const Geometry *g, const Record *rec, int pages, int last_used)
{
	if (!rec->present)
		return RECORD_NONE;
	/* The last page when it has room (a blank line above) and is even,
	 * else the next even page, with a blank page between when needed. */
	bool room = last_used + 1 + rec->slots < g->lines;
	if (room && (!g->record_on_even || pages % 2 == 0))
		return RECORD_LAST_PAGE;
	return g->record_on_even && pages % 2 == 0 ? RECORD_AFTER_BLANK : RECORD_NEXT_PAGE;
}

void draw_record_last(Canvas *doc, const Geometry *g, const Record *rec,
                      int pages, int last_used)
{
	/* The pages added for the 版记 carry no number. */
	switch (record_place(g, rec, pages, last_used)) {
	case RECORD_NONE:
		return;
	case RECORD_AFTER_BLANK:
		canvas_add_page(doc, g->page_w, g->page_h); /* blank, odd */
		/* fall through */
	case RECORD_NEXT_PAGE:
		canvas_add_page(doc, g->page_w, g->page_h);
		break;
	case RECORD_LAST_PAGE:
		break;
	}
	draw_record(doc, g, rec);
}
