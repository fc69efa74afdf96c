/* form.c — an attachment of type form (申报表, 登记表) as a ruled table.
 *
 * Four columns: label | value | label | value.  A field is a row of its
 * label and a value box across the other three columns; two `width:
 * half` fields in a row share one.  `lines: N` makes the box N writing
 * lines tall; `sign: true` adds the 盖章 block, the seal and the date at
 * the box's bottom right.  A form is meant to be printed and handed out,
 * so it is fitted on one page when squeezing its writing lines (down to
 * the template's min-line) can do it; otherwise it breaks between rows,
 * which never splits a sign block because a field is a single row.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_int.h"
#include "layout_int.h"
#include "script.h"
#include "util.h"

/* The field that takes a unit's name: the one named like a unit, else
 * the first. */
static size_t unit_field(const Attachment *a)
{
	static const char *const names[] = {"申报单位", "单位", "单位名称"};
	for (size_t i = 0; i < a->nfields; i++)
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
			if (a->fields[i].name.s && !strcmp(a->fields[i].name.s, names[k]))
				return i;
	return 0;
}

/* Has d a glyph-missing finding at pos already (a unit's name drawn in
 * a ledger of the plan)? */
static bool glyph_found_at(const Diags *d, const char *path, Pos pos)
{
	for (size_t k = 0; k < d->n; k++)
		if (d->v[k].rule_id == R_GLYPH_MISSING && d->v[k].pos.line == pos.line &&
		    d->v[k].pos.col == pos.col && !strcmp(d->v[k].file, path))
			return true;
	return false;
}

bool form_units_glyphs(const Plan *p, const FontSet *fs, Diags *d)
{
	/* The roles a unit's name is set in, over every form copied per
	 * unit: its field's value font, and the 填报单位 line's font. */
	unsigned roles = 0;
	for (size_t i = 0; i < p->nattachments && p->units.n; i++) {
		const Attachment *a = &p->attachments[i];
		if (!att_type_per_unit(a->type) || !a->tpl || a->tpl->kind != TPL_FORM)
			continue;
		if (a->nfields)
			roles |= 1u << a->tpl->form.value.role;
		if (a->tpl->form.filler)
			roles |= 1u << a->tpl->form.filler_font.role;
	}
	bool ok = true;
	for (int r = 0; r < ROLE_COUNT; r++)
		for (size_t u = 0; (roles >> r & 1) && u < p->units.n; u++)
			if (p->units.v[u].s && !glyph_found_at(d, p->path, p->units.v[u].pos))
				ok &= layout_glyphs_ok(fs, (FontRole)r, p->units.v[u].s, p->path,
				                       p->units.v[u].pos, d);
	return ok;
}

/* What a row's height depends on: its writing lines and whether it
 * signs. */
typedef struct {
	int lines;
	bool sign;
} RowNeed;

static void set_heights(Table *t, const RowNeed *need, const TplForm *f, double line,
                        double cap)
{
	for (size_t r = 0; r < t->nrows; r++) {
		double h = f->row;
		if (need[r].sign) {
			int w = need[r].lines > f->sign_lines ? need[r].lines : f->sign_lines;
			h = w * line + 2 * f->value.size * f->cells.leading + f->cells.padding;
		} else if (need[r].lines > 1) {
			h = need[r].lines * line;
		}
		t->rows[r].min_h = h < cap ? h : cap;
	}
	table_heights(t);
}

/* Rows at the template's line height when they fit in avail, else at
 * the tallest line height down to min-line that fits; true when one
 * does.  When none does, the rows keep the template's line height. */
static bool fit(Table *t, const RowNeed *need, const TplForm *f, double avail, double cap)
{
	set_heights(t, need, f, f->line, cap);
	if (table_rows_h(t, 0, t->nrows) <= avail)
		return true;
	set_heights(t, need, f, f->line_min, cap);
	if (table_rows_h(t, 0, t->nrows) > avail) {
		set_heights(t, need, f, f->line, cap);
		return false;
	}
	double lo = f->line_min, hi = f->line;
	for (int k = 0; k < 30; k++) {
		double mid = (lo + hi) / 2;
		set_heights(t, need, f, mid, cap);
		if (table_rows_h(t, 0, t->nrows) <= avail)
			lo = mid;
		else
			hi = mid;
	}
	set_heights(t, need, f, lo, cap);
	return true;
}

/* A form that does not fit one page even at min-line: say so once (the
 * form is drawn in the plan, alone and once per unit), with how many
 * writing lines in all would fit.  The tallest boxes give up a line at
 * a time, the way an author would shorten them. */
static void overflow(AttCtx *c, Table *t, const RowNeed *need, const char *const *names,
                     const TplForm *f, double avail, double cap)
{
	size_t n = t->nrows;
	RowNeed *tmp = xmalloc((n ? n : 1) * sizeof *tmp);
	memcpy(tmp, need, n * sizeof *tmp);
	int total = 0, cut = 0;
	for (size_t r = 0; r < n; r++)
		total += need[r].lines > 1 ? need[r].lines : 1;
	bool fits = false;
	for (int guard = 0; guard <= total; guard++) {
		set_heights(t, tmp, f, f->line_min, cap);
		if (table_rows_h(t, 0, n) <= avail) {
			fits = true;
			break;
		}
		size_t best = n;
		for (size_t r = 0; r < n; r++) {
			int floor = tmp[r].sign ? f->sign_lines : 1;
			if (tmp[r].lines > floor && tmp[r].lines > 1 &&
			    (best == n || tmp[r].lines > tmp[best].lines))
				best = r;
		}
		if (best == n)
			break;
		tmp[best].lines--;
		cut++;
	}
	set_heights(t, need, f, f->line, cap);
	const char *title = c->a->title.s ? c->a->title.s : "";
	/* Once per attachment: the plan's copy, the attachment alone and
	 * every unit's copy draw the same form. */
	bool seen = false;
	for (size_t i = 0; i < c->d->n && !seen; i++)
		seen = c->d->v[i].rule_id == R_FORM_OVERFLOW && c->d->v[i].pos.line == c->a->pos.line &&
		       c->d->v[i].pos.col == c->a->pos.col;
	if (!seen) {
		if (fits) {
			size_t most = 0;
			for (size_t r = 1; r < n; r++)
				if (need[r].lines - tmp[r].lines > need[most].lines - tmp[most].lines)
					most = r;
			diag_add(c->d, c->p->path, c->a->pos, MSG_FORM_OVERFLOW, title, total,
			         total - cut, names[most] ? names[most] : "", need[most].lines,
			         tmp[most].lines);
		} else {
			diag_add(c->d, c->p->path, c->a->pos, MSG_FORM_OVERFLOW_FIELDS, title);
		}
	}
	free(tmp);
}

static void fill_cells(TCell *label, TCell *value, const Field *fd, const TplForm *f,
                       const char *unit)
{
	*label = (TCell){.text = fd->name.s, .font = f->label, .align = TS_CENTER,
	                 .middle = true, .span = 1, .pos = fd->name.pos};
	*value = (TCell){.text = unit, .font = f->value, .align = TS_LEFT,
	                 .middle = fd->lines <= 1 && !fd->sign, .span = 1, .sign = fd->sign,
	                 .pos = fd->pos};
}

/* 填报单位（盖章）：…  填报日期：  年  月  日, left and right, above the
 * table; when a long unit name leaves no room between them, the date
 * goes right-aligned on a line of its own (and a name longer than the
 * line wraps).  Returns the y of the bottom. */
static double filler(AttCtx *c, const TplForm *f, const char *unit, double y)
{
	Sheet *s = &c->sheet;
	const Geometry *g = s->g;
	TplFont ft = f->filler_font;
	const char *fu = script_text(c->p, f->filler_unit), *fd = script_text(c->p, f->filler_date);
	const char *left = unit ? att_keep(c, xasprintf("%s%s", fu, unit)) : fu;
	c->ok &= sheet_glyphs(s->fs, ft.role, left, c->p->path, c->a->pos, c->d);
	c->ok &= sheet_glyphs(s->fs, ft.role, fd, c->p->path, c->a->pos, c->d);
	double pitch = ft.size * f->cells.leading;
	double base = y - geo_line_pitch(g) / 2 - g->em_ascent * ft.size;
	TsRun run = {ft.role, left, strlen(left)};
	TsStyle st = {.size = ft.size, .width = s->width, .align = TS_LEFT};
	TsPara para = typeset(s->fs, &run, 1, &st);
	double last_w = 0;
	for (size_t j = 0; j < para.nlines; j++) {
		const TsLine *ln = &para.lines[j];
		if (j)
			base -= pitch;
		for (size_t k = 0; k < ln->npieces; k++)
			canvas_textn(s->doc, ft.role, ft.size, s->left + ln->pieces[k].x, base,
			          left + ln->pieces[k].off, ln->pieces[k].len, ln->pieces[k].spacing);
		last_w = ln->width;
	}
	double w = fontset_text_width(s->fs, ft.role, ft.size, fd, strlen(fd), 0);
	bool alone = last_w + 2 * ft.size + w > s->width;
	if (alone)
		base -= pitch;
	att_keep_filler(c, left, &para, fd, ft, pitch, alone, y - geo_line_pitch(g) / 2);
	tspara_free(&para);
	canvas_text(s->doc, ft.role, ft.size, s->left + s->width - w, base, fd, 0);
	return base - (1 - g->em_ascent) * ft.size;
}

double form_draw(AttCtx *c, const TplForm *f, const char *unit)
{
	Sheet *s = &c->sheet;
	const Attachment *a = c->a;
	double pitch = geo_line_pitch(s->g);
	double y = att_heading(c, f->title);
	if (f->filler)
		y = filler(c, f, unit, y);
	y -= f->filler ? pitch / 4 : pitch / 2;
	if (a->nfields == 0)
		return y;

	/* The label column: as wide as the longest label, within bounds. */
	double pad = f->cells.padding, lw = 0;
	for (size_t i = 0; i < a->nfields; i++) {
		const char *n = a->fields[i].name.s;
		double w = n ? fontset_text_width(s->fs, f->label.role, f->label.size, n, strlen(n), 0)
		             : 0;
		if (w > lw)
			lw = w;
	}
	if (lw < f->label_min * f->label.size)
		lw = f->label_min * f->label.size;
	if (lw > f->label_max * f->label.size)
		lw = f->label_max * f->label.size;
	lw += 2 * pad + 1;
	Table t;
	table_init(&t, 4, &f->cells);
	t.em_ascent = s->g->em_ascent;
	t.seal = script_text(c->p, f->seal);
	t.date = script_text(c->p, f->date);
	t.colw[0] = t.colw[2] = lw;
	t.colw[1] = t.colw[3] = (s->width - 2 * lw) / 2;

	size_t uf = unit ? unit_field(a) : a->nfields;
	RowNeed *need = xcalloc(a->nfields, sizeof *need);
	const char **names = xcalloc(a->nfields, sizeof *names);
	for (size_t i = 0; i < a->nfields; i++) {
		const Field *fd = &a->fields[i];
		bool pair = fd->width == WIDTH_HALF && i + 1 < a->nfields &&
		            a->fields[i + 1].width == WIDTH_HALF;
		TRow *row = table_add_row(&t, pair ? 4 : 2, f->row, false);
		RowNeed *rn = &need[t.nrows - 1];
		fill_cells(&row->cells[0], &row->cells[1], fd, f, i == uf ? unit : NULL);
		rn->lines = fd->lines;
		rn->sign = fd->sign;
		names[t.nrows - 1] = fd->name.s;
		if (pair) {
			const Field *f2 = &a->fields[++i];
			fill_cells(&row->cells[2], &row->cells[3], f2, f, i == uf ? unit : NULL);
			if (f2->lines > rn->lines) {
				rn->lines = f2->lines;
				names[t.nrows - 1] = f2->name.s;
			}
			rn->sign |= f2->sign;
		} else {
			row->cells[1].span = 3;
		}
	}
	c->ok &= table_measure(&t, s->fs, c->p->path, c->d);

	/* One page if the writing lines can be squeezed to fit it, leaving
	 * room for the 版记 when asked and possible.  No box is taller than
	 * the room under the title, so even a field of 40 lines starts on the
	 * first page and stays on one. */
	double avail = y - (s->top - s->height);
	double cap = avail > 2 * f->row ? avail : s->height - 1;
	if (!(c->reserve > 0 && fit(&t, need, f, avail - c->reserve, cap)) &&
	    !fit(&t, need, f, avail, cap))
		overflow(c, &t, need, names, f, avail, cap);
	double low = att_table(c, &t, y, NULL);
	free(names);
	free(need);
	table_free(&t);
	return low;
}
