/* import.h — an existing plan (.docx, .txt, .md) read into a plan file.
 *
 * `fangan import` turns last year's 实施方案 as a Word file or as text
 * copied from a web page into the plan format of spec/plan-format.md:
 * front matter filled from what the text says (title, 发文字号, 主送,
 * 署名, 成文日期, phases, deadlines, criteria, attachments) and the body
 * with its headings and run-in heads in Markdown.  What cannot be read
 * for sure is marked in the plan with a YAML comment "# 请核对：…".
 */
#ifndef FANGAN_IMPORT_H
#define FANGAN_IMPORT_H

#include <stdbool.h>

#include "util.h"

typedef struct {
	int year;   /* the year of dates written without one; 0: from the text */
} ImportOpts;

typedef struct Import Import;

/* Read and understand path (.docx by its name or by the ZIP signature,
 * else text).  NULL with a Chinese message for the user in *err (caller
 * frees) when the file cannot be imported. */
Import *import_open(const char *path, const ImportOpts *opts, char **err);
/* The plan's title as read (NULL when the text has none). */
const char *import_title(const Import *im);
/* The plan file's text. */
void import_plan(const Import *im, Buf *out);
/* Remarks for the user (dropped lines, guesses), one a line; "" if none. */
const char *import_notes(const Import *im);
void import_free(Import *im);

#endif
