/* calendar.c — see calendar.h. */
#include "calendar.h"
#include "holidays.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctrl.h"
#include "lazy_ical.h"

#include "version.h"

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* ---- UIDs ---- */

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void calendar_uid(const char *plan_path, const char *kind, const char *name,
                  unsigned occurrence, char *out)
{
	/* The stem, not the path: plans/x.md, ./plans/x.md and an absolute
	 * path must give the same UIDs. */
	const char *base = strrchr(plan_path, '/');
	base = base ? base + 1 : plan_path;
	size_t bl = strlen(base);
	if (bl > 3 && strcmp(base + bl - 3, ".md") == 0)
		bl -= 3;
	char occ[16];
	snprintf(occ, sizeof occ, "%u", occurrence);
	uint64_t h = 14695981039346656037ULL;
	h = fnv1a(h, base, bl);
	h = fnv1a(h, "\n", 1);
	h = fnv1a(h, kind, strlen(kind));
	h = fnv1a(h, "\n", 1);
	h = fnv1a(h, nz(name), strlen(nz(name)));
	h = fnv1a(h, "\n", 1);
	h = fnv1a(h, occ, strlen(occ));
	snprintf(out, CAL_UID_MAX, "fangan-%s-%016llx", kind, (unsigned long long)h);
}

/* 1 + how many entries before index i have the same name. */
static unsigned phase_occurrence(const Plan *p, size_t i)
{
	unsigned n = 1;
	for (size_t j = 0; j < i; j++)
		n += strcmp(nz(p->phases[j].name.s), nz(p->phases[i].name.s)) == 0;
	return n;
}

static unsigned deadline_occurrence(const Plan *p, size_t i)
{
	unsigned n = 1;
	for (size_t j = 0; j < i; j++)
		n += strcmp(nz(p->deadlines[j].name.s), nz(p->deadlines[i].name.s)) == 0;
	return n;
}

static bool phase_valid(const Phase *ph)
{
	return ph->start.day != DAY_NONE && ph->end.day != DAY_NONE &&
	       ph->start.day <= ph->end.day;
}

/* ---- iCalendar ---- */

static struct icaltimetype ical_date(Day day)
{
	struct icaltimetype t = icaltime_null_date();
	day_to_ymd(day, &t.year, &t.month, &t.day);
	return t;
}

static long long plan_stamp(const Plan *p, long long stamp)
{
	if (stamp != CAL_STAMP_PLAN)
		return stamp;
	Day d = p->date.day != DAY_NONE ? p->date.day : p->campaign_start.day;
	return d == DAY_NONE ? 0 : (long long)d * 86400;
}

/* The plan as "《title》（doc_number）" for descriptions. */
static void plan_line(Buf *b, const Plan *p)
{
	buf_puts(b, "方案：");
	if (p->title.s)
		buf_printf(b, "《%s》", p->title.s);
	if (p->doc_number.s)
		buf_printf(b, "（%s）", p->doc_number.s);
	buf_printf(b, "\n文件：%s", p->path);
}

/* Add the properties every event has: UID, DTSTAMP, the all-day span
 * [start, end] (end inclusive here, exclusive in the file), SUMMARY,
 * DESCRIPTION, CATEGORIES.  All-day entries do not block time. */
static void add_event(icalcomponent *cal, const char *uid, long long stamp, Day start,
                      Day end, const char *summary, const char *desc, const char *category)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
		(time_t)stamp, 0, icaltimezone_get_utc_timezone())));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(ical_date(start)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(ical_date(end + 1)));
	/* RFC 5545 TEXT holds no control characters: written out (ctrl.h). */
	char *vs = ctrl_visible(summary), *vd = ctrl_visible(desc), *vc = ctrl_visible(category);
	icalcomponent_add_property(ev, icalproperty_new_summary(vs));
	icalcomponent_add_property(ev, icalproperty_new_description(vd));
	icalcomponent_add_property(ev, icalproperty_new_categories(vc));
	free(vs);
	free(vd);
	free(vc);
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	icalcomponent_add_component(cal, ev);
}

/* The attachment a deadline submits, as "附件N “title”", or the id as
 * written when no attachment has it. */
static void form_text(Buf *b, const Plan *p, const Deadline *dl)
{
	if (dl->form_att < 0) {
		buf_puts(b, dl->form.s);
		return;
	}
	const Attachment *a = &p->attachments[dl->form_att];
	buf_printf(b, "附件%d", dl->form_att + 1);
	if (a->title.s)
		buf_printf(b, " %s", a->title.s);
}

static void add_deadline(icalcomponent *cal, const Plan *p, size_t i, long long stamp)
{
	const Deadline *dl = &p->deadlines[i];
	char uid[CAL_UID_MAX], when[32];
	calendar_uid(p->path, "deadline", dl->name.s, deadline_occurrence(p, i), uid);
	Buf d = {0};
	day_format_cn(dl->due.day, when);
	buf_printf(&d, "截止日期：%s\n", when);
	if (dl->by.s)
		buf_printf(&d, "报送单位：%s\n", dl->by.s);
	if (dl->to.s)
		buf_printf(&d, "报送至：%s\n", dl->to.s);
	if (dl->form.s) {
		buf_puts(&d, "报送材料：");
		form_text(&d, p, dl);
		buf_puts(&d, "\n");
	}
	if (dl->phase.s)
		buf_printf(&d, "所属阶段：%s\n", dl->phase.s);
	plan_line(&d, p);
	char *summary = dl->name.s ? xstrdup(dl->name.s) : xasprintf("截止事项%zu", i + 1);
	add_event(cal, uid, plan_stamp(p, stamp), dl->due.day, dl->due.day, summary,
	          buf_cstr(&d), "截止日期");
	free(summary);
	buf_free(&d);
}

static void add_phase(icalcomponent *cal, const Plan *p, size_t i, long long stamp)
{
	const Phase *ph = &p->phases[i];
	char uid[CAL_UID_MAX], a[32], b[32];
	calendar_uid(p->path, "phase", ph->name.s, phase_occurrence(p, i), uid);
	day_format_cn(ph->start.day, a);
	day_format_cn(ph->end.day, b);
	Buf d = {0};
	buf_printf(&d, "起止：%s至%s\n", a, b);
	plan_line(&d, p);
	/* Phases of several plans share names (动员部署阶段), so a phase's
	 * summary says whose it is. */
	Buf s = {0};
	if (ph->name.s)
		buf_puts(&s, ph->name.s);
	else
		buf_printf(&s, "第%zu阶段", i + 1);
	if (p->title.s)
		buf_printf(&s, "（%s）", p->title.s);
	add_event(cal, uid, plan_stamp(p, stamp), ph->start.day, ph->end.day, buf_cstr(&s),
	          buf_cstr(&d), "工作阶段");
	buf_free(&s);
	buf_free(&d);
}

char *calendar_ics(Plan *const *plans, size_t n, long long stamp)
{
	if (!lazy_ical_load(NULL))
		return NULL;
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//fangan//fangan " FANGAN_VERSION "//ZH"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	for (size_t k = 0; k < n; k++) {
		const Plan *p = plans[k];
		for (size_t i = 0; i < p->nphases; i++)
			if (phase_valid(&p->phases[i]))
				add_phase(cal, p, i, stamp);
		for (size_t i = 0; i < p->ndeadlines; i++)
			if (p->deadlines[i].due.day != DAY_NONE)
				add_deadline(cal, p, i, stamp);
	}
	char *s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	/* Hand back memory from our own allocator so callers free() it. */
	char *out = xstrdup(s);
	icalmemory_free_buffer(s);
	return out;
}

/* ---- upcoming ---- */

typedef struct {
	Day day;
	size_t plan, order; /* for a stable order within a day */
	const Plan *p;
	const Deadline *dl; /* one of these two */
	const Phase *ph;
} Entry;

static int cmp_entry(const void *a, const void *b)
{
	const Entry *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->plan != y->plan)
		return x->plan < y->plan ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

static const char *const weekdays[] = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};

static void entry_text(Buf *b, const Entry *e)
{
	char iso[11], end[32];
	day_format_iso(e->day, iso);
	buf_printf(b, "%s %s", iso, weekdays[day_weekday(e->day)]);
	/* A day off, or a weekend day worked in exchange (data/holidays.txt). */
	const char *name;
	Day from, to;
	HolidayKind k = holiday_of(holidays_for(e->p->path), e->day, &name, &from, &to);
	if (k == HD_OFF)
		buf_printf(b, " 休（%s）", name);
	else if (k == HD_WORK)
		buf_printf(b, " 班（%s调休）", name);
	buf_puts(b, "  ");
	if (e->dl) {
		buf_puts(b, nz(e->dl->name.s));
		const char *by = e->dl->by.s, *to = e->dl->to.s;
		if (by && to)
			buf_printf(b, "（%s → %s）", by, to);
		else if (by)
			buf_printf(b, "（%s）", by);
		else if (to)
			buf_printf(b, "（→ %s）", to);
	} else {
		day_format_cn(e->ph->end.day, end);
		buf_printf(b, "%s开始（至%s）", nz(e->ph->name.s), end);
	}
	buf_printf(b, " %s\n", e->p->path);
}

/* One entry's line, its control characters written out (ctrl.h): names
 * come from the plan, and the line goes to a terminal. */
static void entry_line(Buf *out, const Entry *e)
{
	Buf b = {0};
	entry_text(&b, e);
	ctrl_visible_add(out, buf_cstr(&b));
	buf_free(&b);
}

void calendar_upcoming(Plan *const *plans, size_t n, Day from, int days, Buf *out)
{
	Day to = from + days - 1;
	Entry *v = NULL;
	size_t nv = 0, cap = 0;
	for (size_t k = 0; k < n; k++) {
		const Plan *p = plans[k];
		size_t order = 0;
		for (size_t i = 0; i < p->ndeadlines; i++, order++) {
			const Deadline *dl = &p->deadlines[i];
			if (dl->due.day == DAY_NONE || dl->due.day < from || dl->due.day > to)
				continue;
			v = xgrow(v, &cap, nv + 1, sizeof *v);
			v[nv++] = (Entry){dl->due.day, k, order, p, dl, NULL};
		}
		for (size_t i = 0; i < p->nphases; i++, order++) {
			const Phase *ph = &p->phases[i];
			if (!phase_valid(ph) || ph->start.day < from || ph->start.day > to)
				continue;
			v = xgrow(v, &cap, nv + 1, sizeof *v);
			v[nv++] = (Entry){ph->start.day, k, order, p, NULL, ph};
		}
	}
	if (nv)
		qsort(v, nv, sizeof *v, cmp_entry);
	for (size_t i = 0; i < nv; i++)
		entry_line(out, &v[i]);
	free(v);
}
