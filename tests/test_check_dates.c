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

/* A phase's name without its last word (动员部署 for 动员部署阶段) ties
 * the date right after it; the nearest (longest) start wins. */
static void test_short_name(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "---\n"
	                    "动员部署（2020年3月5日前）。组织实施：3月31日至11月30日。总结（12月1日至20日）。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 2);
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 0);
	assert_finding(&d, "text-date-conflict", 0, SEV_ERROR, 16, 6,
	               "正文写阶段“动员部署阶段”的时间为“2020年3月5日前”，但phases中该阶段止于2020年3月10日");
	assert_finding(&d, "text-date-conflict", 1, SEV_ERROR, 16, 39,
	               "正文写阶段“总结验收阶段”的时间为“12月1日至20日”，但phases中该阶段为"
	               "2020年12月1日至2020年12月31日");
	plan_free(p);
	diag_free(&d);
}

/* Not a phase's time: a short name with no date after it in its clause
 * ("开展自查评比。", plans/model-organ.md:110), one start shared by two
 * phases as near (自查 for 自查评比阶段 and 自查整改阶段), a start of
 * one character. */
static void test_short_name_silent(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD "phases:\n"
	                    "  - {name: 自查评比阶段, start: 2020-03-01, end: 2020-03-10}\n"
	                    "  - {name: 自查整改阶段, start: 2020-03-11, end: 2020-03-20}\n"
	                    "---\n"
	                    "**（三）开展自查评比。**正式申报前，自行组织一次自查评比。4月18日召开推进会。\n\n"
	                    "自查（3月1日至5日）。自（3月1日至5日）。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 0);
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 3);
	assert_finding(&d, "text-date-unlisted", 0, SEV_WARNING, 11, 32, NULL);
	assert_finding(&d, "text-date-unlisted", 1, SEV_WARNING, 13, 4, NULL);
	assert_finding(&d, "text-date-unlisted", 2, SEV_WARNING, 13, 15, NULL);
	plan_free(p);
	diag_free(&d);
}

/* A date before a deadline's action: "4月10日前报送项目清单". */
static void test_deadline_after(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD "deadlines:\n  - {name: 报送项目清单, due: 2020-04-15}\n"
	                    "  - {name: 完成资料整理, due: 2020-04-20}\n---\n"
	                    "各单位于4月10日前报送项目清单。4月20日前，机关党委完成资料整理，以备考评。\n\n"
	                    "4月15日召开推进会。报送项目清单要齐全。4月20日前报送项目清单和完成资料整理。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 2);
	assert_finding(&d, "text-date-conflict", 0, SEV_ERROR, 11, 5,
	               "正文写截止事项“报送项目清单”的时间为“4月10日前”，但deadlines中该截止事项为2020年4月15日");
	/* 4月15日 is in another clause than 报送项目清单: not tied, and a date
	 * of the timeline.  The last clause names two deadlines: the date is
	 * for the one written first, 报送项目清单 (4月15日). */
	assert_finding(&d, "text-date-conflict", 1, SEV_ERROR, 13, 22,
	               "正文写截止事项“报送项目清单”的时间为“4月20日前”，但deadlines中该截止事项为2020年4月15日");
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 0);
	plan_free(p);
	diag_free(&d);
}

/* A table row naming a phase or deadline in one cell: the dates of its
 * other cells are that entry's, even one equal to the campaign's end. */
static void test_table_rows(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "deadlines:\n  - {name: 报送申报表, due: 2020-03-25}\n---\n"
	                    "| 阶段 | 时间 |\n"
	                    "|---|---|\n"
	                    "| 动员部署阶段 | 2020年3月10日前 |\n"
	                    "| 组织实施阶段 | 2020年12月31日前 |\n"
	                    "| 总结验收 | 12月1日至31日 |\n"
	                    "| 报送申报表 | 3月20日 |\n"
	                    "| 组织实施阶段、总结验收阶段 | 2020年12月31日 |\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 2);
	assert_finding(&d, "text-date-conflict", 0, SEV_ERROR, 21, 12,
	               "正文写阶段“组织实施阶段”的时间为“2020年12月31日前”，但phases中该阶段止于2020年11月30日");
	assert_finding(&d, "text-date-conflict", 1, SEV_ERROR, 23, 11,
	               "正文写截止事项“报送申报表”的时间为“3月20日”，但deadlines中该截止事项为2020年3月25日");
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 0);
	plan_free(p);
	diag_free(&d);
}

/* A date equal to the campaign's end, right after a phase's name, is
 * still compared with that phase. */
static void test_campaign_end_named(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "---\n组织实施阶段：2020年12月31日前。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 1);
	assert_finding(&d, "text-date-conflict", 0, SEV_ERROR, 16, 8, NULL);
	plan_free(p);
	diag_free(&d);
}

/* Only the name in bold ("**动员部署阶段**（3月5日前）"): the date right
 * after it is the phase's, a single day too; not a date after other
 * words, nor one after a bold head that says more than the name. */
static void test_bold_name_only(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM_HEAD PHASES "---\n"
	                    "**动员部署阶段**（3月5日前）。甲。\n\n"
	                    "**动员部署阶段**：3月10日前完成。\n\n"
	                    "**动员部署阶段**各单位于3月5日前部署。\n\n"
	                    "**动员部署阶段要抓早**（3月5日前）。\n", &d);
	assert_int_equal(count_rule(&d, "text-date-conflict"), 1);
	assert_finding(&d, "text-date-conflict", 0, SEV_ERROR, 16, 12,
	               "正文写阶段“动员部署阶段”的时间为“3月5日前”，但phases中该阶段止于2020年3月10日");
	assert_int_equal(count_rule(&d, "text-date-unlisted"), 2);
	assert_finding(&d, "text-date-unlisted", 0, SEV_WARNING, 20, 15, NULL);
	assert_finding(&d, "text-date-unlisted", 1, SEV_WARNING, 22, 15, NULL);
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
		cmocka_unit_test(test_short_name),
		cmocka_unit_test(test_short_name_silent),
		cmocka_unit_test(test_deadline_after),
		cmocka_unit_test(test_table_rows),
		cmocka_unit_test(test_campaign_end_named),
		cmocka_unit_test(test_bold_name_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
