/* check_timeline.c — the campaign, its phases and its deadlines
 * (spec §2: phase-order, phase-overlap, phase-gap, phase-outside,
 * deadline-outside, deadline-in-gap, deadline-before-issue,
 * deadline-weekend, and attachment-ref for a deadline's `form`).
 *
 * A date the reader could not read is DAY_NONE and has been reported as
 * date-invalid already; every comparison that involves one is skipped
 * rather than guessed at.
 *
 * Plans can be large (the fuzzer and the benchmark feed 100,000 phases),
 * so nothing here compares all pairs: the list order is checked phase
 * by phase, overlaps and gaps in one sweep over a sorted copy of the
 * phases, and deadlines are placed with binary searches in sorted
 * copies (O(n log n) in all).
 */
#include "check.h"
#include "holidays.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- words and dates for the messages ---- */

typedef struct {
	char s[48];
} DayText;

static int year_of(Day day)
{
	int y, m, d;
	day_to_ymd(day, &y, &m, &d);
	return y;
}

/* "3月10日" when the sentence is already about ref's year, "2020年3月10日"
 * otherwise, so that a date in another year is never misread. */
static DayText day_text(Day day, Day ref)
{
	DayText t;
	if (ref != DAY_NONE && year_of(day) == year_of(ref))
		day_format_cn_short(day, t.s);
	else
		day_format_cn(day, t.s);
	return t;
}

static DayText day_full(Day day)
{
	DayText t;
	day_format_cn(day, t.s);
	return t;
}

/* "阶段“动员部署阶段”" (prefix + quoted name); a phase without a name is
 * "第3个阶段" whatever the prefix, which still says which one it is.
 * Returns a new string. */
static char *phase_label(const Phase *ph, size_t i, const char *prefix)
{
	if (ph->name.s && ph->name.s[0])
		return xasprintf("%s“%s”", prefix, ph->name.s);
	return xasprintf("第%zu个阶段", i + 1);
}

/* The bare name, as the spec's deadline-in-gap message writes it. */
static char *phase_bare(const Phase *ph, size_t i)
{
	if (ph->name.s && ph->name.s[0])
		return xstrdup(ph->name.s);
	return xasprintf("第%zu个阶段", i + 1);
}

static char *deadline_label(const Deadline *dl, size_t i)
{
	if (dl->name.s && dl->name.s[0])
		return xasprintf("截止日期“%s”", dl->name.s);
	return xasprintf("第%zu个截止日期", i + 1);
}

/* Why a phase date the author did not write has the value it has: the
 * reader fills it by the rule of spec §1.1. */
static const char *implied_note(const Plan *p, size_t i, bool start)
{
	const Phase *ph = &p->phases[i];
	if (start)
		return !ph->start.implied ? ""
		       : i == 0 ? "（未写明，按活动开始日期推算）"
		                : "（未写明，按上一阶段推算）";
	return !ph->end.implied ? ""
	       : i + 1 == p->nphases ? "（未写明，按活动结束日期推算）"
	                             : "（未写明，按下一阶段推算）";
}

/* Suggest the nearest of names to want, or NULL.  Only for short lists:
 * each comparison is a small edit-distance table, and a typo is only
 * worth guessing at when there are few candidates anyway. */
enum { MAX_CANDIDATES = 100 };

static const char *nearest_name(const char *const *names, size_t n, const char *want)
{
	enum { MAX_DIST = 2 };
	if (n > MAX_CANDIDATES)
		return NULL;
	size_t want_len = utf8_count(want, strlen(want));
	const char *best = NULL;
	size_t best_d = MAX_DIST + 1;
	for (size_t i = 0; i < n; i++) {
		size_t dist = edit_distance(want, names[i], best_d);
		if (dist < best_d && dist < want_len) {
			best = names[i];
			best_d = dist;
		}
	}
	return best;
}

/* ---- the shared state of one run ---- */

typedef struct {
	const Plan *p;
	Diags *d;
	Day ref;          /* the year phase messages need not name */
	Day cstart, cend; /* the campaign's bounds; DAY_NONE when unusable */
	const Holidays *hol; /* data/holidays.txt, or NULL */
	bool told_year;   /* holiday-data said once for this plan */
} Ctx;

/* What the holiday data says of day d; a year it does not cover is a
 * note, once per plan. */
static HolidayKind holiday(Ctx *c, Day d, Pos pos, const char **name, Day *from, Day *to)
{
	if (!c->hol)
		return HD_NORMAL;
	if (!holidays_cover(c->hol, year_of(d))) {
		if (!c->told_year)
			diag_add(c->d, c->p->path, pos, MSG_HOLIDAY_DATA, year_of(d));
		c->told_year = true;
		return HD_NORMAL;
	}
	return holiday_of(c->hol, d, name, from, to);
}

static bool known(Date dt)
{
	return dt.day != DAY_NONE;
}

/* Both dates known and in order: a span of days that can be compared. */
static bool phase_whole(const Phase *ph)
{
	return known(ph->start) && known(ph->end) && ph->start.day <= ph->end.day;
}

/* The year most dates of the plan are in: the campaign's, else the
 * document's, else that of the first phase date written. */
static Day reference_day(const Plan *p)
{
	if (known(p->campaign_start))
		return p->campaign_start.day;
	if (known(p->campaign_end))
		return p->campaign_end.day;
	if (known(p->date))
		return p->date.day;
	for (size_t i = 0; i < p->nphases; i++) {
		if (known(p->phases[i].start))
			return p->phases[i].start.day;
		if (known(p->phases[i].end))
			return p->phases[i].end.day;
	}
	return DAY_NONE;
}

/* A campaign that ends before it starts is the campaign-level form of
 * phase-order; its bounds are then useless for every other check, which
 * would otherwise call every phase and deadline "outside". */
static void check_campaign(Ctx *c)
{
	const Plan *p = c->p;
	c->cstart = p->campaign_start.day;
	c->cend = p->campaign_end.day;
	if (c->cstart == DAY_NONE || c->cend == DAY_NONE || c->cstart <= c->cend)
		return;
	diag_add(c->d, p->path, p->campaign_end.pos, MSG_PHASE_ORDER_CAMPAIGN, day_full(c->cend).s,
	         day_full(c->cstart).s);
	c->cstart = c->cend = DAY_NONE;
}

/* ---- phases ---- */

/* A phase that ends before it starts. */
static void check_phase_reversed(Ctx *c, size_t i)
{
	const Phase *ph = &c->p->phases[i];
	if (!known(ph->start) || !known(ph->end) || ph->end.day >= ph->start.day)
		return;
	char *who = phase_label(ph, i, "阶段");
	diag_add(c->d, c->p->path, ph->end.pos, MSG_PHASE_ORDER_END, who,
	         day_text(ph->end.day, c->ref).s, implied_note(c->p, i, false),
	         day_text(ph->start.day, c->ref).s, implied_note(c->p, i, true));
	free(who);
}

/* A phase listed after one that starts later.  Returns false when it
 * reported, so that the pair is not also called an overlap. */
static bool check_phase_sequence(Ctx *c, size_t i)
{
	if (i == 0)
		return true;
	const Phase *prev = &c->p->phases[i - 1], *ph = &c->p->phases[i];
	if (!known(prev->start) || !known(ph->start) || ph->start.day >= prev->start.day)
		return true;
	char *who = phase_label(ph, i, "阶段");
	char *other = phase_label(prev, i - 1, "上一阶段");
	diag_add(c->d, c->p->path, ph->start.pos, MSG_PHASE_ORDER_SEQUENCE, who,
	         day_text(ph->start.day, c->ref).s, implied_note(c->p, i, true),
	         other, day_text(prev->start.day, c->ref).s);
	free(who);
	free(other);
	return false;
}

static void check_phase_outside(Ctx *c, size_t i)
{
	const Phase *ph = &c->p->phases[i];
	if (c->cstart != DAY_NONE && known(ph->start) && ph->start.day < c->cstart) {
		char *who = phase_label(ph, i, "阶段");
		diag_add(c->d, c->p->path, ph->start.pos, MSG_PHASE_OUTSIDE_START, who,
		         day_text(ph->start.day, c->ref).s, implied_note(c->p, i, true),
		         day_text(c->cstart, c->ref).s);
		free(who);
	}
	if (c->cend != DAY_NONE && known(ph->end) && ph->end.day > c->cend) {
		char *who = phase_label(ph, i, "阶段");
		diag_add(c->d, c->p->path, ph->end.pos, MSG_PHASE_OUTSIDE_END, who,
		         day_text(ph->end.day, c->ref).s, implied_note(c->p, i, false),
		         day_text(c->cend, c->ref).s);
		free(who);
	}
}

/* ---- sorted views of the phases and attachments ---- */

typedef struct {
	Day lo, hi;
	size_t idx; /* into p->phases */
} Span;

static int span_cmp(const void *a, const void *b)
{
	const Span *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

typedef struct {
	const char *name;
	size_t idx;
} Named;

static int named_cmp(const void *a, const void *b)
{
	const Named *x = a, *y = b;
	int r = strcmp(x->name, y->name);
	if (r)
		return r;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

typedef struct {
	Span *spans;     /* whole phases by start */
	size_t *reach;   /* reach[k]: the span among spans[0..k] ending last */
	size_t nspans;
	bool all_whole;  /* every phase has known, ordered dates */
	Named *phases;   /* named phases by name, then list order */
	size_t nphases;
	const char **att; /* attachment ids, sorted */
	size_t natt;
} Index;

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void index_build(const Plan *p, Index *ix)
{
	memset(ix, 0, sizeof *ix);
	ix->spans = xcalloc(p->nphases, sizeof *ix->spans);
	ix->reach = xcalloc(p->nphases, sizeof *ix->reach);
	ix->phases = xcalloc(p->nphases, sizeof *ix->phases);
	ix->all_whole = true;
	for (size_t i = 0; i < p->nphases; i++) {
		const Phase *ph = &p->phases[i];
		if (phase_whole(ph))
			ix->spans[ix->nspans++] = (Span){ph->start.day, ph->end.day, i};
		else
			ix->all_whole = false;
		if (ph->name.s)
			ix->phases[ix->nphases++] = (Named){ph->name.s, i};
	}
	qsort(ix->spans, ix->nspans, sizeof *ix->spans, span_cmp);
	qsort(ix->phases, ix->nphases, sizeof *ix->phases, named_cmp);
	for (size_t k = 0; k < ix->nspans; k++) {
		size_t r = k == 0 ? 0 : ix->reach[k - 1];
		ix->reach[k] = ix->spans[k].hi > ix->spans[r].hi ? k : r;
	}
	ix->att = xcalloc(p->nattachments, sizeof *ix->att);
	for (size_t i = 0; i < p->nattachments; i++)
		if (p->attachments[i].id.s)
			ix->att[ix->natt++] = p->attachments[i].id.s;
	qsort(ix->att, ix->natt, sizeof *ix->att, str_cmp);
}

static void index_free(Index *ix)
{
	free(ix->spans);
	free(ix->reach);
	free(ix->phases);
	free(ix->att);
}

/* Number of spans starting on or before day. */
static size_t spans_upto(const Index *ix, Day day)
{
	size_t lo = 0, hi = ix->nspans;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->spans[mid].lo <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first phase (in list order) called name, or SIZE_MAX. */
static size_t phase_by_name(const Index *ix, const char *name)
{
	size_t lo = 0, hi = ix->nphases;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix->phases[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->nphases && strcmp(ix->phases[lo].name, name) == 0)
		return ix->phases[lo].idx;
	return SIZE_MAX;
}

/* How phase k is named in a sentence about phase i: by its place in
 * the list when it is next to i there. */
static char *neighbour_label(const Plan *p, size_t k, size_t i)
{
	const char *prefix = k + 1 == i ? "上一阶段" : i + 1 == k ? "下一阶段" : "阶段";
	return phase_label(&p->phases[k], k, prefix);
}

/* Phase i starts on or before the last day of phase k, which starts no
 * later than it. */
static void report_overlap(Ctx *c, size_t k, size_t i)
{
	const Phase *prev = &c->p->phases[k], *ph = &c->p->phases[i];
	Day lo = ph->start.day;
	Day hi = ph->end.day < prev->end.day ? ph->end.day : prev->end.day;
	char *who = phase_label(ph, i, "阶段");
	char *other = neighbour_label(c->p, k, i);
	DayText s = day_text(ph->start.day, c->ref), e = day_text(prev->end.day, c->ref);
	if (ph->start.day == prev->end.day) {
		/* Sharing the boundary day is how many plans write "9月10日—9月15日"
		 * after "8月25日—9月10日": likely meant, so only a warning. */
		diag_add_sev(c->d, c->p->path, ph->start.pos, SEV_WARNING, MSG_PHASE_OVERLAP_SHARED, who, s.s, other, e.s, s.s);
	} else if (lo == hi) {
		diag_add(c->d, c->p->path, ph->start.pos, MSG_PHASE_OVERLAP_DAY, who, s.s, other,
		         e.s, s.s);
	} else {
		long long days = (long long)hi - lo + 1;
		diag_add(c->d, c->p->path, ph->start.pos, MSG_PHASE_OVERLAP_DAYS, who, s.s,
		         other, e.s, days, s.s, day_text(hi, c->ref).s);
	}
	free(who);
	free(other);
}

/* Days after phase k ends and before phase i starts belong to no phase. */
static void report_gap(Ctx *c, size_t k, size_t i)
{
	const Phase *prev = &c->p->phases[k], *ph = &c->p->phases[i];
	Day lo = prev->end.day + 1, hi = ph->start.day - 1;
	long long days = (long long)hi - lo + 1;
	char *who = neighbour_label(c->p, i, k);
	char *other = phase_label(prev, k, "阶段");
	DayText from = day_text(lo, c->ref);
	char span[128];
	if (lo == hi)
		snprintf(span, sizeof span, "%s", from.s);
	else
		snprintf(span, sizeof span, "%s至%s", from.s, day_text(hi, c->ref).s);
	diag_add(c->d, c->p->path, ph->start.pos, MSG_PHASE_GAP, other,
	         day_text(prev->end.day, c->ref).s, who,
	         day_text(ph->start.day, c->ref).s, span, days);
	free(who);
	free(other);
}

/* Two phases next to each other in the list, the later already reported
 * as starting before the earlier: moving it is the fix, and an overlap
 * or gap between the two would only say the same again. */
static bool pair_misordered(const bool *misordered, size_t x, size_t y)
{
	size_t later = x > y ? x : y, earlier = x > y ? y : x;
	return later == earlier + 1 && misordered[later];
}

/* Overlaps and gaps are properties of the days, not of the list order,
 * so they are found on the phases sorted by start: each phase is
 * compared with the one before it in time that reaches furthest.  That
 * catches a phase overlapping a long one two places back, and never
 * calls days a gap that a long earlier phase still covers.  Gaps are
 * only certain when every phase has known dates. */
static void check_phase_days(Ctx *c, const Index *ix, const bool *misordered)
{
	for (size_t s = 1; s < ix->nspans; s++) {
		const Span *a = &ix->spans[ix->reach[s - 1]], *b = &ix->spans[s];
		if (pair_misordered(misordered, a->idx, b->idx))
			continue;
		if ((long long)b->lo > (long long)a->hi + 1) {
			if (ix->all_whole)
				report_gap(c, a->idx, b->idx);
		} else if (b->lo <= a->hi) {
			report_overlap(c, a->idx, b->idx);
		}
	}
}

static void check_phases(Ctx *c, const Index *ix)
{
	const Plan *p = c->p;
	bool *misordered = xcalloc(p->nphases, sizeof *misordered);
	for (size_t i = 0; i < p->nphases; i++) {
		misordered[i] = !check_phase_sequence(c, i);
		check_phase_reversed(c, i);
		check_phase_outside(c, i);
	}
	check_phase_days(c, ix, misordered);
	free(misordered);
}

/* ---- deadlines ---- */

/* Outside the campaign.  Returns true when it reported. */
static bool check_deadline_campaign(Ctx *c, const Deadline *dl, const char *who)
{
	Day due = dl->due.day;
	DayText when = day_full(due);
	if (c->cstart != DAY_NONE && due < c->cstart) {
		diag_add(c->d, c->p->path, dl->due.pos, MSG_DEADLINE_OUTSIDE_BEFORE, who, when.s,
		         day_text(c->cstart, due).s);
		return true;
	}
	if (c->cend != DAY_NONE && due > c->cend) {
		diag_add(c->d, c->p->path, dl->due.pos, MSG_DEADLINE_OUTSIDE_AFTER, who, when.s,
		         day_text(c->cend, due).s);
		return true;
	}
	return false;
}

/* A guess at the phase meant by a name that matches none. */
static const char *phase_hint(const Index *ix, const char *name)
{
	if (ix->nphases > MAX_CANDIDATES)
		return NULL;
	const char *names[MAX_CANDIDATES];
	for (size_t i = 0; i < ix->nphases; i++)
		names[i] = ix->phases[i].name;
	return nearest_name(names, ix->nphases, name);
}

/* The phase the deadline names must exist, and (when dates is set) the
 * deadline must fall inside it.  Returns true when the date was
 * reported. */
static bool check_deadline_phase(Ctx *c, const Index *ix, const Deadline *dl,
                                 const char *who, bool dates)
{
	const char *name = dl->phase.s;
	size_t k = phase_by_name(ix, name);
	if (k == SIZE_MAX) {
		const char *hint = phase_hint(ix, name);
		diag_add(c->d, c->p->path, dl->phase.pos, MSG_DEADLINE_OUTSIDE_NO_PHASE, who, name,
		         hint ? "，是否应为“" : "", hint ? hint : "", hint ? "”？" : "");
		return false;
	}
	const Phase *ph = &c->p->phases[k];
	Day due = dl->due.day;
	if (!dates || due == DAY_NONE)
		return false;
	if (known(ph->start) && known(ph->end) && !phase_whole(ph))
		return false; /* a reversed phase is reported already */
	if (known(ph->start) && due < ph->start.day) {
		diag_add(c->d, c->p->path, dl->due.pos, MSG_DEADLINE_OUTSIDE_PHASE_START, who, day_full(due).s,
		         name, day_text(ph->start.day, due).s);
		return true;
	}
	if (known(ph->end) && due > ph->end.day) {
		diag_add(c->d, c->p->path, dl->due.pos, MSG_DEADLINE_OUTSIDE_PHASE_END, who, day_full(due).s,
		         name, day_text(ph->end.day, due).s);
		return true;
	}
	return false;
}

/* A deadline in the campaign (or, without one, within the phases' span)
 * that no phase contains.  Only when every phase has known dates: a
 * phase whose dates are unknown might be the one that holds it. */
static void check_deadline_gap(Ctx *c, const Index *ix, const Deadline *dl,
                               const char *who)
{
	if (!ix->all_whole || ix->nspans == 0)
		return;
	Day due = dl->due.day;
	const Span *first = &ix->spans[0], *last = &ix->spans[ix->reach[ix->nspans - 1]];
	Day from = c->cstart != DAY_NONE ? c->cstart : first->lo;
	Day to = c->cend != DAY_NONE ? c->cend : last->hi;
	if (due < from || due > to)
		return;
	size_t n = spans_upto(ix, due);
	const Span *before = n ? &ix->spans[ix->reach[n - 1]] : NULL;
	if (before && before->hi >= due)
		return;
	const Span *after = n < ix->nspans ? &ix->spans[n] : NULL;
	const Phase *phs = c->p->phases;
	char *a = before ? phase_bare(&phs[before->idx], before->idx) : NULL;
	char *b = after ? phase_bare(&phs[after->idx], after->idx) : NULL;
	Buf why = {0};
	if (a && b)
		buf_printf(&why, "%s止于%s，%s始于%s", a, day_text(before->hi, due).s,
		           b, day_text(after->lo, due).s);
	else if (b)
		buf_printf(&why, "各阶段中最早的%s始于%s", b, day_text(after->lo, due).s);
	else
		buf_printf(&why, "各阶段中最晚的%s止于%s", a, day_text(before->hi, due).s);
	diag_add(c->d, c->p->path, dl->due.pos, MSG_DEADLINE_IN_GAP, who, day_full(due).s, buf_cstr(&why));
	buf_free(&why);
	free(a);
	free(b);
}

static void check_deadline_issue(Ctx *c, const Deadline *dl, const char *who)
{
	Day issued = c->p->date.day;
	if (issued == DAY_NONE || dl->due.day >= issued)
		return;
	diag_add(c->d, c->p->path, dl->due.pos, MSG_DEADLINE_BEFORE_ISSUE, who,
	         day_full(dl->due.day).s, day_text(issued, dl->due.day).s);
}

/* deadline-holiday: a deadline on a day off; a weekend day worked in
 * exchange (调休) is no weekend.  Returns true when the day is settled
 * by the holiday data. */
static bool check_deadline_holiday(Ctx *c, const Deadline *dl, const char *who)
{
	const char *name;
	Day from, to;
	HolidayKind k = holiday(c, dl->due.day, dl->due.pos, &name, &from, &to);
	if (k == HD_OFF)
		diag_add(c->d, c->p->path, dl->due.pos, MSG_DEADLINE_HOLIDAY, who,
		         day_full(dl->due.day).s, name, day_text(from, dl->due.day).s,
		         day_text(to, from).s);
	int wd = day_weekday(dl->due.day);
	/* A weekend day worked in exchange: deadline-weekend stays silent
	 * and a note says why (for --format json readers asking why). */
	if (k == HD_WORK && (wd == 0 || wd == 6))
		diag_add_sev(c->d, c->p->path, dl->due.pos, SEV_NOTE, MSG_DEADLINE_WEEKEND_WORKDAY,
		             who, day_full(dl->due.day).s, wd == 6 ? "星期六" : "星期日", name);
	return k != HD_NORMAL;
}

static void check_deadline_weekend(Ctx *c, const Deadline *dl, const char *who)
{
	if (check_deadline_holiday(c, dl, who))
		return;
	int wd = day_weekday(dl->due.day);
	if (wd != 0 && wd != 6)
		return;
	diag_add(c->d, c->p->path, dl->due.pos, MSG_DEADLINE_WEEKEND, who, day_full(dl->due.day).s,
	         wd == 6 ? "星期六" : "星期日");
}

static void check_deadline_form(Ctx *c, const Index *ix, const Deadline *dl,
                                const char *who)
{
	const char *id = dl->form.s;
	if (!id || dl->form_att >= 0)
		return;
	if (ix->natt == 0) {
		diag_add(c->d, c->p->path, dl->form.pos, MSG_ATTACHMENT_REF_FORM_NONE, who, id);
		return;
	}
	const char *hint = nearest_name(ix->att, ix->natt, id);
	diag_add(c->d, c->p->path, dl->form.pos, MSG_ATTACHMENT_REF_FORM, who, id,
	         hint ? "，是否应为“" : "", hint ? hint : "", hint ? "”？" : "");
}

static void check_deadline(Ctx *c, const Index *ix, size_t i)
{
	const Deadline *dl = &c->p->deadlines[i];
	char *who = deadline_label(dl, i);
	bool outside = known(dl->due) && check_deadline_campaign(c, dl, who);
	/* Outside the campaign is outside its phase too: one finding says
	 * so; a phase name that matches nothing is still worth its own. */
	if (dl->phase.s && check_deadline_phase(c, ix, dl, who, !outside))
		outside = true;
	if (known(dl->due)) {
		if (!outside)
			check_deadline_gap(c, ix, dl, who);
		check_deadline_issue(c, dl, who);
		check_deadline_weekend(c, dl, who);
	}
	check_deadline_form(c, ix, dl, who);
	free(who);
}

/* phase-holiday (a note): a phase that starts or ends on a day off. */
static void check_phase_holidays(Ctx *c)
{
	for (size_t i = 0; i < c->p->nphases; i++) {
		const Phase *ph = &c->p->phases[i];
		const Date *ends[] = {&ph->start, &ph->end};
		for (int k = 0; k < 2; k++) {
			const char *name;
			Day from, to;
			if (!known(*ends[k]) ||
			    holiday(c, ends[k]->day, ends[k]->pos, &name, &from, &to) != HD_OFF)
				continue;
			char *who = phase_label(ph, i, "阶段");
			diag_add(c->d, c->p->path, ends[k]->pos, MSG_PHASE_HOLIDAY, who,
			         k ? "止" : "始", day_text(ends[k]->day, c->ref).s, name,
			         day_text(from, c->ref).s, day_text(to, c->ref).s);
			free(who);
		}
	}
}

void check_timeline(const Plan *p, Diags *d)
{
	Ctx c = {p, d, reference_day(p), DAY_NONE, DAY_NONE, holidays_for(p->path), false};
	check_campaign(&c);
	Index ix;
	index_build(p, &ix);
	check_phases(&c, &ix);
	check_phase_holidays(&c);
	for (size_t i = 0; i < p->ndeadlines; i++)
		check_deadline(&c, &ix, i);
	index_free(&ix);
}
