/* Tests for fname.c: the one cleaner of output file names — separators,
 * Windows' characters, controls, bidirectional controls, broken UTF-8,
 * a leading dot, and cuts between characters within FNAME_MAX. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fname.h"
#include "util.h"

static void clean_is(const char *in, const char *want)
{
	char *s = fname_clean(in, strlen(in), "F");
	assert_string_equal(s, want);
	free(s);
}

static void test_characters(void **state)
{
	(void)state;
	clean_is("申报表", "申报表");
	clean_is("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j");
	clean_is("..", "_.");
	clean_is(".hidden", "_hidden");
	clean_is("", "F");
	clean_is("tab\there\x7f", "tab_here_");
	clean_is("\xc2\x85x", "_x");                  /* C1 NEL */
	clean_is("abc\xe2\x80\xae" "fdp.exe", "abc_fdp.exe"); /* U+202E */
	clean_is("ru\xe2\x80\xa8" "les\xe2\x80\xa9", "ru_les_"); /* U+2028, U+2029 */
	clean_is("\xe2\x81\xa6x\xe2\x81\xa9", "_x_");  /* U+2066, U+2069 */
	clean_is("p\xd8\x9cq", "p_q");                /* U+061C */
	clean_is("bad\xff\xfe" "end", "bad__end");
	clean_is("cut\xe4\xb8", "cut__");              /* half a character */
	clean_is("with space", "with space");
}

static void test_length(void **state)
{
	(void)state;
	/* 100 three-byte characters: cut to whole characters. */
	Buf b = {0};
	for (int i = 0; i < 100; i++)
		buf_puts(&b, "单");
	char *s = fname_clean(b.s, b.len, "F");
	assert_true(strlen(s) <= FNAME_MAX);
	assert_int_equal(strlen(s) % 3, 0);
	assert_int_equal(strlen(s), FNAME_MAX / 3 * 3);
	assert_int_equal(utf8_invalid_at(s, strlen(s)), (size_t)-1);
	free(s);
	/* Room for ".", ".pdf", ".XXXXXX" and "-99" around it. */
	assert_true(FNAME_MAX + 1 + 4 + 7 + 3 <= NAME_MAX);
	buf_free(&b);
}

static void test_cut(void **state)
{
	(void)state;
	char s[] = "ab单位";     /* 2 + 3 + 3 bytes */
	fname_cut(s, 7);
	assert_string_equal(s, "ab单");
	char t[] = "ab单位";
	fname_cut(t, 4);
	assert_string_equal(t, "ab");
	char u[] = "ab";
	fname_cut(u, 10);
	assert_string_equal(u, "ab");
}

/* A long ID gives way to the unit's name (units/ID-UNIT): 90 "附" and
 * 150 "单" keep 20 "附" and 46 "单" in 200 bytes. */
static void test_join(void **state)
{
	(void)state;
	Buf id = {0}, unit = {0};
	for (int i = 0; i < 66; i++)
		buf_puts(&id, "附");
	for (int i = 0; i < 66; i++)
		buf_puts(&unit, "单");
	buf_cstr(&id);
	buf_cstr(&unit);
	char *s = fname_join(id.s, unit.s, 60, FNAME_MAX);
	assert_int_equal(strlen(s), 60 + 1 + 138);
	assert_memory_equal(s, id.s, 60);
	assert_memory_equal(s + 60, "-", 1);
	assert_memory_equal(s + 61, unit.s, 138);
	free(s);
	s = fname_join("ab", unit.s, 60, FNAME_MAX); /* a short ID stays whole */
	assert_int_equal(strlen(s), 3 + 195);
	assert_memory_equal(s, "ab-", 3);
	free(s);
	s = fname_join(id.s, "x", 60, FNAME_MAX); /* fits: nothing cut */
	assert_int_equal(strlen(s), 198 + 2);
	assert_string_equal(s + 198, "-x");
	free(s);
	s = fname_join("附件", "单位", 60, FNAME_MAX); /* short: both whole */
	assert_string_equal(s, "附件-单位");
	free(s);
	buf_free(&id);
	buf_free(&unit);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_characters),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_join),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
