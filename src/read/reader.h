/* reader.h — the two halves of plan_read, internal to the reader.
 *
 * plan.c splits the file; meta.c turns the YAML tree into the Plan's
 * front-matter fields; body.c turns the Markdown body into Blocks.  Both
 * allocate from the plan's arena and use model.c for positions, so none
 * of the three depends on another in a cycle.  Nothing outside the
 * reader includes this.
 */
#ifndef FANGAN_READER_H
#define FANGAN_READER_H

#include "model.h"
#include "yamltree.h"

/* Fill p's front-matter fields from the mapping root, reporting
 * unknown-key, type-mismatch and date-invalid into d. */
void meta_read(Plan *p, const YNode *root, Diags *d);

/* fmlint.c: YAML mistakes in the front matter's lines [first, end)
 * (0-based), reported in Chinese at their place; true when any was.
 * fm_lint_quotes looks for a quote that is not closed (after libyaml
 * failed); fm_body_start is where a front matter without its closing
 * fence runs into the body ({1, 1} when no line looks like it). */
bool fm_lint(const Plan *p, size_t first, size_t end, Diags *d);
bool fm_lint_quotes(const Plan *p, size_t first, size_t end, Diags *d);
Pos fm_body_start(const Plan *p);

/* Parse body (len bytes, starting at file line first_line) into p->body;
 * a line nesting too many quotes or list items, or with too many table
 * cells (body.c), is a finding in d and leaves the body empty. */
void body_read(Plan *p, const char *body, size_t len, int first_line, Diags *d);

#endif
