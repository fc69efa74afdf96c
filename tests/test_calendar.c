/* Tests for calendar.c: the iCalendar read back with libical's own parser
 * (dates, UIDs, stamps, what is left out), and the --upcoming list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "calendar.h"
#include "testutil.h"

/* The spec's example plan, with a second deadline in another phase, a
 * phase whose start is implied, and a deadline naming a form. */
static const char plan_src[] =
	"---\n"
	"title: 市直机关党建“五大提升”行动实施方案\n"
	"doc_number: 市直工〔2020〕5号\n"
	"date: 2020-03-01\n"
	"campaign: {start: 2020-03-01, end: 2020-12-31}\n"
	"phases:\n"
	"  - name: 动员部署阶段\n"
	"    end: 2020-03-10\n"
	"  - name: 组织实施阶段\n"
	"    start: 2020-03-31\n"
	"    end: 2020-11-30\n"
	"  - name: 总结验收阶段\n"
	"    end: 2020-12-31\n"
	"deadlines:\n"
	"  - name: 报送先锋队创建申报表\n"
	"    due: 2020-03-25\n"
	"    by: 市直机关各单位党组织\n"
	"    to: 市直机关工委\n"
	"    form: application\n"
	"  - name: 报送工作总结\n"
	"    due: 2020-12-15\n"
	"    by: 市直机关各单位党组织\n"
	"attachments:\n"
	"  - id: application\n"
	"    type: form\n"
	"    title: 创建申报表\n"
	"---\n"
	"正文。\n";

static Plan *read_plan(const char *path, const char *src)
{
	Diags d = {0};
	Plan *p = plan_parse(path, src, strlen(src), &d);
	diag_free(&d);
	return p;
}

static void assert_date(struct icaltimetype t, int y, int m, int dd)
{
	assert_true(t.is_date);
	assert_int_equal(t.year, y);
	assert_int_equal(t.month, m);
	assert_int_equal(t.day, dd);
}

/* The nth VEVENT of cal (0-based). */
static icalcomponent *nth_event(icalcomponent *cal, int n)
{
	icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	while (c && n-- > 0)
		c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	return c;
}

static int count_events(icalcomponent *cal)
{
	int n = 0;
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
	     c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		n++;
	return n;
}

static void test_round_trip(void **state)
{
	(void)state;
	Plan *p = read_plan("plans/five-upgrades.md", plan_src);
	char *ics = calendar_ics(&p, 1, CAL_STAMP_PLAN);
	icalcomponent *cal = icalparser_parse_string(ics);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	/* libical finds nothing wrong with it. */
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	assert_int_equal(count_events(cal), 5);

	/* Phases first, in order; ends exclusive; the implied dates filled. */
	icalcomponent *e = nth_event(cal, 0);
	assert_date(icalcomponent_get_dtstart(e), 2020, 3, 1);
	assert_date(icalcomponent_get_dtend(e), 2020, 3, 11);
	assert_string_equal(icalcomponent_get_summary(e),
	                    "动员部署阶段（市直机关党建“五大提升”行动实施方案）");
	e = nth_event(cal, 1);
	assert_date(icalcomponent_get_dtstart(e), 2020, 3, 31);
	assert_date(icalcomponent_get_dtend(e), 2020, 12, 1);
	e = nth_event(cal, 2);
	assert_date(icalcomponent_get_dtstart(e), 2020, 12, 1);
	assert_date(icalcomponent_get_dtend(e), 2021, 1, 1);

	/* A deadline: one day; who submits what to whom, and the plan. */
	e = nth_event(cal, 3);
	assert_date(icalcomponent_get_dtstart(e), 2020, 3, 25);
	assert_date(icalcomponent_get_dtend(e), 2020, 3, 26);
	assert_string_equal(icalcomponent_get_summary(e), "报送先锋队创建申报表");
	const char *desc = icalcomponent_get_description(e);
	assert_non_null(strstr(desc, "报送单位：市直机关各单位党组织\n"));
	assert_non_null(strstr(desc, "报送至：市直机关工委\n"));
	assert_non_null(strstr(desc, "报送材料：附件1 创建申报表\n"));
	assert_non_null(strstr(desc, "《市直机关党建“五大提升”行动实施方案》（市直工〔2020〕5号）"));

	/* The stamp is the plan's date, at midnight UTC. */
	struct icaltimetype st = icalcomponent_get_dtstamp(e);
	assert_false(st.is_date);
	assert_true(icaltime_is_utc(st));
	assert_int_equal(st.year, 2020);
	assert_int_equal(st.month, 3);
	assert_int_equal(st.day, 1);
	assert_int_equal(st.hour, 0);

	/* UIDs: all different, and the documented hash. */
	char uid[CAL_UID_MAX];
	calendar_uid("plans/five-upgrades.md", "deadline", "报送先锋队创建申报表", 1, uid);
	assert_string_equal(icalcomponent_get_uid(e), uid);
	for (int i = 0; i < 5; i++)
		for (int j = i + 1; j < 5; j++)
			assert_string_not_equal(icalcomponent_get_uid(nth_event(cal, i)),
			                        icalcomponent_get_uid(nth_event(cal, j)));
	icalcomponent_free(cal);
	free(ics);
	plan_free(p);
}

/* Same input, same output, byte for byte; the UID does not depend on
 * how the path was spelled or on the dates. */
static void test_stable(void **state)
{
	(void)state;
	Plan *p = read_plan("plans/five-upgrades.md", plan_src);
	char *a = calendar_ics(&p, 1, CAL_STAMP_PLAN);
	char *b = calendar_ics(&p, 1, CAL_STAMP_PLAN);
	assert_string_equal(a, b);

	/* The same plan read again elsewhere, with a deadline moved. */
	char *moved = xstrdup(plan_src);
	char *at = strstr(moved, "2020-03-25");
	memcpy(at, "2020-03-27", 10);
	Plan *q = read_plan("/tmp/elsewhere/five-upgrades.md", moved);
	char *c = calendar_ics(&q, 1, CAL_STAMP_PLAN);
	icalcomponent *ca = icalparser_parse_string(a), *cc = icalparser_parse_string(c);
	for (int i = 0; i < 5; i++)
		assert_string_equal(icalcomponent_get_uid(nth_event(ca, i)),
		                    icalcomponent_get_uid(nth_event(cc, i)));
	assert_date(icalcomponent_get_dtstart(nth_event(cc, 3)), 2020, 3, 27);
	icalcomponent_free(ca);
	icalcomponent_free(cc);
	free(a);
	free(b);
	free(c);
	free(moved);
	plan_free(p);
	plan_free(q);
}

static void test_uid(void **state)
{
	(void)state;
	char a[CAL_UID_MAX], b[CAL_UID_MAX];
	/* FNV-1a 64 of "x\nphase\nA\n1", worked out independently. */
	calendar_uid("x.md", "phase", "A", 1, a);
	uint64_t h = 14695981039346656037ULL;
	for (const char *s = "x\nphase\nA\n1"; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	snprintf(b, sizeof b, "fangan-phase-%016llx", (unsigned long long)h);
	assert_string_equal(a, b);
	/* Stem, kind, name and occurrence each change it. */
	calendar_uid("y.md", "phase", "A", 1, b);
	assert_string_not_equal(a, b);
	calendar_uid("x.md", "deadline", "A", 1, b);
	assert_string_not_equal(a, b);
	calendar_uid("x.md", "phase", "B", 1, b);
	assert_string_not_equal(a, b);
	calendar_uid("x.md", "phase", "A", 2, b);
	assert_string_not_equal(a, b);
	/* The folder does not. */
	calendar_uid("/a/b/x.md", "phase", "A", 1, b);
	assert_string_equal(a, b);
}

/* Two deadlines with one name get different UIDs; invalid entries are
 * left out; an explicit stamp wins over the plan's date. */
static void test_duplicates_and_invalid(void **state)
{
	(void)state;
	static const char src[] =
		"---\n"
		"title: T\n"
		"date: 2021-01-04\n"
		"phases:\n"
		"  - {name: 倒序阶段, start: 2021-05-01, end: 2021-04-01}\n"
		"  - {name: 无日期阶段}\n"
		"deadlines:\n"
		"  - {name: 报送, due: 2021-02-01}\n"
		"  - {name: 报送, due: 2021-03-01}\n"
		"  - {name: 坏日期, due: 2021-02-30}\n"
		"  - {due: 2021-04-01}\n"
		"---\n";
	Plan *p = read_plan("t.md", src);
	char *ics = calendar_ics(&p, 1, 1600000000);
	icalcomponent *cal = icalparser_parse_string(ics);
	assert_int_equal(count_events(cal), 3);
	const char *u1 = icalcomponent_get_uid(nth_event(cal, 0));
	const char *u2 = icalcomponent_get_uid(nth_event(cal, 1));
	assert_string_not_equal(u1, u2);
	char want[CAL_UID_MAX];
	calendar_uid("t.md", "deadline", "报送", 2, want);
	assert_string_equal(u2, want);
	assert_string_equal(icalcomponent_get_summary(nth_event(cal, 2)), "截止事项4");
	struct icaltimetype st = icalcomponent_get_dtstamp(nth_event(cal, 0));
	assert_int_equal(icaltime_as_timet(st), 1600000000);
	icalcomponent_free(cal);
	free(ics);
	plan_free(p);
}

/* A calendar of no plans is still a calendar. */
static void test_empty(void **state)
{
	(void)state;
	char *ics = calendar_ics(NULL, 0, CAL_STAMP_PLAN);
	icalcomponent *cal = icalparser_parse_string(ics);
	assert_non_null(cal);
	assert_int_equal(count_events(cal), 0);
	assert_non_null(strstr(ics, "VERSION:2.0\r\n"));
	icalcomponent_free(cal);
	free(ics);
}

static void test_upcoming(void **state)
{
	(void)state;
	Plan *p = read_plan("plans/five-upgrades.md", plan_src);
	Buf b = {0};
	/* 2020-03-20 … 2020-03-31: the deadline, then a phase's start on the
	 * window's last day. */
	calendar_upcoming(&p, 1, day_from_ymd(2020, 3, 20), 12, &b);
	assert_string_equal(buf_cstr(&b),
		"2020-03-25 周三  报送先锋队创建申报表（市直机关各单位党组织 → 市直机关工委） plans/five-upgrades.md\n"
		"2020-03-31 周二  组织实施阶段开始（至2020年11月30日） plans/five-upgrades.md\n");
	buf_free(&b);
	/* One day shorter: the phase is out. */
	calendar_upcoming(&p, 1, day_from_ymd(2020, 3, 20), 11, &b);
	assert_null(strstr(buf_cstr(&b), "组织实施阶段"));
	buf_free(&b);
	/* Today is included; by without to. */
	calendar_upcoming(&p, 1, day_from_ymd(2020, 12, 15), 1, &b);
	assert_string_equal(buf_cstr(&b),
		"2020-12-15 周二  报送工作总结（市直机关各单位党组织） plans/five-upgrades.md\n");
	buf_free(&b);
	/* Nothing due. */
	calendar_upcoming(&p, 1, day_from_ymd(2020, 4, 1), 30, &b);
	assert_int_equal(b.len, 0);
	buf_free(&b);
	plan_free(p);
}

/* Across plans: soonest first; one day keeps the plans' order. */
static void test_upcoming_order(void **state)
{
	(void)state;
	static const char a_src[] = "---\ntitle: A\ndeadlines:\n"
		"  - {name: 乙, due: 2021-06-02, to: 工委}\n"
		"  - {name: 甲, due: 2021-06-01}\n---\n";
	static const char b_src[] = "---\ntitle: B\ndeadlines:\n"
		"  - {name: 丙, due: 2021-06-01}\n---\n";
	Plan *ps[2] = {read_plan("a.md", a_src), read_plan("b.md", b_src)};
	Buf b = {0};
	calendar_upcoming(ps, 2, day_from_ymd(2021, 6, 1), 7, &b);
	assert_string_equal(buf_cstr(&b),
		"2021-06-01 周二  甲 a.md\n"
		"2021-06-01 周二  丙 b.md\n"
		"2021-06-02 周三  乙（→ 工委） a.md\n");
	buf_free(&b);
	plan_free(ps[0]);
	plan_free(ps[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_stable),
		cmocka_unit_test(test_uid),
		cmocka_unit_test(test_duplicates_and_invalid),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_upcoming),
		cmocka_unit_test(test_upcoming_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
