/* plan_builder.h — build Plans by hand for the checker's unit tests.
 *
 * The checks only read the model, so their tests need no YAML: they set
 * exactly the fields and positions a case is about, the way the reader
 * would have (dates as Days, DAY_NONE for absent or invalid, positions
 * of keys).  Everything added here is in the plan's arena and released
 * by pb_free.  Include after <cmocka.h>.
 */
#ifndef FANGAN_TEST_PLAN_BUILDER_H
#define FANGAN_TEST_PLAN_BUILDER_H

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "date.h"
#include "model.h"
#include "util.h"

#define PB_PATH "plans/test.md"

/* The plan being built: pb_str and pb_push allocate from its arena, so
 * build one plan at a time (pb_new makes it the current one). */
static Plan *pb_cur;

static inline Pos pb_pos(int line, int col)
{
	return (Pos){line, col};
}

/* A string value at line:col; s NULL is an absent key (no position). */
static inline Str pb_str(const char *s, int line, int col)
{
	if (!s)
		return (Str){NULL, {0, 0}};
	if (!pb_cur)
		fail_msg("pb_str before pb_new");
	return (Str){arena_strdup(pb_cur->arena, s), {line, col}};
}

/* A written date "YYYY-MM-DD" at the position of its key. */
static inline Date pb_date(const char *iso, int line, int col)
{
	Day day = DAY_NONE;
	if (!day_parse_iso(iso, &day))
		fail_msg("bad date in test: %s", iso);
	return (Date){day, {line, col}, false};
}

/* A phase date the reader filled in; it sits at the phase item. */
static inline Date pb_implied(const char *iso, int line, int col)
{
	Date dt = pb_date(iso, line, col);
	dt.implied = true;
	return dt;
}

/* An absent date. */
static inline Date pb_nodate(void)
{
	return (Date){DAY_NONE, {0, 0}, false};
}

/* A key written with a value the reader could not read as a date. */
static inline Date pb_baddate(int line, int col)
{
	return (Date){DAY_NONE, {line, col}, false};
}

static inline Num pb_num(long v, int line, int col)
{
	return (Num){v, true, {line, col}};
}

static inline Num pb_nonum(void)
{
	return (Num){0, false, {0, 0}};
}

/* A point value, in tenths of a point (17.5分 is 175). */
static inline Score pb_score(long tenths, int line, int col)
{
	return (Score){tenths, true, {line, col}};
}

static inline Score pb_noscore(void)
{
	return (Score){0, false, {0, 0}};
}

static inline Day pb_day(const char *iso)
{
	return pb_date(iso, 0, 0).day;
}

/* A plan with front matter and nothing in it. */
static inline Plan *pb_new(void)
{
	Plan *p = plan_new(PB_PATH);
	pb_cur = p;
	p->has_front_matter = true;
	p->date = p->campaign_start = p->campaign_end = p->printed_on = pb_nodate();
	return p;
}

/* Append one zeroed element to a growing array and return it. */
static inline void *pb_push(void **arr, size_t *n, size_t size)
{
	*arr = arena_grow(pb_cur->arena, *arr, *n, *n + 1, size);
	char *e = (char *)*arr + *n * size;
	memset(e, 0, size);
	(*n)++;
	return e;
}

/* List items are written "  - name: X": the item at column 3, the name's
 * value at column 11. */
static inline Phase *pb_phase(Plan *p, const char *name, int line, Date start, Date end)
{
	Phase *ph = pb_push((void **)&p->phases, &p->nphases, sizeof *ph);
	ph->name = pb_str(name, line, 11);
	ph->start = start;
	ph->end = end;
	ph->pos = pb_pos(line, 3);
	return ph;
}

static inline Deadline *pb_deadline(Plan *p, const char *name, int line, Date due)
{
	Deadline *dl = pb_push((void **)&p->deadlines, &p->ndeadlines, sizeof *dl);
	dl->name = pb_str(name, line, 11);
	dl->by = dl->to = dl->phase = dl->form = pb_str(NULL, 0, 0);
	dl->due = due;
	dl->pos = pb_pos(line, 3);
	return dl;
}

static inline Attachment *pb_attachment(Plan *p, const char *id, int line)
{
	Attachment *a = pb_push((void **)&p->attachments, &p->nattachments, sizeof *a);
	a->id = pb_str(id, line, 9);
	a->type = ATT_FORM;
	a->pos = pb_pos(line, 3);
	return a;
}

static inline CriteriaItem *pb_item(Plan *p, const char *name, int line, Score points)
{
	Criteria *cr = &p->criteria;
	cr->present = true;
	CriteriaItem *it = pb_push((void **)&cr->items, &cr->nitems, sizeof *it);
	it->name = pb_str(name, line, 13);
	it->points = points;
	it->pos = pb_pos(line, 5);
	return it;
}

static inline Rating *pb_rating(Plan *p, const char *name, int line, Score min, Score max)
{
	Criteria *cr = &p->criteria;
	cr->present = true;
	Rating *r = pb_push((void **)&cr->ratings, &cr->nratings, sizeof *r);
	r->name = pb_str(name, line, 13);
	r->min = min;
	r->max = max;
	r->pos = pb_pos(line, 5);
	return r;
}

static inline Quota *pb_quota(Plan *p, const char *name, int line, Num min, Num max)
{
	Quota *q = pb_push((void **)&p->quotas, &p->nquotas, sizeof *q);
	q->name = pb_str(name, line, 11);
	q->min_percent = min;
	q->max_percent = max;
	q->pos = pb_pos(line, 3);
	return q;
}

/* Hand-built plans keep everything in their arena the way read ones
 * do, so plan_free releases them. */
static inline void pb_free(Plan *p)
{
	if (p == pb_cur)
		pb_cur = NULL;
	plan_free(p);
}

/* ---- looking at findings ---- */

static inline void pb_dump(const Diags *d);

/* Finding i is exactly this; on a mismatch, all findings are shown. */
static inline void pb_expect(const Diags *d, size_t i, const char *rule, Severity sev,
                             int line, int col, const char *message)
{
	const Finding *f = i < d->n ? &d->v[i] : NULL;
	if (f && strcmp(f->rule, rule) == 0 && strcmp(f->message, message) == 0 &&
	    f->severity == sev && f->pos.line == line && f->pos.col == col &&
	    strcmp(f->file, PB_PATH) == 0)
		return;
	pb_dump(d);
	fail_msg("finding %zu should be %d:%d %s %s [%s]", i, line, col,
	         sev == SEV_ERROR ? "error" : "warning", message, rule);
}

static inline size_t pb_count(const Diags *d, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += strcmp(d->v[i].rule, rule) == 0;
	return n;
}

/* On failure, show what was found: a wrong count is otherwise opaque. */
static inline void pb_dump(const Diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_message("  [%zu] %d:%d %s %s [%s]\n", i, d->v[i].pos.line,
		              d->v[i].pos.col,
		              d->v[i].severity == SEV_ERROR ? "error" : "warning",
		              d->v[i].message, d->v[i].rule);
}

static inline void pb_expect_count(const Diags *d, size_t n)
{
	if (d->n != n) {
		pb_dump(d);
		fail_msg("expected %zu findings, got %zu", n, d->n);
	}
}

#endif
