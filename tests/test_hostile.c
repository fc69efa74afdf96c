/* test_hostile.c — input meant to break the reader: each must end in a
 * clear finding or a normal result, with bounded work and no sanitizer
 * report (this file also runs in the ASan/UBSan build). */
#include "testutil.h"

#include <stdlib.h>

#include "util.h"
#include "yamltree.h"

static Plan *check_mem(const char *src, size_t len, Diags *d)
{
	Plan *p = plan_parse("t.md", src, len, d);
	check_plan(p, d);
	diag_sort(d);
	return p;
}

static void test_empty_file(void **state)
{
	(void)state;
	Diags d = {0};
	Plan *p = check_mem("", 0, &d);
	assert_int_equal(d.n, 1);
	assert_finding(&d, "front-matter", 0, SEV_ERROR, 1, 1,
	               "文件为空：计划应以“---”开始的前置元数据开头");
	plan_free(p);
	diag_free(&d);
}

static void test_binary_junk(void **state)
{
	(void)state;
	char junk[4096];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (char)(x >> 16);
	}
	Diags d = {0};
	Plan *p = check_mem(junk, sizeof junk, &d);
	assert_int_equal(count_rule(&d, "input"), 1);
	plan_free(p);
	diag_free(&d);
}

static void test_invalid_utf8_names_byte(void **state)
{
	(void)state;
	const char src[] = "---\ntitle: 方案\n---\n正文\xff\xfe。\n";
	Diags d = {0};
	Plan *p = check_mem(src, sizeof src - 1, &d);
	/* 正文 is 6 bytes; the bad byte is byte 29 of the file, on line 4
	 * after two characters. */
	assert_finding(&d, "input", 0, SEV_ERROR, 4, 3,
	               "文件不是有效的UTF-8编码：第29字节（0xFF）处编码无效");
	assert_int_equal(d.n, 1);
	plan_free(p);
	diag_free(&d);
}

static void test_alias_bomb(void **state)
{
	(void)state;
	/* Nine levels of ten aliases each would expand to 10^9 nodes. */
	Buf b = {0};
	buf_puts(&b, "---\ntitle: t\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
	for (int i = 1; i < 10; i++) {
		buf_printf(&b, "a%d: &a%d [", i, i);
		for (int j = 0; j < 10; j++)
			buf_printf(&b, "%s*a%d", j ? ", " : "", i - 1);
		buf_puts(&b, "]\n");
	}
	buf_puts(&b, "---\n");
	Diags d = {0};
	Plan *p = check_mem(b.s, b.len, &d);
	assert_int_equal(count_rule(&d, "yaml-syntax"), 1);
	assert_non_null(strstr(nth_rule(&d, "yaml-syntax", 0)->message, "节点超过100000个"));
	plan_free(p);
	diag_free(&d);
	buf_free(&b);
}

static void test_alias_bytes(void **state)
{
	(void)state;
	/* Few nodes, many bytes: 1,000 aliases of a 40,000-byte scalar
	 * would be 40 MB of text; the 104th copy goes over 4 MB. */
	Buf b = {0};
	buf_puts(&b, "---\ntitle: t\nx: &a \"");
	for (int i = 0; i < 40000; i++)
		buf_putc(&b, 'A');
	buf_puts(&b, "\"\ny: [");
	for (int i = 0; i < 1000; i++)
		buf_puts(&b, i ? ", *a" : "*a");
	buf_puts(&b, "]\n---\n");
	Diags d = {0};
	Plan *p = check_mem(b.s, b.len, &d);
	assert_finding(&d, "yaml-syntax", 0, SEV_ERROR, 4, 5 + 4 * 103,
	               "前置元数据过大：文字超过4 MB（别名展开后）");
	plan_free(p);
	diag_free(&d);
	buf_free(&b);
}

static void test_deep_yaml(void **state)
{
	(void)state;
	Buf b = {0};
	buf_puts(&b, "---\ntitle: t\nx: ");
	for (int i = 0; i < 20000; i++)
		buf_putc(&b, '[');
	for (int i = 0; i < 20000; i++)
		buf_putc(&b, ']');
	buf_puts(&b, "\n---\n");
	Diags d = {0};
	Plan *p = check_mem(b.s, b.len, &d);
	assert_int_equal(count_rule(&d, "yaml-syntax"), 1);
	plan_free(p);
	diag_free(&d);
	buf_free(&b);
}

/* Quotes and lists opened on one line: up to 100 are read, and the text
 * at the bottom is seen at its true position; more (cmark keeps a node
 * for each: 1,000,000 ">" took 486 MB) is an error at that line.  Lists
 * nested by indentation open one item a line and are not limited. */
static Plan *deep_markdown(const char *marker, int n, const char *tail, Diags *d, Buf *b)
{
	buf_puts(b, "---\ntitle: t\n---\n");
	for (int i = 0; i < n; i++)
		buf_puts(b, marker);
	buf_puts(b, tail);
	return check_mem(b->s, b->len, d);
}

static void test_deep_markdown(void **state)
{
	(void)state;
	static const char *const markers[] = {">", "> ", "- ", "1. "};
	for (size_t m = 0; m < sizeof markers / sizeof *markers; m++) {
		Buf b = {0};
		Diags d = {0};
		Plan *p = deep_markdown(markers[m], 100, "深处20XX\n", &d, &b);
		assert_finding(&d, "placeholder", 0, SEV_WARNING, 4,
		               (int)(100 * strlen(markers[m])) + 3, "未替换的占位符“20XX”");
		assert_int_equal(count_rule(&d, "input"), 0);
		plan_free(p);
		diag_free(&d);
		buf_free(&b);

		p = deep_markdown(markers[m], 20000, "深处20XX\n", &d, &b);
		assert_finding(&d, "input", 0, SEV_ERROR, 4, 1,
		               "这一行的引用（>）或列表标记嵌套超过100层，正文不再往下读："
		               "公文用不到这么深的层次，请删去多余的标记");
		assert_int_equal(count_rule(&d, "placeholder"), 0);
		plan_free(p);
		diag_free(&d);
		buf_free(&b);
	}
	/* A rule of any length, and quotes inside a fenced code block, are
	 * not nesting. */
	static const char *const fine[] = {"- ", "* ", "```\n> "};
	for (size_t m = 0; m < sizeof fine / sizeof *fine; m++) {
		Buf b = {0};
		Diags d = {0};
		Plan *p = deep_markdown(m == 2 ? "> " : fine[m], 300,
		                        m == 2 ? "x\n```\n\n正文20XX\n"
		                        : m == 1 ? "*\n\n正文20XX\n" : "-\n\n正文20XX\n", &d, &b);
		if (m == 2) { /* the fence opens before the quotes */
			plan_free(p);
			diag_free(&d);
			buf_free(&b);
			buf_puts(&b, "---\ntitle: t\n---\n```\n");
			for (int i = 0; i < 300; i++)
				buf_puts(&b, "> ");
			buf_puts(&b, "x\n```\n\n正文20XX\n");
			p = check_mem(b.s, b.len, &d);
		}
		assert_int_equal(count_rule(&d, "input"), 0);
		assert_int_equal(count_rule(&d, "placeholder"), 1);
		plan_free(p);
		diag_free(&d);
		buf_free(&b);
	}
	/* Table cells: 200 "|" on a line are read, 201 are an error, and so
	 * is a body past 200,000 in all. */
	for (int k = 200; k <= 201; k++) {
		Buf b = {0};
		Diags d = {0};
		Plan *p = deep_markdown("|", k, "\n\n正文20XX\n", &d, &b);
		assert_int_equal(count_rule(&d, "input"), k > 200);
		if (k > 200)
			assert_finding(&d, "input", 0, SEV_ERROR, 4, 1,
			               "表格分隔符“|”在这一行超过200个，或在正文中共超过200000个，"
			               "正文不再往下读：公文的表格用不到这么多，请把表格拆开或删去多余的“|”");
		plan_free(p);
		diag_free(&d);
		buf_free(&b);
	}
	{
		Buf b = {0};
		Diags d = {0};
		buf_puts(&b, "---\ntitle: t\n---\n");
		for (int r = 0; r < 1001; r++) {
			for (int i = 0; i < 200; i++)
				buf_putc(&b, '|');
			buf_putc(&b, '\n');
		}
		Plan *p = check_mem(b.s, b.len, &d);
		assert_finding(&d, "input", 0, SEV_ERROR, 1004, 1, NULL);
		plan_free(p);
		diag_free(&d);
		buf_free(&b);
	}
	Buf b = {0};
	buf_puts(&b, "---\ntitle: t\n---\n");
	for (int i = 0; i < 2000; i++) {
		for (int j = 0; j < i * 2; j++)
			buf_putc(&b, ' ');
		buf_puts(&b, "- 项\n");
	}
	for (int j = 0; j < 4000; j++)
		buf_putc(&b, ' ');
	buf_puts(&b, "深处20XX\n");
	Diags d = {0};
	Plan *p = check_mem(b.s, b.len, &d);
	assert_int_equal(count_rule(&d, "input"), 0);
	plan_free(p);
	diag_free(&d);
	buf_free(&b);
}

static void test_big_plan(void **state)
{
	(void)state;
	Buf b = {0};
	buf_puts(&b, "---\ntitle: t\nissuer: i\ndoc_number: x〔2020〕1号\ndate: 2020-03-01\n"
	             "campaign: {start: 2020-03-01, end: 2020-12-31}\n---\n");
	size_t paras = 0;
	while (b.len < 6 * 1024 * 1024) {
		buf_printf(&b, "## %zu\n\n第%zu段：市直机关各单位要在2020年3月1日前完成工作，"
		               "确保实效，认真组织实施，切实把工作落到实处。\n\n",
		           paras, paras);
		paras++;
	}
	Diags d = {0};
	Plan *p = check_mem(b.s, b.len, &d);
	assert_int_equal(p->body->nkids, 2 * paras);
	/* The findings list is capped, not unbounded. */
	assert_true(d.n <= 10000);
	plan_free(p);
	diag_free(&d);
	buf_free(&b);
}

static void test_nul_bytes_and_crlf(void **state)
{
	(void)state;
	const char src[] = "---\r\ntitle: 方案\r\n---\r\n正文\0内容20XX\r\n";
	Diags d = {0};
	Plan *p = check_mem(src, sizeof src - 1, &d);
	assert_string_equal(p->title.s, "方案");
	assert_int_equal(count_rule(&d, "placeholder"), 1);
	plan_free(p);
	diag_free(&d);
}

static void test_long_key_and_huge_numbers(void **state)
{
	(void)state;
	Buf b = {0};
	buf_puts(&b, "---\ntitle: t\n");
	/* libyaml takes keys up to 1024 characters; a longer one is a
	 * syntax error, this one is merely unknown. */
	for (int i = 0; i < 1000; i++)
		buf_putc(&b, 'k');
	buf_puts(&b, ": 1\ncriteria:\n  total: 99999999999999999999\n"
	             "  ratings:\n    - {name: a, min: -5, max: 2000000000}\n---\n");
	Diags d = {0};
	Plan *p = check_mem(b.s, b.len, &d);
	assert_int_equal(count_rule(&d, "unknown-key"), 1);
	assert_int_equal(count_rule(&d, "type-mismatch"), 2);
	plan_free(p);
	diag_free(&d);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_binary_junk),
		cmocka_unit_test(test_invalid_utf8_names_byte),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_alias_bytes),
		cmocka_unit_test(test_deep_yaml),
		cmocka_unit_test(test_deep_markdown),
		cmocka_unit_test(test_big_plan),
		cmocka_unit_test(test_nul_bytes_and_crlf),
		cmocka_unit_test(test_long_key_and_huge_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
