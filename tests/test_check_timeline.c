/* Tests for check_timeline (campaign, phases, deadlines) and check_meta. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "plan_builder.h"

/* A phase written with both dates on the lines after its item:
 *   line:     - name: NAME
 *   line + 1:   start: START
 *   line + 2:   end: END
 */
static Phase *phase(Plan *p, const char *name, int line, const char *start,
                    const char *end)
{
	return pb_phase(p, name, line, pb_date(start, line + 1, 5),
	                pb_date(end, line + 2, 5));
}

/* A deadline whose due date is on the line after its item. */
static Deadline *deadline(Plan *p, const char *name, int line, const char *due)
{
	return pb_deadline(p, name, line, pb_date(due, line + 1, 5));
}

static void campaign(Plan *p, const char *start, const char *end)
{
	p->campaign_start = pb_date(start, 11, 12);
	p->campaign_end = pb_date(end, 11, 31);
}

/* The reader resolves every plan before it is checked (plan_resolve):
 * hand-built ones too, so that deadlines are linked to their forms. */
static Diags run(Plan *p)
{
	Diags d = {0};
	plan_resolve(p, &d);
	check_timeline(p, &d);
	return d;
}

/* The spec's example plan, from seed 000 (市直机关党建“五大提升”行动):
 *
 *  5 date: 2020-03-01
 * 11 campaign: {start: 2020-03-01, end: 2020-12-31}
 * 12 phases:
 * 13   - name: 动员部署阶段
 * 14     end: 2020-03-10
 * 15   - name: 组织实施阶段
 * 16     start: 2020-03-31
 * 17     end: 2020-11-30
 * 18   - name: 总结验收阶段
 * 19     start: 2020-12-01
 * 20     end: 2020-12-31
 * 21 deadlines:
 * 22   - name: 报送先锋队创建申报表
 * 23     due: 2020-03-25
 * 26     form: application
 * 28 attachments:
 * 29   - id: application
 */
static Plan *seed000(void)
{
	Plan *p = pb_new();
	p->date = pb_date("2020-03-01", 5, 1);
	campaign(p, "2020-03-01", "2020-12-31");
	pb_phase(p, "动员部署阶段", 13, pb_implied("2020-03-01", 13, 3),
	         pb_date("2020-03-10", 14, 5));
	phase(p, "组织实施阶段", 15, "2020-03-31", "2020-11-30");
	phase(p, "总结验收阶段", 18, "2020-12-01", "2020-12-31");
	Deadline *dl = deadline(p, "报送先锋队创建申报表", 22, "2020-03-25");
	dl->form = pb_str("application", 26, 11);
	pb_attachment(p, "application", 29);
	return p;
}

static void test_seed000(void **state)
{
	(void)state;
	Plan *p = seed000();
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "phase-gap", SEV_WARNING, 16, 5,
	          "阶段“动员部署阶段”止于3月10日，下一阶段“组织实施阶段”始于3月31日，"
	          "其间3月11日至3月30日（20天）不属于任何阶段");
	pb_expect(&d, 1, "deadline-in-gap", SEV_WARNING, 23, 5,
	          "截止日期“报送先锋队创建申报表”（2020年3月25日）不在任何阶段内："
	          "动员部署阶段止于3月10日，组织实施阶段始于3月31日");
	diag_free(&d);
	pb_free(p);
}

/* Seed 000 with the gap closed: adjacent phases (3月30日 then 3月31日)
 * are neither a gap nor an overlap, phases exactly on the campaign's
 * bounds are inside it, and the deadline now falls in a phase. */
static void test_adjacent_phases_clean(void **state)
{
	(void)state;
	Plan *p = seed000();
	p->phases[0].end = pb_date("2020-03-30", 14, 5);
	Deadline *dl = deadline(p, "报送工作总结", 30, "2020-12-31"); /* Thursday */
	dl->phase = pb_str("总结验收阶段", 33, 12);
	Deadline *first = deadline(p, "第一天", 35, "2020-03-02"); /* Monday */
	first->phase = pb_str("动员部署阶段", 37, 12);
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

/* Seed 003 篇3: 第一阶段 8月25日—9月10日, 第二阶段 9月10日—9月15日,
 * 第三阶段 9月15日—9月20日 (20XX read as 2020); the two deadlines of the
 * third phase, 9月15日前 and 9月20日前. */
static void test_seed003_shared_boundary_days(void **state)
{
	(void)state;
	Plan *p = pb_new();
	phase(p, "全面实施阶段", 13, "2020-08-25", "2020-09-10");
	phase(p, "自查评比阶段", 16, "2020-09-10", "2020-09-15");
	phase(p, "申报迎检阶段", 19, "2020-09-15", "2020-09-20");
	deadline(p, "完成迎检资料归类整理", 23, "2020-09-15");
	deadline(p, "向市直工委申报验收", 26, "2020-09-20");
	Diags d = run(p);
	pb_expect_count(&d, 3);
	pb_expect(&d, 0, "phase-overlap", SEV_WARNING, 17, 5,
	          "阶段“自查评比阶段”（始于9月10日）与上一阶段“全面实施阶段”（止于9月10日）"
	          "共用9月10日");
	pb_expect(&d, 1, "phase-overlap", SEV_WARNING, 20, 5,
	          "阶段“申报迎检阶段”（始于9月15日）与上一阶段“自查评比阶段”（止于9月15日）"
	          "共用9月15日");
	pb_expect(&d, 2, "deadline-weekend", SEV_WARNING, 27, 5,
	          "截止日期“向市直工委申报验收”（2020年9月20日）是星期日");
	diag_free(&d);
	pb_free(p);
}

static void test_overlap_several_days(void **state)
{
	(void)state;
	Plan *p = pb_new();
	phase(p, "全面实施阶段", 13, "2020-08-25", "2020-09-10");
	phase(p, "自查评比阶段", 16, "2020-09-01", "2020-09-15");
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "phase-overlap", SEV_ERROR, 17, 5,
	          "阶段“自查评比阶段”（始于9月1日）与上一阶段“全面实施阶段”（止于9月10日）"
	          "重叠10天，自9月1日至9月10日");
	diag_free(&d);
	pb_free(p);
}

/* A long phase overlaps both later ones; the days between the two short
 * ones are still the long one's, so they are no gap. */
static void test_overlap_with_long_earlier_phase(void **state)
{
	(void)state;
	Plan *p = pb_new();
	campaign(p, "2020-03-01", "2020-12-31");
	phase(p, "常态推进", 13, "2020-03-01", "2020-12-31");
	phase(p, "集中学习", 16, "2020-04-01", "2020-04-30");
	phase(p, "集中整改", 19, "2020-05-10", "2020-05-10");
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "phase-overlap", SEV_ERROR, 17, 5,
	          "阶段“集中学习”（始于4月1日）与上一阶段“常态推进”（止于12月31日）"
	          "重叠30天，自4月1日至4月30日");
	pb_expect(&d, 1, "phase-overlap", SEV_ERROR, 20, 5,
	          "阶段“集中整改”（始于5月10日）与阶段“常态推进”（止于12月31日）"
	          "重叠1天，即5月10日");
	diag_free(&d);
	pb_free(p);
}

/* Listed out of order: reported once as phase-order at the phase's start,
 * and the pair is not also called an overlap. */
static void test_phases_out_of_order(void **state)
{
	(void)state;
	Plan *p = pb_new();
	campaign(p, "2020-03-01", "2020-12-31");
	phase(p, "动员部署阶段", 13, "2020-03-01", "2020-03-31");
	phase(p, "总结验收阶段", 16, "2020-06-01", "2020-12-31");
	phase(p, "组织实施阶段", 19, "2020-04-01", "2020-06-10");
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "phase-order", SEV_ERROR, 20, 5,
	          "阶段“组织实施阶段”始于4月1日，早于上一阶段“总结验收阶段”的开始日期6月1日："
	          "各阶段应按时间先后排列");
	diag_free(&d);
	pb_free(p);
}

static void test_phase_ends_before_start(void **state)
{
	(void)state;
	Plan *p = pb_new();
	campaign(p, "2020-03-01", "2020-12-31");
	phase(p, "动员部署阶段", 13, "2020-03-10", "2020-03-01");
	/* The reader implied this end from the next phase's start (4月1日),
	 * which is before this phase's own start. */
	pb_phase(p, "组织实施阶段", 16, pb_date("2020-04-05", 17, 5),
	         pb_implied("2020-03-31", 16, 3));
	phase(p, "总结验收阶段", 18, "2020-04-01", "2020-12-31");
	Diags d = run(p);
	pb_expect(&d, 0, "phase-order", SEV_ERROR, 15, 5,
	          "阶段“动员部署阶段”止于3月1日，早于其开始日期3月10日");
	pb_expect(&d, 1, "phase-order", SEV_ERROR, 16, 3,
	          "阶段“组织实施阶段”止于3月31日（未写明，按下一阶段推算），"
	          "早于其开始日期4月5日");
	pb_expect(&d, 2, "phase-order", SEV_ERROR, 19, 5,
	          "阶段“总结验收阶段”始于4月1日，早于上一阶段“组织实施阶段”的开始日期4月5日："
	          "各阶段应按时间先后排列");
	pb_expect_count(&d, 4);
	/* 4月5日 is 清明节 in 2020 (data/holidays.txt). */
	pb_expect(&d, 3, "phase-holiday", SEV_NOTE, 17, 5,
	          "阶段“组织实施阶段”始于4月5日，这天是清明节假期（4月4日至4月6日）");
	diag_free(&d);
	pb_free(p);
}

/* Two phases starting the same day are in order, but overlap. */
static void test_phases_same_start(void **state)
{
	(void)state;
	Plan *p = pb_new();
	phase(p, "集中学习", 13, "2020-03-01", "2020-03-10");
	phase(p, "专题研讨", 16, "2020-03-01", "2020-03-20");
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "phase-overlap", SEV_ERROR, 17, 5,
	          "阶段“专题研讨”（始于3月1日）与上一阶段“集中学习”（止于3月10日）"
	          "重叠10天，自3月1日至3月10日");
	diag_free(&d);
	pb_free(p);
}

/* A one-day phase (start == end) is in order. */
static void test_one_day_phase(void **state)
{
	(void)state;
	Plan *p = pb_new();
	phase(p, "启动仪式", 13, "2020-03-02", "2020-03-02");
	phase(p, "组织实施阶段", 16, "2020-03-03", "2020-06-30");
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

static void test_gap_of_one_day(void **state)
{
	(void)state;
	Plan *p = pb_new();
	phase(p, "动员部署阶段", 13, "2020-03-01", "2020-03-10");
	phase(p, "组织实施阶段", 16, "2020-03-12", "2020-06-30");
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "phase-gap", SEV_WARNING, 17, 5,
	          "阶段“动员部署阶段”止于3月10日，下一阶段“组织实施阶段”始于3月12日，"
	          "其间3月11日（1天）不属于任何阶段");
	diag_free(&d);
	pb_free(p);
}

static void test_phase_outside_campaign(void **state)
{
	(void)state;
	Plan *p = pb_new();
	campaign(p, "2020-03-01", "2020-12-31");
	phase(p, "动员部署阶段", 13, "2020-02-20", "2020-03-10");
	phase(p, "组织实施阶段", 16, "2020-03-11", "2020-11-30");
	phase(p, "总结验收阶段", 19, "2020-12-01", "2021-01-10");
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "phase-outside", SEV_ERROR, 14, 5,
	          "阶段“动员部署阶段”始于2月20日，早于活动开始日期3月1日");
	pb_expect(&d, 1, "phase-outside", SEV_ERROR, 21, 5,
	          "阶段“总结验收阶段”止于2021年1月10日，晚于活动结束日期12月31日");
	diag_free(&d);
	pb_free(p);
}

static void test_campaign_reversed(void **state)
{
	(void)state;
	Plan *p = pb_new();
	campaign(p, "2020-12-31", "2020-03-01");
	phase(p, "组织实施阶段", 13, "2020-03-01", "2020-12-31");
	deadline(p, "报送总结", 16, "2020-12-30"); /* Wednesday */
	Diags d = run(p);
	/* Only the campaign itself: with its bounds the wrong way round,
	 * calling every phase and deadline "outside" would be noise. */
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "phase-order", SEV_ERROR, 11, 31,
	          "活动结束日期2020年3月1日早于开始日期2020年12月31日");
	diag_free(&d);
	pb_free(p);
}

static void test_deadline_outside_campaign(void **state)
{
	(void)state;
	Plan *p = pb_new();
	campaign(p, "2020-03-01", "2020-12-31");
	phase(p, "组织实施阶段", 13, "2020-03-01", "2020-12-31");
	deadline(p, "报送方案", 16, "2020-02-27");      /* Thursday */
	deadline(p, "报送总结", 18, "2021-01-05");      /* Tuesday */
	deadline(p, "报送年度台账", 20, "2020-12-31");  /* last day: fine */
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "deadline-outside", SEV_ERROR, 17, 5,
	          "截止日期“报送方案”（2020年2月27日）早于活动开始日期3月1日");
	pb_expect(&d, 1, "deadline-outside", SEV_ERROR, 19, 5,
	          "截止日期“报送总结”（2021年1月5日）晚于活动结束日期2020年12月31日");
	diag_free(&d);
	pb_free(p);
}

static void test_deadline_outside_named_phase(void **state)
{
	(void)state;
	Plan *p = seed000();
	/* 3月25日 is in no phase; naming 动员部署阶段 makes it outside that. */
	p->deadlines[0].phase = pb_str("动员部署阶段", 24, 12);
	Deadline *late = deadline(p, "报送典型案例", 30, "2020-11-30"); /* Monday */
	late->phase = pb_str("组织实施阶段", 32, 12);                    /* its last day */
	Deadline *early = deadline(p, "报送自查报告", 34, "2020-11-27"); /* Friday */
	early->phase = pb_str("总结验收阶段", 36, 12);
	Diags d = run(p);
	pb_expect_count(&d, 3);
	pb_expect(&d, 0, "phase-gap", SEV_WARNING, 16, 5,
	          "阶段“动员部署阶段”止于3月10日，下一阶段“组织实施阶段”始于3月31日，"
	          "其间3月11日至3月30日（20天）不属于任何阶段");
	pb_expect(&d, 1, "deadline-outside", SEV_ERROR, 23, 5,
	          "截止日期“报送先锋队创建申报表”（2020年3月25日）晚于所属阶段“动员部署阶段”"
	          "的结束日期3月10日");
	pb_expect(&d, 2, "deadline-outside", SEV_ERROR, 35, 5,
	          "截止日期“报送自查报告”（2020年11月27日）早于所属阶段“总结验收阶段”"
	          "的开始日期12月1日");
	diag_free(&d);
	pb_free(p);
}

static void test_deadline_names_missing_phase(void **state)
{
	(void)state;
	Plan *p = seed000();
	p->deadlines[0].due = pb_date("2020-04-01", 23, 5); /* Wednesday, in a phase */
	p->deadlines[0].phase = pb_str("组织实施", 24, 12);
	Deadline *dl = deadline(p, "报送总结", 30, "2020-12-10"); /* Thursday */
	dl->phase = pb_str("验收", 32, 12);
	Diags d = run(p);
	pb_expect(&d, 1, "deadline-outside", SEV_ERROR, 24, 12,
	          "截止日期“报送先锋队创建申报表”所属的阶段“组织实施”不存在，"
	          "是否应为“组织实施阶段”？");
	pb_expect(&d, 2, "deadline-outside", SEV_ERROR, 32, 12,
	          "截止日期“报送总结”所属的阶段“验收”不存在");
	pb_expect_count(&d, 3); /* and the seed's phase-gap */
	diag_free(&d);
	pb_free(p);
}

static void test_deadline_before_and_after_all_phases(void **state)
{
	(void)state;
	Plan *p = pb_new();
	campaign(p, "2020-03-01", "2020-12-31");
	phase(p, "动员部署阶段", 13, "2020-03-10", "2020-03-31");
	phase(p, "总结验收阶段", 16, "2020-04-01", "2020-12-20");
	deadline(p, "成立领导小组", 20, "2020-03-05");  /* Thursday */
	deadline(p, "报送年度总结", 22, "2020-12-28");  /* Monday */
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "deadline-in-gap", SEV_WARNING, 21, 5,
	          "截止日期“成立领导小组”（2020年3月5日）不在任何阶段内："
	          "各阶段中最早的动员部署阶段始于3月10日");
	pb_expect(&d, 1, "deadline-in-gap", SEV_WARNING, 23, 5,
	          "截止日期“报送年度总结”（2020年12月28日）不在任何阶段内："
	          "各阶段中最晚的总结验收阶段止于12月20日");
	diag_free(&d);
	pb_free(p);
}

/* With no campaign, only the days between the first phase's start and
 * the last phase's end are expected to be in a phase. */
static void test_deadline_without_campaign(void **state)
{
	(void)state;
	Plan *p = pb_new();
	phase(p, "动员部署阶段", 13, "2020-03-10", "2020-03-31");
	phase(p, "组织实施阶段", 16, "2020-04-10", "2020-06-30");
	deadline(p, "提前报送名单", 20, "2020-03-02");   /* Monday: before all */
	deadline(p, "报送方案", 22, "2020-04-03");       /* Friday: in the gap */
	deadline(p, "报送总结", 24, "2020-07-01");       /* Wednesday: after all */
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "phase-gap", SEV_WARNING, 17, 5,
	          "阶段“动员部署阶段”止于3月31日，下一阶段“组织实施阶段”始于4月10日，"
	          "其间4月1日至4月9日（9天）不属于任何阶段");
	pb_expect(&d, 1, "deadline-in-gap", SEV_WARNING, 23, 5,
	          "截止日期“报送方案”（2020年4月3日）不在任何阶段内："
	          "动员部署阶段止于3月31日，组织实施阶段始于4月10日");
	diag_free(&d);
	pb_free(p);
}

static void test_deadline_in_gap_needs_phases(void **state)
{
	(void)state;
	Plan *p = pb_new();
	campaign(p, "2020-03-01", "2020-12-31");
	deadline(p, "报送方案", 16, "2020-03-25");
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

static void test_deadline_before_issue(void **state)
{
	(void)state;
	Plan *p = pb_new();
	p->date = pb_date("2020-03-01", 5, 1);
	deadline(p, "报送名单", 16, "2020-02-28");   /* Friday */
	deadline(p, "当日报送", 18, "2020-03-02");   /* Monday, after: fine */
	deadline(p, "跨年报送", 20, "2019-12-31");   /* Tuesday */
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "deadline-before-issue", SEV_ERROR, 17, 5,
	          "截止日期“报送名单”（2020年2月28日）早于成文日期3月1日，"
	          "届时方案尚未发出，无法按期完成");
	pb_expect(&d, 1, "deadline-before-issue", SEV_ERROR, 21, 5,
	          "截止日期“跨年报送”（2019年12月31日）早于成文日期2020年3月1日，"
	          "届时方案尚未发出，无法按期完成");
	diag_free(&d);
	pb_free(p);
}

/* The issue date itself is not "before" it. */
static void test_deadline_on_issue_day(void **state)
{
	(void)state;
	Plan *p = pb_new();
	p->date = pb_date("2020-03-02", 5, 1);
	deadline(p, "当日报送", 16, "2020-03-02");
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

static void test_deadline_weekend(void **state)
{
	(void)state;
	Plan *p = pb_new();
	deadline(p, "周五报送", 16, "2020-03-27");
	deadline(p, "周六报送", 18, "2020-03-28");
	deadline(p, "周日报送", 20, "2020-03-29");
	deadline(p, "周一报送", 22, "2020-03-30");
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "deadline-weekend", SEV_WARNING, 19, 5,
	          "截止日期“周六报送”（2020年3月28日）是星期六");
	pb_expect(&d, 1, "deadline-weekend", SEV_WARNING, 21, 5,
	          "截止日期“周日报送”（2020年3月29日）是星期日");
	diag_free(&d);
	pb_free(p);
}

static void test_attachment_ref(void **state)
{
	(void)state;
	Plan *p = seed000();
	p->phases[0].end = pb_date("2020-03-30", 14, 5); /* no gap */
	p->deadlines[0].form = pb_str("applicaton", 26, 11);
	Deadline *dl = deadline(p, "报送台账", 30, "2020-11-30");
	dl->form = pb_str("ledger", 33, 11);
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "attachment-ref", SEV_ERROR, 26, 11,
	          "截止日期“报送先锋队创建申报表”要求报送的附件“applicaton”不存在，"
	          "是否应为“application”？");
	pb_expect(&d, 1, "attachment-ref", SEV_ERROR, 33, 11,
	          "截止日期“报送台账”要求报送的附件“ledger”不存在");
	diag_free(&d);
	pb_free(p);
}

static void test_attachment_ref_no_attachments(void **state)
{
	(void)state;
	Plan *p = pb_new();
	Deadline *dl = deadline(p, "报送申报表", 22, "2020-03-25");
	dl->form = pb_str("application", 26, 11);
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "attachment-ref", SEV_ERROR, 26, 11,
	          "截止日期“报送申报表”要求报送的附件“application”不存在：方案没有附件");
	diag_free(&d);
	pb_free(p);
}

/* Dates the reader could not read are DAY_NONE: it has reported them,
 * and nothing is compared with them.  A phase of unknown extent could
 * hold any day, so no gap and no deadline-in-gap is claimed either. */
static void test_unknown_dates_are_skipped(void **state)
{
	(void)state;
	Plan *p = pb_new();
	p->date = pb_baddate(5, 1);
	p->campaign_start = pb_baddate(11, 12);
	p->campaign_end = pb_date("2020-12-31", 11, 31);
	phase(p, "动员部署阶段", 13, "2020-03-01", "2020-03-10");
	pb_phase(p, "组织实施阶段", 16, pb_baddate(17, 5), pb_baddate(18, 5));
	phase(p, "总结验收阶段", 19, "2020-12-01", "2020-12-31");
	pb_deadline(p, "无效日期", 22, pb_baddate(23, 5));
	deadline(p, "报送方案", 25, "2020-03-25");
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

/* Unnamed phases and deadlines are called by their place in the list. */
static void test_unnamed(void **state)
{
	(void)state;
	Plan *p = pb_new();
	phase(p, NULL, 13, "2020-03-01", "2020-03-10");
	phase(p, NULL, 16, "2020-03-10", "2020-03-20");
	deadline(p, NULL, 20, "2020-03-21"); /* Saturday */
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "phase-overlap", SEV_WARNING, 17, 5,
	          "第2个阶段（始于3月10日）与第1个阶段（止于3月10日）共用3月10日");
	pb_expect(&d, 1, "deadline-weekend", SEV_WARNING, 21, 5,
	          "第1个截止日期（2020年3月21日）是星期六");
	diag_free(&d);
	pb_free(p);
}

static double seconds_since(clock_t t0)
{
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/* 100,000 phases and as many deadlines: every lookup is by binary
 * search, so this takes milliseconds; a pairwise check would take
 * minutes. */
static void test_many_phases_fast(void **state)
{
	(void)state;
	enum { N = 100000 };
	Plan *p = pb_new();
	Day day0 = pb_day("2000-01-01");
	p->phases = arena_calloc(p->arena, N, sizeof *p->phases);
	p->deadlines = arena_calloc(p->arena, N, sizeof *p->deadlines);
	for (int i = 0; i < N; i++) {
		/* Two-day phases, one day apart every 1000th: 100 gaps. */
		Day start = day0 + 2 * i + i / 1000;
		Phase *ph = &p->phases[p->nphases++];
		char name[32];
		snprintf(name, sizeof name, "阶段%d", i);
		ph->name = pb_str(name, 3 * i + 1, 11);
		ph->start = (Date){start, {3 * i + 2, 5}, false};
		ph->end = (Date){start + 1, {3 * i + 3, 5}, false};
		Deadline *dl = &p->deadlines[p->ndeadlines++];
		dl->name = pb_str(name, 400000 + i, 11);
		dl->due = (Date){start + 1 - (start + 1) % 7 + 6, {400000 + i, 20}, false};
		dl->phase = pb_str(i % 2 ? name : "不存在的阶段", 400000 + i, 30);
	}
	clock_t t0 = clock();
	Diags d = run(p);
	double took = seconds_since(t0);
	assert_int_equal(pb_count(&d, "phase-gap"), 99);
	assert_true(d.n > 99);
	assert_true(took < 2.0);
	diag_free(&d);
	pb_free(p);
}

/* ---- check_meta ---- */

static void test_meta_missing(void **state)
{
	(void)state;
	Plan *p = pb_new();
	Diags d = {0};
	check_meta(p, &d);
	pb_expect_count(&d, 4);
	pb_expect(&d, 0, "field-missing", SEV_ERROR, 1, 1, "缺少标题（title）：标题是必填项");
	pb_expect(&d, 1, "field-missing", SEV_WARNING, 1, 1,
	          "缺少发文机关（issuer）：公文将没有发文机关署名");
	pb_expect(&d, 2, "field-missing", SEV_WARNING, 1, 1,
	          "缺少成文日期（date）：公文将没有成文日期，也无法检查截止日期是否早于发文");
	pb_expect(&d, 3, "field-missing", SEV_WARNING, 1, 1, "缺少发文字号（doc_number）");
	diag_free(&d);
	pb_free(p);
}

static void test_meta_complete(void **state)
{
	(void)state;
	Plan *p = pb_new();
	p->title = pb_str("市直机关党建“五大提升”行动实施方案", 2, 8);
	p->issuer = pb_str("中共某某市直属机关工作委员会", 3, 9);
	p->doc_number = pb_str("市直工〔2020〕5号", 4, 13);
	p->date = pb_date("2020-03-01", 5, 1);
	Diags d = {0};
	check_meta(p, &d);
	pb_expect_count(&d, 0);
	/* A date written but invalid was reported as date-invalid. */
	p->date = pb_baddate(5, 1);
	check_meta(p, &d);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

/* `title:` written with nothing after it: the key's own position. */
static void test_meta_empty_title(void **state)
{
	(void)state;
	Plan *p = pb_new();
	p->title = pb_str("", 2, 1);
	p->issuer = pb_str("中共某某市直属机关工作委员会", 3, 9);
	p->doc_number = pb_str("市直工〔2020〕5号", 4, 13);
	p->date = pb_date("2020-03-01", 5, 1);
	Diags d = {0};
	check_meta(p, &d);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "field-missing", SEV_ERROR, 2, 1, "没有填写标题（title）：标题是必填项");
	diag_free(&d);
	pb_free(p);
}

static void test_meta_no_front_matter(void **state)
{
	(void)state;
	Plan *p = pb_new();
	p->has_front_matter = false;
	Diags d = {0};
	check_meta(p, &d);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

/* Holidays (data/holidays.txt, found from the test's plans/ folder): a
 * deadline on a day off is a warning naming the holiday; a weekend day
 * worked in exchange is no weekend; a phase starting on a holiday is a
 * note; a year the data does not cover is one note per plan. */
static void test_holidays(void **state)
{
	(void)state;
	Plan *p = pb_new();
	campaign(p, "2020-09-01", "2035-12-31");
	deadline(p, "报送甲", 20, "2020-10-05");  /* 国庆节、中秋节, a Monday */
	deadline(p, "报送乙", 22, "2020-09-27");  /* a Sunday worked: 班 */
	deadline(p, "报送丙", 24, "2020-09-28");  /* a Monday */
	deadline(p, "报送丁", 26, "2035-03-02");  /* not covered */
	deadline(p, "报送戊", 28, "2035-03-05");  /* not covered: no second note */
	Diags d = run(p);
	pb_expect_count(&d, 3);
	pb_expect(&d, 0, "deadline-holiday", SEV_WARNING, 21, 5,
	          "截止日期“报送甲”（2020年10月5日）落在国庆节、中秋节假期（10月1日至10月8日）");
	/* No deadline-weekend warning for the Sunday worked; a note says why. */
	pb_expect(&d, 1, "deadline-weekend", SEV_NOTE, 23, 5,
	          "截止日期“报送乙”（2020年9月27日）是星期日，"
	          "但该日为调休上班日（国庆节、中秋节调休），不算周末");
	pb_expect(&d, 2, "holiday-data", SEV_NOTE, 27, 5,
	          "节假日数据中还没有2035年的安排，无法检查截止日期是否落在假期："
	          "国务院办公厅的通知发布后，请把它加进data/holidays.txt");
	diag_free(&d);
	pb_free(p);

	p = pb_new();
	campaign(p, "2020-10-01", "2020-12-31");
	phase(p, "甲阶段", 13, "2020-10-01", "2020-12-31");
	d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "phase-holiday", SEV_NOTE, 14, 5,
	          "阶段“甲阶段”始于10月1日，这天是国庆节、中秋节假期（10月1日至10月8日）");
	diag_free(&d);
	pb_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_holidays),
		cmocka_unit_test(test_seed000),
		cmocka_unit_test(test_adjacent_phases_clean),
		cmocka_unit_test(test_seed003_shared_boundary_days),
		cmocka_unit_test(test_overlap_several_days),
		cmocka_unit_test(test_overlap_with_long_earlier_phase),
		cmocka_unit_test(test_phases_out_of_order),
		cmocka_unit_test(test_phase_ends_before_start),
		cmocka_unit_test(test_phases_same_start),
		cmocka_unit_test(test_one_day_phase),
		cmocka_unit_test(test_gap_of_one_day),
		cmocka_unit_test(test_phase_outside_campaign),
		cmocka_unit_test(test_campaign_reversed),
		cmocka_unit_test(test_deadline_outside_campaign),
		cmocka_unit_test(test_deadline_outside_named_phase),
		cmocka_unit_test(test_deadline_names_missing_phase),
		cmocka_unit_test(test_deadline_before_and_after_all_phases),
		cmocka_unit_test(test_deadline_without_campaign),
		cmocka_unit_test(test_deadline_in_gap_needs_phases),
		cmocka_unit_test(test_deadline_before_issue),
		cmocka_unit_test(test_deadline_on_issue_day),
		cmocka_unit_test(test_deadline_weekend),
		cmocka_unit_test(test_attachment_ref),
		cmocka_unit_test(test_attachment_ref_no_attachments),
		cmocka_unit_test(test_unknown_dates_are_skipped),
		cmocka_unit_test(test_unnamed),
		cmocka_unit_test(test_many_phases_fast),
		cmocka_unit_test(test_meta_missing),
		cmocka_unit_test(test_meta_complete),
		cmocka_unit_test(test_meta_empty_title),
		cmocka_unit_test(test_meta_no_front_matter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
