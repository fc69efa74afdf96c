/* attach.c — one attachment on pages of its own; see attach.h. */
#include "attach_int.h"

#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "script.h"
#include "util.h"

char *attach_label(const Plan *p, size_t i, bool alone)
{
	const char *word = script_text(p, "附件");
	char *base = p->nattachments > 1 ? xasprintf("%s%zu", word, i + 1) : xstrdup(word);
	if (!alone || !p->doc_number.s)
		return base;
	char *s = xasprintf("%s%s", p->doc_number.s, base);
	free(base);
	return s;
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

/* The draw functions of attkinds.def, each after its template. */
static double draw_form(AttCtx *c, const Template *tpl, const char *unit)
{
	return form_draw(c, &tpl->form, unit);
}

static double draw_ledger(AttCtx *c, const Template *tpl, const char *unit)
{
	(void)unit;
	return ledger_draw(c, &tpl->table);
}

static double draw_scoresheet(AttCtx *c, const Template *tpl, const char *unit)
{
	(void)unit;
	return scoresheet_draw(c, &tpl->table);
}

static const struct {
	double (*draw)(AttCtx *c, const Template *tpl, const char *unit);
} kinds[] = {
#define ATT_KIND(id, name, tpl, draw, per_unit) [ATT_##id] = {draw},
#include "attkinds.def"
#undef ATT_KIND
};

void attshape_free(AttShape *s)
{
	if (!s)
		return;
	free(s->title);
	table_free(&s->table);
	free(s->starts);
	free(s->tail);
	for (size_t k = 0; k < s->nstrs; k++)
		free(s->strs[k]);
	free(s->strs);
	free(s);
}

bool attach_draw(const Plan *p, size_t i, const char *label, const char *unit,
                 const FontSet *fs, const Geometry *g, Canvas *doc, Flow *flow, Diags *d)
{
	return attach_draw_keep(p, i, label, unit, fs, g, doc, flow, d, NULL);
}

bool attach_draw_keep(const Plan *p, size_t i, const char *label, const char *unit,
                      const FontSet *fs, const Geometry *g, Canvas *doc, Flow *flow,
                      Diags *d, AttShape **keep)
{
	const Attachment *a = &p->attachments[i];
	if (keep)
		*keep = NULL;
	if (a->type == ATT_UNKNOWN || !kinds[a->type].draw)
		return text_attachment(p, i, label, fs, g, doc, flow, d);
	const Template *tpl = a->tpl; /* loaded by the resolve pass */
	if (!tpl)
		return false;
	bool landscape = tpl->kind != TPL_FORM && tpl->table.landscape;
	AttCtx c = {.sheet = sheet_make(doc, fs, g, landscape, flow->pages), .p = p, .a = a,
	            .label = label, .d = d, .ok = true,
	            .reserve = flow->reserve * geo_line_pitch(g)};
	if (keep) {
		c.keep = xcalloc(1, sizeof *c.keep);
		c.keep->landscape = landscape;
		c.keep->width = c.sheet.width;
	}
	double low = kinds[a->type].draw(&c, tpl, unit);
	/* An attachment printed alone on one page needs no number. */
	sheet_finish(&c.sheet, flow->pages == 0);
	if (keep)
		c.keep->numbered = !(flow->pages == 0 && c.sheet.pages == 1);
	flow->pages = c.sheet.number;
	/* The 版记 may follow on a portrait page, below a blank line. */
	flow->last_used = landscape ? g->lines : sheet_line_below(&c.sheet, low) - 1;
	if (keep) {
		/* the cells borrow these */
		c.keep->strs = c.strs;
		c.keep->nstrs = c.nstrs;
		*keep = c.keep;
		return c.ok;
	}
	for (size_t k = 0; k < c.nstrs; k++)
		free(c.strs[k]);
	free(c.strs);
	return c.ok;
}
