/* test_check_dates.c — dates in the prose against the timeline. */
#include "testutil.h"

#define FM_HEAD "---\ntitle: t\nissuer: i\ndate: 2020-03-01\ndoc_number: 市直工〔2020〕5号\n" \
	"campaign: {start: 2020-03-01, end: 2020-12-31}\n"
/* FM_HEAD is 6 lines; the phases below add 8 and the closing fence 1, so
 * the body starts on line 16. */
#define PHASES "phases:\n  - name: 动员部署阶段\n    end: 2020-03-10\n" \
	"  - name: 组织实施阶段\n    start: 2020-03-31\n    end: 2020-11-30\n" \
	"  - name: 总结验收阶段\n    end: 2020-12-31\n"

static void test_phase_before_agrees(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "---\n"
	                    "**（一）动员部署阶段（2020年3月10日前）。**甲。\n\n"
	                    "**（二）组织实施阶段（2020年3月底至11月）。**乙，确保年底前完成。\n\n"
	                    "**（三）总结验收阶段（2020年12月底前）。**丙。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 0);
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 0);
	plan_free(p);
	diag_free(&d);
}

static void test_phase_before_conflicts(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "---\n"
	                    "**（一）动员部署阶段（2020年3月5日前）。**甲。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 1);
	assert_finding(&d, "text-date-conflict", 0, SEV_ERROR, 16, 13,
	               "正文写阶段“动员部署阶段”的时间为“2020年3月5日前”，但phases中该阶段止于2020年3月10日");
	plan_free(p);
	diag_free(&d);
}

static void test_phase_range_conflicts(void **state)
{
	(void)state;
	Diags d = {0};
	/* 4月初 is 4月1日…5日; the phase starts on 3月31日. */
	Plan *p = check_str(FM_HEAD PHASES "---\n组织实施阶段（4月初至11月）。\n", &d);
	assert_finding(&d, "text-date-conflict", 0, SEV_ERROR, 16, 8,
	               "正文写阶段“组织实施阶段”的时间为“4月初至11月”，但phases中该阶段为"
	               "2020年3月31日至2020年11月30日");
	plan_free(p);
	diag_free(&d);
}

static void test_deadline_named(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD "deadlines:\n  - name: 报送申报表\n    due: 2020-03-25\n---\n"
	                    "报送申报表：3月20日前。报送申报表：3月25日前。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 1);
	assert_finding(&d, "text-date-conflict", 0, SEV_ERROR, 11, 7,
	               "正文写截止事项“报送申报表”的时间为“3月20日前”，但deadlines中该截止事项为2020年3月25日");
	plan_free(p);
	diag_free(&d);
}

static void test_unlisted(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "---\n"
	                    "3月25日前报送，4月18日召开推进会，“七一”前表彰。\n", &d);
	/* 3月25日 and “七一” match nothing in this timeline; 4月18日 neither. */
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 3);
	assert_finding(&d, "text-date-unlisted", 1, SEV_WARNING, 16, 10,
	               "正文中的日期“4月18日”与时间安排（campaign、phases、deadlines）中的任何日期都不对应");
	assert_finding(&d, "text-date-unlisted", 2, SEV_WARNING, 16, 21, NULL);
	plan_free(p);
	diag_free(&d);
}

static void test_not_dates(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "---\n"
	                    "按照（巴市组办〔2016〕70号）要求，纪念建党89周年，连续三年，90—94分。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 0);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 0);
	plan_free(p);
	diag_free(&d);
}

static void test_no_timeline_no_unlisted(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str("---\ntitle: t\nissuer: i\ndate: 2020-03-01\ndoc_number: x〔2020〕1号\n---\n"
	                    "4月18日召开推进会。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 0);
	plan_free(p);
	diag_free(&d);
}

/* A phase named in a bold run-in head, its time after the head. */
static void test_runin_head_phase(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "---\n"
	                    "**（二）组织实施阶段。**时间为3月31日至11月30日。甲。\n\n"
	                    "**（三）总结验收阶段。**时间为12月1日至12月20日。乙。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 1);
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 0);
	assert_finding(&d, "text-date-conflict", 0, SEV_ERROR, 18, 18,
	               "正文写阶段“总结验收阶段”的时间为“12月1日至12月20日”，但phases中该阶段为2020年12月1日至2020年12月31日");
	plan_free(p);
	diag_free(&d);
}

/* Not the phase's time: a later date, a date after other words, a head
 * with a date of its own, a head naming two phases. */
static void test_runin_head_not_owner(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "---\n"
	                    "**（二）组织实施阶段。**3月25日前，各单位报送。\n\n"
	                    "**（二）组织实施阶段。**各单位于4月18日报送。\n\n"
	                    "**（二）组织实施阶段（3月31日至11月30日）。**时间为4月1日至11月1日。\n\n"
	                    "**（三）组织实施阶段和总结验收阶段。**时间为4月1日至11月1日。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 0);
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 4);
	assert_finding(&d, "text-date-unlisted", 0, SEV_WARNING, 16, 15, NULL);
	plan_free(p);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phase_before_agrees),
		cmocka_unit_test(test_phase_before_conflicts),
		cmocka_unit_test(test_phase_range_conflicts),
		cmocka_unit_test(test_deadline_named),
		cmocka_unit_test(test_unlisted),
		cmocka_unit_test(test_not_dates),
		cmocka_unit_test(test_no_timeline_no_unlisted),
		cmocka_unit_test(test_runin_head_phase),
		cmocka_unit_test(test_runin_head_not_owner),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
