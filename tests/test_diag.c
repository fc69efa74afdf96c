/* test_diag.c — the three report formats, byte for byte where they are
 * meant for machines. */
#include "testutil.h"

#include <stdlib.h>

static char *render(const Diags *d, DiagFormat fmt, bool color)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	diag_write(d, fmt, color, f);
	fclose(f);
	return buf;
}

static void sample(Diags *d)
{
	diag_add(d, "plans/b.md", (Pos){3, 2}, R_PHASE_ORDER, "阶段“乙”止于开始之前");
	diag_add(d, "plans/a.md", (Pos){14, 5}, R_DEADLINE_IN_GAP,
	         "截止日期“报送”（2020年3月25日）不在任何阶段内");
	diag_add(d, "plans/a.md", (Pos){2, 1}, R_UNKNOWN_KEY, "含\"引号\"与\\反斜杠");
	diag_sort(d);
}

static void test_text(void **state)
{
	(void)state;
	Diags d = {0};
	sample(&d);
	char *s = render(&d, FMT_TEXT, false);
	assert_string_equal(s,
		"plans/a.md:2:1: warning: 含\"引号\"与\\反斜杠 [unknown-key]\n"
		"plans/a.md:14:5: warning: 截止日期“报送”（2020年3月25日）不在任何阶段内 [deadline-in-gap]\n"
		"plans/b.md:3:2: error: 阶段“乙”止于开始之前 [phase-order]\n");
	free(s);
	s = render(&d, FMT_TEXT, true);
	assert_non_null(strstr(s, "\033[1;31merror:\033[0m"));
	free(s);
	diag_free(&d);
}

static void test_json(void **state)
{
	(void)state;
	Diags d = {0};
	sample(&d);
	char *s = render(&d, FMT_JSON, false);
	assert_non_null(strstr(s, "{\"file\": \"plans/a.md\", \"line\": 2, \"column\": 1, "
	                          "\"severity\": \"warning\", \"rule\": \"unknown-key\", "
	                          "\"message\": \"含\\\"引号\\\"与\\\\反斜杠\"}"));
	assert_non_null(strstr(s, "\"errors\": 1,\n  \"warnings\": 2,"));
	free(s);
	diag_free(&d);
}

static void test_sarif(void **state)
{
	(void)state;
	Diags d = {0};
	sample(&d);
	char *s = render(&d, FMT_SARIF, false);
	assert_non_null(strstr(s, "\"version\": \"2.1.0\""));
	assert_non_null(strstr(s, "\"name\": \"fangan\""));
	assert_non_null(strstr(s, "{\"id\": \"phase-order\""));
	/* phase-order is the 7th rule of the table (index 6). */
	assert_non_null(strstr(s, "{\"ruleId\": \"phase-order\", \"ruleIndex\": 6, \"level\": \"error\""));
	assert_non_null(strstr(s, "\"artifactLocation\": {\"uri\": \"plans/b.md\"}, "
	                          "\"region\": {\"startLine\": 3, \"startColumn\": 2}"));
	free(s);
	diag_free(&d);
}

static void test_empty_reports(void **state)
{
	(void)state;
	Diags d = {0};
	char *s = render(&d, FMT_TEXT, false);
	assert_string_equal(s, "");
	free(s);
	s = render(&d, FMT_JSON, false);
	assert_non_null(strstr(s, "\"findings\": []"));
	free(s);
	s = render(&d, FMT_SARIF, false);
	assert_non_null(strstr(s, "\"results\": []"));
	free(s);
}

static void test_cap(void **state)
{
	(void)state;
	Diags d = {0};
	for (int i = 0; i < 10005; i++)
		diag_add(&d, "x.md", (Pos){i + 1, 1}, R_PLACEHOLDER, "p");
	assert_int_equal(d.n, 10000);
	assert_int_equal(d.dropped, 5);
	diag_free(&d);
}

/* Severity comes from the rule table; a second one only where the
 * rule documents it. */
static void test_severity(void **state)
{
	(void)state;
	Diags d = {0};
	diag_add(&d, "x.md", (Pos){1, 1}, MSG_PHASE_GAP, "甲", "3月1日", "乙", "3月5日",
	         "3月2日至3月4日", 3LL);
	diag_add(&d, "x.md", (Pos){2, 1}, MSG_CRITERIA_SUM, (size_t)2, "50", "100", "");
	diag_add_sev(&d, "x.md", (Pos){3, 1}, SEV_WARNING, MSG_FIELD_MISSING_DATE, "成文日期", "");
	assert_int_equal(d.n, 3);
	assert_int_equal(d.v[0].severity, SEV_WARNING);
	assert_string_equal(d.v[0].rule, "phase-gap");
	assert_int_equal(d.v[1].severity, SEV_ERROR);
	assert_string_equal(d.v[1].message, "2个评分项的分值合计50分，与总分100分不符");
	assert_int_equal(d.v[2].severity, SEV_WARNING);
	assert_int_equal(d.v[2].rule_id, R_FIELD_MISSING);
	/* Every rule has an id, a summary, and its place in the enum. */
	for (int r = 0; r < R_COUNT; r++) {
		assert_non_null(rules[r].id);
		assert_non_null(rules[r].summary);
	}
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_sarif),
		cmocka_unit_test(test_empty_reports),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_severity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
