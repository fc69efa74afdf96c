/* Tests for paths.c: the search order of the data folders (next to the
 * plan, the current directory, the installed data dir), one file at a
 * time, and names that would leave the folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <errno.h>
#include <cmocka.h>

#include "paths.h"
#include "util.h"
#include "testutil.h"

static char root[] = "/tmp/fangan-paths-XXXXXX";
static char *old_cwd;

static void put(const char *rel, const char *text)
{
	char *p = xasprintf("%s/%s", root, rel);
	/* Make the parent folders. */
	for (char *s = p + strlen(root) + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			mkdir(p, 0777);
			*s = '/';
		}
	write_test_file(p, text);
	free(p);
}

/* A tree:
 *   root/proj/plans/templates/a.html   the plan's own
 *   root/proj/templates/a.html, b.html the current directory's
 *   root/data/templates/a.html, b.html, c.html   the installed ones
 * with the current directory root/proj and FANGAN_DATADIR root/data. */
static int setup(void **state)
{
	(void)state;
	assert_non_null(mkdtemp(root));
	put("proj/plans/templates/a.html", "plan");
	put("proj/plans/x.md", "");
	put("proj/templates/a.html", "cwd");
	put("proj/templates/b.html", "cwd");
	put("data/templates/a.html", "data");
	put("data/templates/b.html", "data");
	put("data/templates/c.html", "data");
	old_cwd = getcwd(NULL, 0);
	char *proj = xasprintf("%s/proj", root);
	assert_int_equal(chdir(proj), 0);
	free(proj);
	char *data = xasprintf("%s/data", root);
	setenv("FANGAN_DATADIR", data, 1);
	free(data);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(chdir(old_cwd), 0);
	free(old_cwd);
	unsetenv("FANGAN_DATADIR");
	char *cmd = xasprintf("rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	return 0;
}

/* The file found for name, relative to root, or NULL. */
static char *found(const char *name, const char *plan)
{
	char *f = paths_find("templates", name, plan);
	if (!f)
		return NULL;
	char *rel;
	if (f[0] == '/') {
		assert_memory_equal(f, root, strlen(root));
		rel = xstrdup(f + strlen(root) + 1);
	} else {
		rel = xasprintf("proj/%s", f);
	}
	free(f);
	return rel;
}

static void test_order(void **state)
{
	(void)state;
	char *f = found("a.html", "plans/x.md");
	assert_string_equal(f, "proj/plans/templates/a.html");
	free(f);
	/* One file at a time: b is not next to the plan, c only installed. */
	f = found("b.html", "plans/x.md");
	assert_string_equal(f, "proj/templates/b.html");
	free(f);
	f = found("c.html", "plans/x.md");
	assert_string_equal(f, "data/templates/c.html");
	free(f);
	assert_null(found("d.html", "plans/x.md"));
	/* Without a plan the current directory comes first. */
	f = found("a.html", NULL);
	assert_string_equal(f, "proj/templates/a.html");
	free(f);
}

static void test_search_list(void **state)
{
	(void)state;
	char *dirs[3];
	size_t n = paths_search("templates", "plans/x.md", dirs, 3);
	assert_int_equal(n, 3);
	assert_string_equal(dirs[0], "plans/templates");
	assert_string_equal(dirs[1], "templates");
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	/* A plan in the current directory: its folder and ./templates are
	 * one folder, listed once. */
	n = paths_search("templates", "x.md", dirs, 3);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	/* Folders that do not exist are not listed. */
	n = paths_search("fonts", "plans/x.md", dirs, 3);
	assert_int_equal(n, 0);
}

static void test_unsafe_names(void **state)
{
	(void)state;
	assert_null(paths_find("templates", "../templates/a.html", "plans/x.md"));
	assert_null(paths_find("templates", "/etc/passwd", NULL));
	assert_null(paths_find("templates", "", NULL));
	assert_null(paths_find("templates", "a//b", NULL));
}

/* The text of what paths_open gives for name, or NULL with errno. */
static char *opened(const char *name, const char *plan, char **path)
{
	int fd = paths_open("templates", name, plan, path);
	if (fd < 0)
		return NULL;
	size_t len;
	return read_fd(fd, 100, &len);
}

/* Opened below the folder, never through a symlink: a linked file or a
 * linked templates/ is refused where it is found, not passed over. */
static void test_open_beneath(void **state)
{
	(void)state;
	char *path;
	char *t = opened("a.html", "plans/x.md", &path);
	assert_string_equal(t, "plan");
	assert_string_equal(path, "plans/templates/a.html");
	free(t);
	free(path);
	t = opened("c.html", "plans/x.md", &path);
	assert_string_equal(t, "data");
	free(t);
	free(path);
	assert_null(opened("d.html", "plans/x.md", &path));
	assert_int_equal(errno, ENOENT);
	assert_null(path);
	assert_null(opened("../templates/a.html", "plans/x.md", &path));
	assert_int_equal(errno, EINVAL);

	/* A symlinked file beside the plan. */
	assert_int_equal(symlink("/etc/passwd", "plans/templates/e.html"), 0);
	assert_null(opened("e.html", "plans/x.md", &path));
	assert_int_equal(errno, ESYMLINK);
	assert_string_equal(path, "plans/templates/e.html");
	free(path);
	/* A FIFO is refused at once. */
	assert_int_equal(mkfifo("plans/templates/f.html", 0600), 0);
	assert_null(opened("f.html", "plans/x.md", &path));
	assert_int_equal(errno, ENOTREG);
	free(path);
	/* A symlinked templates/ folder (to one that has b.html). */
	assert_int_equal(mkdir("linked", 0777), 0);
	assert_int_equal(symlink("../templates", "linked/templates"), 0);
	assert_null(opened("b.html", "linked/x.md", &path));
	assert_int_equal(errno, ESYMLINK);
	assert_string_equal(path, "linked/templates/b.html");
	free(path);
	/* Below a base that is itself reached through a link: followed. */
	assert_int_equal(symlink("plans", "viaplans"), 0);
	int fd = paths_open_beneath("viaplans", "templates/a.html");
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(paths_open_beneath("viaplans", "templates/e.html"), -1);
	assert_int_equal(errno, ESYMLINK);
}

static void test_datadir(void **state)
{
	(void)state;
	char *d = paths_datadir();
	char *want = xasprintf("%s/data", root);
	assert_string_equal(d, want);
	free(d);
	free(want);
	/* Unset or empty: the compiled-in folder, or beside the binary;
	 * either way an absolute path. */
	setenv("FANGAN_DATADIR", "", 1);
	d = paths_datadir();
	assert_true(d[0] == '/');
	free(d);
	want = xasprintf("%s/data", root);
	setenv("FANGAN_DATADIR", want, 1);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_search_list),
		cmocka_unit_test(test_unsafe_names),
		cmocka_unit_test(test_open_beneath),
		cmocka_unit_test(test_datadir),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
