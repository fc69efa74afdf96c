/* resolve.c — the pass between reading and checking that completes the
 * model, so that the checker and every renderer read one answer instead
 * of each working it out (see plan_resolve in model.h):
 *   - heading numbers: every heading and numbered run-in head gets its
 *     level, the number printed and the number the sequence wanted;
 *   - the 附件说明 paragraph is marked;
 *   - each deadline's `form` is linked to its attachment;
 *   - phases get their implied start and end dates (spec 1.1);
 *   - templates are loaded and validated, so `check` reports every
 *     `template` finding that `build` would.
 */
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "template.h"
#include "util.h"

/* ---- heading numbers ---- */

typedef struct {
	int count[5];     /* per level 1..4: the last number used */
	char last[5][32]; /* the number last written or printed there */
	int alt[5];       /* after a wrong number: its written value (see
	                     number_take), else 0 */
	int level;        /* level of the last Markdown heading, 0 before any */
} Numbering;

static void restart_below(Numbering *n, int level)
{
	for (int l = level + 1; l <= 4; l++) {
		n->count[l] = 0;
		n->alt[l] = 0;
		n->last[l][0] = '\0';
	}
}

/* Take a number (written or supplied) at level into the sequence.  One
 * mistake is one finding: a wrong number is taken as a slip for the one
 * wanted (（三） written as （五）), so the next is judged against that;
 * unless the next one follows the wrong number, which shows that a
 * number was skipped (一、二、四、五: only 四、 is wrong). */
static void number_take(Numbering *n, HeadRes *h)
{
	int l = h->level;
	h->counted = true;
	h->expect = n->count[l] + 1;
	snprintf(h->prev, sizeof h->prev, "%s", n->last[l]);
	if (!h->written) {
		h->value = h->expect;
		headnum_format(h->style, h->value, h->text);
	} else if (h->value != h->expect && n->alt[l] && h->value == n->alt[l] + 1) {
		h->expect = h->value;
	}
	bool wrong = h->value != h->expect;
	n->count[l] = wrong ? h->expect : h->value;
	n->alt[l] = wrong ? h->value : 0;
	snprintf(n->last[l], sizeof n->last[l], "%s", h->text);
	restart_below(n, l);
}

/* A Markdown heading: ## is level 1 … ##### level 4; # and ###### are
 * set (and numbered) as the nearest of those. */
static void resolve_heading(Numbering *n, Block *b)
{
	HeadRes *h = &b->head;
	h->level = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;
	n->level = h->level;
	if (b->number) {
		HeadNum w = headnum_parse(b->number, strlen(b->number));
		h->written = true;
		h->style = w.style;
		h->value = b->number_value;
		snprintf(h->text, sizeof h->text, "%s", b->number);
	} else {
		h->style = headnum_style_for_level(h->level);
	}
	number_take(n, h);
}

/* h is the number w written at the start of t, at level. */
static void written_at_start(HeadRes *h, const HeadNum *w, const Text *t, int level)
{
	h->level = level;
	h->written = true;
	h->style = w->style;
	h->value = w->value;
	size_t len = w->len;
	while (len > 0 && t->s[len - 1] == ' ')
		len--;
	snprintf(h->text, sizeof h->text, "%.*s", (int)len, t->s);
}

/* A paragraph's bold run-in head: a number (**（一）工作目标。**) puts
 * it in the sequence at the level its style implies, but only below the
 * current heading; its font is that level's, or, unnumbered, the level
 * below the current heading. */
static void resolve_runin(Numbering *n, Block *b)
{
	const Text *t = &b->runin;
	HeadRes *h = &b->head;
	HeadNum w = headnum_parse(t->s, t->len);
	int level = headnum_level_of_style(w.style);
	if (level == 0) {
		h->level = n->level + 1 > 4 ? 4 : n->level + 1;
		return;
	}
	written_at_start(h, &w, t, level);
	if (level > n->level)
		number_take(n, h);
}

/* A paragraph of the body's top level that reads like a numbered
 * heading typed as plain text ("一、指导思想" without ##): one short line
 * with no sentence in it.  It takes its place in the numbering like the
 * heading it should be, and the checker asks for the ## (plain). */
static void resolve_plain(Numbering *n, Block *b)
{
	const Text *t = &b->text;
	HeadNum w = headnum_parse(t->s, t->len);
	int level = headnum_level_of_style(w.style);
	if (level == 0 || w.len >= t->len || utf8_count(t->s, t->len) > 30 ||
	    strstr(t->s, "。") || strchr(t->s, '\n') ||
	    (t->nsegs && t->segs[0].line != t->segs[t->nsegs - 1].line))
		return;
	HeadRes *h = &b->head;
	h->plain = true;
	written_at_start(h, &w, t, level);
	n->level = level;
	number_take(n, h);
}

static bool starts_with(const Text *t, const char *lit)
{
	size_t l = strlen(lit);
	return t->s && t->len >= l && memcmp(t->s, lit, l) == 0;
}

typedef struct {
	Numbering *num;
	const Block *root;
} Walk;

/* Is b one of the body's top-level blocks? */
static bool is_top(const Walk *w, const Block *b)
{
	/* The body's kids are in document order; b is one of them when the
	 * search finds it (the check costs a binary search, not a scan). */
	const Block *r = w->root;
	size_t lo = 0, hi = r->nkids;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const Block *k = r->kids[mid];
		if (k == b)
			return true;
		if (k->pos.line < b->pos.line ||
		    (k->pos.line == b->pos.line && k->pos.col < b->pos.col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static void resolve_block(const Block *cb, void *ctx)
{
	/* block_walk hands out const pointers; the tree is the plan's own
	 * and this pass is the one place that completes it. */
	Block *b = (Block *)cb;
	Walk *n = ctx;
	if (b->type == BLK_HEADING) {
		resolve_heading(n->num, b);
	} else if (b->type == BLK_PARAGRAPH) {
		if (b->runin.s && b->runin.len)
			resolve_runin(n->num, b);
		else if (!(b->attachment_note = starts_with(&b->text, "附件：")) &&
		         b->text.s && is_top(n, b))
			resolve_plain(n->num, b);
	}
}

void plan_resolve_body(Plan *p)
{
	Numbering num;
	memset(&num, 0, sizeof num);
	Walk w = {&num, p->body};
	block_walk(p->body, resolve_block, &w);
}

/* ---- the front matter ---- */

/* The implied starts and ends of phases (spec 1.1): ends first from the
 * next phase's written start, then starts from the previous end. */
static void imply_phase_dates(Plan *p)
{
	for (size_t i = 0; i < p->nphases; i++) {
		Phase *ph = &p->phases[i];
		if (!ph->end.implied)
			continue;
		if (i + 1 == p->nphases) {
			ph->end.day = p->campaign_end.day;
		} else {
			const Date *next = &p->phases[i + 1].start;
			/* Two unwritten dates in a row cannot be implied from
			 * each other; leave both unknown. */
			ph->end.day = next->implied || next->day == DAY_NONE ? DAY_NONE
			                                                     : next->day - 1;
		}
	}
	for (size_t i = 0; i < p->nphases; i++) {
		Phase *ph = &p->phases[i];
		if (!ph->start.implied)
			continue;
		if (i == 0)
			ph->start.day = p->campaign_start.day;
		else
			ph->start.day = p->phases[i - 1].end.day == DAY_NONE
			                    ? DAY_NONE : p->phases[i - 1].end.day + 1;
	}
}

static void link_forms(Plan *p)
{
	for (size_t i = 0; i < p->ndeadlines; i++) {
		Deadline *dl = &p->deadlines[i];
		dl->form_att = -1;
		for (size_t k = 0; dl->form.s && k < p->nattachments; k++)
			if (p->attachments[k].id.s && !strcmp(p->attachments[k].id.s, dl->form.s)) {
				dl->form_att = (int)k;
				break;
			}
	}
}

static void load_templates(Plan *p, Diags *d)
{
	/* The page: notice.xml, or letter.xml for a 信函 (§10.1). */
	p->notice = p->kind == DOC_LETTER ? template_letter(p->path, d)
	                                  : template_notice(p->path, d);
	for (size_t i = 0; i < p->nattachments; i++) {
		Attachment *a = &p->attachments[i];
		static const TplKind kinds[] = {
#define ATT_KIND(id, name, tpl, draw, per_unit) [ATT_##id] = tpl,
#include "attkinds.def"
#undef ATT_KIND
		};
		if (a->type < ATT_UNKNOWN && kinds[a->type] != TPL_NONE)
			a->tpl = template_get(kinds[a->type], a->template_.s, p->path,
			                      a->template_.pos, d);
	}
}

void plan_resolve(Plan *p, Diags *d)
{
	imply_phase_dates(p);
	link_forms(p);
	plan_resolve_body(p);
	load_templates(p, d);
}
