/* check.c — run every check family in a fixed order, then drop what the
 * plan's check: {disable: […]} turned off. */
#include "check.h"

static void drop_disabled(const Plan *p, Diags *d)
{
	if (p->disable.n == 0)
		return;
	bool off[R_COUNT] = {false};
	for (size_t i = 0; i < p->disable.n; i++)
		off[rule_lookup(p->disable.v[i].s)] = true;
	diag_drop(d, 0, off, p->path);
	for (size_t i = 0; i < p->nattachments; i++)
		if (p->attachments[i].doc)
			diag_drop(d, 0, off, p->attachments[i].doc->path);
}

void check_plan(const Plan *p, Diags *d)
{
	if (!p->has_front_matter && !p->body)
		return; /* unreadable: the reader said why */
	check_meta(p, d);
	check_format(p, d);
	check_timeline(p, d);
	check_criteria(p, d);
	check_body(p, d);
	check_dates(p, d);
	check_attachments(p, d);
	check_proof(p, d);
	for (size_t i = 0; i < p->nattachments; i++)
		if (p->attachments[i].doc) {
			check_body(p->attachments[i].doc, d);
			check_proof(p->attachments[i].doc, d);
		}
	drop_disabled(p, d);
}
