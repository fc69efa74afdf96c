/* scoresheet.c — an attachment of type scoresheet (评分表), from the
 * plan's criteria: a row per item (序号, 评分项目, 评分标准, 分值, and
 * empty 自评分 and 考评分 columns to be written in), a 合计 row whose
 * points are the criteria's total, and the rating bands stated under the
 * table ("评定等次：95分以上为五星级，90—94分为四星级，…").  Column names
 * and fonts come from the template.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_int.h"
#include "script.h"
#include "util.h"

/* One band as the plan states it (min and max: “90—94分”, min alone:
 * “95分以上”, max alone: “59分以下”; 以上 and 以下 include the number). */
static void band(Buf *b, const Rating *r)
{
	const char *name = r->name.s ? r->name.s : "";
	char lo[SCORE_STRLEN], hi[SCORE_STRLEN];
	score_str(lo, r->min.tenths);
	score_str(hi, r->max.tenths);
	if (r->min.set && r->max.set && r->min.tenths == r->max.tenths)
		buf_printf(b, "%s分为%s", lo, name);
	else if (r->min.set && r->max.set)
		buf_printf(b, "%s—%s分为%s", lo, hi, name);
	else if (r->min.set)
		buf_printf(b, "%s分以上为%s", lo, name);
	else if (r->max.set)
		buf_printf(b, "%s分以下为%s", hi, name);
	else
		buf_puts(b, name);
}

/* The text under the table: the bands, then (template <sign>) the line
 * for the reviewer and the date. */
static char *tail_text(const Plan *p, const Criteria *cr, const TplTable *tt)
{
	Buf b = {0};
	if (cr->nratings) {
		buf_puts(&b, script_text(p, tt->bands_lead));
		for (size_t i = 0; i < cr->nratings; i++) {
			if (i)
				buf_puts(&b, "，");
			band(&b, &cr->ratings[i]);
		}
		buf_puts(&b, "。");
	}
	if (tt->sign_show) {
		if (b.len)
			buf_puts(&b, "\n");
		buf_printf(&b, "%s　　　　　　%s", script_text(p, tt->sign_reviewer),
		           script_text(p, tt->sign_date));
	}
	buf_cstr(&b);
	return b.s;
}

static TCell cell(const char *text, TplFont font, TsAlign align, Pos pos)
{
	return (TCell){.text = text, .font = font, .align = align, .middle = true, .span = 1,
	               .pos = pos};
}

double scoresheet_draw(AttCtx *c, const TplTable *tt)
{
	Sheet *s = &c->sheet;
	const Criteria *cr = &c->p->criteria;
	Pos apos = c->a->pos;
	double y = att_heading(c, tt->title) - geo_line_pitch(s->g) / 2;
	if (tt->sign_show) {
		/* 被考评单位： over the table, left, to be written after. */
		const char *unit = script_text(c->p, tt->sign_unit);
		c->ok &= sheet_glyphs(s->fs, tt->bands.role, unit, c->p->path, apos, c->d);
		canvas_text(s->doc, tt->bands.role, tt->bands.size, s->left,
		            y - s->g->em_ascent * tt->bands.size, unit, 0);
		y -= tt->bands.size * 1.5 + geo_line_pitch(s->g) / 4;
	}
	Table t;
	table_init(&t, 6, &tt->cells);
	t.em_ascent = s->g->em_ascent;
	const char *names[6] = {tt->col_no, tt->col_item, tt->col_standard,
	                        tt->col_points, tt->col_self, tt->col_review};
	for (size_t k = 0; k < 6; k++)
		names[k] = script_text(c->p, names[k]);
	TRow *head = table_add_row(&t, 6, 0, true);
	for (size_t k = 0; k < 6; k++)
		head->cells[k] = cell(names[k], tt->head, TS_CENTER, apos);
	long long sum = 0; /* tenths; items are within ±1e10 tenths each */
	char num[SCORE_STRLEN];
	for (size_t i = 0; i < cr->nitems; i++) {
		const CriteriaItem *it = &cr->items[i];
		TRow *row = table_add_row(&t, 6, tt->row_min, false);
		TCell *v = row->cells;
		v[0] = cell(att_keep(c, xasprintf("%zu", i + 1)), tt->cell, TS_CENTER, it->pos);
		v[1] = cell(it->name.s, tt->cell, TS_CENTER, it->name.pos);
		v[2] = cell(it->standard.s, tt->cell, TS_LEFT, it->standard.pos);
		v[3] = cell(it->points.set ? att_keep(c, xstrdup(score_str(num, it->points.tenths))) : NULL,
		            tt->cell, TS_CENTER, it->points.pos);
		v[4] = cell(NULL, tt->cell, TS_CENTER, it->pos);
		v[5] = cell(NULL, tt->cell, TS_CENTER, it->pos);
		sum += it->points.set ? it->points.tenths : 0;
	}
	long long total = cr->total.set ? cr->total.tenths : sum;
	TRow *row = table_add_row(&t, 4, tt->row_min, false);
	row->cells[0] = cell(script_text(c->p, tt->total), tt->head, TS_CENTER, apos);
	row->cells[0].span = 3;
	row->cells[1] = cell(att_keep(c, xstrdup(score_str(num, total))), tt->cell, TS_CENTER,
	                     cr->total.pos);
	row->cells[2] = cell(NULL, tt->cell, TS_CENTER, apos);
	row->cells[3] = cell(NULL, tt->cell, TS_CENTER, apos);
	table_fit(&t, s->fs, s->width, tt->fill_chars * tt->cell.size, tt->fill_fair);
	c->ok &= table_measure(&t, s->fs, c->p->path, c->d);

	Tail tail = {.size = tt->bands.size, .pitch = tt->bands.size * 1.5,
	             .gap = geo_line_pitch(s->g) / 2};
	char *text = NULL;
	if (cr->nratings || tt->sign_show) {
		text = tail_text(c->p, cr, tt);
		c->ok &= sheet_glyphs(s->fs, tt->bands.role, text, c->p->path, cr->ratings_pos, c->d);
		tail.run = (TsRun){tt->bands.role, text, strlen(text)};
		/* Band names are kept whole (words.h, and the names themselves). */
		const char **keep = xcalloc(cr->nratings + 1, sizeof *keep);
		for (size_t i = 0; i < cr->nratings; i++)
			keep[i] = cr->ratings[i].name.s;
		TsStyle st = {.size = tail.size, .width = s->width, .align = TS_JUSTIFY,
		              .first_indent = cr->nratings ? 2 * tail.size : 0, .words = true,
		              .keep = keep, .nkeep = cr->nratings};
		tail.para = typeset(s->fs, &tail.run, 1, &st);
		free(keep);
	}
	double low = att_table(c, &t, y, text ? &tail : NULL);
	tspara_free(&tail.para);
	free(text);
	table_free(&t);
	return low;
}
