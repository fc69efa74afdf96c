/* test_import.c — what `fangan import` makes of small texts: heading
 * levels, run-in heads, lists that stay paragraphs, escapes, cleaning,
 * deadlines, rating bands, and that the plan it writes checks clean. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "import.h"
#include "model.h"
#include "util.h"

/* Import text (as a .txt file) and return the plan. */
static char *import_text(const char *text, int year)
{
	char path[] = "/tmp/fangan-test-import-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	ImportOpts o = {year};
	char *err = NULL;
	Import *im = import_open(path, &o, &err);
	unlink(path);
	if (!im)
		fail_msg("import failed: %s", err);
	Buf b = {0};
	import_plan(im, &b);
	import_free(im);
	buf_cstr(&b);
	return b.s;
}

static void has(const char *plan, const char *want)
{
	if (!strstr(plan, want))
		fail_msg("'%s' not in:\n%s", want, plan);
}

static void has_not(const char *plan, const char *unwanted)
{
	if (strstr(plan, unwanted))
		fail_msg("'%s' in:\n%s", unwanted, plan);
}

/* The plan checks with no error. */
static void checks_clean(const char *plan)
{
	Diags d = {0};
	Plan *p = plan_parse("t.md", plan, strlen(plan), &d);
	check_plan(p, &d);
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].severity == SEV_ERROR)
			fail_msg("error %s: %s\n%s", d.v[i].rule, d.v[i].message, plan);
	plan_free(p);
	diag_free(&d);
}

static void test_heading_levels(void **state)
{
	(void)state;
	char *p = import_text("关于开展测试的方案\n一、总体要求\n（一）工作目标\n1.具体目标\n（1）第一项\n"
	                      "本段是正文，说明具体内容。\n", 2020);
	has(p, "title: 关于开展测试的方案\n");
	has(p, "\n## 一、总体要求\n");
	has(p, "\n### （一）工作目标\n");
	has(p, "\n#### 1.具体目标\n");
	has(p, "\n##### （1）第一项\n");
	has(p, "\n本段是正文，说明具体内容。\n");
	checks_clean(p);
	free(p);
}

static void test_run_in(void **state)
{
	(void)state;
	char *p = import_text("测试方案\n一、实施步骤\n（一）动员部署阶段（2020年3月2日至3月10日）。各单位做好部署。\n"
	                      "（二）组织实施阶段：各单位抓好落实。\n", 2020);
	has(p, "\n**（一）动员部署阶段（2020年3月2日至3月10日）。**各单位做好部署。\n");
	has(p, "\n**（二）组织实施阶段：**各单位抓好落实。\n");
	has(p, "  - name: 动员部署阶段\n    start: 2020-03-02\n    end: 2020-03-10\n");
	free(p);
}

/* One item of the list reads as a sentence: the whole list stays text,
 * so no heading number is counted that the text does not number. */
static void test_list_stays_paragraphs(void **state)
{
	(void)state;
	char *p = import_text("测试方案\n一、评定标准\n1、班子健全。团结有力。\n"
	                      "2、严格按要求参加上级党组织召开的各类会议和举办的各项活动，参加率达到百分之百。无迟到。\n",
	                      2020);
	has(p, "\n1、班子健全。团结有力。\n");
	has_not(p, "**1、");
	has_not(p, "#### 2");
	checks_clean(p);
	free(p);
}

static void test_escapes_and_cleaning(void **state)
{
	(void)state;
	char *p = import_text("\xef\xbb\xbf测试方案\n一、要求\n\xe3\x80\x80\xe3\x80\x80正文*星号*和_下划线_，"
	                      "见[说明]\xc2\xa0<注>。\r\n2020.5起施行。\n", 2020);
	has(p, "\n正文\\*星号\\*和\\_下划线\\_，见\\[说明\\] \\<注>。\n");
	has(p, "\n2020\\.5起施行。\n");
	has_not(p, "\xe3\x80\x80");
	has_not(p, "\xc2\xa0");
	has_not(p, "\r");
	checks_clean(p);
	free(p);
}

static void test_deadline(void **state)
{
	(void)state;
	char *p = import_text("测试方案\n一、实施步骤\n（一）部署阶段（2020年3月2日至3月31日）。"
	                      "各单位于2020年3月20日前将工作总结报送办公室备案。年底前完成全部工作。\n", 2020);
	has(p, "  - name: 报送工作总结\n    due: 2020-03-20\n    by: 各单位\n    to: 办公室\n");
	has_not(p, "due: 2020-12-31"); /* 年底前 with nothing sent: not a deadline */
	checks_clean(p);
	free(p);
}

/* Two attachments whose titles end alike: the deadline takes the first
 * (a leak once: the second replaced the first). */
static void test_deadline_form(void **state)
{
	(void)state;
	char *p = import_text("测试方案\n一、步骤\n（一）部署阶段（2020年3月2日至3月31日）。"
	                      "各单位于2020年3月20日前将创建申报表报送办公室。\n"
	                      "附件：1.甲类创建申报表\n2.乙类创建申报表\n", 2020);
	has(p, "    form: 甲类创建申报表\n");
	checks_clean(p);
	free(p);
}

static void test_ratings(void **state)
{
	(void)state;
	char *p = import_text("测试方案\n一、评定\n按照百分制评分，90分以上为优秀，75—89分为良好，"
	                      "60—74分为合格，60分以下为不合格。\n", 2020);
	has(p, "  total: 100\n");
	has(p, "    - name: 优秀\n      min: 90\n");
	has(p, "    - name: 良好\n      min: 75\n      max: 89\n");
	has(p, "    - name: 不合格\n      max: 59\n");
	checks_clean(p);
	free(p);
}

/* Points with a decimal, and “每项N分” for items that give none. */
static void test_decimal_points(void **state)
{
	(void)state;
	char *p = import_text("测试方案\n一、评分标准\n满分100分。\n"
	                      "1.组织领导：成立专班。（17.5分）\n"
	                      "2.工作落实：按时完成。（22.5分）\n"
	                      "3.总结宣传：及时总结。（60分）\n"
	                      "二、等次\n90分以上为优秀，80—89.5分为良好，60分以下为不合格。\n", 2020);
	has(p, "  total: 100\n");
	has(p, "    - name: 组织领导\n      points: 17.5\n      standard: 成立专班\n");
	has(p, "    - name: 工作落实\n      points: 22.5\n");
	has(p, "    - name: 总结宣传\n      points: 60\n");
	has(p, "    - name: 良好\n      min: 80\n      max: 89.5\n");
	/* half points: below 60 is up to 59.5 */
	has(p, "    - name: 不合格\n      max: 59.5\n");
	free(p);

	p = import_text("测试方案\n一、评分标准\n考评内容共四项，每项2.5分。\n"
	                "1.组织领导：成立专班。\n"
	                "2.工作落实：按时完成（另行通知）。\n"
	                "3.总结宣传：及时总结。（5分）\n"
	                "4.信息报送：按时报送。\n"
	                "二、其他\n1.注意事项：认真组织。\n", 2020);
	has(p, "    - name: 组织领导\n      points: 2.5\n");
	has(p, "    - name: 工作落实\n      points: 2.5\n      standard: 按时完成（另行通知）\n");
	has(p, "    - name: 总结宣传\n      points: 5\n");
	has(p, "    - name: 信息报送\n      points: 2.5\n");
	has_not(p, "name: 注意事项"); /* after another heading: not covered */
	checks_clean(p);
	free(p);

	p = import_text("测试方案\n一、评分标准\n每项满分20分：\n"
	                "（一）服务体系星：体系健全。\n（二）服务队伍星：队伍过硬。\n"
	                "另外说明。\n（三）服务机制星：机制完善。\n", 2020);
	has(p, "    - name: 服务体系星\n      points: 20\n");
	has(p, "    - name: 服务队伍星\n      points: 20\n");
	has_not(p, "name: 服务机制星"); /* a paragraph between ends the run */
	free(p);
}

static void test_quotas(void **state)
{
	(void)state;
	char *p = import_text("测试方案\n一、内容\n各单位初评申报一批本单位的共产党员示范岗，比例原则上不低于单位党员总数的10%。"
	                      "按部门总数10%以上比例确定命名一批示范单位。优秀等次不超过参评人数的20%，从严掌握。\n",
	                      2020);
	has(p, "  - name: 共产党员示范岗\n    min_percent: 10\n    of: 单位党员总数\n");
	has(p, "  - name: 示范单位\n    min_percent: 10\n    of: 部门总数\n");
	has_not(p, "max_percent: 20"); /* no 一批 to name it: not guessed */
	checks_clean(p);
	free(p);
}

static void test_refused(void **state)
{
	(void)state;
	char path[] = "/tmp/fangan-test-import-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "abc\0def", 7), 7);
	close(fd);
	ImportOpts o = {0};
	char *err = NULL;
	assert_null(import_open(path, &o, &err));
	assert_non_null(strstr(err, "not a text file")); /* untranslated: no locale set */
	free(err);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heading_levels),
		cmocka_unit_test(test_run_in),
		cmocka_unit_test(test_list_stays_paragraphs),
		cmocka_unit_test(test_escapes_and_cleaning),
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_deadline_form),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_decimal_points),
		cmocka_unit_test(test_quotas),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
