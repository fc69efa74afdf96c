/* ledger.c — an attachment of type ledger (台账) as a ruled table.
 *
 * The columns are the attachment's; the rows come from `rows`:
 *   units      a row per unit, its name in the column named 单位 (or
 *              单位名称, 申报单位, 填报单位), else in the second column;
 *   criteria   a row per item: its points in a column named 分值 (分数,
 *              满分, 标准分), its name and standard in the first two other
 *              columns;
 *   deadlines  a row per deadline: name, due date, by and to go to the
 *              columns named for them (事项/时间/报送单位/报送至 …), the
 *              rest to the remaining columns in that order;
 *   a list     each row's cells in order.
 * A column named 序号 is numbered (a literal row with one cell fewer than
 * there are columns gets its number there).  The other cells stay empty,
 * to be written in: those columns get room when the page has it.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_int.h"
#include "script.h"
#include "util.h"

#define NONE ((size_t)-1)

/* The first column whose name is one of names, not yet taken; a plan in
 * traditional characters may write them so (序號 for 序号). */
static size_t column_named(const Plan *p, const StrList *cols, const char *const *names,
                           const bool *taken)
{
	for (size_t k = 0; k < cols->n; k++)
		for (size_t j = 0; names[j]; j++)
			if (!taken[k] && cols->v[k].s &&
			    (!strcmp(cols->v[k].s, names[j]) ||
			     !strcmp(cols->v[k].s, script_text(p, names[j]))))
				return k;
	return NONE;
}

static size_t first_free(const StrList *cols, const bool *taken)
{
	for (size_t k = 0; k < cols->n; k++)
		if (!taken[k])
			return k;
	return NONE;
}

static const char *const number_names[] = {"序号", "编号", NULL};
static const char *const unit_names[] = {"单位", "单位名称", "申报单位", "填报单位", NULL};
static const char *const points_names[] = {"分值", "分数", "满分", "标准分", NULL};
static const char *const dl_names[4][9] = {
	{"事项", "任务", "工作任务", "名称", "节点", "报送事项", "内容", NULL},
	{"时间", "时限", "截止时间", "截止日期", "完成时限", "完成时间", "报送时间", "日期", NULL},
	{"报送单位", "责任单位", "牵头单位", "单位", "责任人", NULL},
	{"报送对象", "接收单位", "报送至", "报送给", NULL},
};
static const char *const form_names[] = {"报送材料", "材料", "附件", NULL};

/* Columns when the attachment lists none: what the rows need. */
static StrList default_columns(const Plan *p, const Attachment *a, Str *store)
{
	static const char *const by_source[][6] = {
		[ROWS_NONE] = {"序号", "内容", NULL},
		[ROWS_UNITS] = {"序号", "单位", "备注", NULL},
		[ROWS_CRITERIA] = {"序号", "项目", "标准", "分值", NULL},
		[ROWS_DEADLINES] = {"序号", "事项", "时间", "报送单位", "报送至", NULL},
		[ROWS_LITERAL] = {"序号", "内容", NULL},
	};
	StrList l = {store, 0, a->pos};
	for (size_t k = 0; by_source[a->rows_from][k]; k++)
		store[l.n++] = (Str){(char *)script_text(p, by_source[a->rows_from][k]), a->pos};
	return l;
}

/* A body row's cells, all empty, to be filled. */
static TCell *body_row(Table *t, const TplTable *tt, size_t ncols, const size_t *centred)
{
	TRow *row = table_add_row(t, ncols, tt->row_min, false);
	for (size_t k = 0; k < ncols; k++)
		row->cells[k] = (TCell){.font = tt->cell, .align = TS_LEFT, .middle = true, .span = 1};
	for (size_t j = 0; j < 2; j++)
		if (centred[j] != NONE)
			row->cells[centred[j]].align = TS_CENTER;
	return row->cells;
}

static void set(TCell *cells, size_t k, const char *text, Pos pos)
{
	if (k == NONE)
		return;
	cells[k].text = text;
	cells[k].pos = pos;
}

static void add_rows(AttCtx *c, Table *t, const TplTable *tt, const StrList *cols)
{
	const Plan *p = c->p;
	const Attachment *a = c->a;
	size_t n = cols->n;
	bool *taken = xcalloc(n, sizeof *taken);
	size_t num = column_named(p, cols, number_names, taken);
	if (num != NONE)
		taken[num] = true;
	size_t pts = NONE;
	if (a->rows_from == ROWS_CRITERIA && (pts = column_named(p, cols, points_names, taken)) != NONE)
		taken[pts] = true;
	size_t centred[2] = {num, pts};
	size_t count = 0;
	switch (a->rows_from) {
	case ROWS_UNITS: {
		size_t k = column_named(p, cols, unit_names, taken);
		if (k == NONE)
			k = n > 1 ? 1 : 0;
		for (size_t i = 0; i < p->units.n; i++) {
			TCell *cells = body_row(t, tt, n, centred);
			set(cells, k, p->units.v[i].s, p->units.v[i].pos);
		}
		count = p->units.n;
		break;
	}
	case ROWS_CRITERIA: {
		size_t kn = first_free(cols, taken);
		if (kn != NONE)
			taken[kn] = true;
		size_t ks = first_free(cols, taken);
		for (size_t i = 0; i < p->criteria.nitems; i++) {
			const CriteriaItem *it = &p->criteria.items[i];
			TCell *cells = body_row(t, tt, n, centred);
			set(cells, kn, it->name.s, it->name.pos);
			set(cells, ks, it->standard.s, it->standard.pos);
			char num[SCORE_STRLEN];
			if (it->points.set)
				set(cells, pts, att_keep(c, xstrdup(score_str(num, it->points.tenths))),
				    it->points.pos);
		}
		count = p->criteria.nitems;
		break;
	}
	case ROWS_DEADLINES: {
		/* Named columns first, then the fields left over in order. */
		size_t k[4];
		for (int f = 0; f < 4; f++)
			if ((k[f] = column_named(p, cols, dl_names[f], taken)) != NONE)
				taken[k[f]] = true;
		size_t kf = column_named(p, cols, form_names, taken);
		if (kf != NONE)
			taken[kf] = true;
		for (int f = 0; f < 4; f++)
			if (k[f] == NONE && (k[f] = first_free(cols, taken)) != NONE)
				taken[k[f]] = true;
		for (size_t i = 0; i < p->ndeadlines; i++) {
			const Deadline *dl = &p->deadlines[i];
			TCell *cells = body_row(t, tt, n, centred);
			set(cells, k[0], dl->name.s, dl->name.pos);
			if (dl->due.day != DAY_NONE) {
				char due[32];
				day_format_cn(dl->due.day, due);
				set(cells, k[1], att_keep(c, xstrdup(due)), dl->due.pos);
			}
			set(cells, k[2], dl->by.s, dl->by.pos);
			set(cells, k[3], dl->to.s, dl->to.pos);
			if (kf != NONE && dl->form_att >= 0) {
				const Attachment *fa = &p->attachments[dl->form_att];
				char *label = attach_label(p, (size_t)dl->form_att, false);
				set(cells, kf,
				    att_keep(c, xasprintf("%s（%s）", fa->title.s ? fa->title.s : "", label)),
				    dl->form.pos);
				free(label);
			}
		}
		count = p->ndeadlines;
		break;
	}
	case ROWS_LITERAL:
		for (size_t i = 0; i < a->nrows; i++) {
			const StrList *r = &a->rows[i].cells;
			TCell *cells = body_row(t, tt, n, centred);
			bool numbered = num != NONE && r->n + 1 == n;
			for (size_t j = 0, k = 0; j < r->n && k < n; k++) {
				if (numbered && k == num)
					continue;
				set(cells, k, r->v[j].s, r->v[j].pos);
				j++;
			}
			if (numbered)
				set(cells, num, att_keep(c, xasprintf("%zu", i + 1)), r->pos);
		}
		break;
	case ROWS_NONE:
		break;
	}
	/* Generated rows are numbered. */
	if (num != NONE && a->rows_from != ROWS_LITERAL)
		for (size_t i = 0; i < count; i++)
			t->rows[t->nhead + i].cells[num].text = att_keep(c, xasprintf("%zu", i + 1));
	free(taken);
}

/* A body row with an empty cell (to be written in) is tall enough for
 * the template's writing lines. */
static void write_room(Table *t, const TplTable *tt)
{
	double h = tt->write_lines * tt->write_line;
	for (size_t r = t->nhead; r < t->nrows; r++) {
		TRow *row = &t->rows[r];
		bool empty = false;
		for (size_t k = 0; k < row->ncells; k++)
			empty |= !row->cells[k].text || !*row->cells[k].text;
		if (empty && row->min_h < h)
			row->min_h = h;
	}
}

double ledger_draw(AttCtx *c, const TplTable *tt)
{
	Sheet *s = &c->sheet;
	const Attachment *a = c->a;
	double y = att_heading(c, tt->title) - geo_line_pitch(s->g) / 2;
	Str store[8];
	StrList cols = a->columns.n ? a->columns : default_columns(c->p, a, store);
	Table t;
	table_init(&t, cols.n, &tt->cells);
	t.em_ascent = s->g->em_ascent;
	TRow *head = table_add_row(&t, cols.n, 0, true);
	for (size_t k = 0; k < cols.n; k++)
		head->cells[k] = (TCell){.text = cols.v[k].s, .font = tt->head, .align = TS_CENTER,
		                         .middle = true, .span = 1, .pos = cols.v[k].pos};
	add_rows(c, &t, tt, &cols);
	table_fit(&t, s->fs, s->width, tt->fill_chars * tt->cell.size, tt->fill_fair);
	write_room(&t, tt);
	c->ok &= table_measure(&t, s->fs, c->p->path, c->d);
	double low = att_table(c, &t, y, NULL);
	table_free(&t);
	return low;
}
