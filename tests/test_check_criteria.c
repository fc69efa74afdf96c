/* Tests for check_criteria: criteria sums, rating bands, quotas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <time.h>

#include <cmocka.h>

#include "plan_builder.h"

/* "no min" / "no max" in band() and quota().  Points are given in
 * tenths, as the model keeps them: 200 is 20分. */
#define NONE LONG_MIN

/* Criteria laid out as
 *   30 criteria:
 *   31   total: T
 *   32   items:
 *   33     - name: … / points: … (one line each here)
 *   40   ratings:
 * and a band at line L as
 *   L       - name: NAME
 *   L + 1     min: MIN
 *   L + 2     max: MAX
 */
static Plan *criteria(long total)
{
	Plan *p = pb_new();
	p->criteria.present = true;
	p->criteria.pos = pb_pos(30, 1);
	p->criteria.total = total == NONE ? pb_noscore() : pb_score(total, 31, 10);
	return p;
}

static void item(Plan *p, const char *name, int line, long points)
{
	pb_item(p, name, line, points == NONE ? pb_noscore() : pb_score(points, line, 30));
}

static void five_items_of_20(Plan *p)
{
	static const char *const names[] = {"服务体系星", "服务队伍星", "服务机制星",
	                                    "服务保障星", "服务业绩星"};
	for (int i = 0; i < 5; i++)
		item(p, names[i], 33 + i, 200);
}

static Rating *band(Plan *p, const char *name, int line, long min, long max)
{
	return pb_rating(p, name, line, min == NONE ? pb_noscore() : pb_score(min, line + 1, 12),
	                 max == NONE ? pb_noscore() : pb_score(max, line + 2, 12));
}

static Diags run(const Plan *p)
{
	Diags d = {0};
	check_criteria(p, &d);
	return d;
}

/* ---- criteria-sum ---- */

static void test_sum_mismatch(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	item(p, "理论学习星", 33, 200);
	item(p, "制度落实星", 34, 200);
	item(p, "党建活动星", 35, 200);
	item(p, "党员先锋星", 36, 200);
	item(p, "自身建设星", 37, 150);
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "criteria-sum", SEV_ERROR, 31, 10,
	          "5个评分项的分值合计95分，与总分100分不符");
	diag_free(&d);
	pb_free(p);
}

static void test_sum_mismatch_with_unscored_item(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	item(p, "理论学习星", 33, 200);
	item(p, "制度落实星", 34, 200);
	item(p, "党建活动星", 35, 200);
	item(p, "党员先锋星", 36, 200);
	item(p, "自身建设星", 37, NONE);
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "criteria-sum", SEV_ERROR, 31, 10,
	          "4个评分项的分值合计80分，与总分100分不符（另有1项未写分值）");
	diag_free(&d);
	pb_free(p);
}

/* Seed 003 篇1: five items of 20 points, 百分制. */
static void test_sum_matches(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	five_items_of_20(p);
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

/* No total: the total is the items' sum, so there is nothing to check;
 * no item with points: nothing to add up. */
static void test_sum_not_checkable(void **state)
{
	(void)state;
	Plan *p = criteria(NONE);
	item(p, "理论学习星", 33, 200);
	item(p, "制度落实星", 34, 150);
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);

	p = criteria(1000);
	item(p, "理论学习星", 33, NONE);
	d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

/* Decimal points (17.5分): the sum and the total are printed as written,
 * "97.5", never "97.50", and whole values without ".0". */
static void test_sum_decimal(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	item(p, "理论学习星", 33, 175);
	item(p, "制度落实星", 34, 200);
	item(p, "党建活动星", 35, 200);
	item(p, "党员先锋星", 36, 200);
	item(p, "自身建设星", 37, 200);
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "criteria-sum", SEV_ERROR, 31, 10,
	          "5个评分项的分值合计97.5分，与总分100分不符");
	diag_free(&d);
	pb_free(p);

	/* 17.5 + 22.5 + 60 = 100 exactly: no finding. */
	p = criteria(1000);
	item(p, "甲", 33, 175);
	item(p, "乙", 34, 225);
	item(p, "丙", 35, 600);
	d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);

	p = criteria(975);
	five_items_of_20(p);
	d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "criteria-sum", SEV_ERROR, 31, 10,
	          "5个评分项的分值合计100分，与总分97.5分不符");
	diag_free(&d);
	pb_free(p);
}

static void test_sum_overflow(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	item(p, "甲", 33, LONG_MAX);
	item(p, "乙", 34, LONG_MAX);
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "criteria-sum", SEV_ERROR, 31, 10,
	          "2个评分项的分值合计超出可计算的范围，与总分100分不符");
	diag_free(&d);
	pb_free(p);

	/* The running sum passes LONG_MAX, the whole does not: exact.
	 * (LONG_MIN itself is NONE here.) */
	p = criteria(LONG_MAX);
	item(p, "甲", 33, LONG_MAX);
	item(p, "乙", 34, LONG_MAX);
	item(p, "丙", 35, LONG_MIN + 1);
	d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);

	p = criteria(LONG_MIN + 1);
	item(p, "甲", 33, LONG_MIN + 1);
	item(p, "乙", 34, -20);
	d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "criteria-sum", SEV_ERROR, 31, 10,
	          "2个评分项的分值合计超出可计算的范围，与总分-922337203685477580.7分不符");
	diag_free(&d);
	pb_free(p);

	/* Exactly LONG_MIN is representable. */
	p = criteria(-50);
	item(p, "甲", 33, LONG_MIN + 1);
	item(p, "乙", 34, -1);
	d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "criteria-sum", SEV_ERROR, 31, 10,
	          "2个评分项的分值合计-922337203685477580.8分，与总分-5分不符");
	diag_free(&d);
	pb_free(p);
}

/* ---- rating bands ---- */

/* Seed 003 篇2: 三星级 75-85分, 四星级 85-95分, 五星级 95分以上. */
static void test_seed003_p2_bands(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	five_items_of_20(p);
	band(p, "三星级", 41, 750, 850);
	band(p, "四星级", 44, 850, 950);
	band(p, "五星级", 47, 950, NONE);
	Diags d = run(p);
	pb_expect_count(&d, 3);
	pb_expect(&d, 0, "rating-overlap", SEV_ERROR, 45, 12,
	          "等次“四星级”（85—95分）与等次“三星级”（75—85分）重叠：85分同时属于两个等次");
	pb_expect(&d, 1, "rating-overlap", SEV_ERROR, 48, 12,
	          "等次“五星级”（95—100分）与等次“四星级”（85—95分）重叠：95分同时属于两个等次");
	pb_expect(&d, 2, "rating-gap", SEV_ERROR, 30, 1,
	          "0—74分不属于任何等次（总分100分）");
	diag_free(&d);
	pb_free(p);
}

/* Seed 003 篇1: 95分以上五星级, 90—94分四星级, 80—89分三星级,
 * 70—79分二星级, 60—69分一星级, 60分以下无星: listed from the top, and
 * exactly covering 0-100. */
static void test_seed003_p1_bands(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	five_items_of_20(p);
	band(p, "五星级", 41, 950, NONE);
	band(p, "四星级", 44, 900, 940);
	band(p, "三星级", 47, 800, 890);
	band(p, "二星级", 50, 700, 790);
	band(p, "一星级", 53, 600, 690);
	band(p, "无星", 56, NONE, 590);
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

/* The same bands with no total and no points: the scale is 百分制. */
static void test_bands_default_scale(void **state)
{
	(void)state;
	Plan *p = criteria(NONE);
	band(p, "合格", 41, 600, NONE);
	band(p, "不合格", 44, NONE, 590);
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

/* No total, items worth 50 in all: bands divide 0-50, and an open band
 * ends at 50. */
static void test_bands_scale_is_items_sum(void **state)
{
	(void)state;
	Plan *p = criteria(NONE);
	for (int i = 0; i < 5; i++)
		item(p, "评分项", 33 + i, 100);
	band(p, "优秀", 41, 450, NONE);
	band(p, "合格", 44, 300, 440);
	band(p, "不合格", 47, NONE, 290);
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	band(p, "满分", 50, 500, 600);
	d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "rating-gap", SEV_ERROR, 52, 12, "等次“满分”的上限60分超过总分50分");
	pb_expect(&d, 1, "rating-overlap", SEV_ERROR, 51, 12,
	          "等次“满分”（50—60分）与等次“优秀”（45—50分）重叠：50分同时属于两个等次");
	diag_free(&d);
	pb_free(p);
}

static void test_overlap_of_a_range(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	band(p, "优秀", 41, 800, 1000);
	band(p, "良好", 44, 600, 900);
	band(p, "一般", 47, NONE, 590);
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "rating-overlap", SEV_ERROR, 45, 12,
	          "等次“良好”（60—90分）与等次“优秀”（80—100分）重叠：80—90分同时属于两个等次");
	diag_free(&d);
	pb_free(p);
}

/* A band spanning the whole scale overlaps each of the others, not
 * only the first. */
static void test_overlaps_with_wide_band(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	band(p, "全部", 41, NONE, NONE);
	band(p, "较差", 44, 100, 200);
	band(p, "一般", 47, 300, 400);
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "rating-overlap", SEV_ERROR, 45, 12,
	          "等次“较差”（10—20分）与等次“全部”（0—100分）重叠：10—20分同时属于两个等次");
	pb_expect(&d, 1, "rating-overlap", SEV_ERROR, 48, 12,
	          "等次“一般”（30—40分）与等次“全部”（0—100分）重叠：30—40分同时属于两个等次");
	diag_free(&d);
	pb_free(p);
}

static void test_gaps_middle_and_top(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	band(p, "不合格", 41, NONE, 590);
	band(p, "合格", 44, 610, 890);
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "rating-gap", SEV_ERROR, 30, 1, "60分不属于任何等次（总分100分）");
	pb_expect(&d, 1, "rating-gap", SEV_ERROR, 30, 1, "90—100分不属于任何等次（总分100分）");
	diag_free(&d);
	pb_free(p);
}

static void test_band_min_above_max(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	band(p, "优秀", 41, 900, 1000);
	band(p, "良好", 44, 890, 800);
	band(p, "一般", 47, NONE, 790);
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "rating-gap", SEV_ERROR, 45, 12, "等次“良好”的下限（89分）高于上限（80分）");
	pb_expect(&d, 1, "rating-gap", SEV_ERROR, 30, 1, "80—89分不属于任何等次（总分100分）");
	diag_free(&d);
	pb_free(p);
}

static void test_band_outside_scale(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	band(p, "五星级", 41, 950, 1050);
	band(p, "一星级", 44, -50, 940);
	Diags d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "rating-gap", SEV_ERROR, 43, 12, "等次“五星级”的上限105分超过总分100分");
	pb_expect(&d, 1, "rating-gap", SEV_ERROR, 45, 12, "等次“一星级”的下限-5分低于0分");
	diag_free(&d);
	pb_free(p);
}

/* Work does not depend on the size of the scale. */
/* A plan that gives half points has scores like 89.5: "80—89分" and
 * "90分以上" leave it out.  The same bands with whole points only are
 * seamless (test_seed003_p1_bands). */
static void test_bands_half_points(void **state)
{
	(void)state;
	Plan *p = criteria(1000);
	item(p, "甲", 33, 175);
	item(p, "乙", 34, 825);
	band(p, "良好", 41, 800, 890);
	band(p, "优秀", 44, 900, NONE);
	band(p, "一般", 47, NONE, 795);
	Diags d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "rating-gap", SEV_ERROR, 30, 1,
	          "89.5分不属于任何等次（总分100分）");
	diag_free(&d);
	pb_free(p);

	/* A threshold of 90.5: the scale goes in half points, 90 and 90.5
	 * both belong somewhere. */
	p = criteria(1000);
	five_items_of_20(p);
	band(p, "良好", 41, NONE, 900);
	band(p, "优秀", 44, 905, NONE);
	d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);

	/* A threshold of 90.2: tenths. */
	p = criteria(1000);
	five_items_of_20(p);
	band(p, "良好", 41, NONE, 900);
	band(p, "优秀", 44, 902, NONE);
	d = run(p);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "rating-gap", SEV_ERROR, 30, 1,
	          "90.1分不属于任何等次（总分100分）");
	diag_free(&d);
	pb_free(p);

	/* Overlaps and bounds with decimals. */
	p = criteria(1000);
	five_items_of_20(p);
	band(p, "良好", 41, NONE, 905);
	band(p, "优秀", 44, 900, 1005);
	d = run(p);
	pb_expect_count(&d, 2);
	pb_expect(&d, 0, "rating-gap", SEV_ERROR, 46, 12, "等次“优秀”的上限100.5分超过总分100分");
	pb_expect(&d, 1, "rating-overlap", SEV_ERROR, 45, 12,
	          "等次“优秀”（90—100.5分）与等次“良好”（0—90.5分）重叠：90—90.5分同时属于两个等次");
	diag_free(&d);
	pb_free(p);
}

static void test_huge_total(void **state)
{
	(void)state;
	Plan *p = criteria(20000000000L);
	band(p, "下", 41, NONE, 9999999990L);
	band(p, "上", 44, 10000000010L, NONE);
	clock_t t0 = clock();
	Diags d = run(p);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 0.5);
	pb_expect_count(&d, 1);
	pb_expect(&d, 0, "rating-gap", SEV_ERROR, 30, 1,
	          "1000000000分不属于任何等次（总分2000000000分）");
	diag_free(&d);
	pb_free(p);
}

/* The largest and smallest values a Score holds: no overflow anywhere
 * (the sanitizer build would stop on one). */
static void test_extreme_values(void **state)
{
	(void)state;
	Plan *p = criteria(LONG_MAX);
	band(p, "全部", 41, LONG_MIN + 1, LONG_MAX);
	band(p, "顶端", 44, LONG_MAX, NONE);
	Diags d = run(p);
	pb_expect_count(&d, 2);
	assert_int_equal(pb_count(&d, "rating-gap"), 1);   /* below 0 */
	assert_int_equal(pb_count(&d, "rating-overlap"), 1);
	diag_free(&d);
	pb_free(p);

	p = criteria(LONG_MIN + 1);
	band(p, "甲", 41, 0, NONE);
	d = run(p);
	pb_expect_count(&d, 1); /* max defaults to the negative total */
	assert_int_equal(pb_count(&d, "rating-gap"), 1);
	diag_free(&d);
	pb_free(p);
}

/* 100,000 bands of ten scores each, shuffled by listing them from the
 * top: sorted once, no pairwise comparison. */
static void test_many_bands_fast(void **state)
{
	(void)state;
	enum { N = 100000 };
	Plan *p = criteria(10 * (10L * N - 1));
	p->criteria.ratings = arena_calloc(p->arena, N, sizeof *p->criteria.ratings);
	for (long i = N - 1; i >= 0; i--) {
		Rating *r = &p->criteria.ratings[p->criteria.nratings++];
		r->name = pb_str("等次", (int)(40 + 3 * i), 13);
		r->min = pb_score(10 * (10 * i), (int)(41 + 3 * i), 12);
		r->max = pb_score(10 * (10 * i + 9 + (i == 500)), (int)(42 + 3 * i), 12);
	}
	clock_t t0 = clock();
	Diags d = run(p);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
	pb_expect_count(&d, 1);
	/* Band 500 (5000-5010) is listed after band 501 (5010-5019). */
	pb_expect(&d, 0, "rating-overlap", SEV_ERROR, 41 + 3 * 500, 12,
	          "等次“等次”（5000—5010分）与等次“等次”（5010—5019分）重叠："
	          "5010分同时属于两个等次");
	diag_free(&d);
	pb_free(p);
}

/* ---- quotas ---- */

static void quota(Plan *p, const char *name, int line, long min, long max)
{
	pb_quota(p, name, line, min == NONE ? pb_nonum() : pb_num(min, line + 1, 18),
	         max == NONE ? pb_nonum() : pb_num(max, line + 2, 18));
}

static void test_percent_range(void **state)
{
	(void)state;
	Plan *p = criteria(NONE);
	quota(p, "示范岗", 60, 120, NONE);
	quota(p, "优秀党员", 63, NONE, -1);
	quota(p, "先锋队", 66, 30, 20);
	quota(p, NULL, 69, 101, 101);
	Diags d = run(p);
	pb_expect_count(&d, 5);
	pb_expect(&d, 0, "percent-range", SEV_ERROR, 61, 18, "比例“示范岗”的下限120%不在0%至100%之间");
	pb_expect(&d, 1, "percent-range", SEV_ERROR, 65, 18, "比例“优秀党员”的上限-1%不在0%至100%之间");
	pb_expect(&d, 2, "percent-range", SEV_ERROR, 67, 18, "比例“先锋队”的下限30%高于上限20%");
	pb_expect(&d, 3, "percent-range", SEV_ERROR, 70, 18, "第4个比例的下限101%不在0%至100%之间");
	pb_expect(&d, 4, "percent-range", SEV_ERROR, 71, 18, "第4个比例的上限101%不在0%至100%之间");
	diag_free(&d);
	pb_free(p);
}

/* Seed 001: 示范岗不低于党员总数的10%; the bounds 0 and 100 themselves,
 * and min equal to max, are fine. */
static void test_percent_in_range(void **state)
{
	(void)state;
	Plan *p = criteria(NONE);
	quota(p, "示范岗", 60, 10, NONE);
	quota(p, "全覆盖", 63, 0, 100);
	quota(p, "固定比例", 66, 15, 15);
	Diags d = run(p);
	pb_expect_count(&d, 0);
	diag_free(&d);
	pb_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sum_mismatch),
		cmocka_unit_test(test_sum_mismatch_with_unscored_item),
		cmocka_unit_test(test_sum_matches),
		cmocka_unit_test(test_sum_not_checkable),
		cmocka_unit_test(test_sum_decimal),
		cmocka_unit_test(test_sum_overflow),
		cmocka_unit_test(test_seed003_p2_bands),
		cmocka_unit_test(test_seed003_p1_bands),
		cmocka_unit_test(test_bands_default_scale),
		cmocka_unit_test(test_bands_scale_is_items_sum),
		cmocka_unit_test(test_overlap_of_a_range),
		cmocka_unit_test(test_overlaps_with_wide_band),
		cmocka_unit_test(test_gaps_middle_and_top),
		cmocka_unit_test(test_band_min_above_max),
		cmocka_unit_test(test_band_outside_scale),
		cmocka_unit_test(test_bands_half_points),
		cmocka_unit_test(test_huge_total),
		cmocka_unit_test(test_extreme_values),
		cmocka_unit_test(test_many_bands_fast),
		cmocka_unit_test(test_percent_range),
		cmocka_unit_test(test_percent_in_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
