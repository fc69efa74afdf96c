/* test_cndate.c — the grammar of Chinese date expressions (src/cndate.c).
 *
 * Every test asserts the exact byte span and every field of each result,
 * so a change in what the grammar accepts or what it means shows up here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cndate.h"

#define D(y, m, d) day_from_ymd(y, m, d)

enum { RANGE = 1, YEAR = 2, HOLDER = 4, BEFORE = 8, AFTER = 16 };

static size_t scan(const char *text, int year, int first_month, CnDate *out, size_t max)
{
	return cndate_scan(text, strlen(text), year, first_month, out, max);
}

/* Exactly one expression in text. */
static CnDate one(const char *text, int year, int first_month)
{
	CnDate d[4];
	memset(d, 0, sizeof d);
	size_t n = scan(text, year, first_month, d, 4);
	if (n != 1)
		print_error("expected one date in \"%s\", found %zu\n", text, n);
	assert_int_equal(n, 1);
	return d[0];
}

/* Byte offset of the first occurrence of what in text. */
static size_t at(const char *text, const char *what)
{
	const char *p = strstr(text, what);
	assert_non_null(p);
	return (size_t)(p - text);
}

/* d is the expression expr, found at its first occurrence in text. */
static void expect(const CnDate *d, const char *text, const char *expr,
                   Day slo, Day shi, Day elo, Day ehi, unsigned flags)
{
	assert_int_equal(d->off, at(text, expr));
	assert_int_equal(d->len, strlen(expr));
	assert_int_equal(d->start.lo, slo);
	assert_int_equal(d->start.hi, shi);
	assert_int_equal(d->end.lo, elo);
	assert_int_equal(d->end.hi, ehi);
	assert_int_equal(d->is_range, (flags & RANGE) != 0);
	assert_int_equal(d->year_given, (flags & YEAR) != 0);
	assert_int_equal(d->year_placeholder, (flags & HOLDER) != 0);
	assert_int_equal(d->before, (flags & BEFORE) != 0);
	assert_int_equal(d->after, (flags & AFTER) != 0);
}

/* A single day, not a range. */
static void expect_day(const char *text, const char *expr, int year, int fm,
                       int y, int m, int dd, unsigned flags)
{
	CnDate d = one(text, year, fm);
	Day x = D(y, m, dd);
	expect(&d, text, expr, x, x, x, x, flags);
}

/* A span within one end, not a range. */
static void expect_span(const char *text, const char *expr, int year, int fm,
                        Day lo, Day hi, unsigned flags)
{
	CnDate d = one(text, year, fm);
	expect(&d, text, expr, lo, hi, lo, hi, flags);
}

static void expect_none(const char *text, int year, int fm)
{
	CnDate d[4];
	size_t n = scan(text, year, fm, d, 4);
	if (n != 0)
		print_error("expected no date in \"%s\", found %zu (first at %zu+%zu)\n",
		            text, n, d[0].off, d[0].len);
	assert_int_equal(n, 0);
}

/* ---- single days ---- */

static void test_full_date(void **state)
{
	(void)state;
	expect_day("2020年3月10日", "2020年3月10日", 1999, 1, 2020, 3, 10, YEAR);
	expect_day("于2020年3月10号召开", "2020年3月10号", 1999, 1, 2020, 3, 10, YEAR);
	expect_day("2020年12月31日", "2020年12月31日", 1999, 1, 2020, 12, 31, YEAR);
	expect_day("2020年03月01日", "2020年03月01日", 1999, 1, 2020, 3, 1, YEAR);
}

static void test_seed_mobilisation_deadline(void **state)
{
	(void)state;
	const char *s = "（一）动员部署阶段（2020年3月10日前）。";
	expect_day(s, "2020年3月10日", 2020, 1, 2020, 3, 10, YEAR | BEFORE);
	assert_int_equal(one(s, 2020, 1).off, strlen("（一）动员部署阶段（"));
}

static void test_yearless_day(void **state)
{
	(void)state;
	expect_day("3月10日", "3月10日", 2020, 1, 2020, 3, 10, 0);
	expect_day("3月10号", "3月10号", 2020, 1, 2020, 3, 10, 0);
	const char *s = "3月25日前，市直机关各单位党组织要将“服务高质量发展先锋队”创建申报表报送";
	expect_day(s, "3月25日", 2020, 1, 2020, 3, 25, BEFORE);
	expect_day("6月20日前,市直各部门(单位)要将", "6月20日", 2016, 1, 2016, 6, 20, BEFORE);
}

static void test_chinese_numerals(void **state)
{
	(void)state;
	expect_day("二〇二〇年三月十日", "二〇二〇年三月十日", 1999, 1, 2020, 3, 10, YEAR);
	expect_day("二○二○年十二月三十一日", "二○二○年十二月三十一日", 1999, 1, 2020, 12, 31, YEAR);
	expect_day("二零一六年十一月二十日", "二零一六年十一月二十日", 1999, 1, 2016, 11, 20, YEAR);
	expect_day("于三月十一日", "三月十一日", 2020, 1, 2020, 3, 11, 0);
	expect_day("十月一日", "十月一日", 2020, 1, 2020, 10, 1, 0);
	expect_day("二月二十九日", "二月二十九日", 2020, 1, 2020, 2, 29, 0);
	/* Numerals that name no day or month. */
	expect_none("三月十十日", 2020, 1);
	expect_none("一二月", 2020, 1);
	expect_none("三月四十日", 2020, 1);
}

static void test_fullwidth_digits(void **state)
{
	(void)state;
	expect_day("２０２０年３月１０日", "２０２０年３月１０日", 1999, 1, 2020, 3, 10, YEAR);
	expect_day("（３月１０日前）", "３月１０日", 2020, 1, 2020, 3, 10, BEFORE);
}

/* ---- months and parts of months ---- */

static void test_month_whole(void **state)
{
	(void)state;
	expect_span("2020年3月，", "2020年3月", 1999, 1, D(2020, 3, 1), D(2020, 3, 31), YEAR);
	expect_span("3月开展", "3月", 2020, 1, D(2020, 3, 1), D(2020, 3, 31), 0);
	expect_span("3月", "3月", 2020, 1, D(2020, 3, 1), D(2020, 3, 31), 0);
	expect_span("3月份完成", "3月份", 2020, 1, D(2020, 3, 1), D(2020, 3, 31), 0);
	expect_span("二月", "二月", 2021, 1, D(2021, 2, 1), D(2021, 2, 28), 0);
	expect_span("于一月完成", "一月", 2021, 1, D(2021, 1, 1), D(2021, 1, 31), 0);
	expect_span("十一月", "十一月", 2021, 1, D(2021, 11, 1), D(2021, 11, 30), 0);
	const char *s = "党员示范行动从2016年5月开始,到年底结束。";
	CnDate d[2];
	assert_int_equal(scan(s, 2016, 1, d, 2), 2);
	expect(&d[0], s, "2016年5月", D(2016, 5, 1), D(2016, 5, 31), D(2016, 5, 1),
	       D(2016, 5, 31), YEAR | AFTER);
	expect(&d[1], s, "年底", D(2016, 12, 21), D(2016, 12, 31), D(2016, 12, 21),
	       D(2016, 12, 31), 0);
}

static void test_month_not_followed_by_day(void **state)
{
	(void)state;
	/* A number after 月 that is not a day: no month either. */
	expect_none("3月10", 2020, 1);
	expect_none("一月一次", 2020, 1);
	expect_none("3月日常工作", 2020, 1);
	expect_none("统一月报", 2020, 1);
	expect_none("同一月份", 2020, 1);
}

static void test_month_parts(void **state)
{
	(void)state;
	expect_span("3月底", "3月底", 2020, 1, D(2020, 3, 26), D(2020, 3, 31), 0);
	expect_span("3月末", "3月末", 2020, 1, D(2020, 3, 26), D(2020, 3, 31), 0);
	expect_span("4月底前", "4月底", 2020, 1, D(2020, 4, 26), D(2020, 4, 30), BEFORE);
	expect_span("3月初", "3月初", 2020, 1, D(2020, 3, 1), D(2020, 3, 5), 0);
	expect_span("3月上旬", "3月上旬", 2020, 1, D(2020, 3, 1), D(2020, 3, 10), 0);
	expect_span("3月中旬", "3月中旬", 2020, 1, D(2020, 3, 11), D(2020, 3, 20), 0);
	expect_span("2月下旬", "2月下旬", 2020, 1, D(2020, 2, 21), D(2020, 2, 29), 0);
	expect_span("2月下旬", "2月下旬", 2021, 1, D(2021, 2, 21), D(2021, 2, 28), 0);
	expect_span("3月中完成", "3月中", 2020, 1, D(2020, 3, 11), D(2020, 3, 20), 0);
	expect_span("3月上中旬", "3月上中旬", 2020, 1, D(2020, 3, 1), D(2020, 3, 20), 0);
	expect_span("6月中下旬", "6月中下旬", 2020, 1, D(2020, 6, 11), D(2020, 6, 30), 0);
	expect_span("2020年12月底前", "2020年12月底", 1999, 1, D(2020, 12, 26),
	            D(2020, 12, 31), YEAR | BEFORE);
	/* 初 and 中 that begin another word leave the whole month. */
	expect_span("3月初步完成", "3月", 2020, 1, D(2020, 3, 1), D(2020, 3, 31), 0);
	expect_span("3月中央召开", "3月", 2020, 1, D(2020, 3, 1), D(2020, 3, 31), 0);
}

/* ---- parts of years ---- */

static void test_year_parts(void **state)
{
	(void)state;
	expect_span("确保年底前圆满完成", "年底", 2020, 1, D(2020, 12, 21), D(2020, 12, 31), BEFORE);
	expect_span("年末", "年末", 2020, 1, D(2020, 12, 21), D(2020, 12, 31), 0);
	expect_span("年初", "年初", 2020, 1, D(2020, 1, 1), D(2020, 1, 10), 0);
	expect_span("2020年底", "2020年底", 1999, 1, D(2020, 12, 21), D(2020, 12, 31), YEAR);
	expect_span("2020年年底前", "2020年年底", 1999, 1, D(2020, 12, 21), D(2020, 12, 31),
	            YEAR | BEFORE);
	expect_span("2021年初", "2021年初", 1999, 1, D(2021, 1, 1), D(2021, 1, 10), YEAR);
	expect_span("二〇二〇年底", "二〇二〇年底", 1999, 1, D(2020, 12, 21), D(2020, 12, 31), YEAR);
	expect_span("年底党员民主评议活动", "年底", 2016, 1, D(2016, 12, 21), D(2016, 12, 31), 0);
}

static void test_relative_years(void **state)
{
	(void)state;
	expect_span("今年底前", "今年底", 2020, 1, D(2020, 12, 21), D(2020, 12, 31), BEFORE);
	expect_span("明年初", "明年初", 2020, 1, D(2021, 1, 1), D(2021, 1, 10), 0);
	expect_span("去年底以来", "去年底", 2020, 1, D(2019, 12, 21), D(2019, 12, 31), AFTER);
	expect_day("今年3月10日", "今年3月10日", 2020, 1, 2020, 3, 10, 0);
	/* A relative year is not moved by first_month. */
	expect_span("今年3月", "今年3月", 2020, 9, D(2020, 3, 1), D(2020, 3, 31), 0);
	expect_none("每年年底", 2020, 1);
	expect_none("以上年龄", 2020, 1);
}

static void test_bare_year_is_no_date(void **state)
{
	(void)state;
	expect_none("2016年", 2020, 1);
	expect_none("2016年全市", 2020, 1);
	expect_none("2020年度考核", 2020, 1);
	expect_none("2020年初步完成", 2020, 1);
	expect_none("二〇二〇年", 2020, 1);
	expect_none("98年底", 2020, 1);
	expect_none("12020年", 2020, 1);
	/* A year we cannot read spoils the month after it. */
	expect_none("0202年3月", 2020, 1);
	expect_none("98年3月1日", 2020, 1);
	expect_none("三年底", 2020, 1);
}

/* ---- ranges ---- */

static void test_range_day_only_end(void **state)
{
	(void)state;
	const char *s = "(一)全面启动阶段(5月5日至10日)。紧扣部门(单位)特点";
	CnDate d = one(s, 2016, 1);
	expect(&d, s, "5月5日至10日", D(2016, 5, 5), D(2016, 5, 5), D(2016, 5, 10),
	       D(2016, 5, 10), RANGE);
	s = "(三)巩固提升阶段(12月1日至31日)。对照标准";
	d = one(s, 2016, 1);
	expect(&d, s, "12月1日至31日", D(2016, 12, 1), D(2016, 12, 1), D(2016, 12, 31),
	       D(2016, 12, 31), RANGE);
	/* The day alone that lies before the first day is in the next month. */
	s = "5月25日至3日";
	d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 5, 25), D(2020, 5, 25), D(2020, 6, 3), D(2020, 6, 3), RANGE);
	s = "12月28日至2日";
	d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 12, 28), D(2020, 12, 28), D(2021, 1, 2), D(2021, 1, 2), RANGE);
}

static void test_range_month_day(void **state)
{
	(void)state;
	const char *s = "(二)深化实施阶段(5月11日至11月30日)。按照实施方案";
	CnDate d = one(s, 2016, 1);
	expect(&d, s, "5月11日至11月30日", D(2016, 5, 11), D(2016, 5, 11), D(2016, 11, 30),
	       D(2016, 11, 30), RANGE);
	s = "8月25日—9月10日";
	d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 8, 25), D(2020, 8, 25), D(2020, 9, 10), D(2020, 9, 10), RANGE);
	s = "2020年3月1日至2020年4月15日";
	d = one(s, 1999, 1);
	expect(&d, s, s, D(2020, 3, 1), D(2020, 3, 1), D(2020, 4, 15), D(2020, 4, 15),
	       RANGE | YEAR);
	s = "3月1日至2021年2月28日";
	d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 3, 1), D(2020, 3, 1), D(2021, 2, 28), D(2021, 2, 28),
	       RANGE | YEAR);
}

static void test_range_seed_month_parts(void **state)
{
	(void)state;
	const char *s = "（二）组织实施阶段（2020年3月底至11月）。";
	CnDate d = one(s, 2020, 1);
	expect(&d, s, "2020年3月底至11月", D(2020, 3, 26), D(2020, 3, 31), D(2020, 11, 1),
	       D(2020, 11, 30), RANGE | YEAR);
	assert_int_equal(d.off, strlen("（二）组织实施阶段（"));
	s = "1、星级争创(5月——11月):按照百分制进行评分,95分以上为五星";
	d = one(s, 2020, 1);
	expect(&d, s, "5月——11月", D(2020, 5, 1), D(2020, 5, 31), D(2020, 11, 1),
	       D(2020, 11, 30), RANGE);
	s = "3月上旬至4月中旬";
	d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 3, 1), D(2020, 3, 10), D(2020, 4, 11), D(2020, 4, 20), RANGE);
	s = "2016年5月至年底";
	d = one(s, 1999, 1);
	expect(&d, s, s, D(2016, 5, 1), D(2016, 5, 31), D(2016, 12, 21), D(2016, 12, 31),
	       RANGE | YEAR);
}

static void test_range_placeholder_year(void **state)
{
	(void)state;
	const char *s = "第一阶段：全面实施阶段（20XX年8月25日—9月10日）。";
	CnDate d = one(s, 2020, 1);
	expect(&d, s, "20XX年8月25日—9月10日", D(2020, 8, 25), D(2020, 8, 25), D(2020, 9, 10),
	       D(2020, 9, 10), RANGE | HOLDER);
	s = "第二阶段:自查评比阶段(20XX年9月10日—9月15日)。";
	d = one(s, 2019, 1);
	expect(&d, s, "20XX年9月10日—9月15日", D(2019, 9, 10), D(2019, 9, 10), D(2019, 9, 15),
	       D(2019, 9, 15), RANGE | HOLDER);
	s = "20XX年11月至20XX年2月";
	d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 11, 1), D(2020, 11, 30), D(2021, 2, 1), D(2021, 2, 28),
	       RANGE | HOLDER);
}

static void test_range_separators(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"3月1日至5日", "3月1日到5日", "3月1日—5日", "3月1日——5日", "3月1日－5日",
		"3月1日-5日", "3月1日~5日", "3月1日～5日", "3月1日–5日", "3月1日 - 5日",
		"3月1日－－5日", "3月1日 至 5日",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		CnDate d = one(texts[i], 2020, 1);
		expect(&d, texts[i], texts[i], D(2020, 3, 1), D(2020, 3, 1), D(2020, 3, 5),
		       D(2020, 3, 5), RANGE);
	}
	/* 起 before 至 still makes a range. */
	const char *s = "自3月10日起至4月10日止";
	CnDate d = one(s, 2020, 1);
	expect(&d, s, "3月10日起至4月10日", D(2020, 3, 10), D(2020, 3, 10), D(2020, 4, 10),
	       D(2020, 4, 10), RANGE);
}

static void test_range_rolls_into_next_year(void **state)
{
	(void)state;
	const char *s = "11月至2月";
	CnDate d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 11, 1), D(2020, 11, 30), D(2021, 2, 1), D(2021, 2, 28), RANGE);
	s = "12月20日至1月10日";
	d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 12, 20), D(2020, 12, 20), D(2021, 1, 10), D(2021, 1, 10), RANGE);
	/* A written second year is taken as written. */
	s = "2020年11月至2020年2月";
	d = one(s, 1999, 1);
	expect(&d, s, s, D(2020, 11, 1), D(2020, 11, 30), D(2020, 2, 1), D(2020, 2, 29),
	       RANGE | YEAR);
}

static void test_range_shorthand(void **state)
{
	(void)state;
	const char *s = "3—5月开展自查";
	CnDate d = one(s, 2020, 1);
	expect(&d, s, "3—5月", D(2020, 3, 1), D(2020, 3, 31), D(2020, 5, 1), D(2020, 5, 31), RANGE);
	s = "2020年6至8月";
	d = one(s, 1999, 1);
	expect(&d, s, s, D(2020, 6, 1), D(2020, 6, 30), D(2020, 8, 1), D(2020, 8, 31), RANGE | YEAR);
	s = "5月5—10日";
	d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 5, 5), D(2020, 5, 5), D(2020, 5, 10), D(2020, 5, 10), RANGE);
}

static void test_range_second_end_missing(void **state)
{
	(void)state;
	/* A separator with no date after it: the first end alone. */
	const char *s = "3月10日到岗";
	expect_day(s, "3月10日", 2020, 1, 2020, 3, 10, 0);
	s = "5月至10日";
	expect_span(s, "5月", 2020, 1, D(2020, 5, 1), D(2020, 5, 31), 0);
	s = "3月10日——这一天";
	expect_day(s, "3月10日", 2020, 1, 2020, 3, 10, 0);
}

/* ---- fixed days ---- */

static void test_feast_quoted(void **state)
{
	(void)state;
	const char *s = "“七一”前，市直机关工委将评选命名一批共产党员示范岗位";
	expect_day(s, "“七一”", 2016, 1, 2016, 7, 1, BEFORE);
	expect_day("「五一」期间", "「五一」", 2020, 1, 2020, 5, 1, 0);
	expect_day("“十一”后", "“十一”", 2020, 1, 2020, 10, 1, AFTER);
	expect_day("\"七一\"", "\"七一\"", 2020, 1, 2020, 7, 1, 0);
	expect_day("“八一”", "“八一”", 2020, 1, 2020, 8, 1, 0);
	/* Mismatched quotes, as real plans have them. */
	expect_day("“七一“前", "“七一“", 2020, 1, 2020, 7, 1, BEFORE);
	expect_day("“国庆”前后", "“国庆”", 2020, 1, 2020, 10, 1, 0);
	/* A campaign from September: the next 七一 is the following year's. */
	expect_day("“七一”前", "“七一”", 2020, 9, 2021, 7, 1, BEFORE);
}

static void test_feast_bare(void **state)
{
	(void)state;
	expect_day("国庆节前", "国庆节", 2020, 1, 2020, 10, 1, BEFORE);
	expect_day("迎国庆", "国庆", 2020, 1, 2020, 10, 1, 0);
	expect_day("“国庆节期间", "国庆节", 2020, 1, 2020, 10, 1, 0);
	expect_day("元旦前", "元旦", 2020, 1, 2020, 1, 1, BEFORE);
	/* Issued in March, 元旦前 means the coming 1 January. */
	expect_day("元旦前", "元旦", 2020, 3, 2021, 1, 1, BEFORE);
	expect_day("元旦节", "元旦节", 2020, 1, 2020, 1, 1, 0);
	const char *s = "12月至元旦";
	CnDate d = one(s, 2020, 1);
	expect(&d, s, s, D(2020, 12, 1), D(2020, 12, 31), D(2021, 1, 1), D(2021, 1, 1), RANGE);
}

static void test_feast_unquoted_numbers_are_not_dates(void **state)
{
	(void)state;
	expect_none("七一前", 2020, 1);
	expect_none("五一", 2020, 1);
	expect_none("十一个单位", 2020, 1);
	expect_none("“十一五”规划", 2020, 1);
	expect_none("庆祝国庆70周年", 2020, 1);
	expect_none("国庆七十周年", 2020, 1);
}

/* ---- before / after ---- */

static void test_suffixes(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		unsigned flags;
	} cases[] = {
		{"3月10日前", BEFORE}, {"3月10日以前", BEFORE}, {"3月10日之前", BEFORE},
		{"3月10日前进行", BEFORE}, {"3月10日后", AFTER}, {"3月10日以后", AFTER},
		{"3月10日之后", AFTER}, {"3月10日起", AFTER}, {"3月10日开始", AFTER},
		{"3月10日以来", AFTER}, {"3月10日前后", 0}, {"3月10日左右", 0},
		{"3月10日前往", 0}, {"3月10日，", 0}, {"3月10日起草", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_day(cases[i].text, "3月10日", 2020, 1, 2020, 3, 10, cases[i].flags);
	const char *s = "5月5日至10日前";
	CnDate d = one(s, 2020, 1);
	expect(&d, s, "5月5日至10日", D(2020, 5, 5), D(2020, 5, 5), D(2020, 5, 10),
	       D(2020, 5, 10), RANGE | BEFORE);
}

/* ---- years ---- */

static void test_placeholder_years(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"20XX年9月15日", "20xx年9月15日", "20××年9月15日", "20**年9月15日",
		"20＊＊年9月15日", "20ＸＸ年9月15日", "20○○年9月15日",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		expect_day(texts[i], texts[i], 2019, 1, 2019, 9, 15, HOLDER);
	const char *s = "支部于20XX年9月15日前完成迎检资料归类整理";
	expect_day(s, "20XX年9月15日", 2020, 1, 2020, 9, 15, HOLDER | BEFORE);
	expect_span("20XX年底", "20XX年底", 2020, 1, D(2020, 12, 21), D(2020, 12, 31), HOLDER);
	expect_none("20XX年", 2020, 1);
	expect_none("20XX年X月X日", 2020, 1);
}

static void test_first_month(void **state)
{
	(void)state;
	/* A campaign from September 2020: 3月 is March 2021. */
	expect_span("3月", "3月", 2020, 9, D(2021, 3, 1), D(2021, 3, 31), 0);
	expect_span("10月", "10月", 2020, 9, D(2020, 10, 1), D(2020, 10, 31), 0);
	expect_span("9月", "9月", 2020, 9, D(2020, 9, 1), D(2020, 9, 30), 0);
	expect_day("2020年3月10日", "2020年3月10日", 2020, 9, 2020, 3, 10, YEAR);
	expect_day("20XX年3月10日", "20XX年3月10日", 2020, 9, 2021, 3, 10, HOLDER);
	const char *s = "11月至2月";
	CnDate d = one(s, 2020, 9);
	expect(&d, s, s, D(2020, 11, 1), D(2020, 11, 30), D(2021, 2, 1), D(2021, 2, 28), RANGE);
	s = "3月至5月";
	d = one(s, 2020, 9);
	expect(&d, s, s, D(2021, 3, 1), D(2021, 3, 31), D(2021, 5, 1), D(2021, 5, 31), RANGE);
	/* 0 and 1 both disable the rule; above 12 acts as 12. */
	expect_span("3月", "3月", 2020, 0, D(2020, 3, 1), D(2020, 3, 31), 0);
	expect_span("11月", "11月", 2020, 13, D(2021, 11, 1), D(2021, 11, 30), 0);
	expect_span("12月", "12月", 2020, 13, D(2020, 12, 1), D(2020, 12, 31), 0);
}

static void test_default_year_extremes(void **state)
{
	(void)state;
	expect_none("1月", 9999, 3);
	expect_none("3月10日", INT_MAX, 1);
	expect_none("3月10日", INT_MIN, 1);
	expect_none("3月10日", 0, 1);
	expect_none("去年底", 1, 1);
	expect_none("明年初", INT_MAX, 1);
	expect_day("3月10日", "3月10日", 9999, 1, 9999, 3, 10, 0);
	/* Rolling the second end on past 9999 leaves no date. */
	expect_none("9999年12月至1月", 2020, 1);
	expect_none("12月28日至2日", 9999, 1);
	/* A written year does not need the default. */
	expect_day("2020年3月10日", "2020年3月10日", INT_MIN, 12, 2020, 3, 10, YEAR);
}

/* ---- not dates ---- */

static void test_not_dates(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"根据市委办…(巴市组办〔2016〕70号)要求,结合市直机关实际",
		"〔2010〕14号", "[2010]14号", "【2010】14号", "新直通〔20XX〕1号",
		"建党89周年", "为进一步推进党建工作,纪念建党九十周年,充分调动",
		"连续三年支部所属党员", "三年内", "2016年", "90—94分", "75-85分",
		"95%以上", "每个单位申报1～2个先锋队", "确定命名2-3个共产党员示范行业",
		"第一阶段", "完成“十三五”规划", "“三亮三比三年评”", "3个月", "三个月",
		"", "月", "日", "年", "号", "至", "——", "14号",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		expect_none(texts[i], 2020, 1);
}

static void test_invalid_days_are_skipped(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"2月30日", "2021年2月29日", "4月31日", "13月", "0月", "3月0日", "3月32日",
		"99999999999月", "99999999999月1日", "3月99999999999日", "二〇二一年二月二十九日",
		"十三月", "0000年3月1日",
		/* The whole expression goes, not only its bad end. */
		"2月30日至3月5日", "5月5日至32日", "5月——13月",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		expect_none(texts[i], 2021, 1);
	expect_day("2020年2月29日", "2020年2月29日", 2021, 1, 2020, 2, 29, YEAR);
	/* After a bad expression the scan goes on. */
	const char *s = "2月30日，3月5日";
	expect_day(s, "3月5日", 2021, 1, 2021, 3, 5, 0);
}

/* ---- many results ---- */

static void test_seed_paragraph_in_order(void **state)
{
	(void)state;
	const char *s =
		"（三）总结验收阶段（2020年12月底前）。年底前，市直机关工委将对申报的"
		"“服务高质量发展先锋队”进行初审，经评审合格后将授予荣誉称号。";
	CnDate d[4];
	assert_int_equal(scan(s, 2020, 1, d, 4), 2);
	expect(&d[0], s, "2020年12月底", D(2020, 12, 26), D(2020, 12, 31), D(2020, 12, 26),
	       D(2020, 12, 31), YEAR | BEFORE);
	/* The first 年底 in s: 2020年12月底 does not contain it. */
	expect(&d[1], s, "年底", D(2020, 12, 21), D(2020, 12, 31), D(2020, 12, 21),
	       D(2020, 12, 31), BEFORE);
}

static void test_max_bounds_output(void **state)
{
	(void)state;
	const char *s = "3月1日、4月1日、5月1日";
	CnDate d[3];
	memset(d, 0xAB, sizeof d);
	CnDate guard = d[2];
	assert_int_equal(scan(s, 2020, 1, d, 2), 3);
	assert_int_equal(d[0].start.lo, D(2020, 3, 1));
	assert_int_equal(d[1].start.lo, D(2020, 4, 1));
	assert_memory_equal(&d[2], &guard, sizeof guard);
	assert_int_equal(scan(s, 2020, 1, NULL, 0), 3);
	assert_int_equal(cndate_scan(NULL, 0, 2020, 1, NULL, 0), 0);
}

/* ---- hostile input ---- */

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* An invalid byte ends what came before; the scan goes on after it. */
	const char *s = "2020年\xff" "3月10日";
	expect_day(s, "3月10日", 2020, 1, 2020, 3, 10, 0);
	expect_none("3\x80月", 2020, 1);
	expect_none("\xe6\x9c", 2020, 1);      /* half of 月 */
	expect_none("3\xe6\x9c", 2020, 1);     /* 3 and half of 月 */
	s = "\xc0\xaf\xed\xa0\x80\xf8" "5月——11月\xfe";
	CnDate d = one(s, 2020, 1);
	expect(&d, s, "5月——11月", D(2020, 5, 1), D(2020, 5, 31), D(2020, 11, 1),
	       D(2020, 11, 30), RANGE);
	/* A NUL byte inside the text is just another character. */
	const char nul[] = "3月\0" "4月10日";
	CnDate two[2];
	assert_int_equal(cndate_scan(nul, sizeof nul - 1, 2020, 1, two, 2), 2);
	assert_int_equal(two[1].off, strlen("3月") + 1);
}

static char *repeat(const char *unit, size_t times, const char *tail)
{
	size_t u = strlen(unit), t = strlen(tail);
	char *s = malloc(u * times + t + 1);
	assert_non_null(s);
	for (size_t i = 0; i < times; i++)
		memcpy(s + i * u, unit, u);
	memcpy(s + u * times, tail, t + 1);
	return s;
}

static void test_huge_inputs(void **state)
{
	(void)state;
	char *s = repeat("月", 100 * 1024 / 3, "");
	expect_none(s, 2020, 1);
	free(s);
	s = repeat("9", 10000, "月");
	expect_none(s, 2020, 1);
	free(s);
	s = repeat("1", 10000, "月3月10日");
	CnDate d = one(s, 2020, 1);
	assert_int_equal(d.off, 10000 + strlen("月"));
	assert_int_equal(d.len, strlen("3月10日"));
	free(s);
	s = repeat("一", 1000, "月");
	expect_none(s, 2020, 1);
	free(s);
	s = repeat("十", 1000, "月");
	expect_none(s, 2020, 1);
	free(s);
	s = repeat("2020年", 10000, "");
	expect_none(s, 2020, 1);
	free(s);
	s = repeat("——", 10000, "");
	expect_none(s, 2020, 1);
	free(s);
	/* Many real dates: all counted, only max written. */
	s = repeat("3月10日至11日，", 10000, "");
	CnDate few[2];
	assert_int_equal(scan(s, 2020, 1, few, 2), 10000);
	assert_int_equal(few[1].off, strlen("3月10日至11日，"));
	free(s);
}

/* Every character of the classes the scan decodes once (cndate.c
 * CharClass), the last ones of the long classes included, and each
 * character an expression may begin with, after text that cannot. */
static void test_character_classes(void **state)
{
	(void)state;
	Day m3lo = D(2020, 3, 1), m3hi = D(2020, 3, 31);
	/* 中 and 初 before the last characters of their lists begin words */
	expect_span("于3月中间召开", "3月", 2020, 1, m3lo, m3hi, 0);
	expect_span("见3月中秋节", "3月", 2020, 1, m3lo, m3hi, 0);
	expect_span("3月初版", "3月", 2020, 1, m3lo, m3hi, 0);
	expect_span("3月中旬", "3月中旬", 2020, 1, D(2020, 3, 11), D(2020, 3, 20), 0);
	/* a year-less 一月 after the last preposition of its list */
	expect_span("或一月", "一月", 2020, 1, D(2020, 1, 1), D(2020, 1, 31), 0);
	/* the first characters of words: 上年, 翌年, 国庆, 元旦, 年底 */
	expect_span("工作上年3月", "上年3月", 2020, 1, D(2019, 3, 1), D(2019, 3, 31), 0);
	expect_span("工作翌年3月", "翌年3月", 2020, 1, D(2021, 3, 1), D(2021, 3, 31), 0);
	expect_day("工作国庆前", "国庆", 2020, 1, 2020, 10, 1, BEFORE);
	expect_day("工作元旦后", "元旦", 2020, 1, 2020, 1, 1, AFTER);
	expect_span("工作至年底", "年底", 2020, 1, D(2020, 12, 21), D(2020, 12, 31), 0);
	/* numerals of each kind, quotes of each kind, dashes, holders */
	expect_day("工作３月５日", "３月５日", 2020, 1, 2020, 3, 5, 0);
	expect_day("工作二〇二〇年三月五日", "二〇二〇年三月五日", 1999, 1, 2020, 3, 5, YEAR);
	expect_day("工作二零二一年三月五日", "二零二一年三月五日", 1999, 1, 2021, 3, 5, YEAR);
	expect_day("工作十月十日", "十月十日", 2020, 1, 2020, 10, 10, 0);
	expect_day("工作『七一』", "『七一』", 2020, 1, 2020, 7, 1, 0);
	expect_day("工作＂七一＂", "＂七一＂", 2020, 1, 2020, 7, 1, 0);
	CnDate d = one("工作3月〜5月", 2020, 1);
	expect(&d, "工作3月〜5月", "3月〜5月", m3lo, m3hi, D(2020, 5, 1), D(2020, 5, 31), RANGE);
	expect_day("工作20〇〇年3月1日", "20〇〇年3月1日", 2020, 1, 2020, 3, 1, HOLDER);
	expect_none("工作年年底", 2020, 1);
	expect_none("工作往年底", 2020, 1);
}

static void test_truncations_and_noise(void **state)
{
	(void)state;
	/* Every prefix of a real sentence, cut through UTF-8 sequences too. */
	const char *s = "（二）组织实施阶段（2020年3月底至11月）。“七一”前，20XX年8月25日—9月10日";
	size_t n = strlen(s);
	CnDate d[8];
	for (size_t i = 0; i <= n; i++)
		assert_true(cndate_scan(s, i, 2020, 3, d, 8) <= 3);
	/* Random text over the grammar's own alphabet, and random bytes. */
	static const char *const atoms[] = {
		"年", "月", "日", "号", "至", "—", "-", "～", "底", "初", "上旬", "中", "前", "后",
		"“", "”", "七一", "十", "一", "二", "〇", "0", "1", "2", "9", "３", "X", "×",
		"\xff", "\xe6", "国庆", "元旦", "起", "份", " ",
	};
	size_t natoms = sizeof atoms / sizeof atoms[0];
	char buf[4096];
	unsigned long r = 12345;
	for (int round = 0; round < 2000; round++) {
		size_t len = 0;
		while (len < sizeof buf - 8) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			const char *a = atoms[(r >> 33) % natoms];
			size_t l = strlen(a);
			if ((r >> 20) % 97 == 0)
				break;
			memcpy(buf + len, a, l);
			len += l;
		}
		size_t got = cndate_scan(buf, len, 2020, (int)(r % 14), d, 8);
		for (size_t i = 0; i < got && i < 8; i++) {
			assert_true(d[i].off + d[i].len <= len);
			assert_true(d[i].len > 0);
			assert_true(d[i].start.lo <= d[i].start.hi);
			assert_true(d[i].end.lo <= d[i].end.hi);
			if (i > 0)
				assert_true(d[i].off >= d[i - 1].off + d[i - 1].len);
		}
		for (size_t i = 0; i < len; i++) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			buf[i] = (char)(r >> 40);
		}
		cndate_scan(buf, len, 2020, 1, d, 8);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_date),
		cmocka_unit_test(test_seed_mobilisation_deadline),
		cmocka_unit_test(test_yearless_day),
		cmocka_unit_test(test_chinese_numerals),
		cmocka_unit_test(test_fullwidth_digits),
		cmocka_unit_test(test_month_whole),
		cmocka_unit_test(test_month_not_followed_by_day),
		cmocka_unit_test(test_month_parts),
		cmocka_unit_test(test_year_parts),
		cmocka_unit_test(test_relative_years),
		cmocka_unit_test(test_bare_year_is_no_date),
		cmocka_unit_test(test_range_day_only_end),
		cmocka_unit_test(test_range_month_day),
		cmocka_unit_test(test_range_seed_month_parts),
		cmocka_unit_test(test_range_placeholder_year),
		cmocka_unit_test(test_range_separators),
		cmocka_unit_test(test_range_rolls_into_next_year),
		cmocka_unit_test(test_range_shorthand),
		cmocka_unit_test(test_range_second_end_missing),
		cmocka_unit_test(test_feast_quoted),
		cmocka_unit_test(test_feast_bare),
		cmocka_unit_test(test_feast_unquoted_numbers_are_not_dates),
		cmocka_unit_test(test_suffixes),
		cmocka_unit_test(test_placeholder_years),
		cmocka_unit_test(test_first_month),
		cmocka_unit_test(test_default_year_extremes),
		cmocka_unit_test(test_not_dates),
		cmocka_unit_test(test_invalid_days_are_skipped),
		cmocka_unit_test(test_seed_paragraph_in_order),
		cmocka_unit_test(test_max_bounds_output),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_huge_inputs),
		cmocka_unit_test(test_truncations_and_noise),
		cmocka_unit_test(test_character_classes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
