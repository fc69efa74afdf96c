/* sheet.c — attachment pages, portrait or landscape; see sheet.h. */
#include "sheet.h"

#include <stdlib.h>
#include <string.h>

#include "title.h"
#include "typeset.h"
#include "util.h"

Sheet sheet_make(Canvas *doc, const FontSet *fs, const Geometry *g, bool landscape, int after)
{
	Sheet s = {.doc = doc, .fs = fs, .g = g, .landscape = landscape, .number = after};
	if (!landscape) {
		s.page_w = g->page_w;
		s.page_h = g->page_h;
		s.left = g->margin_left;
		s.top = g->page_h - g->margin_top;
		s.width = g->body_w;
		s.height = g->body_h;
	} else {
		/* The portrait page turned a quarter clockwise for reading: its
		 * bottom edge becomes the left, its left edge (订口) the top. */
		s.page_w = g->page_h;
		s.page_h = g->page_w;
		s.left = g->page_h - g->margin_top - g->body_h;
		s.top = g->page_w - g->margin_left;
		s.width = g->body_h;
		s.height = g->body_w;
	}
	return s;
}

/* A page's number is drawn when the sheet leaves it, so that the last
 * can be left out (sheet_finish). */
void sheet_page(Sheet *s)
{
	if (s->pages > 0)
		sheet_page_number(s->doc, s->fs, s->g, s->number, s->landscape);
	canvas_add_page(s->doc, s->page_w, s->page_h);
	s->number++;
	s->pages++;
}

void sheet_finish(Sheet *s, bool alone)
{
	if (s->pages > 0 && !(alone && s->pages == 1))
		sheet_page_number(s->doc, s->fs, s->g, s->number, s->landscape);
}

double sheet_line_top(const Sheet *s, int k)
{
	return s->top - k * geo_line_pitch(s->g);
}

double sheet_baseline(const Sheet *s, int k, double size)
{
	const Geometry *g = s->g;
	return sheet_line_top(s, k) - g->em_ascent * g->size_body +
	       (g->em_ascent - 0.5) * (g->size_body - size);
}

int sheet_line_below(const Sheet *s, double y)
{
	double pitch = geo_line_pitch(s->g);
	int k = (int)((s->top - y) / pitch);
	if (k < 0)
		k = 0;
	while (k < s->g->lines && sheet_line_top(s, k) > y)
		k++;
	return k;
}

void sheet_page_number(Canvas *doc, const FontSet *fs, const Geometry *g, int n, bool landscape)
{
	char s[32];
	snprintf(s, sizeof s, "— %d —", n);
	double size = g->size_small;
	double w = fontset_text_width(fs, ROLE_PAGENUM, size, s, strlen(s), 0);
	/* Where it goes on the portrait page. */
	double y = g->page_h - g->margin_top - g->body_h - g->pagenum_drop -
	           (g->em_ascent - 0.5) * size;
	double x = n % 2 ? g->margin_left + g->body_w - size - w : g->margin_left + size;
	if (!landscape) {
		canvas_text(doc, ROLE_PAGENUM, size, x, y, s, 0);
		return;
	}
	/* The same spot of the paper on the turned page: portrait (x, y) is
	 * landscape (y, page width − x), and the text runs downwards. */
	canvas_text_turned(doc, ROLE_PAGENUM, size, y, g->page_w - x, s, -1);
}

bool sheet_glyphs(const FontSet *fs, FontRole role, const char *s, const char *file, Pos pos,
                  Diags *d)
{
	if (!s)
		return true;
	size_t off;
	uint32_t cp = fontset_first_missing(fs, role, s, strlen(s), &off);
	if (!cp)
		return true;
	char ch[8] = {0};
	utf8_encode(cp, ch);
	diag_add(d, file, pos, MSG_GLYPH_MISSING, ch, cp, font_role_name(role));
	return false;
}

double sheet_heading(Sheet *s, const char *label, const char *title, FontRole title_role,
                     double title_size, const Plan *plan, Pos pos, Diags *d, bool *ok)
{
	const Geometry *g = s->g;
	*ok &= sheet_glyphs(s->fs, ROLE_H1, label, plan->path, pos, d);
	canvas_text(s->doc, ROLE_H1, g->size_body, s->left, sheet_baseline(s, 0, g->size_body), label,
	         0);
	double bottom = sheet_line_top(s, 0) - g->size_body;
	if (!title || !*title)
		return bottom;
	*ok &= sheet_glyphs(s->fs, title_role, title, plan->path, pos, d);
	char *text = title_broken(s->fs, title_role, title_size, s->width, title, plan);
	TsRun run = {title_role, text, strlen(text)};
	TsStyle st = {.size = title_size, .width = s->width, .pitch = title_size,
	              .align = TS_CENTER};
	TsPara para = typeset(s->fs, &run, 1, &st);
	for (size_t j = 0; j < para.nlines; j++) {
		const TsLine *ln = &para.lines[j];
		double base = sheet_baseline(s, 2 + (int)j, title_size);
		for (size_t k = 0; k < ln->npieces; k++) {
			const TsPiece *pc = &ln->pieces[k];
			canvas_textn(s->doc, title_role, title_size, s->left + pc->x, base,
			          text + pc->off, pc->len, pc->spacing);
		}
		bottom = base - (1 - g->em_ascent) * title_size;
	}
	tspara_free(&para);
	free(text);
	return bottom;
}
