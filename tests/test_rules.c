/* test_rules.c — the rule table (diag.c) against what documents it: the
 * README's rule table, the manual's rule list, and a fixture in
 * tests/rules/ for every rule whose expected findings include it. */
#include "testutil.h"

#include <stdlib.h>

static char *slurp(const char *path)
{
	size_t len;
	char *s = read_file(path, 1 << 24, &len);
	if (!s)
		fail_msg("cannot read %s", path);
	return s;
}

/* The text between the first from and the next to (exclusive). */
static char *section(const char *s, const char *from, const char *to)
{
	const char *a = strstr(s, from);
	if (!a)
		fail_msg("no \"%s\"", from);
	a += strlen(from);
	const char *b = strstr(a, to);
	if (!b)
		fail_msg("no \"%s\" after \"%s\"", to, from);
	return xstrndup(a, (size_t)(b - a));
}

/* How many times lit occurs in s. */
static int count(const char *s, const char *lit)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, lit)); p += strlen(lit))
		n++;
	return n;
}

static const char *sev_word(Severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_NOTE ? "note" : "warning";
}

static void test_readme(void **state)
{
	(void)state;
	char *readme = slurp("README.md");
	char *table = section(readme, "The rules (ids are stable):", "\n\n###");
	int rows = count(table, "\n| `");
	assert_int_equal(rows, R_COUNT);
	for (int r = 0; r < R_COUNT; r++) {
		char *row = xasprintf("\n| `%s` | ", rules[r].id);
		const char *at = strstr(table, row);
		if (!at)
			fail_msg("README has no row for %s", rules[r].id);
		const char *sev = at + strlen(row);
		bool ok = strncmp(sev, sev_word(rules[r].severity), strlen(sev_word(rules[r].severity))) == 0;
		if (rules[r].two)
			ok = strncmp(sev, "error/warning |", 15) == 0 ||
			     strncmp(sev, "warning/error |", 15) == 0;
		else if (rules[r].note_too)
			ok = strncmp(sev, "warning/note |", 14) == 0;
		else
			ok = ok && sev[strlen(sev_word(rules[r].severity))] == ' ';
		if (!ok)
			fail_msg("README gives %s another severity than the table", rules[r].id);
		free(row);
	}
	free(table);
	free(readme);
}

static void test_manual(void **state)
{
	(void)state;
	char *man = slurp("fangan.1");
	char *list = section(man, "Each finding names one of these rules", "\n.El");
	assert_int_equal(count(list, "\n.It Li "), R_COUNT);
	const char *prev = list;
	for (int r = 0; r < R_COUNT; r++) {
		char *item = xasprintf("\n.It Li %s\n", rules[r].id);
		const char *at = strstr(list, item);
		if (!at)
			fail_msg("fangan.1 has no item for %s", rules[r].id);
		if (at < prev)
			fail_msg("fangan.1 lists %s out of the table's order", rules[r].id);
		prev = at;
		/* The item's text up to the next one names its severity. */
		const char *body = at + strlen(item);
		const char *end = strstr(body, "\n.It Li ");
		char *text = xstrndup(body, end ? (size_t)(end - body) : strlen(body));
		if (!strstr(text, sev_word(rules[r].severity)) ||
		    (rules[r].two && !strstr(text, sev_word(!rules[r].severity))) ||
		    (rules[r].note_too && !strstr(text, "note")))
			fail_msg("fangan.1 does not give %s its severity", rules[r].id);
		free(text);
		free(item);
	}
	free(list);
	free(man);
}

static void test_fixtures(void **state)
{
	(void)state;
	char *expected = slurp("tests/rules/expected.txt");
	char *built = slurp("tests/rules/expected-build.txt");
	for (int r = 0; r < R_COUNT; r++) {
		char *file = xasprintf("tests/rules/%s.md", rules[r].id);
		char *mine = xasprintf("%s:", file);
		char *tag = xasprintf(" [%s]\n", rules[r].id);
		free(slurp(file));
		/* A line of that file's findings ends in the rule's id. */
		bool found = false;
		const char *all[] = {expected, built};
		for (int k = 0; k < 2 && !found; k++)
			for (const char *l = all[k]; l && *l && !found;) {
				const char *e = strchr(l, '\n');
				size_t n = e ? (size_t)(e - l) + 1 : strlen(l);
				found = strncmp(l, mine, strlen(mine)) == 0 && n >= strlen(tag) &&
				        strncmp(l + n - strlen(tag), tag, strlen(tag)) == 0;
				l += n;
			}
		if (!found)
			fail_msg("tests/rules/%s.md does not fire %s", rules[r].id, rules[r].id);
		free(tag);
		free(mine);
		free(file);
	}
	free(built);
	free(expected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readme),
		cmocka_unit_test(test_manual),
		cmocka_unit_test(test_fixtures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
