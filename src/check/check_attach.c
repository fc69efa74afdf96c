/* check_attach.c — attachments that cannot be drawn as the plan expects
 * (the resolve pass already loaded their templates: `template`): a form,
 * ledger or score sheet with nothing to draw from (field-missing,
 * a warning: the attachment is still drawn, empty), and a ledger row
 * with more cells than the ledger has columns (type-mismatch, a warning:
 * the cells beyond are not drawn). */
#include "check.h"

void check_attachments(const Plan *p, Diags *d)
{
	for (size_t i = 0; i < p->nattachments; i++) {
		const Attachment *a = &p->attachments[i];
		if (a->type == ATT_FORM && a->nfields == 0)
			diag_add_sev(d, p->path, a->pos, SEV_WARNING, MSG_FIELD_MISSING_FORM_FIELDS, i + 1);
		if (a->type == ATT_SCORESHEET && p->criteria.nitems == 0)
			diag_add_sev(d, p->path, a->pos, SEV_WARNING, MSG_FIELD_MISSING_SCORESHEET_ITEMS, i + 1);
		for (size_t r = 0; a->type == ATT_LEDGER && a->columns.n && r < a->nrows; r++)
			if (a->rows[r].cells.n > a->columns.n)
				diag_add_sev(d, p->path, a->rows[r].cells.pos, SEV_WARNING, MSG_TYPE_MISMATCH_LEDGER_CELLS, i + 1,
				         r + 1, a->rows[r].cells.n, a->columns.n);
		if (a->type == ATT_LEDGER && a->rows_from == ROWS_UNITS && p->units.n == 0)
			diag_add_sev(d, p->path, a->rows_pos, SEV_WARNING, MSG_FIELD_MISSING_LEDGER_UNITS, i + 1);
	}
}
