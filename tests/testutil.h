/* testutil.h — shared helpers for the cmocka tests. */
#ifndef FANGAN_TESTUTIL_H
#define FANGAN_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "model.h"

/* Parse a plan held in a string, as file "t.md". */
static inline Plan *parse_str(const char *src, Diags *d)
{
	Plan *p = plan_parse("t.md", src, strlen(src), d);
	diag_sort(d);
	return p;
}

/* Parse and check. */
static inline Plan *check_str(const char *src, Diags *d)
{
	Plan *p = plan_parse("t.md", src, strlen(src), d);
	check_plan(p, d);
	diag_sort(d);
	return p;
}

static inline size_t count_rule(const Diags *d, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += strcmp(d->v[i].rule, rule) == 0;
	return n;
}

/* The nth (0-based) finding of a rule, or NULL. */
static inline const Finding *nth_rule(const Diags *d, const char *rule, size_t nth)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[i].rule, rule) == 0 && nth-- == 0)
			return &d->v[i];
	return NULL;
}

/* Write text to path (a plain fopen: no CRC noted, unlike
 * write_file_atomic), failing the test if it cannot. */
static inline void write_test_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static inline void dump_findings(const Diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "  %d:%d %s [%s] %s\n", d->v[i].pos.line, d->v[i].pos.col,
		        d->v[i].severity == SEV_ERROR ? "error" : "warning", d->v[i].rule,
		        d->v[i].message);
}

/* Assert that the nth finding of rule exists with this severity, position
 * and (when msg is not NULL) message. */
#define assert_finding(d, rule, nth, sev, ln_, cl_, msg)                        \
	do {                                                                      \
		const Finding *f_ = nth_rule((d), (rule), (nth));                 \
		if (!f_)                                                          \
			dump_findings(d);                                         \
		assert_non_null(f_);                                              \
		assert_int_equal(f_->severity, (sev));                            \
		assert_int_equal(f_->pos.line, (ln_));                           \
		assert_int_equal(f_->pos.col, (cl_));                             \
		if ((msg) != NULL)                                                \
			assert_string_equal(f_->message, (const char *)(msg));    \
	} while (0)

#endif
