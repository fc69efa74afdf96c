/* model.c — the model's own functions: a new plan and its arena,
 * freeing it, positions in its file, walking its body, and what the
 * plan's fields imply.  The reader (src/read) fills a plan; every later
 * stage reads it through these. */
#include "model.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

Plan *plan_new(const char *path)
{
	Arena *a = arena_new();
	Plan *p = arena_alloc(a, sizeof *p);
	p->arena = a;
	p->path = arena_strdup(a, path);
	p->body_line = 1;
	Date none = {DAY_NONE, {0, 0}, false};
	p->date = p->printed_on = p->campaign_start = p->campaign_end = none;
	return p;
}

void plan_free(Plan *p)
{
	if (!p)
		return;
	/* A text attachment's file is a plan of its own. */
	for (size_t i = 0; i < p->nattachments; i++)
		plan_free(p->attachments[i].doc);
	arena_free(p->arena); /* p is in it too */
}

/* The 1-based character column of src offset off on line (1-based),
 * counted on from the last column asked for when that was on the same
 * line at or before off: positions asked for in order along one line
 * cost one walk of it in all. */
static int column_of(const Plan *p, size_t line, size_t off)
{
	Plan *mp = (Plan *)p; /* the cache only */
	size_t from = p->line_off[line - 1], col = 0;
	if (mp->col_cache.line == line && mp->col_cache.off <= off) {
		from = mp->col_cache.off;
		col = mp->col_cache.col;
	}
	col += utf8_count(p->src + from, off - from);
	mp->col_cache.line = line;
	mp->col_cache.off = off;
	mp->col_cache.col = col;
	return (int)col + 1;
}

Pos plan_src_pos(const Plan *p, size_t off)
{
	if (p->nlines == 0)
		return (Pos){1, 1};
	if (off > p->len)
		off = p->len;
	/* Binary search for the line holding off. */
	size_t lo = 0, hi = p->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (p->line_off[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (Pos){(int)lo + 1, column_of(p, lo + 1, off)};
}

Pos plan_line_pos(const Plan *p, int line, int byte_col)
{
	if (line < 1 || (size_t)line > p->nlines)
		return (Pos){line, byte_col};
	size_t ls = p->line_off[line - 1];
	size_t n = byte_col > 0 ? (size_t)byte_col - 1 : 0;
	size_t max = plan_line_end(p, line) - ls;
	if (n > max)
		n = max;
	return (Pos){line, column_of(p, (size_t)line, ls + n)};
}

size_t plan_line_end(const Plan *p, int line)
{
	return (size_t)line < p->nlines ? p->line_off[line] : p->len;
}

/* Does the source at s match the text at t, allowing for what Markdown
 * removes: a backslash before punctuation, an entity for one character?
 * Returns source bytes consumed for one text character, or 0. */
static size_t src_step(const char *s, size_t sn, const char *t, size_t tn, size_t *tstep)
{
	uint32_t cp;
	int tl = utf8_decode((const unsigned char *)t, tn, &cp);
	if (tl <= 0)
		tl = 1;
	*tstep = (size_t)tl;
	/* An entity (&amp; &#12345;) stands for one character; try it first,
	 * since "&amp;" also begins with the '&' it stands for. */
	if (s[0] == '&') {
		size_t i = 1;
		while (i < sn && i < 40 && (isalnum((unsigned char)s[i]) || s[i] == '#'))
			i++;
		if (i > 1 && i < sn && s[i] == ';')
			return i + 1;
	}
	if (sn >= (size_t)tl && memcmp(s, t, (size_t)tl) == 0)
		return (size_t)tl;
	if (sn >= 2 && s[0] == '\\' && s[1] == t[0])
		return 2;
	return 0;
}

TextSeg plan_text_seg(const Plan *p, const Text *t, size_t off)
{
	if (t->nsegs == 0)
		return (TextSeg){off, 0, 0};
	size_t lo = 0, hi = t->nsegs;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (t->segs[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	const TextSeg *sg = &t->segs[lo];
	if (sg->line < 1 || (size_t)sg->line > p->nlines)
		return (TextSeg){off, sg->line, 1};
	size_t ls = p->line_off[sg->line - 1], le = plan_line_end(p, sg->line);
	size_t s = ls + (size_t)(sg->byte_col > 0 ? sg->byte_col - 1 : 0);
	if (s > le)
		s = le;
	size_t k = sg->off;
	/* Go on from the last place stepped to in this segment (see
	 * Plan.seg_cache): offsets asked for in order cost one walk. */
	Plan *mp = (Plan *)p;
	if (mp->seg_cache.text == t && mp->seg_cache.chars == t->s &&
	    mp->seg_cache.nsegs == t->nsegs && mp->seg_cache.seg == lo && mp->seg_cache.k <= off &&
	    mp->seg_cache.k >= k) {
		k = mp->seg_cache.k;
		s = mp->seg_cache.s;
	}
	while (k < off && k < t->len && s < le) {
		size_t tstep;
		size_t st = src_step(p->src + s, le - s, t->s + k, t->len - k, &tstep);
		if (st == 0) {
			/* Out of step (markup we do not model): move both on by one
			 * character rather than stall. */
			uint32_t cp;
			int l = utf8_decode((const unsigned char *)p->src + s, le - s, &cp);
			st = l > 0 ? (size_t)l : 1;
		}
		s += st;
		k += tstep;
	}
	mp->seg_cache.text = t;
	mp->seg_cache.chars = t->s;
	mp->seg_cache.nsegs = t->nsegs;
	mp->seg_cache.seg = lo;
	mp->seg_cache.k = k;
	mp->seg_cache.s = s;
	return (TextSeg){off, sg->line, (int)(s - ls) + 1};
}

Pos plan_text_pos(const Plan *p, const Text *t, size_t off)
{
	TextSeg sg = plan_text_seg(p, t, off);
	return plan_line_pos(p, sg.line, sg.byte_col);
}

int plan_default_year(const Plan *p)
{
	Day d = p->campaign_start.day != DAY_NONE ? p->campaign_start.day : p->date.day;
	if (d == DAY_NONE && p->nphases > 0)
		d = p->phases[0].start.day;
	if (d == DAY_NONE)
		return 0;
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	return y;
}

void block_walk(const Block *root, void (*fn)(const Block *b, void *ctx), void *ctx)
{
	if (!root)
		return;
	/* Pre-order with an explicit stack; children pushed in reverse. */
	const Block **stack = NULL;
	size_t top = 0, cap = 0;
	stack = xgrow(stack, &cap, root->nkids, sizeof *stack);
	for (size_t i = root->nkids; i > 0; i--)
		stack[top++] = root->kids[i - 1];
	while (top > 0) {
		const Block *b = stack[--top];
		fn(b, ctx);
		stack = xgrow(stack, &cap, top + b->nkids, sizeof *stack);
		for (size_t i = b->nkids; i > 0; i--)
			stack[top++] = b->kids[i - 1];
	}
	free(stack);
}

bool plan_sealed(const Plan *p)
{
	if (p->seal.set)
		return p->seal.v;
	return (p->kind == DOC_FILE || p->kind == DOC_LETTER) && p->issuer.s;
}

static const struct {
	const char *name;
	bool per_unit;
} att_kinds[] = {
#define ATT_KIND(id, name, tpl, draw, per_unit) [ATT_##id] = {name, per_unit},
#include "attkinds.def"
#undef ATT_KIND
};

const char *att_type_name(AttType t)
{
	return t < ATT_UNKNOWN ? att_kinds[t].name : "unknown";
}

AttType att_type_parse(const char *name)
{
	for (int t = 0; t < ATT_UNKNOWN; t++)
		if (!strcmp(name, att_kinds[t].name))
			return (AttType)t;
	return ATT_UNKNOWN;
}

bool att_type_per_unit(AttType t)
{
	return t < ATT_UNKNOWN && att_kinds[t].per_unit;
}
