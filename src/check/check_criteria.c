/* check_criteria.c — scoring criteria, rating bands and quotas
 * (spec §2: criteria-sum, rating-overlap, rating-gap, percent-range), and
 * the points the body writes after an item's name (text-points-conflict).
 *
 * Scores are whole tenths of a point (model/score.h) and a total may be
 * as large as a long holds, so band coverage is worked out on sorted
 * intervals, never per score, and all arithmetic is in long long with no
 * step that can overflow.  The scores a scale has are those of the
 * plan's own precision: whole points when every value it writes is
 * whole, else half points when its decimals are all .5, else tenths; so
 * "80—89分" and "90分以上" leave 89.5 uncovered only in a plan that gives
 * half points.
 */
#include "check.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- words for the messages ---- */

static char *rating_label(const Rating *r, size_t i)
{
	if (r->name.s && r->name.s[0])
		return xasprintf("等次“%s”", r->name.s);
	return xasprintf("第%zu个等次", i + 1);
}

/* "85分", "89.5分", or "85—95分" for a run of scores (in tenths). */
typedef struct {
	char s[2 * SCORE_STRLEN + 16];
} Scores;

static Scores scores_text(long long lo, long long hi)
{
	Scores t;
	char a[SCORE_STRLEN], b[SCORE_STRLEN];
	if (lo == hi)
		snprintf(t.s, sizeof t.s, "%s分", score_str(a, lo));
	else
		snprintf(t.s, sizeof t.s, "%s—%s分", score_str(a, lo), score_str(b, hi));
	return t;
}

/* One value as text, for the messages. */
typedef struct {
	char s[SCORE_STRLEN];
} One;

static One one(long long tenths)
{
	One o;
	score_str(o.s, tenths);
	return o;
}

/* ---- criteria-sum ---- */

typedef struct {
	long long sum;
	size_t nset;     /* items that give points */
	bool overflow;   /* the sum does not fit in a long long */
} Points;

/* A 128-bit two's-complement accumulator (hi * 2^64 + lo): a sum of any
 * number of longs is exact in it, so a total of LONG_MAX and items of
 * LONG_MAX, LONG_MAX, LONG_MIN + ... are judged rightly and nothing
 * overflows on the way. */
typedef struct {
	unsigned long long lo;
	long long hi;
} Wide;

static void wide_add(Wide *w, long v)
{
	unsigned long long u = (unsigned long long)(long long)v; /* modular: defined */
	unsigned long long old = w->lo;
	w->lo += u;
	w->hi += w->lo < old; /* carry out of the low word */
	if (v < 0)
		w->hi -= 1; /* the high word of a negative v is all ones */
}

/* The sum as a long long, or false when it does not fit. */
static bool wide_get(const Wide *w, long long *out)
{
	if (w->hi == 0 && w->lo <= (unsigned long long)LLONG_MAX) {
		*out = (long long)w->lo;
		return true;
	}
	if (w->hi == -1 && w->lo > (unsigned long long)LLONG_MAX) {
		*out = -(long long)(~w->lo) - 1; /* ~lo is at most LLONG_MAX */
		return true;
	}
	return false;
}

static Points points_sum(const Criteria *cr)
{
	Points pt = {0, 0, false};
	Wide w = {0, 0};
	for (size_t i = 0; i < cr->nitems; i++) {
		const Score *n = &cr->items[i].points;
		if (!n->set)
			continue;
		pt.nset++;
		wide_add(&w, n->tenths);
	}
	pt.overflow = !wide_get(&w, &pt.sum);
	return pt;
}

/* With no `total`, the total is the items' sum and there is nothing to
 * compare; with no item giving points there is nothing to add up. */
static void check_sum(const Plan *p, Diags *d, const Points *pt)
{
	const Criteria *cr = &p->criteria;
	if (!cr->total.set || pt->nset == 0)
		return;
	if (!pt->overflow && pt->sum == cr->total.tenths)
		return;
	char unset[64] = "";
	if (pt->nset < cr->nitems)
		snprintf(unset, sizeof unset, "（另有%zu项未写分值）", cr->nitems - pt->nset);
	if (pt->overflow)
		diag_add(d, p->path, cr->total.pos, MSG_CRITERIA_SUM_OVERFLOW,
		         pt->nset, one(cr->total.tenths).s, unset);
	else
		diag_add(d, p->path, cr->total.pos, MSG_CRITERIA_SUM, pt->nset,
		         one(pt->sum).s, one(cr->total.tenths).s, unset);
}

/* The scale the bands divide: `total`, else the items' sum (that is what
 * the total defaults to), else 100, the 百分制 plans mostly use. */
static long long scale_of(const Criteria *cr, const Points *pt)
{
	if (cr->total.set)
		return cr->total.tenths;
	if (pt->nset && !pt->overflow)
		return pt->sum;
	return 1000;
}

/* The plan's precision, in tenths: 10 when every value it writes is a
 * whole number of points, 5 when the rest end in .5, else 1.  Every
 * value on the scale is a multiple of it (the sum of multiples is one). */
static void finer(long *step, const Score *s)
{
	if (s->set)
		*step = score_step(*step, s->tenths);
}

static long long step_of(const Criteria *cr)
{
	long step = 10;
	finer(&step, &cr->total);
	for (size_t i = 0; i < cr->nitems; i++)
		finer(&step, &cr->items[i].points);
	for (size_t i = 0; i < cr->nratings; i++) {
		finer(&step, &cr->ratings[i].min);
		finer(&step, &cr->ratings[i].max);
	}
	return step;
}

/* ---- rating bands ---- */

typedef struct {
	long long lo, hi;
	size_t idx; /* into criteria.ratings */
} Band;

static int band_cmp(const void *a, const void *b)
{
	const Band *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Where a finding about a band's scores belongs: its min, else its max,
 * else the list item. */
static Pos band_pos(const Rating *r)
{
	return r->min.set ? r->min.pos : r->max.set ? r->max.pos : r->pos;
}

/* A band the wrong way round, or reaching outside 0..total, is a hole in
 * the scale as the author meant it, so both are rating-gap.  Returns
 * false for a band that covers nothing (min above max). */
static bool check_band(const Plan *p, Diags *d, size_t i, const Band *b, long long total)
{
	const Rating *r = &p->criteria.ratings[i];
	char *who = rating_label(r, i);
	bool ok = b->lo <= b->hi;
	if (!ok)
		diag_add(d, p->path, band_pos(r), MSG_RATING_GAP_INVERTED, who, one(b->lo).s,
		         one(b->hi).s);
	if (ok && total >= 0 && b->lo < 0)
		diag_add(d, p->path, band_pos(r), MSG_RATING_GAP_NEGATIVE, who, one(b->lo).s);
	if (ok && total >= 0 && b->hi > total)
		diag_add(d, p->path, r->max.set ? r->max.pos : r->pos, MSG_RATING_GAP_ABOVE_TOTAL, who,
		         one(b->hi).s, one(total).s);
	free(who);
	return ok;
}

/* Band b shares scores with band k (k sorts before b and reaches
 * furthest of those before it).  The finding goes to whichever of the
 * two the author wrote later, the one that collides with the other. */
static void report_overlap(const Plan *p, Diags *d, const Band *k, const Band *b)
{
	const Band *later = b->idx > k->idx ? b : k, *earlier = later == b ? k : b;
	const Rating *rl = &p->criteria.ratings[later->idx];
	char *lname = rating_label(rl, later->idx);
	char *ename = rating_label(&p->criteria.ratings[earlier->idx], earlier->idx);
	long long hi = b->hi < k->hi ? b->hi : k->hi;
	diag_add(d, p->path, rl->min.set ? rl->min.pos : rl->pos, MSG_RATING_OVERLAP,
	         lname, scores_text(later->lo, later->hi).s, ename,
	         scores_text(earlier->lo, earlier->hi).s, scores_text(b->lo, hi).s);
	free(lname);
	free(ename);
}

/* bands sorted by lo: each band is compared with the earlier band that
 * reaches highest, which is the one it must not run into. */
static void check_overlaps(const Plan *p, Diags *d, const Band *bands, size_t n)
{
	size_t cover = 0;
	for (size_t i = 1; i < n; i++) {
		if (bands[i].lo <= bands[cover].hi)
			report_overlap(p, d, &bands[cover], &bands[i]);
		if (bands[i].hi > bands[cover].hi)
			cover = i;
	}
}

/* Where coverage gaps are reported: the `ratings` key, else the
 * criteria key, else the first band. */
static Pos gaps_pos(const Criteria *cr)
{
	if (cr->ratings_pos.line > 0)
		return cr->ratings_pos;
	return cr->pos.line > 0 ? cr->pos : cr->ratings[0].pos;
}

static void report_gap(const Plan *p, Diags *d, long long lo, long long hi, long long total)
{
	diag_add(d, p->path, gaps_pos(&p->criteria), MSG_RATING_GAP, scores_text(lo, hi).s,
	         one(total).s);
}

/* Walk bands sorted by lo over 0..total in steps of the plan's
 * precision; next is the lowest score not yet covered.  `done` stands in
 * for next = total + step, which could overflow when total is LLONG_MAX
 * (every value is a multiple of step, so hi < total leaves room for
 * hi + step). */
static void check_gaps(const Plan *p, Diags *d, const Band *bands, size_t n, long long total,
                       long long step)
{
	long long next = 0;
	bool done = false;
	for (size_t i = 0; i < n && !done; i++) {
		long long lo = bands[i].lo < 0 ? 0 : bands[i].lo;
		long long hi = bands[i].hi > total ? total : bands[i].hi;
		if (lo > hi)
			continue; /* wholly outside the scale */
		if (lo > next)
			report_gap(p, d, next, lo - step, total);
		if (hi >= total)
			done = true;
		else if (hi >= next)
			next = hi + step;
	}
	if (!done)
		report_gap(p, d, next, total, total);
}

static void check_ratings(const Plan *p, Diags *d, long long total)
{
	const Criteria *cr = &p->criteria;
	if (cr->nratings == 0)
		return;
	Band *bands = xcalloc(cr->nratings, sizeof *bands);
	size_t n = 0;
	for (size_t i = 0; i < cr->nratings; i++) {
		const Rating *r = &cr->ratings[i];
		Band b = {r->min.set ? r->min.tenths : 0, r->max.set ? r->max.tenths : total, i};
		if (check_band(p, d, i, &b, total))
			bands[n++] = b;
	}
	qsort(bands, n, sizeof *bands, band_cmp);
	check_overlaps(p, d, bands, n);
	if (total >= 0) /* a negative total leaves no scale to cover */
		check_gaps(p, d, bands, n, total, step_of(cr));
	free(bands);
}

/* ---- quotas ---- */

static void check_percent(const Plan *p, Diags *d, const char *who,
                          const Num *n, const char *which)
{
	if (n->set && (n->v < 0 || n->v > 100))
		diag_add(d, p->path, n->pos, MSG_PERCENT_RANGE, who, which, n->v);
}

static void check_quota(const Plan *p, Diags *d, size_t i)
{
	const Quota *q = &p->quotas[i];
	char *who = q->name.s && q->name.s[0] ? xasprintf("比例“%s”", q->name.s)
	                                      : xasprintf("第%zu个比例", i + 1);
	check_percent(p, d, who, &q->min_percent, "下限");
	check_percent(p, d, who, &q->max_percent, "上限");
	if (q->min_percent.set && q->max_percent.set && q->min_percent.v > q->max_percent.v)
		diag_add(d, p->path, q->min_percent.pos, MSG_PERCENT_RANGE_INVERTED, who, q->min_percent.v,
		         q->max_percent.v);
	free(who);
}

/* ---- text-points-conflict ---- */

/* The item with points whose name s[0..n) starts with, followed by ：
 * : 。 ， （ ( or nothing (the longest such name), or NULL. */
static const CriteriaItem *item_named(const Criteria *cr, const char *s, size_t n)
{
	static const char *const after[] = {"：", ":", "。", "，", "（", "("};
	const CriteriaItem *best = NULL;
	for (size_t i = 0; i < cr->nitems; i++) {
		const CriteriaItem *it = &cr->items[i];
		size_t k = it->name.s ? strlen(it->name.s) : 0;
		if (!it->points.set || k == 0 || k > n || memcmp(s, it->name.s, k) ||
		    (best && k <= strlen(best->name.s)))
			continue;
		bool ok = k == n;
		for (size_t a = 0; a < sizeof after / sizeof *after && !ok; a++)
			ok = n - k >= strlen(after[a]) && !memcmp(s + k, after[a], strlen(after[a]));
		if (ok)
			best = it;
	}
	return best;
}

/* “（17.5分）” or “(20分)” closing t (before a final 。): the points in
 * tenths and the byte offset of the number; false when there are none. */
static bool points_closing(const Text *t, long *tenths, size_t *at)
{
	size_t n = t->len;
	while (n >= 3 && !memcmp(t->s + n - 3, "。", 3))
		n -= 3;
	size_t close = n >= 3 && !memcmp(t->s + n - 3, "）", 3) ? 3 : n >= 1 && t->s[n - 1] == ')';
	if (!close || n < close + 3 || memcmp(t->s + n - close - 3, "分", 3))
		return false;
	size_t e = n - close - 3, b = e;
	while (b > 0 && e - b < 16 && ((t->s[b - 1] >= '0' && t->s[b - 1] <= '9') || t->s[b - 1] == '.'))
		b--;
	bool open = (b >= 3 && !memcmp(t->s + b - 3, "（", 3)) || (b >= 1 && t->s[b - 1] == '(');
	if (!open || score_parse(t->s + b, e - b, false, tenths) != SCORE_OK)
		return false;
	*at = b;
	return true;
}

typedef struct {
	const Plan *p;
	Diags *d;
} TextCtx;

/* A paragraph or heading that starts with an item's name (after its
 * number: “1、星级服务体系：……（20分）”, “**（一）组织领导。**……（30分）”)
 * and closes with points: they must be the item's. */
static void on_text_block(const Block *b, void *ctx)
{
	TextCtx *c = ctx;
	if (b->type != BLK_PARAGRAPH && b->type != BLK_HEADING)
		return;
	const Text *lead = b->runin.len ? &b->runin : &b->text;
	HeadNum h = headnum_parse(lead->s, lead->len);
	const CriteriaItem *it = item_named(&c->p->criteria, lead->s + h.len, lead->len - h.len);
	long t;
	size_t at;
	if (!it || !points_closing(&b->text, &t, &at) || t == it->points.tenths)
		return;
	diag_add(c->d, c->p->path, plan_text_pos(c->p, &b->text, at), MSG_TEXT_POINTS_CONFLICT,
	         it->name.s, one(t).s, one(it->points.tenths).s, it->points.pos.line);
}

void check_criteria(const Plan *p, Diags *d)
{
	const Criteria *cr = &p->criteria;
	Points pt = points_sum(cr);
	if (cr->nitems)
		check_sum(p, d, &pt);
	check_ratings(p, d, scale_of(cr, &pt));
	for (size_t i = 0; i < p->nquotas; i++)
		check_quota(p, d, i);
	if (cr->nitems && p->body) {
		TextCtx c = {p, d};
		block_walk(p->body, on_text_block, &c);
	}
}
