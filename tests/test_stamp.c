/* Tests for stamp.c and the atomic writes under it (util.c): what the
 * stamp records of each output (size, time, CRC-32 — noted at write time
 * or read back), when it vouches for the files, which stale outputs and
 * temporary files go, and a FIFO in the stamp's place. */
#define _DEFAULT_SOURCE /* st_mtim, mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "stamp.h"
#include "util.h"
#include "testutil.h"

static char root[] = "/tmp/fangan-stamp-XXXXXX";

static char *at(const char *rel)
{
	return xasprintf("%s/%s", root, rel);
}

/* A file written plainly (no CRC noted: it must be read back). */
static void put(const char *rel, const char *text)
{
	char *p = at(rel);
	write_test_file(p, text);
	free(p);
}

static bool exists(const char *rel)
{
	char *p = at(rel);
	struct stat st;
	bool ok = lstat(p, &st) == 0;
	free(p);
	return ok;
}

/* Set rel's modification time to a fixed day long ago. */
static void age(const char *rel)
{
	char *p = at(rel);
	struct timeval tv[2] = {{1000000000, 0}, {1000000000, 0}};
	assert_int_equal(utimes(p, tv), 0);
	free(p);
}

static char *stamp_text(void)
{
	char *p = at(STAMP_NAME);
	size_t len;
	char *s = read_file(p, 1 << 20, &len);
	free(p);
	assert_non_null(s);
	return s;
}

static int setup(void **state)
{
	(void)state;
	assert_non_null(mkdtemp(root));
	char *u = at("units");
	assert_int_equal(mkdir(u, 0777), 0);
	free(u);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", root);
	int r = system(cmd);
	free(cmd);
	return r == 0 ? 0 : -1;
}

static char *outs[] = {"a.pdf", "b.docx", "units/c.pdf"};

/* The stamp lists each output with its size and zlib's CRC-32, whether
 * the CRC was noted when written (write_file_atomic) or read back. */
static void test_records(void **state)
{
	(void)state;
	put("a.pdf", "plain");
	char *b = at("b.docx"), *c = at("units/c.pdf");
	assert_true(write_file_atomic(b, "atomic", 6));
	assert_true(write_file_atomic(c, "unit copy", 9));
	struct stat st;
	unsigned long crc = 0;
	assert_int_equal(lstat(b, &st), 0);
	if (written_crc(b, &st, &crc)) /* where the file system has xattrs */
		assert_int_equal(crc, crc32(0, (const Bytef *)"atomic", 6));
	char *err = NULL;
	assert_true(stamp_write(root, 0x1234, outs, 3, "w\n", 1, &err));
	char *s = stamp_text();
	char want[256];
	/* size, then the time (any), then the CRC and the name */
	assert_non_null(strstr(s, "fangan-stamp 3\ninputs 0000000000001234\noutput 5 "));
	snprintf(want, sizeof want, " %08lx a.pdf\n", crc32(0, (const Bytef *)"plain", 5));
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, " %08lx b.docx\n", crc32(0, (const Bytef *)"atomic", 6));
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, " %08lx units/c.pdf\nwarnings 1\nw\n",
	         crc32(0, (const Bytef *)"unit copy", 9));
	assert_non_null(strstr(s, want));
	free(s);
	char *f = NULL;
	size_t n = 0;
	assert_true(stamp_fresh(root, 0x1234, &f, &n));
	assert_string_equal(f, "w\n");
	assert_int_equal(n, 1);
	free(f);
	assert_false(stamp_fresh(root, 0x1235, &f, &n));
	assert_null(f);
	free(b);
	free(c);
}

/* Touched: the CRC decides.  Changed, cut short, removed, a folder: not
 * up to date. */
static void test_damage(void **state)
{
	(void)state;
	char *err = NULL, *f = NULL;
	size_t n;
	assert_true(stamp_write(root, 7, outs, 3, "", 0, &err));
	age("a.pdf");
	assert_true(stamp_fresh(root, 7, &f, &n));
	free(f);
	put("a.pdf", "plaiN"); /* the same size */
	assert_false(stamp_fresh(root, 7, &f, &n));
	put("a.pdf", "plain");
	assert_true(stamp_fresh(root, 7, &f, &n));
	free(f);
	put("a.pdf", "");
	assert_false(stamp_fresh(root, 7, &f, &n));
	put("a.pdf", "plain");
	char *c = at("units/c.pdf");
	unlink(c);
	assert_false(stamp_fresh(root, 7, &f, &n));
	assert_int_equal(mkdir(c, 0777), 0);
	assert_false(stamp_fresh(root, 7, &f, &n));
	rmdir(c);
	assert_true(write_file_atomic(c, "unit copy", 9));
	assert_true(stamp_fresh(root, 7, &f, &n));
	free(f);
	/* A stamp cut short or of another kind vouches for nothing. */
	char *sp = at(STAMP_NAME);
	char *s = stamp_text();
	assert_true(write_file_atomic(sp, s, strlen(s) - 12));
	assert_false(stamp_fresh(root, 7, &f, &n));
	assert_true(write_file_atomic(sp, "fangan-stamp 2\ninputs 0000000000000007\n", 39));
	assert_false(stamp_fresh(root, 7, &f, &n));
	free(s);
	free(sp);
	free(c);
}

/* A FIFO as the stamp: no stamp, at once; never replaced. */
static void test_fifo(void **state)
{
	(void)state;
	char *sp = at(STAMP_NAME), *err = NULL, *f = NULL;
	size_t n;
	unlink(sp);
	assert_int_equal(mkfifo(sp, 0666), 0);
	assert_false(stamp_fresh(root, 7, &f, &n));
	assert_false(stamp_write(root, 7, outs, 3, "", 0, &err));
	char *want = xasprintf("cannot write %s: not a regular file (a device, pipe, socket or "
	                       "folder); fangan replaces only regular files", sp);
	assert_string_equal(err, want);
	struct stat st;
	assert_int_equal(lstat(sp, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	unlink(sp);
	free(want);
	free(err);
	free(sp);
}

/* The outputs the last build made and this one did not go — unless
 * changed since, or not a regular file; an emptied units/ goes too. */
static void test_stale(void **state)
{
	(void)state;
	char *err = NULL;
	put("d.pdf", "old");
	put("units/e.pdf", "old unit");
	put("units/f.docx", "edited later");
	char *all[] = {"a.pdf", "b.docx", "units/c.pdf", "d.pdf", "units/e.pdf", "units/f.docx"};
	assert_true(stamp_write(root, 7, all, 6, "", 0, &err));
	put("units/f.docx", "edited later, by hand");
	StampOld *old = stamp_begin(root);
	char *buf = NULL;
	size_t len = 0;
	FILE *msg = open_memstream(&buf, &len);
	char *now[] = {"a.pdf", "b.docx"};
	stamp_end(old, root, now, 2, msg);
	fclose(msg);
	assert_true(exists("a.pdf"));
	assert_true(exists("b.docx"));
	assert_false(exists("d.pdf"));
	assert_false(exists("units/c.pdf"));
	assert_false(exists("units/e.pdf"));
	assert_true(exists("units/f.docx"));
	char *want = xasprintf("fangan: %s/units/f.docx: the plan no longer makes it, but it was "
	                       "changed after fangan wrote it; left in place\n", root);
	assert_string_equal(buf, want);
	free(want);
	free(buf);
	/* A failed build (no outputs) removes nothing. */
	assert_true(stamp_write(root, 7, now, 2, "", 0, &err));
	stamp_end(stamp_begin(root), root, NULL, 0, NULL);
	assert_true(exists("a.pdf"));
	assert_true(exists("b.docx"));
	/* Then units/ with f.docx gone is emptied and removed. */
	char *f = at("units/f.docx");
	unlink(f);
	free(f);
	char *u = at("units");
	assert_int_equal(rmdir(u), 0);
	assert_int_equal(mkdir(u, 0777), 0);
	free(u);
}

/* Only write_file_atomic's names for our files are litter. */
static void test_temps(void **state)
{
	(void)state;
	size_t n;
	assert_true(atomic_temp_name(".a.pdf.Ab12Cd", &n));
	assert_int_equal(n, 5);
	assert_false(atomic_temp_name(".a.pdf.Ab12C", &n));
	assert_false(atomic_temp_name(".a.pdf.Ab12C-", &n));
	assert_false(atomic_temp_name("a.pdf.Ab12Cd", &n));
	assert_false(atomic_temp_name("..abcdef", &n));
	put(".x.pdf.abcdef", "");
	put("units/.y.docx.ABCDEF", "");
	put("..fangan-stamp.012345", "");
	put(".x.txt.abcdef", "");
	put(".x.pdf.abcde", "");
	stamp_clean(root);
	assert_false(exists(".x.pdf.abcdef"));
	assert_false(exists("units/.y.docx.ABCDEF"));
	assert_false(exists("..fangan-stamp.012345"));
	assert_true(exists(".x.txt.abcdef"));
	assert_true(exists(".x.pdf.abcde"));
}

/* A CRC noted at write time stands only for the bytes then written. */
static void test_noted(void **state)
{
	(void)state;
	char *p = at("g.pdf");
	assert_true(write_file_atomic(p, "12345", 5));
	struct stat st;
	unsigned long crc;
	assert_int_equal(lstat(p, &st), 0);
	if (!written_crc(p, &st, &crc)) {
		free(p);
		skip(); /* no extended attributes here */
	}
	assert_int_equal(crc, crc32(0, (const Bytef *)"12345", 5));
	FILE *f = fopen(p, "a");
	fputs("6", f);
	fclose(f);
	assert_int_equal(lstat(p, &st), 0);
	assert_false(written_crc(p, &st, &crc));
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records), cmocka_unit_test(test_damage),
		cmocka_unit_test(test_fifo),    cmocka_unit_test(test_stale),
		cmocka_unit_test(test_temps),   cmocka_unit_test(test_noted),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
