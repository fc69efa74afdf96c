/* check.h — the checker: every rule of the plan-format spec, section 2.
 *
 * Checks read a Plan and add findings; they never change the plan and
 * never draw.  Each family lives in its own file:
 *   check_timeline.c  campaign, phases, deadlines
 *   check_criteria.c  criteria sums, rating bands, quotas
 *   check_body.c      headings, attachment references, placeholders
 *   check_dates.c     dates in the prose against the timeline
 *   check_attach.c    templates and what attachments are drawn from
 *   check_proof.c     proofreading: punctuation, doubled words, digits
 * (The reader already reported yaml-syntax, front-matter, unknown-key,
 * type-mismatch and date-invalid.)
 */
#ifndef FANGAN_CHECK_H
#define FANGAN_CHECK_H

#include "diag.h"
#include "model.h"

void check_plan(const Plan *p, Diags *d);

void check_meta(const Plan *p, Diags *d);
void check_format(const Plan *p, Diags *d);
void check_timeline(const Plan *p, Diags *d);
void check_criteria(const Plan *p, Diags *d);
void check_body(const Plan *p, Diags *d);
void check_dates(const Plan *p, Diags *d);
void check_attachments(const Plan *p, Diags *d);
void check_proof(const Plan *p, Diags *d);

#endif
