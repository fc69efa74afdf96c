/* diag.h — findings (diagnostics) and how they are reported.
 *
 * Every check adds findings here; nothing else prints them.  A finding
 * carries a rule id from the table in diag.c, a severity, the file and a
 * 1-based line and column (columns count Unicode code points, the way
 * SARIF's "unicodeCodePoints" column kind and most editors do).
 */
#ifndef FANGAN_DIAG_H
#define FANGAN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

typedef struct {
	int line, col; /* 1-based; line 0 means "the file as a whole" */
} Pos;

typedef enum { SEV_WARNING, SEV_ERROR } Severity;

typedef struct {
	const char *id;         /* "phase-order" */
	Severity severity;      /* its usual severity */
	const char *summary;    /* one line in English, for SARIF's rule list */
} Rule;

typedef struct {
	char *file;
	Pos pos;
	Severity severity;
	const char *rule;       /* points into the rule table */
	char *message;          /* Chinese, for the plan's author */
} Finding;

typedef struct {
	Finding *v;
	size_t n, cap;
	size_t dropped;         /* findings past the cap (see diag_add) */
} Diags;

extern const Rule rules[];
extern const size_t nrules;
const Rule *rule_find(const char *id);

/* Add a finding.  rule must be an id from the table.  At most 10,000
 * findings per run are kept so that hostile input cannot make the report
 * unbounded; the rest are counted in dropped. */
void diag_add(Diags *d, const char *file, Pos pos, Severity sev,
              const char *rule, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Sort by file, line, column (stable for equal positions). */
void diag_sort(Diags *d);
size_t diag_count(const Diags *d, Severity sev);
void diag_free(Diags *d);

typedef enum { FMT_TEXT, FMT_JSON, FMT_SARIF } DiagFormat;

/* Write the findings in the given format.  color adds ANSI colours to
 * the text format (ignored by the others). */
void diag_write(const Diags *d, DiagFormat fmt, bool color, FILE *out);

#endif
