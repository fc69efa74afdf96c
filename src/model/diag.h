/* diag.h — findings (diagnostics) and how they are reported.
 *
 * Every check adds findings here; nothing else prints them.  A finding
 * carries a rule of the table in diag.c (its messages are in
 * messages.h), a severity, the file and a
 * 1-based line and column (columns count Unicode code points, the way
 * SARIF's "unicodeCodePoints" column kind and most editors do).
 */
#ifndef FANGAN_DIAG_H
#define FANGAN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "messages.h"
#include "util.h"

typedef struct {
	int line, col; /* 1-based; line 0 means "the file as a whole" */
} Pos;

/* A note tells (a year the holiday data does not cover, a phase that
 * starts on a holiday); it never fails a check, even with --werror. */
typedef enum { SEV_WARNING, SEV_ERROR, SEV_NOTE } Severity;

/* Every rule, in the order of the table in diag.c (and of SARIF's rule
 * list).  A new rule goes here, in that table, in messages.h with its
 * messages, in the README's and fangan.1's rule tables and in
 * tests/rules/ (tests/cli.sh compares them all with `fangan rules`). */
typedef enum {
	R_YAML_SYNTAX,
	R_FRONT_MATTER,
	R_UNKNOWN_KEY,
	R_FIELD_MISSING,
	R_TYPE_MISMATCH,
	R_DATE_INVALID,
	R_PHASE_ORDER,
	R_PHASE_OVERLAP,
	R_PHASE_GAP,
	R_PHASE_OUTSIDE,
	R_DEADLINE_OUTSIDE,
	R_DEADLINE_IN_GAP,
	R_DEADLINE_BEFORE_ISSUE,
	R_DEADLINE_WEEKEND,
	R_TEXT_DATE_CONFLICT,
	R_TEXT_DATE_UNLISTED,
	R_CRITERIA_SUM,
	R_TEXT_POINTS_CONFLICT,
	R_RATING_OVERLAP,
	R_RATING_GAP,
	R_PERCENT_RANGE,
	R_HEADING_SEQUENCE,
	R_HEADING_LEVEL,
	R_HEADING_UNMARKED,
	R_ATTACHMENT_REF,
	R_PLACEHOLDER,
	R_FORMAT,
	R_GLYPH_MISSING,
	R_FORM_OVERFLOW,
	R_TEMPLATE,
	R_INPUT,
	R_PUNCT_HALFWIDTH,
	R_PUNCT_DOUBLED,
	R_PUNCT_UNPAIRED,
	R_PUNCT_EMPTY,
	R_CHAR_DOUBLED,
	R_DIGITS_MIXED,
	R_DEADLINE_HOLIDAY,
	R_PHASE_HOLIDAY,
	R_HOLIDAY_DATA,
	R_CHAR_CONTROL,
	R_CELL_OVERFLOW,
	R_FONT_LIMIT,
	R_COUNT
} RuleId;

typedef struct {
	const char *id;         /* "phase-order" */
	Severity severity;      /* its severity */
	bool two;               /* it documents a second severity too (see
	                           diag_add_sev): field-missing and
	                           type-mismatch are warnings for what is
	                           still drawn, phase-overlap for a shared
	                           day */
	const char *summary;    /* one line in English, for SARIF's rule list */
	bool note_too;          /* it also gives notes saying why it stayed
	                           silent (deadline-weekend on a 调休 working
	                           day) */
} Rule;

typedef struct {
	char *file;
	Pos pos;
	Severity severity;
	RuleId rule_id;
	const char *rule;       /* its id, from the rule table */
	char *message;          /* Chinese, for the plan's author */
} Finding;

typedef struct {
	Finding *v;
	size_t n, cap;
	size_t dropped;         /* findings past the cap (see diag_add) */
} Diags;

extern const Rule rules[R_COUNT];

/* Add a finding of rule with the rule's severity.  rule and fmt come
 * from one MSG_ name of messages.h:
 *     diag_add(d, p->path, pos, MSG_PHASE_GAP, ...);
 * At most 10,000 findings per run are kept so that hostile input cannot
 * make the report unbounded; the rest are counted in dropped. */
void diag_add(Diags *d, const char *file, Pos pos, RuleId rule, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* The same with the other severity of a rule that documents two (an
 * internal error, at once, for any other rule). */
void diag_add_sev(Diags *d, const char *file, Pos pos, Severity sev, RuleId rule,
                  const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Add a copy of a finding (from another Diags). */
void diag_copy(Diags *d, const Finding *f);
/* The rule with that id, or R_COUNT. */
RuleId rule_lookup(const char *id);
/* Drop the findings from index from on whose rules are off (off[rule]);
 * file NULL for every file, else only that file's. */
void diag_drop(Diags *d, size_t from, const bool off[R_COUNT], const char *file);
/* Sort by file, line, column (stable for equal positions). */
void diag_sort(Diags *d);
size_t diag_count(const Diags *d, Severity sev);
void diag_free(Diags *d);

typedef enum { FMT_TEXT, FMT_JSON, FMT_SARIF } DiagFormat;

/* Write the findings in the given format.  color adds ANSI colours to
 * the text format (ignored by the others). */
void diag_write(const Diags *d, DiagFormat fmt, bool color, FILE *out);

#endif
