/* test_lazylib.c — lazylib_load: a library that cannot be opened, or
 * lacks a function, gives an error naming it and the package to install
 * (and the same error again, without retrying); one that can is opened
 * once and its functions work. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lazy_opencc.h"
#include "lazylib.h"

static void test_missing_library(void **state)
{
	(void)state;
	static const char *const names[] = {"f"};
	void (*fns[1])(void) = {0};
	LazyLib l = {"libfangan-none.so.9", "libfangan-none9", names, 1, fns, 0, NULL};
	char *err = NULL;
	assert_false(lazylib_load(&l, &err));
	assert_non_null(err);
	assert_non_null(strstr(err, "cannot load libfangan-none.so.9"));
	assert_non_null(strstr(err, "apt install libfangan-none9"));
	free(err);
	err = NULL;
	assert_false(lazylib_load(&l, NULL));
	assert_false(lazylib_load(&l, &err));
	assert_non_null(strstr(err, "libfangan-none.so.9"));
	free(err);
	free(l.why);
}

static void test_missing_function(void **state)
{
	(void)state;
	static const char *const names[] = {"opencc_open", "opencc_no_such_function"};
	void (*fns[2])(void) = {0};
	LazyLib l = {OPENCC_SONAME, "libopencc1.1", names, 2, fns, 0, NULL};
	char *err = NULL;
	assert_false(lazylib_load(&l, &err));
	assert_non_null(strstr(err, "has no function opencc_no_such_function"));
	assert_non_null(strstr(err, "libopencc1.1"));
	free(err);
	free(l.why);
}

static void test_loaded_and_working(void **state)
{
	(void)state;
	char *err = NULL;
	assert_true(lazy_opencc_load(&err));
	assert_null(err);
	assert_true(lazy_opencc_load(NULL));
	opencc_t o = opencc_open("s2t.json");
	assert_true(o != (opencc_t)-1);
	char *t = opencc_convert_utf8(o, "总体要求", strlen("总体要求"));
	assert_string_equal(t, "總體要求");
	opencc_convert_utf8_free(t);
	opencc_close(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_function),
		cmocka_unit_test(test_loaded_and_working),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
