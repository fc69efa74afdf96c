/* check.c — run every check family in a fixed order. */
#include "check.h"

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
	for (size_t i = 0; i < p->nattachments; i++)
		if (p->attachments[i].doc)
			check_body(p->attachments[i].doc, d);
}
