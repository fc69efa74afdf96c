/* test_check_body.c — heading numbers and levels, attachment references,
 * placeholders: each rule firing at a known position, and near misses
 * that must stay silent. */
#include "testutil.h"

#define FM "---\ntitle: t\nissuer: i\ndate: 2020-03-01\ndoc_number: 市直工〔2020〕5号\n---\n"
/* The body starts on line 7. */

static void test_heading_sequence_skip(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM "## 一、甲\n\n## 二、乙\n\n## 四、丁\n", &d);
	assert_int_equal(count_rule(&d, "heading-sequence"), 1);
	assert_finding(&d, "heading-sequence", 0, SEV_ERROR, 11, 4,
	               "标题编号“四、”不连续：上一个同级编号是“二、”，此处应为“三、”");
	plan_free(p);
	diag_free(&d);
}

static void test_heading_sequence_repeat_and_restart(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM "## 一、甲\n\n### （一）子\n\n### （一）重\n\n"
	                       "## 二、乙\n\n### （一）新起\n", &d);
	/* （一） under 二、 restarts and is fine; the second （一） under 一、
	 * repeats. */
	assert_int_equal(count_rule(&d, "heading-sequence"), 1);
	assert_finding(&d, "heading-sequence", 0, SEV_ERROR, 11, 5,
	               "标题编号“（一）”重复或倒退：上一个同级编号是“（一）”，此处应为“（二）”");
	plan_free(p);
	diag_free(&d);
}

static void test_heading_sequence_unnumbered_counts(void **state)
{
	(void)state;
	Diags d = {0};
	/* Numbers are added where missing, so 甲 is 一、 and 二、 is right;
	 * 三、 after an unnumbered heading that became 三、 is a repeat. */
	Plan *p = check_str(FM "## 甲\n\n## 二、乙\n\n## 丙\n\n## 三、丁\n", &d);
	assert_int_equal(count_rule(&d, "heading-sequence"), 1);
	assert_finding(&d, "heading-sequence", 0, SEV_ERROR, 13, 4,
	               "标题编号“三、”重复或倒退：上一个同级编号是“三、”，此处应为“四、”");
	plan_free(p);
	diag_free(&d);
}

static void test_runin_numbers(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM "## 一、实施步骤\n\n**（一）动员。**甲。\n\n**（三）实施。**乙。\n", &d);
	assert_int_equal(count_rule(&d, "heading-sequence"), 1);
	assert_finding(&d, "heading-sequence", 0, SEV_ERROR, 11, 3,
	               "标题编号“（三）”不连续：上一个同级编号是“（一）”，此处应为“（二）”");
	plan_free(p);
	diag_free(&d);

	Diags ok = {0};
	p = check_str(FM "## 一、实施步骤\n\n**（一）动员。**甲。\n\n**（二）实施。**乙。\n", &ok);
	assert_int_equal(count_rule(&ok, "heading-sequence"), 0);
	plan_free(p);
	diag_free(&ok);
}

/* One mistake, one finding: （三） written as （五） is the only error, and
 * the （四） after it is right; a skipped number (一、二、四、五) is one
 * error too, at 四、. */
static void test_heading_one_mistake(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM "## 一、甲\n\n### （一）子\n\n### （二）子\n\n### （五）子\n\n"
	                       "### （四）子\n\n### （五）子\n", &d);
	assert_int_equal(count_rule(&d, "heading-sequence"), 1);
	assert_finding(&d, "heading-sequence", 0, SEV_ERROR, 13, 5,
	               "标题编号“（五）”不连续：上一个同级编号是“（二）”，此处应为“（三）”");
	plan_free(p);
	diag_free(&d);

	Diags skip = {0};
	p = check_str(FM "## 一、甲\n\n## 二、乙\n\n## 四、丁\n\n## 五、戊\n\n## 六、己\n", &skip);
	assert_int_equal(count_rule(&skip, "heading-sequence"), 1);
	assert_finding(&skip, "heading-sequence", 0, SEV_ERROR, 11, 4,
	               "标题编号“四、”不连续：上一个同级编号是“二、”，此处应为“三、”");
	plan_free(p);
	diag_free(&skip);

	Diags rep = {0};
	p = check_str(FM "## 一、甲\n\n## 二、乙\n\n## 二、乙\n\n## 三、丙\n", &rep);
	assert_int_equal(count_rule(&rep, "heading-sequence"), 1);
	assert_finding(&rep, "heading-sequence", 0, SEV_ERROR, 11, 4,
	               "标题编号“二、”重复或倒退：上一个同级编号是“二、”，此处应为“三、”");
	plan_free(p);
	diag_free(&rep);
}

/* A numbered heading typed as a paragraph is reported at its line and
 * counts as the heading it should be; sentences that start with a
 * number are left alone. */
static void test_heading_unmarked(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM "## 一、指导思想\n\n正文。\n\n二、工作目标\n\n正文。\n\n"
	                       "## 三、工作步骤\n", &d);
	assert_int_equal(d.n, 1);
	assert_finding(&d, "heading-unmarked", 0, SEV_WARNING, 11, 1,
	               "这一段像是一级标题，请写作“## 二、工作目标”");
	plan_free(p);
	diag_free(&d);

	Diags ok = {0};
	p = check_str(FM "## 一、指导思想\n\n（一）加强组织领导。成立领导小组。\n\n"
	                 "> 二、引文中的编号\n\n- 三、列表中的编号\n\n"
	                 "（二）这是一个很长很长的段落，虽然没有句号但是已经远远超过了三十个字的长度限制\n", &ok);
	assert_int_equal(count_rule(&ok, "heading-unmarked"), 0);
	plan_free(p);
	diag_free(&ok);
}

static void test_heading_level(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM "## 一、甲\n\n#### 1. 深\n\n### （一）可\n", &d);
	assert_int_equal(count_rule(&d, "heading-level"), 1);
	assert_finding(&d, "heading-level", 0, SEV_WARNING, 9, 1,
	               "标题层级跳跃：从第1级直接到第3级（深）");
	plan_free(p);
	diag_free(&d);
}

static void test_attachment_ref(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str("---\ntitle: t\nissuer: i\ndate: 2020-03-01\ndoc_number: x〔2020〕1号\n"
	                    "attachments:\n  - {id: a, type: form, title: 申报表}\n---\n"
	                    "见附件1和附件2。\n\n附件：1.申报表\n2.台账\n", &d);
	assert_int_equal(count_rule(&d, "attachment-ref"), 2);
	assert_finding(&d, "attachment-ref", 0, SEV_ERROR, 9, 6, "正文提到附件2，但只有1个附件");
	assert_finding(&d, "attachment-ref", 1, SEV_ERROR, 12, 1, "附件说明列出附件2，但只有1个附件");
	plan_free(p);
	diag_free(&d);
}

static void test_attachment_ref_none_defined(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM "依据《工作台账》（附件2）评比。\n", &d);
	assert_finding(&d, "attachment-ref", 0, SEV_ERROR, 7, 10,
	               "正文提到附件2，但前置元数据中没有附件（attachments）");
	plan_free(p);
	diag_free(&d);
}

static void test_placeholders(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str(FM "党的XX大精神，20XX年，××单位，＊＊同志，○○局。\n", &d);
	assert_int_equal(count_rule(&d, "placeholder"), 5);
	assert_finding(&d, "placeholder", 0, SEV_WARNING, 7, 3, "未替换的占位符“XX”");
	assert_finding(&d, "placeholder", 1, SEV_WARNING, 7, 9, "未替换的占位符“20XX”");
	assert_finding(&d, "placeholder", 2, SEV_WARNING, 7, 15, "未替换的占位符“××”");
	assert_finding(&d, "placeholder", 3, SEV_WARNING, 7, 20, "未替换的占位符“＊＊”");
	assert_finding(&d, "placeholder", 4, SEV_WARNING, 7, 25, "未替换的占位符“○○”");
	plan_free(p);
	diag_free(&d);
}

static void test_placeholder_front_matter(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str("---\ntitle: t\nissuer: i\ndate: 2020-03-01\n"
	                    "doc_number: 新直通〔20XX〕1号\n---\n正文。\n", &d);
	assert_finding(&d, "placeholder", 0, SEV_WARNING, 5, 1, "未替换的占位符“20XX”");
	plan_free(p);
	diag_free(&d);
}

static void test_not_placeholders(void **state)
{
	(void)state;
	Diags d = {0};
	/* 二○○八年 is a year; XXL and 5×20 are words and arithmetic; a
	 * closed **bold** is markup, not a placeholder. */
	Plan *p = check_str(FM "二○○八年，XXL号，5×20分，**重点**工作，Xx。\n", &d);
	assert_int_equal(count_rule(&d, "placeholder"), 0);
	plan_free(p);
	diag_free(&d);
}

/* Issue 13.7: "附件 2" with a space is a reference; placeholders are
 * looked for wherever the front matter prints text (cc, units,
 * attachment titles and fields), and □□ is one too. */
static void test_refs_and_placeholders_everywhere(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_str("---\ntitle: t\nissuer: i\ndate: 2020-03-01\ndoc_number: 市直工〔2020〕5号\n"
	                    "cc: [XX局]\nunits: [甲, □□单位]\nattachments:\n"
	                    "  - {id: a, type: form, title: 20XX年申报表, fields: [{name: ××}]}\n---\n"
	                    "见附件 2。\n", &d);
	assert_int_equal(count_rule(&d, "attachment-ref"), 1);
	assert_finding(&d, "attachment-ref", 0, SEV_ERROR, 11, 2, "正文提到附件2，但只有1个附件");
	assert_int_equal(count_rule(&d, "placeholder"), 4);
	assert_finding(&d, "placeholder", 0, SEV_WARNING, 6, 6, "未替换的占位符“XX”");
	assert_finding(&d, "placeholder", 1, SEV_WARNING, 7, 12, "未替换的占位符“□□”");
	assert_finding(&d, "placeholder", 2, SEV_WARNING, 9, 25, "未替换的占位符“20XX”");
	assert_finding(&d, "placeholder", 3, SEV_WARNING, 9, 52, "未替换的占位符“××”");
	plan_free(p);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heading_sequence_skip),
		cmocka_unit_test(test_heading_sequence_repeat_and_restart),
		cmocka_unit_test(test_heading_sequence_unnumbered_counts),
		cmocka_unit_test(test_runin_numbers),
		cmocka_unit_test(test_heading_level),
		cmocka_unit_test(test_heading_one_mistake),
		cmocka_unit_test(test_heading_unmarked),
		cmocka_unit_test(test_refs_and_placeholders_everywhere),
		cmocka_unit_test(test_attachment_ref),
		cmocka_unit_test(test_attachment_ref_none_defined),
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_placeholder_front_matter),
		cmocka_unit_test(test_not_placeholders),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
