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
 * (时间为, 本阶段时间：, or nothing before a range) stands before it,
 * or when only the name is bold and the date follows it at once
 * ("**动员部署阶段**（3月10日前）").
 * A phase's name written without its last word(s) — 动员部署 for
 * 动员部署阶段, 自查 for 自查评比阶段 — ties the date right after it to
 * the phase whose name starts so (the one with the longest such start;
 * none when two tie), so "开展自查评比。" with no date after it ties
 * nothing.  A date with 前 (or one exact day) followed in its clause by a
 * deadline's name ("4月10日前报送项目清单") is that deadline's.  In a
 * table, a row with one phase's or deadline's name in a cell ties the
 * dates of its other cells to that entry.  A date tied to an entry is
 * compared with it even when it equals some other date of the timeline
 * (the campaign's end, say).
 */
#define _GNU_SOURCE /* memmem */
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

/* The bytes of the longest start of name (at least two characters,
 * shorter than name) that ends right before text byte at, or before one
 * or two connectors there; 0 when none. */
static size_t start_named_before(const Text *t, size_t at, const char *name)
{
	if (!name || !*name)
		return 0;
	size_t nl = strlen(name);
	for (int hops = 0; hops <= 2; hops++) {
		/* Longest first: walk back over name's character starts. */
		for (size_t l = nl; l > 0;) {
			do
				l--;
			while (l > 0 && ((unsigned char)name[l] & 0xC0) == 0x80);
			if (utf8_count(name, l) < 2)
				break;
			if (at >= l && memcmp(t->s + at - l, name, l) == 0)
				return l;
		}
		size_t cl = connector_before(t, at);
		if (cl == 0)
			break;
		at -= cl;
	}
	return 0;
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

static size_t phase_start_before(const Text *t, size_t at, const Phase *ph)
{
	return start_named_before(t, at, ph->name.s);
}

/* The phase that how matches the most bytes of (how gives 0 for no
 * match); NULL when none, or when two match as many (*tie then). */
typedef size_t (*PhaseMatch)(const Text *t, size_t at, const Phase *ph);

static const Phase *nearest_phase(const Ctx *c, PhaseMatch how, const Text *t, size_t at,
                                  bool *tie)
{
	const Phase *best = NULL;
	size_t best_l = 0;
	*tie = false;
	for (size_t i = 0; i < c->p->nphases; i++) {
		size_t l = how(t, at, &c->p->phases[i]);
		if (l == 0 || l < best_l)
			continue;
		*tie = l == best_l;
		if (l > best_l) {
			best = &c->p->phases[i];
			best_l = l;
		}
	}
	return *tie ? NULL : best;
}

/* A date right after a phase's name written short (动员部署 for
 * 动员部署阶段): the phase whose name has the longest such start, none
 * when two have one as long. */
static bool check_phase_short(Ctx *c, const Text *t, const CnDate *e)
{
	bool tie;
	const Phase *ph = nearest_phase(c, phase_start_before, t, e->off, &tie);
	if (!ph)
		return false;
	judge_phase(c, t, e, ph);
	return true;
}

/* Where what first occurs in s[0..n), or n. */
static size_t find(const char *s, size_t n, const char *what)
{
	const char *at = memmem(s, n, what, strlen(what));
	return at ? (size_t)(at - s) : n;
}

static bool has(const char *s, size_t n, const char *what)
{
	return find(s, n, what) < n;
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

/* Does the bold run-in head end with the phase's name (only the name in
 * bold: "**动员部署阶段**（3月10日前）"), and is what stands between it and
 * date e only connectors (（ ： ， space, at most two)? */
static bool right_after_head(const Text *head, const Text *t, const CnDate *e,
                             const Phase *ph)
{
	/* (a head ending in 。 is a sentence: what follows is not its time) */
	static const char *const tail[] = {"：", ":", NULL};
	size_t hl = head->len, nl = strlen(ph->name.s);
	for (size_t i = 0; tail[i]; i++) {
		size_t l = strlen(tail[i]);
		if (hl >= l && memcmp(head->s + hl - l, tail[i], l) == 0) {
			hl -= l;
			break;
		}
	}
	if (hl < nl || memcmp(head->s + hl - nl, ph->name.s, nl) != 0)
		return false;
	size_t at = e->off;
	for (int hops = 0; at > 0 && hops < 2; hops++) {
		size_t l = connector_before(t, at);
		if (l == 0)
			break;
		at -= l;
	}
	return at == 0;
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

static void judge_deadline(Ctx *c, const Text *t, const CnDate *e, const Deadline *dl)
{
	if (dl->due.day != DAY_NONE && !in_span(dl->due.day, e->end))
		conflict(c, t, e, "截止事项", dl->name.s, "deadlines", dl->due.day, dl->due.day);
}

static bool check_deadline(Ctx *c, const Text *t, const CnDate *e)
{
	for (size_t i = 0; i < c->p->ndeadlines; i++) {
		const Deadline *dl = &c->p->deadlines[i];
		if (!named_before(t, e->off, dl->name.s))
			continue;
		judge_deadline(c, t, e, dl);
		return true;
	}
	return false;
}

/* Bytes from off to the end of its clause: the next 。；！？; or the
 * text's end, at most limit bytes (so a long text without a full stop
 * costs no more than its dates). */
static size_t clause_len(const Text *t, size_t off, size_t limit)
{
	static const char *const stops[] = {"。", "；", "！", "？", ";", NULL};
	size_t end = off + limit < t->len ? off + limit : t->len;
	for (size_t k = off; k < end; k++)
		for (size_t i = 0; stops[i]; i++) {
			size_t l = strlen(stops[i]);
			if (k + l <= t->len && memcmp(t->s + k, stops[i], l) == 0)
				return k - off;
		}
	return end - off;
}

/* "4月10日前报送项目清单": a date with 前, or one day, followed in its
 * clause (before the next date) by a deadline's name is that deadline's
 * due date. */
static bool check_deadline_after(Ctx *c, const Text *t, const CnDate *e, size_t next_off)
{
	if (e->is_range || (e->after && !e->before))
		return false;
	/* A deadline's action follows its date closely: within 40
	 * characters, before the next date. */
	enum { MAX_ACTION = 120 };
	size_t from = e->off + e->len;
	size_t limit = next_off > from && next_off - from < MAX_ACTION ? next_off - from : MAX_ACTION;
	size_t n = clause_len(t, from, limit);
	/* The name written first is the one the date is for. */
	const Deadline *first = NULL;
	size_t first_at = n;
	for (size_t i = 0; i < c->p->ndeadlines; i++) {
		const Deadline *dl = &c->p->deadlines[i];
		size_t at = dl->name.s && *dl->name.s ? find(t->s + from, n, dl->name.s) : n;
		if (at < first_at) {
			first = dl;
			first_at = at;
		}
	}
	if (first)
		judge_deadline(c, t, e, first);
	return first != NULL;
}

/* The timeline entry a table row names (one phase or one deadline in
 * one of its cells), and that cell. */
typedef struct {
	const Phase *ph;
	const Deadline *dl;
	size_t cell;
} Owner;

/* Check the dates of text t; head is the bold run-in head before it
 * (or NULL): a phase it names owns the time written first in t; row (or
 * NULL) is the entry t's table row names in another cell. */
static void check_text(Ctx *c, const Text *t, const Text *head, const Owner *row)
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
		size_t next = i + 1 < n ? found[i + 1].off : t->len;
		if (check_phase(c, t, e) || check_deadline(c, t, e) || check_phase_short(c, t, e) ||
		    check_deadline_after(c, t, e, next))
			continue;
		if (row && row->ph) {
			judge_phase(c, t, e, row->ph);
			continue;
		}
		if (row && row->dl) {
			judge_deadline(c, t, e, row->dl);
			continue;
		}
		if (i == 0 && owner && (period_leadin(t, e) || right_after_head(head, t, e, owner))) {
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

/* Does cell text t name phase ph: its whole name in it, or the cell is
 * a start of the name (动员部署 for 动员部署阶段)?  Returns the bytes of
 * name matched (the longer, the nearer), 0 for no. */
static size_t cell_names_phase(const Text *t, size_t at, const Phase *ph)
{
	(void)at;
	const char *name = ph->name.s;
	if (!name || !*name || !t->s)
		return 0;
	size_t nl = strlen(name);
	if (has(t->s, t->len, name))
		return nl;
	if (t->len < nl && memcmp(name, t->s, t->len) == 0 && utf8_count(t->s, t->len) >= 2)
		return t->len;
	return 0;
}

/* The one entry a table row names, or none (no name, or two). */
static Owner row_owner(const Ctx *c, const Block *row)
{
	Owner o = {NULL, NULL, 0};
	if (row->header)
		return o;
	int found = 0;
	for (size_t k = 0; k < row->nkids; k++) {
		const Text *t = &row->kids[k]->text;
		if (!t->s)
			continue;
		bool tie;
		const Phase *ph = nearest_phase(c, cell_names_phase, t, 0, &tie);
		found += tie ? 2 : ph != NULL; /* two phases as near: unclear */
		if (ph) {
			o.ph = ph;
			o.cell = k;
		}
		for (size_t i = 0; i < c->p->ndeadlines; i++) {
			const char *name = c->p->deadlines[i].name.s;
			if (name && *name && has(t->s, t->len, name)) {
				found++;
				o.dl = &c->p->deadlines[i];
				o.cell = k;
			}
		}
	}
	if (found != 1)
		o.ph = NULL, o.dl = NULL;
	return o;
}

static void check_table(Ctx *c, const Block *table)
{
	for (size_t r = 0; r < table->nkids; r++) {
		const Block *row = table->kids[r];
		Owner o = row_owner(c, row);
		for (size_t k = 0; k < row->nkids; k++)
			check_text(c, &row->kids[k]->text, NULL,
			           (o.ph || o.dl) && k != o.cell ? &o : NULL);
	}
}

static void on_block(const Block *b, void *ctx)
{
	if (b->type == BLK_CODE || b->type == BLK_ROW || b->type == BLK_CELL)
		return;
	if (b->type == BLK_TABLE) {
		check_table(ctx, b);
		return;
	}
	check_text(ctx, &b->runin, NULL, NULL);
	check_text(ctx, &b->text, &b->runin, NULL);
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
