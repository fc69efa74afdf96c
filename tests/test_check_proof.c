/* test_check_proof.c — the proofreading rules: each firing at a known
 * position with its fix, and the near misses that must stay silent. */
#include "testutil.h"

#include <stdlib.h>

#define FM "---\ntitle: t\nissuer: i\ndate: 2020-03-01\ndoc_number: 市直工〔2020〕5号\n---\n"
/* The body starts on line 7. */

static Diags proof(const char *body, Plan **pp)
{
	Diags d = {0};
	char *src = xasprintf(FM "%s", body);
	*pp = check_str(src, &d);
	free(src);
	return d;
}

static void test_halfwidth(void **state)
{
	(void)state;
	Plan *p;
	Diags d = proof("加强领导,落实责任:一是(试行)办法.\n", &p);
	assert_int_equal(d.n, 5);
	assert_finding(&d, "punct-halfwidth", 0, SEV_WARNING, 7, 5,
	               "半角标点“,”用在中文里，应为全角“，”（GB/T 15834）");
	assert_finding(&d, "punct-halfwidth", 1, SEV_WARNING, 7, 10,
	               "半角标点“:”用在中文里，应为全角“：”（GB/T 15834）");
	assert_finding(&d, "punct-halfwidth", 2, SEV_WARNING, 7, 13,
	               "半角标点“(”用在中文里，应为全角“（”（GB/T 15834）");
	assert_finding(&d, "punct-halfwidth", 3, SEV_WARNING, 7, 16,
	               "半角标点“)”用在中文里，应为全角“）”（GB/T 15834）");
	assert_finding(&d, "punct-halfwidth", 4, SEV_WARNING, 7, 19,
	               "半角标点“.”用在中文里，应为全角“。”（GB/T 15834）");
	plan_free(p);
	diag_free(&d);

	d = proof("使用Word,Excel和WPS(v2.0)，共1,000份，见file1.docx。\n", &p);
	assert_int_equal(count_rule(&d, "punct-halfwidth"), 0);
	plan_free(p);
	diag_free(&d);
}

static void test_doubled(void **state)
{
	(void)state;
	Plan *p;
	Diags d = proof("加强领导。。落实责任，，做好工作。，见……和——。\n", &p);
	assert_int_equal(d.n, 3);
	assert_finding(&d, "punct-doubled", 0, SEV_WARNING, 7, 5, "标点重复“。。”：请只留一个");
	assert_finding(&d, "punct-doubled", 1, SEV_WARNING, 7, 11, "标点重复“，，”：请只留一个");
	assert_finding(&d, "punct-doubled", 2, SEV_WARNING, 7, 17, "标点重复“。，”：请只留一个");
	plan_free(p);
	diag_free(&d);
}

static void test_pairs(void **state)
{
	(void)state;
	Plan *p;
	Diags d = proof("开展“示范行动“的方案》，加强（组织领导，见“”。\n", &p);
	assert_int_equal(d.n, 4);
	assert_finding(&d, "punct-unpaired", 0, SEV_WARNING, 7, 8,
	               "前引号“后面又是前引号：这里应为后引号”");
	assert_finding(&d, "punct-unpaired", 1, SEV_WARNING, 7, 12,
	               "“》”前面没有配对的“《”：请补上或删去");
	assert_finding(&d, "punct-unpaired", 2, SEV_WARNING, 7, 16,
	               "“（”没有配对的“）”：请补上或删去");
	assert_finding(&d, "punct-empty", 0, SEV_WARNING, 7, 23, "““””中间是空的：请补上内容或删去");
	plan_free(p);
	diag_free(&d);

	/* Paired, nested, and list markers such as 1） and 二） are fine. */
	d = proof("《关于“两学一做”的通知》（市发〔2016〕1号）【注】。\n\n1）第一项；二）第二项。\n", &p);
	assert_int_equal(d.n, 0);
	plan_free(p);
	diag_free(&d);
}

static void test_chars_and_digits(void **state)
{
	(void)state;
	Plan *p;
	Diags d = proof("加强党的的领导，在在2０20年完成。人人参与，天天坚持，常常检查，12３。\n", &p);
	assert_int_equal(d.n, 4);
	assert_finding(&d, "char-doubled", 0, SEV_WARNING, 7, 4, "“的的”：可能多打了一个“的”");
	assert_finding(&d, "char-doubled", 1, SEV_WARNING, 7, 9, "“在在”：可能多打了一个“在”");
	assert_finding(&d, "digits-mixed", 0, SEV_WARNING, 7, 11,
	               "数字“2０20”混用了全角和半角数字：请统一写成半角数字");
	assert_finding(&d, "digits-mixed", 1, SEV_WARNING, 7, 34,
	               "数字“12３”混用了全角和半角数字：请统一写成半角数字");
	plan_free(p);
	diag_free(&d);
}

/* Front-matter values are proofread too, reported at their key; a plan
 * can turn a warning rule off, never an error. */
static void test_front_matter_and_disable(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str("---\ntitle: 关于开展活动的方案,试行\nissuer: i\ndate: 2020-03-01\n"
	                    "doc_number: 市直工〔2020〕5号\n---\n正文。。\n", &d);
	assert_int_equal(d.n, 2);
	assert_finding(&d, "punct-halfwidth", 0, SEV_WARNING, 2, 1,
	               "半角标点“,”用在中文里，应为全角“，”（GB/T 15834）");
	assert_finding(&d, "punct-doubled", 0, SEV_WARNING, 7, 3, "标点重复“。。”：请只留一个");
	plan_free(p);
	diag_free(&d);

	Diags off = {0};
	p = check_str("---\ntitle: 关于开展活动的方案,试行\nissuer: i\ndate: 2020-03-01\n"
	              "doc_number: 市直工〔2020〕5号\n"
	              "check: {disable: [punct-halfwidth, phase-order, nosuch]}\n---\n正文。。\n", &off);
	assert_int_equal(off.n, 3);
	assert_finding(&off, "type-mismatch", 0, SEV_ERROR, 6, 36,
	               "规则“phase-order”报告的是错误，不能关闭：请改正方案");
	assert_finding(&off, "type-mismatch", 1, SEV_ERROR, 6, 49,
	               "“nosuch”不是规则名：可关闭的规则见README或fangan.1的规则表");
	assert_finding(&off, "punct-doubled", 0, SEV_WARNING, 8, 3, "标点重复“。。”：请只留一个");
	plan_free(p);
	diag_free(&off);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_halfwidth),
		cmocka_unit_test(test_doubled),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_chars_and_digits),
		cmocka_unit_test(test_front_matter_and_disable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
