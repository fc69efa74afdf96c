/* check_dates.c — dates in the prose against the timeline.
 *
 * Every date expression in the body (found by cndate) is either tied to
 * a phase or deadline named right before it — "动员部署阶段（2020年3月10
 * 日前）" — and then must agree with that entry (text-date-conflict), or
 * it stands alone and must agree with some date of the timeline
 * (text-date-unlisted).  Agreement allows for the vagueness the author
 * wrote: 3月底 agrees with any of 3月26日…31日.  A bold run-in head that
 * names one phase and no date ("**（五）总结提升阶段。**时间为11月16日至
 * 12月20日") owns the first date of its paragraph when only a lead-in
 * (时间为, 本阶段时间：, or nothing before a range) stands before it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cndate.h"
#include "util.h"

enum { MAX_PER_TEXT = 256 };

typedef struct {
	const Plan *p;
	Diags *d;
	int year, first_month;
	Day *known;      /* every date of the timeline */
	size_t nknown;
} Ctx;

static bool in_span(Day x, DaySpan s)
{
	return x != DAY_NONE && x >= s.lo && x <= s.hi;
}

/* Is some timeline date inside s?  known is sorted: binary search for
 * the first date not before s.lo. */
static bool span_known(const Ctx *c, DaySpan s)
{
	size_t lo = 0, hi = c->nknown;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->known[mid] < s.lo)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nknown && c->known[lo] <= s.hi;
}

static int cmp_day(const void *a, const void *b)
{
	Day x = *(const Day *)a, y = *(const Day *)b;
	return (x > y) - (x < y);
}

/* Bytes of the connector character (（ ( ： : ， space) ending at at, or 0. */
static size_t connector_before(const Text *t, size_t at)
{
	static const char *const conn[] = {"（", "：", "，", "(", ":", " ", NULL};
	for (size_t i = 0; conn[i]; i++) {
		size_t l = strlen(conn[i]);
		if (at >= l && memcmp(t->s + at - l, conn[i], l) == 0)
			return l;
	}
	return 0;
}

/* Does name end right before text byte at, or before one or two
 * connector characters there ("动员部署阶段（2020年…")? */
static bool named_before(const Text *t, size_t at, const char *name)
{
	if (!name || !*name)
		return false;
	size_t nl = strlen(name);
	for (int hops = 0; hops <= 2; hops++) {
		if (at >= nl && memcmp(t->s + at - nl, name, nl) == 0)
			return true;
		size_t l = connector_before(t, at);
		if (l == 0)
			return false;
		at -= l;
	}
	return false;
}

static void fmt_range(Day a, Day b, char *out, size_t n)
{
	char x[32], y[32];
	day_format_cn(a, x);
	if (a == b) {
		snprintf(out, n, "%s", x);
		return;
	}
	day_format_cn(b, y);
	snprintf(out, n, "%s至%s", x, y);
}

/* Report that the prose dates a phase or deadline otherwise than the
 * timeline.  what_end says which end the prose spoke of: 前 (the end),
 * 后/起 (the start) or both. */
static void conflict(Ctx *c, const Text *t, const CnDate *e, const char *what,
                     const char *name, const char *key, Day a, Day b)
{
	char when[96], x[32];
	if (a == DAY_NONE || b == DAY_NONE)
		return;
	if (a == b) {
		day_format_cn(a, x);
		snprintf(when, sizeof when, "为%s", x);
	} else if (e->before && !e->is_range) {
		day_format_cn(b, x);
		snprintf(when, sizeof when, "止于%s", x);
	} else if (e->after && !e->is_range) {
		day_format_cn(a, x);
		snprintf(when, sizeof when, "始于%s", x);
	} else {
		char r[80];
		fmt_range(a, b, r, sizeof r);
		snprintf(when, sizeof when, "为%s", r);
	}
	diag_add(c->d, c->p->path, plan_text_pos(c->p, t, e->off), MSG_TEXT_DATE_CONFLICT,
	         what, name, (int)e->len, t->s + e->off, e->before ? "前" : "",
	         e->after ? "起" : "", key, what, when);
}

/* Does the prose date e agree with phase ph?  Report it if not. */
static void judge_phase(Ctx *c, const Text *t, const CnDate *e, const Phase *ph)
{
	Day s = ph->start.day, en = ph->end.day;
	bool ok;
	if (e->is_range)
		ok = (s == DAY_NONE || in_span(s, e->start)) &&
		     (en == DAY_NONE || in_span(en, e->end));
	else if (e->before)
		ok = en == DAY_NONE || in_span(en, e->start);
	else if (e->after)
		ok = s == DAY_NONE || in_span(s, e->start);
	else
		ok = in_span(s, e->start) || in_span(en, e->start) ||
		     (s != DAY_NONE && en != DAY_NONE && e->start.lo <= s && en <= e->start.hi);
	if (!ok)
		conflict(c, t, e, "阶段", ph->name.s, "phases", s, en);
}

/* A date right after a phase's name must agree with that phase. */
static bool check_phase(Ctx *c, const Text *t, const CnDate *e)
{
	for (size_t i = 0; i < c->p->nphases; i++) {
		const Phase *ph = &c->p->phases[i];
		if (!named_before(t, e->off, ph->name.s))
			continue;
		judge_phase(c, t, e, ph);
		return true;
	}
	return false;
}

static bool has(const char *s, size_t n, const char *what)
{
	size_t l = strlen(what);
	for (size_t i = 0; i + l <= n; i++)
		if (memcmp(s + i, what, l) == 0)
			return true;
	return false;
}

/* The phase a bold run-in head names ("（五）总结提升阶段。"), when the
 * head names exactly one and gives no date itself; else NULL. */
static const Phase *head_phase(const Ctx *c, const Text *head)
{
	if (!head || !head->s || head->len == 0)
		return NULL;
	CnDate tmp[1];
	if (cndate_scan(head->s, head->len, c->year, c->first_month, tmp, 1) > 0)
		return NULL;
	const Phase *found = NULL;
	for (size_t i = 0; i < c->p->nphases; i++) {
		const char *name = c->p->phases[i].name.s;
		if (!name || !*name || !has(head->s, head->len, name))
			continue;
		if (found)
			return NULL; /* two phases named: which one is meant is unclear */
		found = &c->p->phases[i];
	}
	return found;
}

/* Is the text before the first date e only a lead-in that says the
 * paragraph's time follows: "时间为", "本阶段时间：", or nothing at all
 * (or "（", 从, 自) before a range? */
static bool period_leadin(const Text *t, const CnDate *e)
{
	enum { MAX_LEADIN = 30 }; /* bytes: 10 characters */
	size_t n = e->off;
	if (n > MAX_LEADIN || has(t->s, n, "。") || has(t->s, n, "，") || has(t->s, n, "；"))
		return false;
	if (has(t->s, n, "时间"))
		return true;
	static const char *const bare[] = {"", "（", "(", "从", "自", NULL};
	for (size_t i = 0; e->is_range && bare[i]; i++)
		if (strlen(bare[i]) == n && memcmp(t->s, bare[i], n) == 0)
			return true;
	return false;
}

static bool check_deadline(Ctx *c, const Text *t, const CnDate *e)
{
	for (size_t i = 0; i < c->p->ndeadlines; i++) {
		const Deadline *dl = &c->p->deadlines[i];
		if (!named_before(t, e->off, dl->name.s))
			continue;
		if (dl->due.day != DAY_NONE && !in_span(dl->due.day, e->end))
			conflict(c, t, e, "截止事项", dl->name.s, "deadlines", dl->due.day, dl->due.day);
		return true;
	}
	return false;
}

/* Check the dates of text t; head is the bold run-in head before it
 * (or NULL): a phase it names owns the time written first in t. */
static void check_text(Ctx *c, const Text *t, const Text *head)
{
	if (!t->s)
		return;
	const Phase *owner = head_phase(c, head);
	CnDate found[MAX_PER_TEXT];
	size_t n = cndate_scan(t->s, t->len, c->year, c->first_month, found, MAX_PER_TEXT);
	if (n > MAX_PER_TEXT)
		n = MAX_PER_TEXT;
	for (size_t i = 0; i < n; i++) {
		const CnDate *e = &found[i];
		if (check_phase(c, t, e) || check_deadline(c, t, e))
			continue;
		if (i == 0 && owner && period_leadin(t, e)) {
			judge_phase(c, t, e, owner);
			continue;
		}
		if (c->nknown == 0)
			continue;
		if (span_known(c, e->start) && (!e->is_range || span_known(c, e->end)))
			continue;
		diag_add(c->d, c->p->path, plan_text_pos(c->p, t, e->off), MSG_TEXT_DATE_UNLISTED,
		         (int)e->len, t->s + e->off);
	}
}

static void on_block(const Block *b, void *ctx)
{
	if (b->type == BLK_CODE)
		return;
	check_text(ctx, &b->runin, NULL);
	check_text(ctx, &b->text, &b->runin);
}

static void add_known(Ctx *c, Day d)
{
	if (d != DAY_NONE)
		c->known[c->nknown++] = d;
}

void check_dates(const Plan *p, Diags *d)
{
	if (!p->body)
		return;
	Ctx c = {p, d, plan_default_year(p), 1, NULL, 0};
	if (c.year == 0)
		return; /* no year to read 3月10日 in */
	if (p->campaign_start.day != DAY_NONE && p->campaign_end.day != DAY_NONE) {
		int y1, m1, d1, y2, m2, d2;
		day_to_ymd(p->campaign_start.day, &y1, &m1, &d1);
		day_to_ymd(p->campaign_end.day, &y2, &m2, &d2);
		if (y2 > y1)
			c.first_month = m1;
	}
	c.known = xmalloc((4 + 2 * p->nphases + p->ndeadlines) * sizeof *c.known);
	/* Only a real timeline makes a date "unlisted"; the document date
	 * alone does not. */
	if (p->campaign_start.day != DAY_NONE || p->nphases || p->ndeadlines) {
		add_known(&c, p->campaign_start.day);
		add_known(&c, p->campaign_end.day);
		add_known(&c, p->date.day);
		add_known(&c, p->printed_on.day);
		for (size_t i = 0; i < p->nphases; i++) {
			add_known(&c, p->phases[i].start.day);
			add_known(&c, p->phases[i].end.day);
		}
		for (size_t i = 0; i < p->ndeadlines; i++)
			add_known(&c, p->deadlines[i].due.day);
	}
	qsort(c.known, c.nknown, sizeof *c.known, cmp_day);
	block_walk(p->body, on_block, &c);
	free(c.known);
}
