/* forms_int.h — what forms.c (each attachment alone) and units.c (each
 * unit's copy of a form) share.  Internal to `fangan build`. */
#ifndef FANGAN_FORMS_INT_H
#define FANGAN_FORMS_INT_H

#include "forms.h"

/* Attachment i (for unit, when not NULL) laid out alone, into path.pdf
 * and, for a form, ledger or score sheet, path.docx, as o asks; like
 * (may be NULL): the canvas whose font subsets it shares
 * (canvas_share_subsets).  *pages: the PDF's, *docx: whether path.docx
 * was written.  Returns 0, 1 (not drawn: findings in d) or 2 (not
 * written: why on o->err). */
int forms_write_one(const Plan *p, size_t i, const char *unit, const char *path,
                    const FontSet *fs, const Geometry *g, const CanvasMeta *meta,
                    const Canvas *like, Diags *d, size_t *pages, bool *docx,
                    const FormsOut *o);

/* Record dir-relative name.ext as written (o->record). */
void forms_record(const FormsOut *o, const char *name, const char *ext);

/* Every unit's copy of form i (ID id), as dir/units/ID-UNIT.pdf and
 * .docx, spread over o->jobs worker processes; returns the worst status
 * as forms_build. */
int forms_units(const Plan *p, size_t i, const char *id, const FontSet *fs,
                const Geometry *g, const char *dir, const CanvasMeta *meta, Diags *d,
                const FormsOut *o);

#endif
