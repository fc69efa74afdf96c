/* forms.h — each attachment of a built plan as a file of its own.
 *
 * Besides OUTDIR/NAME/NAME.pdf (the plan with every attachment after
 * the body, layout.h), `fangan build` writes
 *   OUTDIR/NAME/ID.pdf                each attachment alone, labelled with
 *                                     the 发文字号 and 附件N as GB/T 9704
 *                                     §7.3.7 asks of an attachment bound
 *                                     separately, pages numbered from 1;
 *   OUTDIR/NAME/units/ID-UNIT.pdf     with `units`, each form once per
 *                                     unit, its 申报单位 filled in;
 * and beside each of these for a form, ledger or score sheet the same
 * as .docx (docx.h docx_att_save), from the same layout.
 * ID and UNIT are made safe as file names (no "/", no leading ".", no
 * control characters); an ID that would clash with NAME.pdf or another
 * attachment's file gets the attachment's number appended.
 */
#ifndef FANGAN_FORMS_H
#define FANGAN_FORMS_H

#include <stdio.h>

#include "diag.h"
#include "fonts.h"
#include "geometry.h"
#include "model.h"
#include "canvas.h"

/* The geometry for building p: its notice.xml template (loaded by the
 * resolve pass) when there is one, else fallback. */
const Geometry *forms_geometry(const Plan *p, const Geometry *fallback);

/* Where forms_build reports: lines for the user (files written to out,
 * messages to err, in the plan's turn of a parallel build), and each file
 * written, by its name relative to dir, to record (for the stamp). */
typedef struct {
	FILE *out, *err;
	void (*record)(void *ctx, const char *name);
	void *ctx;
	/* --format: leave out the PDFs, or the DOCX files */
	bool skip_pdf, skip_docx;
	/* worker processes for the units' copies of a form (batch.h); the
	 * files are the same bytes for any number */
	unsigned jobs;
	/* keep a progress line for the copies on stderr (one plan, built
	 * in this process, stderr a terminal) */
	bool progress;
} FormsOut;

/* Write the files above into dir (OUTDIR/NAME, which exists); stem is
 * NAME; meta is the plan's PDF information (each file gets its
 * attachment's title).  Returns 0, 1 when an attachment could not be
 * drawn (findings in d), or 2 when a file could not be written. */
int forms_build(const Plan *p, const FontSet *fs, const Geometry *g, const char *dir,
                const char *stem, const CanvasMeta *meta, Diags *d, const FormsOut *o);

#endif
